package org.povlake.ingest;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.povlake.contract.TableSchemas;
import org.povlake.lake.Lakehouse;
import org.povlake.lake.ScalaValues;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code ops.ingest_log}: a row per file per run, and the deliveries currently loaded. */
final class IngestLog {
    /** The delivery currently in bronze for one (source, extract, as-of date). */
    record Loaded(String sha256, long rowsRead, String batchId) {
    }

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
        if (!lake.exists(IngestJob.INGEST_LOG)) {
            return current;
        }
        List<Row> rows = lake.spark().read().format("delta").load(lake.path(IngestJob.INGEST_LOG))
                .filter("status = 'loaded'")
                .orderBy("started_at", "batch_id")
                .select("source", "extract", "as_of_date", "file_sha256", "rows_read", "batch_id")
                .collectAsList();
        for (Row r : rows) {
            current.put(key(r.getString(0), r.getString(1), IngestTransforms.asLocalDate(r.get(2))),
                    new Loaded(r.getString(3), r.getLong(4), r.getString(5)));
        }
        return current;
    }

    void create() {
        lake.createIfMissing(IngestJob.INGEST_LOG, schema, TableSchemas.partitioning("ingest_log"));
    }

    void append(String batchId, Instant startedAt, List<FileOutcome> outcomes) {
        List<Row> rows = new ArrayList<>();
        for (FileOutcome o : outcomes) {
            rows.add(RowFactory.create(batchId, startedAt, o.path, o.source, o.extract, o.asOf, o.sha256, o.bytes,
                    o.charset, o.status.label(), o.read, o.accepted, o.quarantined, ScalaValues.map(o.byReason), o.blankLines,
                    o.rejection, o.message, ScalaValues.seq(o.extraColumns), ScalaValues.seq(o.missingOptionalColumns),
                    o.bronzeVersion));
        }
        lake.spark().createDataFrame(rows, schema).write().format("delta").mode("append")
                .save(lake.path(IngestJob.INGEST_LOG));
    }
}
