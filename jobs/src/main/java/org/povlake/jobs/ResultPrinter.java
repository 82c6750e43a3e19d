package org.povlake.jobs;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.povlake.lake.DisplayWidth;

/** Prints query results aligned for a terminal, or as CSV / JSON lines for pipes. */
final class ResultPrinter {
    enum Format {
        table,
        csv,
        json
    }

    private static final int MAX_WIDTH = 40;

    private ResultPrinter() {}

    static void print(
            PrintWriter out, Format format, List<String> header, List<List<Object>> rows) {
        switch (format) {
            case csv -> {
                out.println(
                        header.stream().map(ResultPrinter::csv).collect(Collectors.joining(",")));
                rows.forEach(
                        r ->
                                out.println(
                                        r.stream()
                                                .map(v -> v == null ? "" : csv(text(v)))
                                                .collect(Collectors.joining(","))));
            }
            case json -> {
                ObjectMapper json = new ObjectMapper();
                for (List<Object> r : rows) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    for (int i = 0; i < header.size(); i++) {
                        Object v = r.get(i);
                        m.put(header.get(i), jsonValue(v));
                    }
                    try {
                        out.println(json.writeValueAsString(m));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
            default -> table(out, header, rows);
        }
        out.flush();
    }

    /**
     * Prints each row as a block of lines, one field per line ({@code name: value}, names aligned),
     * blocks separated by a blank line — psql's {@code \\x}: values are printed whole, however
     * long; a value's further lines are indented under its first.
     */
    static void vertical(PrintWriter out, List<String> header, List<List<Object>> rows) {
        int width = header.stream().mapToInt(DisplayWidth::columns).max().orElse(0);
        String indent = " ".repeat(width + 2);
        for (int r = 0; r < rows.size(); r++) {
            if (r > 0) {
                out.println();
            }
            for (int i = 0; i < header.size(); i++) {
                String name = header.get(i);
                String label = name + ":" + " ".repeat(width - DisplayWidth.columns(name) + 1);
                String value = text(rows.get(r).get(i)).replace("\r\n", "\n");
                out.println((label + value.replace("\n", "\n" + indent)).stripTrailing());
            }
        }
        out.println("(" + rows.size() + " row" + (rows.size() == 1 ? "" : "s") + ")");
        out.flush();
    }

    private static void table(PrintWriter out, List<String> header, List<List<Object>> rows) {
        int[] width = new int[header.size()];
        List<List<String>> cells = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            width[i] = DisplayWidth.columns(header.get(i));
        }
        for (List<Object> r : rows) {
            List<String> line = new ArrayList<>();
            for (int i = 0; i < r.size(); i++) {
                String t = truncate(text(r.get(i)));
                width[i] = Math.max(width[i], DisplayWidth.columns(t));
                line.add(t);
            }
            cells.add(line);
        }
        out.println(join(header, width));
        StringBuilder rule = new StringBuilder();
        for (int w : width) {
            rule.append("-".repeat(w)).append("  ");
        }
        out.println(rule.toString().stripTrailing());
        cells.forEach(c -> out.println(join(c, width)));
        out.println("(" + rows.size() + " row" + (rows.size() == 1 ? "" : "s") + ")");
    }

    private static String join(List<String> cells, int[] width) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String c = cells.get(i);
            b.append(c)
                    .append(" ".repeat(Math.max(0, width[i] - DisplayWidth.columns(c))))
                    .append("  ");
        }
        return b.toString().stripTrailing();
    }

    /**
     * A value as JSON: numbers and booleans as they are, maps as objects, arrays as arrays, structs
     * as objects.
     */
    static Object jsonValue(Object v) {
        if (v == null || v instanceof Number || v instanceof Boolean) {
            return v;
        }
        if (v instanceof scala.collection.Map<?, ?> map) {
            Map<String, Object> m = new LinkedHashMap<>();
            scala.jdk.javaapi.CollectionConverters.asJava(map)
                    .forEach((k, x) -> m.put(text(k), jsonValue(x)));
            return m;
        }
        if (v instanceof scala.collection.Iterable<?> it) {
            List<Object> l = new ArrayList<>();
            scala.jdk.javaapi.CollectionConverters.asJava(it).forEach(x -> l.add(jsonValue(x)));
            return l;
        }
        if (v instanceof org.apache.spark.sql.Row row && row.schema() != null) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (int i = 0; i < row.size(); i++) {
                m.put(row.schema().fieldNames()[i], jsonValue(row.get(i)));
            }
            return m;
        }
        return text(v);
    }

    static String text(Object v) {
        if (v == null) {
            return "NULL";
        }
        if (v instanceof scala.collection.Iterable<?> it) {
            return scala.jdk.javaapi.CollectionConverters.asJava(it).toString();
        }
        if (v instanceof java.math.BigDecimal d) {
            return d.stripTrailingZeros().toPlainString();
        }
        return v.toString();
    }

    private static String truncate(String s) {
        String one = s.replace('\n', ' ').replace('\r', ' ');
        if (DisplayWidth.columns(one) <= MAX_WIDTH) {
            return one;
        }
        StringBuilder b = new StringBuilder();
        int w = 0;
        for (int i = 0; i < one.length() && w < MAX_WIDTH - 1; ) {
            int cp = one.codePointAt(i);
            w += DisplayWidth.columns(cp);
            b.appendCodePoint(cp);
            i += Character.charCount(cp);
        }
        return b.append('…').toString();
    }

    private static String csv(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
