package org.povlake.jobs;

import org.povlake.gold.GoldBuild;
import org.povlake.lake.Lakehouse;
import org.povlake.ops.RunLock;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

@Command(name = "build-gold", description = {
        "Builds gold from silver: every indicator of METRICS.md for every region and year, the pillar and composite",
        "scores, the MPI and the household portrait (gold.* tables; see README). A year whose inputs are unchanged",
        "since its last build is skipped. Exit codes: 0 done; 2 usage; 4 another run holds the lock; 1 failure."})
public final class BuildGoldCommand implements Callable<Integer> {
    @Mixin
    LakehouseOption lake;

    @Mixin
    GoldOptions gold;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        gold.check(spec.commandLine()); // a usage error before the lock
        return LockedRun.run(spec.commandLine(), Spark.lakehouse(lake), RunLock.DEFAULT_MAX_AGE, held -> build());
    }

    private int build() {
        CommandLine cmd = spec.commandLine();
        run(Spark.lakehouse(lake), gold, cmd, cmd.getOut());
        return PovlakeCli.OK;
    }

    static GoldBuild.Result run(Lakehouse lakehouse, GoldOptions gold, CommandLine cmd, PrintWriter out) {
        Integer from = gold.from(cmd);
        Integer to = gold.to(cmd);
        var catalogue = gold.catalogue();
        var lines = gold.lines();
        GoldBuild.Result result = new GoldBuild(lakehouse, catalogue, lines).run(from, to, gold.force);
        out.printf("gold (catalogue %s, poverty lines %s):%n", catalogue.version(), lines.version());
        if (result.years().isEmpty()) {
            out.println("  no year has a households delivery yet: nothing to build");
        }
        for (GoldBuild.YearResult y : result.years()) {
            if (y.action().equals("built")) {
                long indicators = y.rows().getOrDefault("gold.indicators", 0L);
                long households = y.rows().getOrDefault("gold.household_portrait", 0L);
                out.printf("  %d  built in %.1f s: %,d indicator rows, %,d household portraits%n", y.year(), y.seconds(),
                        indicators, households);
                StringBuilder steps = new StringBuilder("        ");
                y.stepSeconds().forEach((k, v) -> steps.append(String.format("%s %.1f s  ", k, v)));
                out.println(steps.toString().stripTrailing());
            } else {
                out.printf("  %d  up to date (inputs unchanged since its last build; --force rebuilds it)%n", y.year());
            }
        }
        out.printf("gold done in %.1f s (%.1f s pinning the silver versions)%n", result.seconds(), result.versionsSeconds());
        out.flush();
        return result;
    }
}
