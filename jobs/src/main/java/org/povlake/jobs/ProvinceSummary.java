package org.povlake.jobs;

import static org.apache.spark.sql.functions.col;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.povlake.contract.Catalogue;
import org.povlake.lake.Lakehouse;

/** The province's indicators against their targets, year by year, from gold.indicators. */
final class ProvinceSummary {
    private ProvinceSummary() {}

    static void print(Lakehouse lake, Catalogue catalogue, PrintWriter out) {
        if (!lake.exists("gold.indicators")) {
            out.println("(no gold yet)");
            return;
        }
        List<Row> rows =
                lake.spark()
                        .read()
                        .format("delta")
                        .load(lake.path("gold.indicators"))
                        .where(col("region_level").equalTo("province"))
                        .select("year", "indicator_id", "value", "met", "stale", "missing")
                        .collectAsList();
        TreeSet<Integer> years = new TreeSet<>();
        Map<String, Map<Integer, Row>> byIndicator = new TreeMap<>();
        for (Row r : rows) {
            years.add(r.getInt(0));
            byIndicator.computeIfAbsent(r.getString(1), k -> new TreeMap<>()).put(r.getInt(0), r);
        }
        List<String> header = new ArrayList<>(List.of("indicator", "指标", "target"));
        years.forEach(y -> header.add(String.valueOf(y)));
        header.add("met " + years.last());
        List<List<Object>> table = new ArrayList<>();
        for (Catalogue.Indicator i : catalogue.indicators()) {
            Map<Integer, Row> values = byIndicator.getOrDefault(i.id(), Map.of());
            List<Object> line = new ArrayList<>();
            line.add(i.id());
            line.add(i.nameZh());
            line.add(
                    i.target() == null
                            ? "—"
                            : i.direction().replace(">=", "≥").replace("<=", "≤")
                                    + " "
                                    + i.target().stripTrailingZeros().toPlainString());
            for (int y : years) {
                line.add(cell(values.get(y)));
            }
            Row latest = values.get(years.last());
            Object met = latest == null ? null : latest.get(3);
            line.add(
                    i.target() == null
                            ? ""
                            : met == null ? "n/a" : (Boolean) met ? "met" : "NOT MET");
            table.add(line);
        }
        ResultPrinter.print(out, ResultPrinter.Format.table, header, table);
        out.println(
                "(value: the province's rate, 6 decimals; * stale input; missing: an input extract was not delivered)");
    }

    private static String cell(Row r) {
        if (r == null) {
            return "";
        }
        if (r.getBoolean(5)) {
            return "missing";
        }
        BigDecimal v = r.getDecimal(2);
        String text = v == null ? "null" : v.toPlainString();
        return r.getBoolean(4) ? text + "*" : text;
    }
}
