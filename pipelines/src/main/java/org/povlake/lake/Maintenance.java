package org.povlake.lake;

import io.delta.tables.DeltaTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Row;
import org.povlake.ops.Timings;

/**
 * {@code povlake maintain}: compacts each table's small files (Delta OPTIMIZE) and deletes the data
 * files no version within the retention needs any more (VACUUM). The retention is the table's own
 * {@code delta.deletedFileRetentionDuration} (10 years, {@link Lakehouse#TABLE_PROPERTIES}) and
 * never less than {@link #MIN_RETENTION_HOURS} (7 years): every version an assessment read in the
 * last 7 years stays readable by time travel, so every published assessment can be reproduced.
 * OPTIMIZE only adds a version (the old files stay for the older versions until the retention has
 * passed).
 */
public final class Maintenance {
    /** 7 years of 365.25 days. */
    public static final long MIN_RETENTION_HOURS = Math.round(7 * 365.25 * 24);

    private static final Pattern DAYS = Pattern.compile("(?i)interval\\s+(\\d+)\\s+days?");

    private Maintenance() {}

    /** What was done to one table. */
    public record TableResult(
            String table,
            long versionBefore,
            long versionAfter,
            long filesBefore,
            long filesAfter,
            long filesRemovedByCompaction,
            long filesDeleted,
            long retentionHours,
            double seconds) {}

    /** Maintains each table in turn; {@code done} hears of each as it is finished. */
    public static List<TableResult> run(
            Lakehouse lake,
            List<String> tables,
            boolean optimize,
            boolean vacuum,
            java.util.function.Consumer<TableResult> done) {
        List<TableResult> out = new ArrayList<>();
        for (String name : tables) {
            long t0 = System.nanoTime();
            DeltaTable table = lake.table(name);
            long before = lake.version(name);
            long filesBefore = liveFiles(lake, name);
            long compacted = 0;
            if (optimize) {
                Row metrics =
                        table.optimize()
                                .executeCompaction()
                                .select("metrics.numFilesRemoved")
                                .first();
                compacted = metrics.isNullAt(0) ? 0 : metrics.getLong(0);
            }
            long hours = retentionHours(table);
            long deleted = 0;
            if (vacuum) {
                // VACUUM lists the table's folder with
                // spark.sql.sources.parallelPartitionDiscovery.parallelism tasks
                // (10,000 by default: minutes of empty tasks on a small table); its result is a
                // one-row frame with
                // the path, the count comes from the log's metrics
                String key = "spark.sql.sources.parallelPartitionDiscovery.parallelism";
                String previous = lake.spark().conf().get(key, null);
                lake.spark()
                        .conf()
                        .set(
                                key,
                                Integer.toString(
                                        Math.max(
                                                2,
                                                lake.spark().sparkContext().defaultParallelism())));
                try {
                    table.vacuum(hours);
                } finally {
                    if (previous == null) {
                        lake.spark().conf().unset(key);
                    } else {
                        lake.spark().conf().set(key, previous);
                    }
                }
                deleted = vacuumedFiles(table);
            }
            TableResult r =
                    new TableResult(
                            name,
                            before,
                            lake.version(name),
                            filesBefore,
                            liveFiles(lake, name),
                            compacted,
                            deleted,
                            hours,
                            Timings.since(t0));
            out.add(r);
            done.accept(r);
        }
        return out;
    }

    /** The table's deleted-file retention in hours, at least {@link #MIN_RETENTION_HOURS}. */
    static long retentionHours(DeltaTable table) {
        Map<String, String> props =
                scala.jdk.javaapi.CollectionConverters.asJava(
                        table.detail()
                                .select("properties")
                                .first()
                                .<scala.collection.Map<String, String>>getAs(0));
        String value = props.get("delta.deletedFileRetentionDuration");
        long hours = 0;
        if (value != null) {
            Matcher m = DAYS.matcher(value.trim());
            if (m.matches()) {
                hours = Long.parseLong(m.group(1)) * 24;
            }
        }
        return Math.max(hours, MIN_RETENTION_HOURS);
    }

    private static long liveFiles(Lakehouse lake, String name) {
        return lake.table(name).detail().select("numFiles").first().getLong(0);
    }

    /** Files the last VACUUM END commit deleted (0 if the log has none). */
    private static long vacuumedFiles(DeltaTable table) {
        List<Row> end =
                table.history(2)
                        .where("operation = 'VACUUM END'")
                        .select("operationMetrics")
                        .collectAsList();
        if (end.isEmpty()) {
            return 0;
        }
        Map<String, String> m =
                scala.jdk.javaapi.CollectionConverters.asJava(
                        end.get(0).<scala.collection.Map<String, String>>getAs(0));
        return Long.parseLong(m.getOrDefault("numDeletedFiles", "0"));
    }
}
