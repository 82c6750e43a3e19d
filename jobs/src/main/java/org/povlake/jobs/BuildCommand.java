package org.povlake.jobs;

import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.Callable;
import org.povlake.ingest.IngestJob;
import org.povlake.lake.Lakehouse;
import org.povlake.ops.RunLock;
import org.povlake.pipeline.Pipeline;
import org.povlake.silver.PseudonymKey;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "build",
        description = {
            "Builds the lakehouse from what is ingested: silver (incrementally), then gold for --years (default: every",
            "year with a households delivery; a year whose inputs are unchanged is skipped). Ingest is separate",
            "(`povlake ingest`); --inbox ingests that inbox first, as a convenience.",
            "Exit codes: 0 done; 3 done, but some files were rejected; 2 usage; 4 another run holds the lock (nothing",
            "touched); 1 failure (nothing after it runs)."
        })
public final class BuildCommand implements Callable<Integer> {
    @Mixin LakehouseOption lake;

    @Option(names = "--inbox", paramLabel = "DIR", description = "ingest this inbox first")
    String inbox;

    @Option(
            names = "--key-file",
            paramLabel = "FILE",
            description = "the pseudonymisation key file (see build-silver)")
    Path keyFile;

    @Mixin GoldOptions gold;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        gold.check(spec.commandLine()); // a usage error before the lock
        Lakehouse lakehouse = Spark.lakehouse(lake);
        // silver's key before anything is written (the lock, an --inbox's ingest)
        PseudonymKey key = BuildSilverCommand.key(lakehouse, keyFile);
        return LockedRun.run(
                spec.commandLine(),
                lakehouse,
                RunLock.DEFAULT_MAX_AGE,
                held -> build(held, lakehouse, key));
    }

    private int build(RunLock.Attempt held, Lakehouse lakehouse, PseudonymKey key)
            throws Exception {
        CommandLine cmd = spec.commandLine();
        Pipeline.Built built =
                LockedRun.pipeline(lakehouse, held, cmd.getOut())
                        .build(
                                inbox == null ? null : new IngestJob.Options(inbox, null, Set.of()),
                                () -> key,
                                gold::catalogue,
                                gold::lines,
                                gold.from(cmd),
                                gold.to(cmd),
                                gold.force);
        return built.anyRejected() ? PovlakeCli.REJECTED_FILES : PovlakeCli.OK;
    }
}
