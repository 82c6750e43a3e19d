package org.povlake.quality;

import java.util.ArrayList;
import java.util.List;

/**
 * A fixed-width text table for the terminal: columns padded by display width (a CJK character takes two
 * cells), numbers right-aligned, the last column never padded.
 */
final class TextTable {
    private final boolean[] right;
    private final List<String[]> rows = new ArrayList<>();

    /** @param align one character per column: 'l' left, 'r' right */
    TextTable(String align) {
        right = new boolean[align.length()];
        for (int i = 0; i < right.length; i++) {
            right[i] = align.charAt(i) == 'r';
        }
    }

    TextTable row(Object... cells) {
        if (cells.length != right.length) {
            throw new IllegalArgumentException(cells.length + " cells for " + right.length + " columns");
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
                w[i] = Math.max(w[i], width(r[i]));
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
        return s + " ".repeat(Math.max(0, width - width(s)));
    }

    static String padLeft(String s, int width) {
        return " ".repeat(Math.max(0, width - width(s))) + s;
    }

    /** Terminal cells taken by s: East Asian wide and full-width characters count two, combining marks zero. */
    static int width(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || cp == 0x200B) {
                continue;
            }
            w += wide(cp) ? 2 : 1;
        }
        return w;
    }

    private static boolean wide(int cp) {
        return (cp >= 0x1100 && cp <= 0x115F)
                || (cp >= 0x2E80 && cp <= 0x303E)
                || (cp >= 0x3041 && cp <= 0x33FF)
                || (cp >= 0x3400 && cp <= 0x4DBF)
                || (cp >= 0x4E00 && cp <= 0x9FFF)
                || (cp >= 0xA000 && cp <= 0xA4CF)
                || (cp >= 0xAC00 && cp <= 0xD7A3)
                || (cp >= 0xF900 && cp <= 0xFAFF)
                || (cp >= 0xFE30 && cp <= 0xFE4F)
                || (cp >= 0xFF00 && cp <= 0xFF60)
                || (cp >= 0xFFE0 && cp <= 0xFFE6)
                || (cp >= 0x20000 && cp <= 0x3FFFD);
    }
}
