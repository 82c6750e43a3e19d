package org.povlake.jobs;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.Callable;
import org.povlake.contract.FileLimits;
import org.povlake.ingest.IngestJob;
import org.povlake.lake.Lakehouse;
import org.povlake.pipeline.Nightly;
import org.povlake.pipeline.NightlyLog;
import org.povlake.silver.PseudonymKey;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "nightly",
        description = {
            "The scheduler's one command: ingest what is new in the inbox → silver (incrementally) → gold for the years",
            "whose inputs changed → the assessment of each year rebuilt (into --out) and the data-quality report (into",
            "--out/quality) → a row in the run log ops.nightly_runs (inputs, table versions before and after, counts,",
            "seconds per stage, exit status). One run at a time per lakehouse (the run lock every writing command takes;",
            "a stale one is taken over). Exit codes: 0 ok (also: nothing new); 3 ok, but some files were rejected; 4",
            "another run holds the lock (nothing touched); 2 usage; 1 failure."
        })
public final class NightlyCommand implements Callable<Integer> {
    public static final String RUNS = NightlyLog.TABLE;

    @Mixin LakehouseOption lake;

    @Option(
            names = "--inbox",
            required = true,
            paramLabel = "DIR",
            description = "the inbox the agencies deliver into")
    String inbox;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            defaultValue = "reports",
            description =
                    "assessments (DIR) and the data-quality report (DIR/quality); default: ${DEFAULT-VALUE}")
    Path out;

    @Option(
            names = "--key-file",
            paramLabel = "FILE",
            description = "the pseudonymisation key file (see build-silver)")
    Path keyFile;

    @Option(
            names = "--lock-max-age",
            paramLabel = "HOURS",
            defaultValue = "24",
            description =
                    "a lock held this long is stale, whoever holds it (default: ${DEFAULT-VALUE}; the other"
                            + " commands: 24)")
    long lockMaxAgeHours;

    @Mixin CatalogueOptions reference;

    @Mixin FileLimitOptions limits;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        // a usage error before the lock, which would otherwise create the lakehouse's lock folder
        FileLimits fileLimits = limits.limits();
        Lakehouse lakehouse = Spark.lakehouse(lake);
        // silver's key before anything is written: without it the run would ingest, then fail
        PseudonymKey key = BuildSilverCommand.key(lakehouse, keyFile);
        PrintWriter w = spec.commandLine().getOut();
        return LockedRun.run(
                spec.commandLine(),
                lakehouse,
                Duration.ofHours(lockMaxAgeHours),
                held ->
                        Nightly.run(
                                LockedRun.pipeline(lakehouse, held, w),
                                new Nightly.Request(
                                        new IngestJob.Options(inbox, null, Set.of(), fileLimits),
                                        () -> key,
                                        reference::catalogue,
                                        reference::lines,
                                        out,
                                        LocalDate.now(ZoneOffset.UTC),
                                        BuildInfo.version()),
                                held.tookOver() != null));
    }
}
