package org.povlake.ingest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.povlake.contract.TableSchemas;
import org.povlake.lake.Lakehouse;
import org.povlake.lake.ScalaValues;

/** {@code ops.ingest_log}: a row per file per run, and the deliveries currently loaded. */
public final class IngestLog {
    /**
     * The delivery currently in bronze for one (source, extract, as-of date).
     *
     * @param lines the physical lines its records spanned; null for a delivery logged before lines
     *     were counted
     */
    record Loaded(String sha256, long rowsRead, Long lines, String batchId) {}

    private final Lakehouse lake;
    private final StructType schema = TableSchemas.lakehouse("ingest_log");

    IngestLog(Lakehouse lake) {
        this.lake = lake;
    }

    static String key(String source, String extract, LocalDate asOf) {
        return source + "/" + extract + "/" + asOf;
    }

    /** For each (source, extract, as-of), the latest loaded delivery. */
    Map<String, Loaded> currentDeliveries() {
        Map<String, Loaded> current = new HashMap<>();
        for (Row r : latestLoaded(lake)) {
            current.put(
                    key(
                            r.getAs("source"),
                            r.getAs("extract"),
                            IngestTransforms.asLocalDate(r.getAs("as_of_date"))),
                    new Loaded(
                            r.getAs("file_sha256"),
                            r.<Long>getAs("rows_read"),
                            r.<Long>getAs("lines"),
                            r.getAs("batch_id")));
        }
        return current;
    }

    /**
     * The log rows of the deliveries currently in bronze: for each (source, extract, as-of date)
     * the latest file loaded (a later load of the same date replaced the earlier one), in as-of
     * order. Empty before any ingest.
     */
    public static List<Row> latestLoaded(Lakehouse lake) {
        if (!lake.exists(IngestJob.INGEST_LOG)) {
            return List.of();
        }
        Map<String, Row> latest = new TreeMap<>();
        for (Row r :
                lake.spark()
                        .read()
                        .format("delta")
                        .load(lake.path(IngestJob.INGEST_LOG))
                        .filter("status = 'loaded'")
                        .orderBy("started_at", "batch_id")
                        .collectAsList()) {
            latest.put(
                    key(
                            r.getAs("source"),
                            r.getAs("extract"),
                            IngestTransforms.asLocalDate(r.getAs("as_of_date"))),
                    r);
        }
        return new ArrayList<>(latest.values());
    }

    /**
     * Creates the log, or adds the columns a log written by an earlier povlake lacks (one commit,
     * once): a row is always written with every column of {@code
     * schemas/lakehouse/ingest_log.json}.
     */
    void create() {
        lake.createIfMissing(IngestJob.INGEST_LOG, schema, TableSchemas.partitioning("ingest_log"));
        Set<String> have = Set.of(lake.table(IngestJob.INGEST_LOG).toDF().schema().fieldNames());
        List<String> missing =
                Arrays.stream(schema.fields())
                        .filter(f -> !have.contains(f.name()))
                        .map(f -> "`" + f.name() + "` " + f.dataType().sql())
                        .toList();
        if (!missing.isEmpty()) {
            lake.spark()
                    .sql(
                            "ALTER TABLE delta.`"
                                    + lake.path(IngestJob.INGEST_LOG)
                                    + "` ADD COLUMNS ("
                                    + String.join(", ", missing)
                                    + ")");
        }
    }

    void append(String batchId, Instant startedAt, List<FileOutcome> outcomes) {
        List<Row> rows = new ArrayList<>();
        for (FileOutcome o : outcomes) {
            rows.add(
                    RowFactory.create(
                            batchId,
                            startedAt,
                            o.path,
                            o.source,
                            o.extract,
                            o.asOf,
                            o.sha256,
                            o.bytes,
                            o.charset,
                            o.status.label(),
                            o.read,
                            o.accepted,
                            o.quarantined,
                            ScalaValues.map(o.byReason),
                            o.blankLines,
                            o.rejection,
                            o.message,
                            ScalaValues.seq(o.extraColumns),
                            ScalaValues.seq(o.missingOptionalColumns),
                            o.bronzeVersion,
                            o.lines,
                            o.extraColumnsUnlisted));
        }
        lake.spark()
                .createDataFrame(rows, schema)
                .write()
                .format("delta")
                .mode("append")
                .save(lake.path(IngestJob.INGEST_LOG));
    }
}
