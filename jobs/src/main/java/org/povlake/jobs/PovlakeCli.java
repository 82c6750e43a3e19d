package org.povlake.jobs;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code povlake}: the command line of the lakehouse. Exit codes: 0 ok; 1 failure; 2 usage; 3 ok
 * but some files were rejected; 4 another run holds the lakehouse's lock (nothing was touched).
 */
@Command(
        name = "povlake",
        mixinStandardHelpOptions = true,
        versionProvider = BuildInfo.class,
        description = {
            "Gansu network poverty-alleviation lakehouse.",
            "A command that writes the lakehouse, or a report from it, takes the lakehouse's run lock: while",
            "another run holds it, it touches nothing and exits 4."
        },
        subcommands = {
            IngestCommand.class,
            BuildCommand.class,
            BuildSilverCommand.class,
            BuildGoldCommand.class,
            AssessCommand.class,
            QualityCommand.class,
            HistoryCommand.class,
            PortraitCommand.class,
            MaintainCommand.class,
            NightlyCommand.class,
            TablesCommand.class,
            SqlCommand.class,
            ServeCommand.class,
            ShellCommand.class,
            DemoCommand.class,
            GenerateCommand.class,
            CommandLine.HelpCommand.class
        })
public final class PovlakeCli implements Runnable {
    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int USAGE = 2;
    public static final int REJECTED_FILES = 3;
    public static final int LOCKED = 4;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new PovlakeCli());
        WrappedHelp.install(cl);
        cl.setExecutionExceptionHandler(new Failures());
        cl.setExitCodeExceptionMapper(
                t -> t instanceof CommandLine.ParameterException ? USAGE : FAILURE);
        return cl;
    }

    /** The commands that run long enough to show their progress. */
    static final java.util.Set<String> LONG =
            java.util.Set.of(
                    "ingest",
                    "build",
                    "build-silver",
                    "build-gold",
                    "assess",
                    "quality",
                    "maintain",
                    "nightly",
                    "demo");

    public static void main(String[] args) {
        CommandLine cl = commandLine();
        String command =
                java.util.Arrays.stream(args)
                        .filter(a -> !a.startsWith("-"))
                        .findFirst()
                        .orElse("");
        if (LONG.contains(command)) {
            cl.setOut(Progress.start(command, System.out, System.err));
        }
        int code = cl.execute(args);
        Progress.stop();
        Spark.stop();
        System.exit(code);
    }
}
