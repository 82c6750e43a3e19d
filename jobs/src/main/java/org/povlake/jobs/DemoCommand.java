package org.povlake.jobs;

import org.povlake.ingest.IngestJob;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.Set;
import java.util.concurrent.Callable;

@Command(name = "demo", description = {"Runs everything povlake has on the sample inbox (sample-data/inbox)",
        "into the lakehouse (default ./lakehouse) and prints a summary. Safe to re-run: nothing changes twice."})
public final class DemoCommand implements Callable<Integer> {
    @Mixin
    LakehouseOption lake;

    @Option(names = "--inbox", paramLabel = "DIR",
            defaultValue = "${sys:povlake.home:-.}/sample-data/inbox", description = "default: ${DEFAULT-VALUE}")
    String inbox;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        out.println("== povlake demo: ingest " + inbox + " → " + lake.lakehouse);
        IngestJob.Result result = IngestCommand.run(lake, inbox, null, Set.of(), out);
        out.println();
        out.println("== lakehouse tables");
        new CommandLine(new TablesCommand()).setOut(out).execute("--lakehouse", lake.lakehouse);
        out.println();
        out.println("Try: bin/povlake sql --lakehouse " + lake.lakehouse
                + " \"SELECT source_file, reasons, details FROM bronze.quarantine ORDER BY source_file, record_number\"");
        return result.anyRejected() ? PovlakeCli.REJECTED_FILES : PovlakeCli.OK;
    }
}
