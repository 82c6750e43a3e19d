package org.povlake.pipeline;

import static org.apache.spark.sql.functions.col;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.povlake.ingest.FileOutcome;
import org.povlake.ingest.IngestJob;
import org.povlake.lake.Lakehouse;
import org.povlake.lake.ScalaValues;

/**
 * {@code ops.nightly_runs}, the nightly's run log: one row per run, read back to find the last
 * successful one.
 */
public final class NightlyLog {
    public static final String TABLE = "ops.nightly_runs";

    private NightlyLog() {}

    /** The last run that ended with exit 0 or 3, or null. */
    public static NightlyDecisions.LastRun lastSuccessful(Lakehouse lake) {
        if (!lake.exists(TABLE)) {
            return null;
        }
        List<Row> rows =
                lake.spark()
                        .read()
                        .format("delta")
                        .load(lake.path(TABLE))
                        .where(col("exit_code").isin(Nightly.OK, Nightly.REJECTED_FILES))
                        .orderBy(col("started_at").desc())
                        .limit(1)
                        .collectAsList();
        if (rows.isEmpty()) {
            return null;
        }
        Row r = rows.get(0);
        Map<String, Long> after =
                new TreeMap<>(
                        scala.jdk.javaapi.CollectionConverters.asJava(
                                r.<scala.collection.Map<String, Long>>getAs("versions_after")));
        return new NightlyDecisions.LastRun(r.getAs("run_id"), r.getAs("finished_at"), after);
    }

    /** Every table's Delta version, the run log's own left out. */
    public static Map<String, Long> versions(Lakehouse lake) {
        Map<String, Long> v = new TreeMap<>();
        for (String t : lake.tables()) {
            if (!t.equals(TABLE)) {
                v.put(t, lake.version(t));
            }
        }
        return v;
    }

    /** What a run did, as its row says it. */
    record Entry(
            String runId,
            Instant started,
            int code,
            String status,
            String message,
            String inbox,
            IngestJob.Result ingest,
            List<Integer> built,
            List<String> assessments,
            Map<String, Long> before,
            Map<String, Double> stages) {}

    /** Appends the run's row (the versions after are read now). */
    static void append(Lakehouse lake, Entry e) {
        Map<String, Long> after = versions(lake);
        Row row =
                RowFactory.create(
                        e.runId(),
                        e.started(),
                        Instant.now(),
                        e.code(),
                        e.status(),
                        e.message(),
                        e.inbox(),
                        count(e.ingest(), FileOutcome.Status.LOADED),
                        count(e.ingest(), FileOutcome.Status.SKIPPED),
                        count(e.ingest(), FileOutcome.Status.REJECTED),
                        e.ingest() == null ? 0L : e.ingest().total(f -> f.accepted),
                        e.ingest() == null ? 0L : e.ingest().total(f -> f.quarantined),
                        ScalaValues.seq(e.built()),
                        ScalaValues.seq(e.assessments()),
                        ScalaValues.map(e.before()),
                        ScalaValues.map(after),
                        ScalaValues.map(e.stages()));
        lake.appendLog(TABLE, List.of(row));
    }

    static long count(IngestJob.Result r, FileOutcome.Status s) {
        return r == null ? 0L : r.total(f -> f.status == s ? 1 : 0);
    }
}
