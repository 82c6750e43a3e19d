package org.povlake.jobs;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Row;
import org.povlake.lake.TableRegistry;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "sql",
        description = {
            "Runs a read-only Spark SQL query with the lakehouse tables as layer.name,",
            "e.g. povlake sql \"SELECT count(*) FROM silver.households\". Statements that write,",
            "change the catalogue or configuration, or read files by path are refused.",
            "Bronze and its quarantine (personal data) need --personal-data."
        })
public final class SqlCommand implements Callable<Integer> {
    @Mixin LakehouseOption lakeOption;

    @Option(
            names = "--format",
            defaultValue = "table",
            description = "table (default), csv or json")
    ResultPrinter.Format format;

    @Option(
            names = "--max-rows",
            defaultValue = "1000",
            description = "rows printed at most (default ${DEFAULT-VALUE})")
    int maxRows;

    @Option(
            names = "--personal-data",
            description = {
                "let the query read bronze and its quarantine, which hold personal data; every",
                "statement is recorded in ops.access_log (who, when, the statement with its",
                "literals masked, rows returned; never a value)"
            })
    boolean personalData;

    @Parameters(paramLabel = "SQL", arity = "1", description = "the query")
    String sql;

    @Option(
            names = "--as-of",
            paramLabel = "WHEN",
            description = {
                "read every table as it was: at a time (2020-12-31,",
                "2026-11-29T08:00:00Z) or at the versions an assessment read (its manifest.json — the newest year's entry —",
                "or its assessment_<Y>.json)"
            })
    String asOf;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    /** A version file's pins (table → version, and when they were pinned), or the time as given. */
    Object asOfValue() {
        java.nio.file.Path file = java.nio.file.Path.of(asOf);
        if (!java.nio.file.Files.isRegularFile(file)) {
            if (!asOf.matches("\\d{4}-\\d{2}-\\d{2}([T ][0-9:.]+Z?)?")) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(),
                        "--as-of takes a date, a time or a "
                                + "manifest / assessment JSON file, not '"
                                + asOf
                                + "'");
            }
            return asOf;
        }
        try {
            org.povlake.assess.Manifest.Entry pins = org.povlake.assess.Manifest.newestPins(file);
            return new TableRegistry.Pins(
                    pins.inputs(),
                    pins.generatedAt() == null
                            ? null
                            : java.time.Instant.parse(pins.generatedAt()));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    @Override
    public Integer call() {
        AnalystSession session =
                AnalystSession.open(
                        lakeOption, "sql", personalData, asOf == null ? null : asOfValue(), spec);
        AnalystSession.Answer answer;
        try {
            answer = session.run(sql, maxRows);
        } catch (AnalystSession.Problem e) {
            spec.commandLine().getErr().println("povlake sql: " + e.getMessage());
            return PovlakeCli.USAGE;
        }
        ResultPrinter.print(
                spec.commandLine().getOut(), format, answer.columns(), cells(answer.rows()));
        if (answer.more() && format == ResultPrinter.Format.table) {
            spec.commandLine()
                    .getOut()
                    .println(
                            "(more rows: only the first "
                                    + maxRows
                                    + " are shown; see --max-rows)");
        }
        return PovlakeCli.OK;
    }

    /** Rows as the printer takes them. */
    static List<List<Object>> cells(List<Row> rows) {
        List<List<Object>> cells = new ArrayList<>();
        for (Row r : rows) {
            List<Object> line = new ArrayList<>();
            for (int i = 0; i < r.length(); i++) {
                line.add(r.get(i));
            }
            cells.add(line);
        }
        return cells;
    }
}
