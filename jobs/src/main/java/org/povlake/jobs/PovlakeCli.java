package org.povlake.jobs;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code povlake}: the command line of the lakehouse. Exit codes: 0 ok; 1 failure; 2 usage;
 * 3 ok but some files were rejected.
 */
@Command(name = "povlake", mixinStandardHelpOptions = true, versionProvider = BuildInfo.class,
        description = "Gansu network poverty-alleviation lakehouse.",
        subcommands = {IngestCommand.class, BuildCommand.class, BuildSilverCommand.class, BuildGoldCommand.class, AssessCommand.class, QualityCommand.class, HistoryCommand.class, PortraitCommand.class, MaintainCommand.class, NightlyCommand.class, TablesCommand.class, SqlCommand.class, DemoCommand.class, GenerateCommand.class,
                CommandLine.HelpCommand.class})
public final class PovlakeCli implements Runnable {
    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int USAGE = 2;
    public static final int REJECTED_FILES = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new PovlakeCli());
        cl.setExecutionExceptionHandler(new Failures());
        cl.setExitCodeExceptionMapper(t -> t instanceof CommandLine.ParameterException ? USAGE : FAILURE);
        return cl;
    }

    public static void main(String[] args) {
        int code = commandLine().execute(args);
        Spark.stop();
        System.exit(code);
    }
}
