package org.povlake.jobs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Row;
import org.povlake.lake.Lakehouse;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "history",
        description = {
            "Prints a table's Delta history, newest first: version, time, operation, its",
            "parameters (e.g. the replaceWhere of a gold year) and row counts. Any version can be read back with",
            "povlake sql --as-of, and an assessment pins the versions it read (povlake assess --as-of).",
            "The table format prints a block per version, one field per line (version:, timestamp:, operation:,",
            "parameters:, metrics:), blocks separated by a blank line, every value whole; csv and json print a",
            "line per version."
        })
public final class HistoryCommand implements Callable<Integer> {
    @Mixin LakehouseOption lakeOption;

    @Parameters(paramLabel = "TABLE", arity = "1", description = "layer.name, e.g. gold.indicators")
    String table;

    @Option(
            names = "--format",
            defaultValue = "table",
            description = "table (default), csv or json")
    ResultPrinter.Format format;

    @Option(
            names = "--max-rows",
            defaultValue = "50",
            description = "versions printed at most (default ${DEFAULT-VALUE})")
    int maxRows;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        boolean named =
                table.matches("[a-z]+\\.[a-z0-9_]+")
                        && Lakehouse.LAYERS.contains(table.substring(0, table.indexOf('.')));
        List<Row> versions;
        if (ConnectClient.wanted()) {
            // through the server: DESCRIBE HISTORY, which its door lets through for visible tables
            if (!named) {
                throw noTable(lakeOption.lakehouse);
            }
            try {
                AnalystSession.Answer a =
                        AnalystSession.open(lakeOption, "history", false, null, spec)
                                .run("DESCRIBE HISTORY " + table + " LIMIT " + maxRows, maxRows);
                List<String> wanted =
                        List.of(
                                "version",
                                "timestamp",
                                "operation",
                                "operationParameters",
                                "operationMetrics");
                versions = new ArrayList<>();
                for (Row r : a.rows()) {
                    Object[] picked = new Object[wanted.size()];
                    for (int i = 0; i < picked.length; i++) {
                        Object v = r.get(a.columns().indexOf(wanted.get(i)));
                        // the Connect client gives a Timestamp: the same instant as locally
                        picked[i] = v instanceof java.sql.Timestamp t ? t.toInstant() : v;
                    }
                    versions.add(org.apache.spark.sql.RowFactory.create(picked));
                }
            } catch (AnalystSession.Problem e) {
                if (e.getMessage().contains("TABLE_OR_VIEW_NOT_FOUND")) {
                    throw noTable(lakeOption.lakehouse);
                }
                spec.commandLine().getErr().println("povlake history: " + e.getMessage());
                return PovlakeCli.USAGE;
            }
        } else {
            Lakehouse lake = Spark.existingLakehouse(lakeOption, spec);
            if (!named || !lake.exists(table)) {
                throw noTable(lake.root());
            }
            versions =
                    lake.table(table)
                            .history(maxRows)
                            .select(
                                    "version",
                                    "timestamp",
                                    "operation",
                                    "operationParameters",
                                    "operationMetrics")
                            .collectAsList();
        }
        List<String> header = List.of("version", "timestamp", "operation", "parameters", "metrics");
        List<List<Object>> rows = new ArrayList<>();
        for (Row r : versions) {
            rows.add(
                    java.util.Arrays.asList(
                            r.getLong(0),
                            String.valueOf(r.get(1)),
                            r.getString(2),
                            compact(r.getJavaMap(3)),
                            compact(metrics(r.getJavaMap(4)))));
        }
        if (format == ResultPrinter.Format.table) {
            ResultPrinter.vertical(spec.commandLine().getOut(), header, rows);
        } else {
            ResultPrinter.print(spec.commandLine().getOut(), format, header, rows);
        }
        return PovlakeCli.OK;
    }

    private CommandLine.ParameterException noTable(String root) {
        return new CommandLine.ParameterException(
                spec.commandLine(),
                "no table " + table + " in " + root + " (povlake tables lists them)");
    }

    /** The row and file counts of a commit (Delta records many more metrics). */
    static Map<Object, Object> metrics(Map<Object, Object> all) {
        Map<Object, Object> kept = new TreeMap<>();
        if (all != null) {
            all.forEach(
                    (k, v) -> {
                        String key = String.valueOf(k);
                        if (key.endsWith("Rows")
                                || key.equals("numFiles")
                                || key.equals("numRemovedFiles")
                                || key.equals("numAddedFiles")) {
                            kept.put(key, v);
                        }
                    });
        }
        return kept;
    }

    static String compact(Map<Object, Object> m) {
        if (m == null || m.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        Map<Object, Object> sorted = new TreeMap<>(m);
        Object predicate =
                sorted.remove(
                        "predicate"); // what a replaceWhere replaced: first, before it is truncated
        if (predicate != null) {
            sb.append("predicate=").append(predicate);
        }
        sorted.forEach(
                (k, v) -> sb.append(sb.length() == 0 ? "" : " ").append(k).append('=').append(v));
        return sb.toString();
    }
}
