package org.povlake.jobs;

import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import org.povlake.contract.FileLimits;
import org.povlake.ingest.IngestJob;
import org.povlake.ops.RunLock;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "ingest",
        description = {
            "Loads every file of the inbox into bronze (rows that break a rule go to bronze.quarantine).",
            "Exit codes: 0 all loaded or skipped; 3 some files rejected (the rest loaded); 2 usage; 1 failure."
        })
public final class IngestCommand implements Callable<Integer> {
    @Mixin LakehouseOption lake;

    @Option(
            names = "--inbox",
            required = true,
            paramLabel = "DIR",
            description = "the inbox folder or URI")
    String inbox;

    @Option(
            names = "--charset",
            paramLabel = "NAME",
            description = "decode every file in this charset instead of detecting UTF-8 / GB18030")
    String charset;

    @Option(
            names = "--report-json",
            paramLabel = "FILE",
            description = "also write the run's report as JSON")
    Path reportJson;

    @Option(
            names = "--allow-shrink",
            paramLabel = "FILE",
            description =
                    "let this snapshot (path relative to the inbox) replace one at least twice its size")
    List<String> allowShrink = List.of();

    @Mixin FileLimitOptions limits;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        // usage errors before the lock, which would otherwise create the lakehouse's lock folder
        Charset cs = charset();
        FileLimits fileLimits = limits.limits();
        return LockedRun.run(
                spec.commandLine(),
                Spark.lakehouse(lake),
                RunLock.DEFAULT_MAX_AGE,
                held -> ingest(cs, fileLimits, held));
    }

    /** The charset {@code --charset} names; null: detect it per file. */
    private Charset charset() {
        if (charset == null) {
            return null;
        }
        try {
            return Charset.forName(charset);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "unknown charset '" + charset + "'");
        }
    }

    private int ingest(Charset cs, FileLimits fileLimits, RunLock.Attempt held) throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        IngestJob.Result result =
                LockedRun.pipeline(Spark.lakehouse(lake), held, out)
                        .ingest(
                                new IngestJob.Options(
                                        inbox, cs, new HashSet<>(allowShrink), fileLimits));
        if (reportJson != null) {
            IngestReport.writeJson(result, reportJson);
            out.println("report: " + reportJson);
        }
        return result.anyRejected() ? PovlakeCli.REJECTED_FILES : PovlakeCli.OK;
    }
}
