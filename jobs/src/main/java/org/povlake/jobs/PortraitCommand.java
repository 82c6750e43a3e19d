package org.povlake.jobs;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Row;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "portrait",
        description = {
            "Prints a household's portrait (精准画像, gold.household_portrait): region, status",
            "and history, attribute and causes, income against the line, the five exit criteria, deprivations and MPI",
            "score, assistance, insurance, schooling and e-commerce reach — one column per year (or the year asked).",
            "HOUSEHOLD_KEY is the registry's household number (no names or resident IDs are kept in gold)."
        })
public final class PortraitCommand implements Callable<Integer> {
    @Mixin LakehouseOption lakeOption;

    @Parameters(
            paramLabel = "HOUSEHOLD_KEY",
            arity = "1",
            description = "the household number, e.g. 6211211032060004")
    String household;

    @Option(
            names = "--year",
            paramLabel = "Y",
            description = "that year only (default: every year with a portrait)")
    Integer year;

    @Option(
            names = "--format",
            defaultValue = "table",
            description =
                    "table (default: a field per line, a column "
                            + "per year), csv or json (a line per year)")
    ResultPrinter.Format format;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (!household.matches("[0-9A-Za-z]{1,40}")) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(),
                    "HOUSEHOLD_KEY is the registry's household number (digits), not '"
                            + household
                            + "'");
        }
        AnalystSession session = AnalystSession.open(lakeOption, "portrait", false, null, spec);
        AnalystSession.Answer answer;
        try {
            answer =
                    session.run(
                            "SELECT * FROM gold.household_portrait WHERE household_id = '"
                                    + household
                                    + "'"
                                    + (year == null ? "" : " AND year = " + year)
                                    + " ORDER BY year",
                            1000);
        } catch (AnalystSession.Problem e) {
            if (e.getMessage().contains("TABLE_OR_VIEW_NOT_FOUND")) {
                throw new IllegalStateException(
                        "no gold.household_portrait in "
                                + lakeOption.lakehouse
                                + ": run povlake build first",
                        e);
            }
            spec.commandLine().getErr().println("povlake portrait: " + e.getMessage());
            return PovlakeCli.USAGE;
        }
        List<Row> years = answer.rows();
        if (years.isEmpty()) {
            spec.commandLine()
                    .getErr()
                    .println(
                            "povlake portrait: no registered household "
                                    + household
                                    + (year == null ? "" : " in " + year)
                                    + " in gold.household_portrait");
            return PovlakeCli.FAILURE;
        }
        String[] fields = answer.columns().toArray(String[]::new);
        List<List<Object>> rows = new ArrayList<>();
        if (format == ResultPrinter.Format.table) {
            List<String> header = new ArrayList<>(List.of("field"));
            years.forEach(r -> header.add(String.valueOf(r.<Integer>getAs("year"))));
            for (int i = 0; i < fields.length; i++) {
                if (fields[i].equals("year")) {
                    continue;
                }
                List<Object> line = new ArrayList<>(List.of(fields[i]));
                for (Row r : years) {
                    line.add(r.get(i));
                }
                rows.add(line);
            }
            ResultPrinter.print(spec.commandLine().getOut(), format, header, rows);
        } else {
            for (Row r : years) {
                List<Object> line = new ArrayList<>();
                for (int i = 0; i < fields.length; i++) {
                    line.add(r.get(i));
                }
                rows.add(line);
            }
            ResultPrinter.print(spec.commandLine().getOut(), format, List.of(fields), rows);
        }
        return PovlakeCli.OK;
    }
}
