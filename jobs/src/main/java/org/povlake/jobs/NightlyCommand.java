package org.povlake.jobs;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.povlake.assess.Assess;
import org.povlake.gold.GoldBuild;
import org.povlake.ingest.FileOutcome;
import org.povlake.ingest.IngestJob;
import org.povlake.lake.Lakehouse;
import org.povlake.lake.ScalaValues;
import org.povlake.ops.CrashPoints;
import org.povlake.silver.SilverBuild;
import org.povlake.lake.LakeSchemas;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;

import static org.apache.spark.sql.functions.col;

@Command(name = "nightly", description = {
        "The scheduler's one command: ingest what is new in the inbox → silver (incrementally) → gold for the years",
        "whose inputs changed → the assessment of each year rebuilt (into --out) and the data-quality report (into",
        "--out/quality) → a row in the run log ops.nightly_runs (inputs, table versions before and after, counts,",
        "seconds per stage, exit status). One run at a time per lakehouse (the run lock every writing command takes;",
        "a stale one is taken over). Exit codes: 0 ok (also: nothing new); 3 ok, but some files were rejected; 4",
        "another run holds the lock (nothing touched); 2 usage; 1 failure."})
public final class NightlyCommand implements Callable<Integer> {
    public static final String RUNS = "ops.nightly_runs";

    @Mixin
    LakehouseOption lake;

    @Option(names = "--inbox", required = true, paramLabel = "DIR", description = "the inbox the agencies deliver into")
    String inbox;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "reports",
            description = "assessments (DIR) and the data-quality report (DIR/quality); default: ${DEFAULT-VALUE}")
    Path out;

    @Option(names = "--key-file", paramLabel = "FILE", description = "the pseudonymisation key file (see build-silver)")
    Path keyFile;

    @Option(names = "--lock-max-age", paramLabel = "HOURS", defaultValue = "24",
            description = "a lock held this long is stale, whoever holds it (default: ${DEFAULT-VALUE}; the other"
                    + " commands: 24)")
    long lockMaxAgeHours;

    @Mixin
    CatalogueOptions reference;

    @Mixin
    FileLimitOptions limits;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Lakehouse lakehouse = Spark.lakehouse(lake);
        return LockedRun.run(spec.commandLine(), lakehouse, Duration.ofHours(lockMaxAgeHours), held -> run(lakehouse,
                held.lock().holder().runId(), spec.commandLine().getOut(), held.tookOver() != null));
    }

    /**
     * @param afterCrash the lock of a run that died was taken over
     */
    private int run(Lakehouse lakehouse, String runId, PrintWriter w, boolean afterCrash) throws Exception {
        Instant started = Instant.now();
        Map<String, Long> before = versions(lakehouse);
        LastRun last = lastSuccessful(lakehouse);
        // Work a previous run left: tables changed since the last successful run ended (a run was killed, failed, or
        // a command ran in between); before any successful run, a run that died or failed. Then the years built
        // since (or ever) are assessed and the quality report is rewritten. The first nightly ever on a lakehouse
        // built by other commands assesses only what it builds.
        boolean unfinished = last != null ? !before.equals(last.versionsAfter())
                : afterCrash || lakehouse.exists(RUNS);
        if (unfinished) {
            w.println("a previous run did not finish (or a command changed the lakehouse since the last successful"
                    + " run" + (last == null ? "" : ", " + last.runId()) + "): this run finishes its work");
        }
        Map<String, Double> stages = new LinkedHashMap<>();
        List<Integer> built = new ArrayList<>();
        List<String> assessments = new ArrayList<>();
        IngestJob.Result ingest = null;
        int code = PovlakeCli.FAILURE;
        String status = "failed";
        String message = null;
        try {
            long t = System.nanoTime();
            Progress.header(w, "ingest " + inbox);
            ingest = IngestCommand.run(lake, new IngestJob.Options(inbox, null, Set.of(), limits.limits()), w);
            stages.put("ingest", (System.nanoTime() - t) / 1e9);
            CrashPoints.reached("nightly:ingested");

            t = System.nanoTime();
            Progress.header(w, "silver");
            SilverBuild.Result silver = BuildSilverCommand.run(lakehouse, BuildSilverCommand.key(lakehouse, keyFile),
                    false, w);
            stages.put("silver", (System.nanoTime() - t) / 1e9);

            t = System.nanoTime();
            Progress.header(w, "gold");
            GoldOptions gold = new GoldOptions();
            gold.reference = reference;
            GoldBuild.Result g = BuildGoldCommand.run(lakehouse, gold, spec.commandLine(), w);
            g.years().stream().filter(y -> y.action().equals("built")).forEach(y -> built.add(y.year()));
            stages.put("gold", (System.nanoTime() - t) / 1e9);
            // the years built now, and those built since the last successful run by a run that did not finish
            TreeSet<Integer> assess = new TreeSet<>(built);
            if (unfinished) {
                assess.addAll(GoldBuild.yearsBuiltSince(lakehouse, last == null ? null : last.finishedAt()));
            }

            if (assess.isEmpty() && !unfinished && ingest.total(f -> f.status == FileOutcome.Status.LOADED ? 1 : 0) == 0
                    && silver.upToDate()) {
                status = "nothing_new";
                message = "nothing new: no file loaded, silver and gold up to date";
                w.println(message);
            } else {
                t = System.nanoTime();
                Progress.header(w, "assessments of the years rebuilt " + assess);
                for (int y : assess) {
                    Assess.Result a = AssessCommand.run(lakehouse, new Assess.Options(y, out, null, false, null,
                            reference.catalogue(), reference.lines(), BuildInfo.version()), w);
                    a.files().forEach(f -> assessments.add(f.toString()));
                }
                stages.put("assess", (System.nanoTime() - t) / 1e9);
                t = System.nanoTime();
                Progress.header(w, "data quality");
                QualityCommand.run(lakehouse, out.resolve("quality"), LocalDate.now(ZoneOffset.UTC), w);
                stages.put("quality", (System.nanoTime() - t) / 1e9);
                status = ingest.anyRejected() ? "rejected_files" : "ok";
                message = "years rebuilt: " + (built.isEmpty() ? "none" : built.toString()) + "; assessed: "
                        + (assess.isEmpty() ? "none" : assess.toString());
            }
            code = ingest.anyRejected() ? PovlakeCli.REJECTED_FILES : PovlakeCli.OK;
            return code;
        } catch (Exception | Error e) {
            message = Failures.message(e);
            throw e;
        } finally {
            log(lakehouse, runId, started, code, status, message, ingest, built, assessments, before, stages, w);
        }
    }

    private void log(Lakehouse lakehouse, String runId, Instant started, int code, String status, String message,
                     IngestJob.Result ingest, List<Integer> built, List<String> assessments, Map<String, Long> before,
                     Map<String, Double> stages, PrintWriter w) {
        lakehouse.createIfMissing(RUNS, LakeSchemas.schema(RUNS), List.of());
        Map<String, Long> after = versions(lakehouse);
        Row row = RowFactory.create(runId, started, Instant.now(), code, status, message,
                inbox, count(ingest, FileOutcome.Status.LOADED), count(ingest, FileOutcome.Status.SKIPPED),
                count(ingest, FileOutcome.Status.REJECTED), ingest == null ? 0L : ingest.total(f -> f.accepted),
                ingest == null ? 0L : ingest.total(f -> f.quarantined),
                ScalaValues.seq(built), ScalaValues.seq(assessments), ScalaValues.map(before), ScalaValues.map(after),
                ScalaValues.map(stages));
        lakehouse.spark().createDataFrame(List.of(row), LakeSchemas.schema(RUNS)).write().format("delta")
                .mode("append").save(lakehouse.path(RUNS));
        w.printf("nightly %s: %s (exit %d)%s, logged in %s%n", runId, status, code,
                message == null ? "" : ": " + message, RUNS);
        w.flush();
    }

    /** The last run that ended with exit 0 or 3: when it finished and the table versions it left. */
    record LastRun(String runId, Instant finishedAt, Map<String, Long> versionsAfter) {
    }

    static LastRun lastSuccessful(Lakehouse lakehouse) {
        if (!lakehouse.exists(RUNS)) {
            return null;
        }
        List<Row> rows = lakehouse.spark().read().format("delta").load(lakehouse.path(RUNS))
                .where(col("exit_code").isin(PovlakeCli.OK, PovlakeCli.REJECTED_FILES))
                .orderBy(col("started_at").desc()).limit(1).collectAsList();
        if (rows.isEmpty()) {
            return null;
        }
        Row r = rows.get(0);
        Map<String, Long> after = new TreeMap<>(scala.jdk.javaapi.CollectionConverters.asJava(
                r.<scala.collection.Map<String, Long>>getAs("versions_after")));
        return new LastRun(r.getAs("run_id"), r.getAs("finished_at"), after);
    }

    private static long count(IngestJob.Result r, FileOutcome.Status s) {
        return r == null ? 0L : r.total(f -> f.status == s ? 1 : 0);
    }

    private static Map<String, Long> versions(Lakehouse lakehouse) {
        Map<String, Long> v = new TreeMap<>();
        for (String t : lakehouse.tables()) {
            if (!t.equals(RUNS)) {
                v.put(t, lakehouse.version(t));
            }
        }
        return v;
    }
}
