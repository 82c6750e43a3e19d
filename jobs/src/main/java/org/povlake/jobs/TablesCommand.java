package org.povlake.jobs;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.get_json_object;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.delta.DeltaLog;
import org.apache.spark.sql.delta.Snapshot;
import org.povlake.lake.Lakehouse;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
        name = "tables",
        description = {
            "Lists every lakehouse table (layer.name) from its Delta log, without reading its data: layer,",
            "rows, files, size, Delta version and last update (the commit's time, UTC).",
            "Rows are the sum of the numRecords statistics of the table's current files (less the rows",
            "deleted by deletion vectors); a table with a file lacking them is counted instead, and",
            "rows_from says which (stats or count). Size is human-readable (1.2 MB, powers of 1000) in",
            "the table format, bytes in csv and json."
        })
public final class TablesCommand implements Callable<Integer> {
    @Mixin LakehouseOption lakeOption;

    @CommandLine.Option(
            names = "--format",
            defaultValue = "table",
            description = "table, csv or json")
    ResultPrinter.Format format;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    /** What the Delta log says of a table's current snapshot. */
    record Summary(
            long version,
            Instant lastUpdate,
            long files,
            long bytes,
            long rowsFromStats,
            long filesWithoutStats) {}

    @Override
    public Integer call() {
        Lakehouse lake = Spark.existingLakehouse(lakeOption, spec);
        List<String> header =
                List.of(
                        "table",
                        "layer",
                        "rows",
                        "rows_from",
                        "files",
                        "size",
                        "version",
                        "last_update");
        List<List<Object>> rows = new ArrayList<>();
        for (String name : lake.tables()) {
            Summary s = summary(lake, name);
            boolean counted = s.filesWithoutStats() > 0;
            long count = counted ? lake.read(name).count() : s.rowsFromStats();
            rows.add(
                    List.of(
                            name,
                            name.substring(0, name.indexOf('.')),
                            count,
                            counted ? "count" : "stats",
                            s.files(),
                            format == ResultPrinter.Format.table ? humanSize(s.bytes()) : s.bytes(),
                            s.version(),
                            s.lastUpdate().toString()));
        }
        ResultPrinter.print(spec.commandLine().getOut(), format, header, rows);
        return PovlakeCli.OK;
    }

    /**
     * The table's current snapshot from its Delta log (checkpoint and commits; no data file read):
     * version, commit time, and its add files' count, bytes and {@code numRecords} statistics.
     */
    static Summary summary(Lakehouse lake, String name) {
        DeltaLog log = DeltaLog.forTable(lake.spark(), lake.path(name));
        Snapshot snapshot =
                log.update(log.update$default$1(), log.update$default$2(), log.update$default$3());
        Column records = get_json_object(col("stats"), "$.numRecords").cast("long");
        Column deleted = coalesce(col("deletionVector.cardinality"), lit(0L));
        Row r =
                snapshot.allFiles()
                        .toDF()
                        .agg(
                                count(lit(1)),
                                coalesce(sum(col("size")), lit(0L)),
                                coalesce(sum(records.minus(deleted)), lit(0L)),
                                count(when(records.isNull(), lit(1))))
                        .first();
        return new Summary(
                snapshot.version(),
                Instant.ofEpochMilli(snapshot.timestamp()).truncatedTo(ChronoUnit.SECONDS),
                r.getLong(0),
                r.getLong(1),
                r.getLong(2),
                r.getLong(3));
    }

    /** Bytes for a reader: 532 B, 12.3 kB, 1.2 MB, 3.4 GB (powers of 1000). */
    static String humanSize(long bytes) {
        if (bytes < 1000) {
            return bytes + " B";
        }
        String[] units = {"kB", "MB", "GB", "TB", "PB"};
        double v = bytes;
        int i = -1;
        while (v >= 999.95 && i < units.length - 1) {
            v /= 1000;
            i++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[i]);
    }
}
