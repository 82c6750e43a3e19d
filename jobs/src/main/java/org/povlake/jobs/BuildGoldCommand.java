package org.povlake.jobs;

import java.util.concurrent.Callable;
import org.povlake.ops.RunLock;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
        name = "build-gold",
        description = {
            "Builds gold from silver: every indicator of METRICS.md for every region and year, the pillar and composite",
            "scores, the MPI and the household portrait (gold.* tables; see README). A year whose inputs are unchanged",
            "since its last build is skipped. Exit codes: 0 done; 2 usage; 4 another run holds the lock; 1 failure."
        })
public final class BuildGoldCommand implements Callable<Integer> {
    @Mixin LakehouseOption lake;

    @Mixin GoldOptions gold;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        gold.check(spec.commandLine()); // a usage error before the lock
        return LockedRun.run(
                spec.commandLine(),
                Spark.lakehouse(lake),
                RunLock.DEFAULT_MAX_AGE,
                held -> build(held));
    }

    private int build(RunLock.Attempt held) {
        CommandLine cmd = spec.commandLine();
        LockedRun.pipeline(Spark.lakehouse(lake), held, cmd.getOut())
                .gold(gold.catalogue(), gold.lines(), gold.from(cmd), gold.to(cmd), gold.force);
        return PovlakeCli.OK;
    }
}
