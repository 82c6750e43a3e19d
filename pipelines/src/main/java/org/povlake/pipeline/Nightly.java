package org.povlake.pipeline;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.function.Supplier;
import org.povlake.assess.Assess;
import org.povlake.contract.Catalogue;
import org.povlake.contract.PovertyLines;
import org.povlake.gold.GoldBuild;
import org.povlake.ingest.FileOutcome;
import org.povlake.ingest.IngestJob;
import org.povlake.lake.Lakehouse;
import org.povlake.silver.PseudonymKey;
import org.povlake.silver.SilverBuild;

/**
 * The scheduler's one run: ingest → silver → gold for the years whose inputs changed → their
 * assessments and the data-quality report → a row in {@link NightlyLog#TABLE}. It finishes what a
 * previous run left (decided by {@link NightlyDecisions}), and says when there was nothing new.
 * Stage seconds go to the run's context; crash point {@code nightly:ingested} lies between ingest
 * and silver.
 */
public final class Nightly {
    /** Exit codes (the CLI's): done; done, but some files were rejected; failed. */
    public static final int OK = 0;

    public static final int FAILURE = 1;
    public static final int REJECTED_FILES = 3;

    /**
     * What the run works on; the key, catalogue and poverty lines are resolved when their stage
     * starts (a missing key fails the run after the ingest, logged).
     */
    public record Request(
            IngestJob.Options ingest,
            Supplier<PseudonymKey> key,
            Supplier<Catalogue> catalogue,
            Supplier<PovertyLines> lines,
            Path out,
            LocalDate today,
            String codeVersion) {}

    private Nightly() {}

    /**
     * Runs it and logs it (also when it fails: the failure is logged, then thrown).
     *
     * @param tookOverLock this run took over the stale lock of a run that died
     * @return the exit code: {@link #OK} or {@link #REJECTED_FILES}
     */
    public static int run(Pipeline p, Request r, boolean tookOverLock) throws Exception {
        Lakehouse lake = p.lake();
        Pipeline.Listener say = p.listener();
        Instant started = Instant.now();
        Map<String, Long> before = NightlyLog.versions(lake);
        NightlyDecisions.LastRun last = NightlyLog.lastSuccessful(lake);
        boolean unfinished =
                NightlyDecisions.unfinished(
                        last, before, tookOverLock, lake.exists(NightlyLog.TABLE));
        if (unfinished) {
            say.say(
                    "a previous run did not finish (or a command changed the lakehouse since the last successful"
                            + " run"
                            + (last == null ? "" : ", " + last.runId())
                            + "): this run finishes its work");
        }
        List<Integer> built = new ArrayList<>();
        List<String> assessments = new ArrayList<>();
        IngestJob.Result ingest = null;
        int code = FAILURE;
        String status = "failed";
        String message = null;
        try {
            ingest =
                    p.run()
                            .stage(
                                    "ingest",
                                    () -> {
                                        say.stage(
                                                Pipeline.Stage.INGEST,
                                                "ingest " + r.ingest().inbox());
                                        return p.ingest(r.ingest());
                                    });
            p.run().reached("nightly:ingested");
            SilverBuild.Result silver =
                    p.run()
                            .stage(
                                    "silver",
                                    () -> {
                                        say.stage(Pipeline.Stage.SILVER, "silver");
                                        return p.silver(r.key().get(), false, false);
                                    });
            GoldBuild.Result gold =
                    p.run()
                            .stage(
                                    "gold",
                                    () -> {
                                        say.stage(Pipeline.Stage.GOLD, "gold");
                                        return p.gold(
                                                r.catalogue().get(),
                                                r.lines().get(),
                                                null,
                                                null,
                                                false);
                                    });
            gold.years().stream()
                    .filter(y -> y.action().equals("built"))
                    .forEach(y -> built.add(y.year()));
            SortedSet<Integer> assess =
                    NightlyDecisions.yearsToAssess(
                            built,
                            unfinished,
                            last,
                            since -> GoldBuild.yearsBuiltSince(lake, since));
            long loaded = ingest.total(f -> f.status == FileOutcome.Status.LOADED ? 1 : 0);
            if (NightlyDecisions.nothingNew(assess, unfinished, loaded, silver.upToDate())) {
                status = "nothing_new";
                message = "nothing new: no file loaded, silver and gold up to date";
                say.say(message);
            } else {
                p.run()
                        .stage(
                                "assess",
                                () -> {
                                    say.stage(
                                            Pipeline.Stage.ASSESS,
                                            "assessments of the years rebuilt " + assess);
                                    for (int y : assess) {
                                        p.assess(
                                                        new Assess.Options(
                                                                y,
                                                                r.out(),
                                                                null,
                                                                false,
                                                                null,
                                                                r.catalogue().get(),
                                                                r.lines().get(),
                                                                r.codeVersion()))
                                                .files()
                                                .forEach(f -> assessments.add(f.toString()));
                                    }
                                    return null;
                                });
                p.run()
                        .stage(
                                "quality",
                                () -> {
                                    say.stage(Pipeline.Stage.QUALITY, "data quality");
                                    return p.quality(
                                            r.out().resolve("quality"), r.today(), r.codeVersion());
                                });
                status = ingest.anyRejected() ? "rejected_files" : "ok";
                message =
                        "years rebuilt: "
                                + (built.isEmpty() ? "none" : built.toString())
                                + "; assessed: "
                                + (assess.isEmpty() ? "none" : assess.toString());
            }
            code = ingest.anyRejected() ? REJECTED_FILES : OK;
            return code;
        } catch (Exception | Error e) {
            message = failureMessage(e);
            throw e;
        } finally {
            NightlyLog.append(
                    lake,
                    new NightlyLog.Entry(
                            p.run().runId(),
                            started,
                            code,
                            status,
                            message,
                            r.ingest().inbox(),
                            ingest,
                            built,
                            assessments,
                            before,
                            p.run().stages()));
            say.say(
                    String.format(
                            "nightly %s: %s (exit %d)%s, logged in %s",
                            p.run().runId(),
                            status,
                            code,
                            message == null ? "" : ": " + message,
                            NightlyLog.TABLE));
        }
    }

    /**
     * An exception's message in one line: the first non-blank message along its causes, else its
     * class's name.
     */
    public static String failureMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && (t.getMessage() == null || t.getMessage().isBlank())) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return m.lines().findFirst().orElse(m);
    }
}
