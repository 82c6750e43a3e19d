package org.povlake.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.povlake.lake.ScalaValues;

class ResultPrinterTest {
    @Test
    void jsonWritesMapsAsObjectsAndArraysAsArrays() {
        StringWriter out = new StringWriter();
        List<Object> row =
                Arrays.asList(
                        "ok",
                        3,
                        new java.math.BigDecimal("0.500000"),
                        ScalaValues.map(new TreeMap<>(Map.of("gold", 829.4, "silver", 61.8))),
                        ScalaValues.seq(List.of(2019, 2020)),
                        null);
        ResultPrinter.print(
                new PrintWriter(out),
                ResultPrinter.Format.json,
                List.of("status", "files", "rate", "stage_seconds", "years_built", "message"),
                List.of(row));
        assertEquals(
                "{\"status\":\"ok\",\"files\":3,\"rate\":0.500000,\"stage_seconds\":{\"gold\":829.4,\"silver\":61.8},"
                        + "\"years_built\":[2019,2020],\"message\":null}\n",
                out.toString());
    }

    @Test
    void aTableAlignsAndTruncatesByCodePoint() {
        String extB = new String(Character.toChars(0x20BB7)); // 𠮷: one wide hanzi, two chars
        StringWriter out = new StringWriter();
        ResultPrinter.print(
                new PrintWriter(out),
                ResultPrinter.Format.table,
                List.of("name", "n"),
                List.of(
                        Arrays.asList(extB + "村", 1),
                        Arrays.asList("ab", 2),
                        Arrays.asList(extB.repeat(30), 3)));
        String[] lines = out.toString().split("\\n");
        // the long value is cut after 20 hanzi (the first to reach 39 columns) and an ellipsis: 41
        // columns wide
        assertEquals("name" + " ".repeat(39) + "n", lines[0]);
        assertEquals(extB + "村" + " ".repeat(39) + "1", lines[2]);
        assertEquals("ab" + " ".repeat(41) + "2", lines[3]);
        assertEquals(extB.repeat(20) + "…  3", lines[4], "never half a surrogate pair");
    }

    @Test
    void verticalPrintsAFieldPerLineAndEveryValueWhole() {
        StringWriter out = new StringWriter();
        String metrics = "numOutputRows=123456789 " + "x".repeat(60);
        ResultPrinter.vertical(
                new PrintWriter(out),
                List.of("version", "metrics"),
                List.of(Arrays.asList(3L, metrics), Arrays.asList(2L, "two\nlines")));
        assertEquals(
                "version: 3\n"
                        + "metrics: "
                        + metrics
                        + "\n\n"
                        + "version: 2\n"
                        + "metrics: two\n"
                        + "         lines\n"
                        + "(2 rows)\n",
                out.toString());
    }
}
