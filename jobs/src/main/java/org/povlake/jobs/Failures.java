package org.povlake.jobs;

import org.povlake.pipeline.Nightly;
import picocli.CommandLine;

/** A failed command prints one clear line (the stack trace only with --verbose) and exits 1. */
final class Failures implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(
            Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        if (e instanceof CommandLine.ParameterException pe) { // a usage error found while running
            cl.getErr().println(pe.getMessage());
            pe.getCommandLine().usage(cl.getErr());
            return PovlakeCli.USAGE;
        }
        boolean verbose =
                parsed.subcommands().stream().anyMatch(p -> p.hasMatchedOption("--verbose"))
                        || parsed.hasMatchedOption("--verbose");
        cl.getErr().println("povlake " + cl.getCommandName() + ": failed: " + message(e));
        if (verbose) {
            e.printStackTrace(cl.getErr());
        } else {
            cl.getErr().println("(run with --verbose for the stack trace)");
        }
        return PovlakeCli.FAILURE;
    }

    static String message(Throwable e) {
        return Nightly.failureMessage(e);
    }
}
