package org.povlake.jobs;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.povlake.lake.Lakehouse;
import org.povlake.lake.Maintenance;
import org.povlake.ops.RunLock;
import org.povlake.ops.Timings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "maintain",
        description = {
            "Compacts small files (Delta OPTIMIZE) and deletes the data files no version of",
            "the last 10 years needs (VACUUM with each table's delta.deletedFileRetentionDuration, never under 7 years):",
            "every assessment of the last 7 years stays reproducible with povlake assess --as-of. It takes the run lock:",
            "nothing else writes while it runs. Exit codes: 0 done; 2 usage; 4 another run holds the lock; 1 failure."
        })
public final class MaintainCommand implements Callable<Integer> {
    @Mixin LakehouseOption lakeOption;

    @Option(
            names = "--tables",
            split = ",",
            paramLabel = "T",
            description = "only these (layer.name, comma-separated)")
    List<String> tables;

    @Option(names = "--no-optimize", description = "skip the compaction")
    boolean noOptimize;

    @Option(names = "--no-vacuum", description = "skip the VACUUM")
    boolean noVacuum;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        return LockedRun.run(
                spec.commandLine(),
                Spark.lakehouse(lakeOption),
                RunLock.DEFAULT_MAX_AGE,
                held -> maintain());
    }

    private int maintain() {
        Lakehouse lake = Spark.lakehouse(lakeOption);
        List<String> all = lake.tables();
        List<String> chosen = tables == null ? all : tables;
        for (String t : chosen) {
            if (!all.contains(t)) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(), "no table " + t + " in " + lake.root());
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        long t0 = System.nanoTime();
        Maintenance.run(
                lake,
                chosen,
                !noOptimize,
                !noVacuum,
                r -> {
                    out.printf(
                            "  %-36s v%d→v%d  files %,d→%,d (compacted %,d, deleted %,d; retention %,d h)  %.1f s%n",
                            r.table(),
                            r.versionBefore(),
                            r.versionAfter(),
                            r.filesBefore(),
                            r.filesAfter(),
                            r.filesRemovedByCompaction(),
                            r.filesDeleted(),
                            r.retentionHours(),
                            r.seconds());
                    out.flush();
                });
        out.printf("maintain done in %.1f s%n", Timings.since(t0));
        out.flush();
        return PovlakeCli.OK;
    }
}
