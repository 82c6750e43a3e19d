package org.povlake.quality;

import java.util.ArrayList;
import java.util.List;
import org.povlake.lake.DisplayWidth;

/**
 * A fixed-width text table for the terminal: columns padded by display width (a CJK character takes
 * two cells), numbers right-aligned, the last column never padded.
 */
final class TextTable {
    private final boolean[] right;
    private final List<String[]> rows = new ArrayList<>();

    /**
     * @param align one character per column: 'l' left, 'r' right
     */
    TextTable(String align) {
        right = new boolean[align.length()];
        for (int i = 0; i < right.length; i++) {
            right[i] = align.charAt(i) == 'r';
        }
    }

    TextTable row(Object... cells) {
        if (cells.length != right.length) {
            throw new IllegalArgumentException(
                    cells.length + " cells for " + right.length + " columns");
        }
        String[] r = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            r[i] = cells[i] == null ? "" : cells[i].toString();
        }
        rows.add(r);
        return this;
    }

    String render(String indent) {
        int[] w = new int[right.length];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                w[i] = Math.max(w[i], DisplayWidth.columns(r[i]));
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder(indent);
            for (int i = 0; i < r.length; i++) {
                if (i > 0) {
                    line.append("  ");
                }
                boolean last = i == r.length - 1;
                line.append(right[i] ? padLeft(r[i], w[i]) : last ? r[i] : padRight(r[i], w[i]));
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }
        return sb.toString();
    }

    static String padRight(String s, int width) {
        return s + " ".repeat(Math.max(0, width - DisplayWidth.columns(s)));
    }

    static String padLeft(String s, int width) {
        return " ".repeat(Math.max(0, width - DisplayWidth.columns(s))) + s;
    }
}
