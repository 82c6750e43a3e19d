package org.povlake.jobs;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import org.povlake.ops.RunLock;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "quality",
        description = {
            "The data-quality report: per agency, extract and delivery — rows read / accepted / quarantined by rule,",
            "orphans by link, schema drift, freshness, consistency signals, and a list of problems to send back.",
            "Prints a summary and writes quality_report.json and a self-contained quality_report.html.",
            "Exit codes: 0 written; 2 usage; 4 another run holds the lock; 1 failure."
        })
public final class QualityCommand implements Callable<Integer> {
    @Mixin LakehouseOption lake;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            defaultValue = "reports/quality",
            description = "where to write the JSON and HTML (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(
            names = "--today",
            paramLabel = "DATE",
            description = "the date freshness is measured from (default: today, UTC)")
    LocalDate today;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        return LockedRun.run(
                spec.commandLine(),
                Spark.lakehouse(lake),
                RunLock.DEFAULT_MAX_AGE,
                held -> report(held));
    }

    private int report(RunLock.Attempt held) throws Exception {
        LockedRun.pipeline(Spark.lakehouse(lake), held, spec.commandLine().getOut())
                .quality(
                        out,
                        today == null ? LocalDate.now(ZoneOffset.UTC) : today,
                        BuildInfo.version());
        return PovlakeCli.OK;
    }
}
