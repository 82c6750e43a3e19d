package org.povlake.jobs;

import org.junit.jupiter.api.Test;
import org.povlake.lake.ScalaValues;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ResultPrinterTest {
    @Test
    void jsonWritesMapsAsObjectsAndArraysAsArrays() {
        StringWriter out = new StringWriter();
        List<Object> row = Arrays.asList("ok", 3, new java.math.BigDecimal("0.500000"),
                ScalaValues.map(new TreeMap<>(Map.of("gold", 829.4, "silver", 61.8))), ScalaValues.seq(List.of(2019, 2020)),
                null);
        ResultPrinter.print(new PrintWriter(out), ResultPrinter.Format.json,
                List.of("status", "files", "rate", "stage_seconds", "years_built", "message"), List.of(row));
        assertEquals("{\"status\":\"ok\",\"files\":3,\"rate\":0.500000,\"stage_seconds\":{\"gold\":829.4,\"silver\":61.8},"
                + "\"years_built\":[2019,2020],\"message\":null}\n", out.toString());
    }
}
