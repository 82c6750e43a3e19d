package org.povlake.jobs;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Row;
import org.povlake.lake.Lakehouse;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
        name = "tables",
        description = "Lists every lakehouse table (layer.name) with its rows and Delta version.")
public final class TablesCommand implements Callable<Integer> {
    @Mixin LakehouseOption lakeOption;

    @CommandLine.Option(
            names = "--format",
            defaultValue = "table",
            description = "table, csv or json")
    ResultPrinter.Format format;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Lakehouse lake = Spark.existingLakehouse(lakeOption, spec);
        List<String> header = List.of("table", "rows", "version", "last_update");
        List<List<Object>> rows = new ArrayList<>();
        for (String name : lake.tables()) {
            Row last = lake.table(name).history(1).select("version", "timestamp").first();
            long count = lake.table(name).toDF().count();
            rows.add(List.of(name, count, last.getLong(0), String.valueOf(last.get(1))));
        }
        ResultPrinter.print(spec.commandLine().getOut(), format, header, rows);
        return PovlakeCli.OK;
    }
}
