package org.povlake.jobs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.povlake.lake.DisplayWidth;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Help.Ansi.Text;
import picocli.CommandLine.Help.Column;
import picocli.CommandLine.Help.TextTable;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The usage help, wrapped at word boundaries. A description written as several array elements is
 * one paragraph split where its author chose: the elements are joined again ({@link #paragraphs})
 * and the text wrapped at spaces only ({@link #wrap}) — picocli's own wrapping cuts a line after a
 * full stop inside a name ({@code bronze.|quarantine}) and at the column's exact end. The command
 * list shows each command's first sentence.
 */
final class WrappedHelp extends Help {
    WrappedHelp(CommandSpec spec, ColorScheme colors) {
        super(spec, colors);
    }

    /** Installs it on {@code cl} and every subcommand. */
    static void install(CommandLine cl) {
        cl.setHelpFactory(WrappedHelp::new);
    }

    /**
     * Joins description elements into paragraphs: an element continues the previous one unless that
     * one ends a sentence ({@code .}) and this one starts with a capital letter.
     */
    static List<String> paragraphs(String... elements) {
        List<String> out = new ArrayList<>();
        for (String e : elements) {
            String s = e.strip();
            if (s.isEmpty()) {
                continue;
            }
            int last = out.size() - 1;
            boolean continues =
                    last >= 0
                            && !(out.get(last).endsWith(".")
                                    && Character.isUpperCase(s.codePointAt(0)));
            if (continues) {
                out.set(last, out.get(last) + " " + s);
            } else {
                out.add(s);
            }
        }
        return out;
    }

    /**
     * A paragraph as lines at most {@code width} columns wide (wide characters count two), broken
     * at spaces only: a word longer than the width stays whole on its own line.
     */
    static List<String> wrap(String paragraph, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        int used = 0;
        for (String word : paragraph.split(" +")) {
            int w = DisplayWidth.columns(word);
            if (used > 0 && used + 1 + w > width) {
                lines.add(line.toString());
                line.setLength(0);
                used = 0;
            }
            if (used > 0) {
                line.append(' ');
                used++;
            }
            line.append(word);
            used += w;
        }
        if (used > 0) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** The first sentence of a command's description, for the command list. */
    static String summary(String... description) {
        List<String> p = paragraphs(description);
        if (p.isEmpty()) {
            return "";
        }
        String first = p.get(0);
        java.util.regex.Matcher end =
                java.util.regex.Pattern.compile("\\. (?=\\p{Lu})").matcher(first);
        return end.find() ? first.substring(0, end.start() + 1) : first;
    }

    @Override
    public String description(Object... params) {
        String[] description = commandSpec().usageMessage().description();
        if (description.length == 0) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        for (String p : paragraphs(formatted(description, params))) {
            wrap(p, commandSpec().usageMessage().width()).forEach(l -> b.append(l).append('\n'));
        }
        return b.toString();
    }

    private static String[] formatted(String[] lines, Object... params) {
        String[] out = new String[lines.length];
        for (int i = 0; i < lines.length; i++) {
            out[i] = params.length == 0 ? lines[i] : String.format(lines[i], params);
        }
        return out;
    }

    @Override
    public String commandList(Map<String, Help> subcommands) {
        if (subcommands.isEmpty()) {
            return "";
        }
        TextTable table = createTextTable(subcommands);
        for (Map.Entry<String, Help> e : subcommands.entrySet()) {
            CommandSpec sub = e.getValue().commandSpec();
            String[] header = sub.usageMessage().header();
            String summary =
                    header.length > 0 ? summary(header) : summary(sub.usageMessage().description());
            table.addRowValues(e.getKey(), summary);
        }
        return table.toString();
    }

    @Override
    public TextTable createTextTable(Map<?, ?> subcommands) {
        TextTable picocli = super.createTextTable(subcommands);
        return new Table(colorScheme(), picocli.columns());
    }

    @Override
    public Layout createDefaultLayout(
            List<CommandLine.Model.OptionSpec> options,
            List<CommandLine.Model.PositionalParamSpec> positionals,
            ColorScheme colors) {
        Layout picocli = super.createDefaultLayout(options, positionals, colors);
        return new Layout(colors, new Table(colors, picocli.textTable().columns())) {
            @Override
            public void layout(ArgSpec arg, Text[][] rows) {
                super.layout(arg, joined(colors, rows));
            }
        };
    }

    /**
     * An option's rows with its description's continuation rows (the other columns empty) joined
     * into the paragraph they continue.
     */
    static Text[][] joined(ColorScheme colors, Text[][] rows) {
        List<Text[]> out = new ArrayList<>();
        List<String> description = new ArrayList<>();
        for (Text[] row : rows) {
            boolean continuation = !out.isEmpty();
            for (int c = 0; c < row.length - 1 && continuation; c++) {
                continuation = row[c] == null || row[c].plainString().isBlank();
            }
            if (!continuation) {
                flush(colors, out, description);
                out.add(row.clone());
            }
            description.add(row[row.length - 1] == null ? "" : row[row.length - 1].plainString());
        }
        flush(colors, out, description);
        return out.toArray(new Text[0][]);
    }

    /** The description gathered for the last row, as paragraphs: the first in it, one row each. */
    private static void flush(ColorScheme colors, List<Text[]> out, List<String> description) {
        if (out.isEmpty()) {
            description.clear();
            return;
        }
        List<String> p = paragraphs(description.toArray(new String[0]));
        Text[] row = out.get(out.size() - 1);
        int last = row.length - 1;
        row[last] = colors.text(p.isEmpty() ? "" : p.get(0));
        for (int i = 1; i < p.size(); i++) {
            Text[] more = new Text[row.length];
            for (int c = 0; c < last; c++) {
                more[c] = colors.text("");
            }
            more[last] = colors.text(p.get(i));
            out.add(more);
        }
        description.clear();
    }

    /** A text table whose wrapping columns break at spaces only. */
    static final class Table extends TextTable {
        private final ColorScheme colors;

        Table(ColorScheme colors, Column[] columns) {
            super(colors, columns);
            this.colors = colors;
        }

        @Override
        public Cell putValue(int row, int col, Text value) {
            Column column = columns()[col];
            String plain = value.plainString();
            int width = column.width - column.indent;
            if (column.overflow != Column.Overflow.WRAP || DisplayWidth.columns(plain) <= width) {
                return super.putValue(row, col, value);
            }
            List<String> lines = wrap(plain, width);
            Cell cell = super.putValue(row, col, colors.text(lines.get(0)));
            for (int i = 1; i < lines.size(); i++) {
                if (cell.row + 1 >= rowCount()) {
                    addEmptyRow();
                }
                cell = super.putValue(cell.row + 1, col, colors.text(lines.get(i)));
            }
            return cell;
        }
    }
}
