package org.povlake.jobs;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import org.povlake.contract.Contract;
import org.povlake.lake.Lakehouse;
import org.povlake.ops.RunContext;
import org.povlake.ops.RunLock;
import org.povlake.pipeline.Pipeline;
import picocli.CommandLine;

/**
 * A command run under the lakehouse's run lock ({@link RunLock}): every command that writes the
 * lakehouse, or a report from it, runs alone. While another run holds the lock the command touches
 * nothing, says who holds it and exits {@value PovlakeCli#LOCKED}; a stale lock is taken over, and
 * said so. A command that runs another's helpers ({@code nightly}, {@code build}, {@code demo})
 * holds the one lock for all of them: the helpers take none.
 */
final class LockedRun {
    /** What runs under the lock. */
    interface Body {
        /** {@code lock}: the lock taken, and the stale holder it replaced, if any. */
        int run(RunLock.Attempt lock) throws Exception;
    }

    private LockedRun() {}

    /**
     * Runs {@code body} holding the lock (a holder older than {@code maxAge} is stale); returns its
     * exit code.
     */
    static int run(CommandLine cmd, Lakehouse lakehouse, Duration maxAge, Body body)
            throws Exception {
        String command = cmd.getCommandName();
        String runId = RunContext.newId(command, Instant.now());
        RunLock.Attempt attempt = RunLock.acquire(lakehouse, runId, command, maxAge);
        if (attempt.lock() == null) {
            cmd.getErr()
                    .println(
                            "povlake "
                                    + command
                                    + ": another run holds the lakehouse's lock "
                                    + RunLock.folder(lakehouse)
                                    + ": "
                                    + attempt.heldBy().describe()
                                    + "; nothing was touched");
            return PovlakeCli.LOCKED;
        }
        try (RunLock lock = attempt.lock()) {
            if (attempt.tookOver() != null) {
                cmd.getOut()
                        .println(
                                "took over a stale lock of "
                                        + attempt.tookOver().describe()
                                        + ": "
                                        + attempt.why());
            }
            int code = body.run(attempt);
            if (!lock.release()) {
                cmd.getErr()
                        .println(
                                "povlake "
                                        + command
                                        + ": warning: another run took over the lock while this one"
                                        + " ran (this run grew older than its maximum age); it is that run's now");
            }
            return code;
        }
    }

    /** The pipeline of the run that holds {@code held}, printing to {@code out}. */
    static Pipeline pipeline(Lakehouse lakehouse, RunLock.Attempt held, PrintWriter out) {
        return new Pipeline(lakehouse, Contract.get(), RunContext.of(held), new StagePrinter(out));
    }
}
