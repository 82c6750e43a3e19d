package org.povlake.jobs;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.povlake.contract.Contract;
import org.povlake.ingest.IngestJob;
import org.povlake.lake.Lakehouse;
import org.povlake.ops.RunContext;
import org.povlake.ops.RunLock;
import org.povlake.pipeline.Pipeline;
import org.povlake.silver.PseudonymKey;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "demo",
        description = {
            "Runs everything povlake has on the sample inbox (sample-data/inbox): ingest, silver, gold, data quality",
            "and the annual assessments, into the lakehouse (default ./lakehouse) and ./reports, and prints a summary.",
            "Safe to re-run: nothing changes twice."
        })
public final class DemoCommand implements Callable<Integer> {
    @Mixin LakehouseOption lake;

    @Option(
            names = "--inbox",
            paramLabel = "DIR",
            defaultValue = "${sys:povlake.home:-.}/sample-data/inbox",
            description = "default: ${DEFAULT-VALUE}")
    String inbox;

    @Option(
            names = "--reports",
            paramLabel = "DIR",
            defaultValue = "reports",
            description =
                    "where the assessments go (DIR), the published ones (DIR/published) and the data-quality "
                            + "report (DIR/quality); default: ${DEFAULT-VALUE}")
    String reports;

    /**
     * One query on silver.households: status as of the end of 2019 and of 2020 (see README, "Asking
     * the history").
     */
    static final String EXITED_AND_RETURNED =
            "SELECT e.household_id, e.exit_year, r.village_code"
                    + " FROM silver.households e JOIN silver.households r ON r.household_id = e.household_id"
                    + " WHERE e.status = 'EXITED' AND e.exit_year = 2019"
                    + " AND e.valid_from <= DATE'2019-12-31' AND (e.valid_to IS NULL OR e.valid_to > DATE'2019-12-31')"
                    + " AND r.status = 'RETURNED'"
                    + " AND r.valid_from <= DATE'2020-12-31' AND (r.valid_to IS NULL OR r.valid_to > DATE'2020-12-31')"
                    + " ORDER BY 1";

    /**
     * The configured key, or — when none is configured at all — a new local key under the
     * lakehouse, said aloud.
     */
    static PseudonymKey demoKey(Lakehouse lakehouse, PrintWriter out) {
        Optional<Path> local = BuildSilverCommand.localKeyFile(lakehouse);
        boolean configured =
                System.getenv(PseudonymKey.ENV_FILE) != null
                        || System.getenv(PseudonymKey.ENV_KEY) != null
                        || local.map(Files::exists).orElse(false);
        if (!configured && local.isPresent()) {
            PseudonymKey key = PseudonymKey.createFile(local.get());
            out.println(
                    "created a local pseudonymisation key "
                            + key.id()
                            + " at "
                            + local.get()
                            + " (mode 0600; for the demo only — production sets $"
                            + PseudonymKey.ENV_FILE
                            + ")");
            return key;
        }
        return BuildSilverCommand.key(lakehouse, null);
    }

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    /**
     * The demo's first heading, "== povlake demo: ingest INBOX → LAKEHOUSE"; the progress log,
     * which prefixes its lines with "povlake demo:" itself, gets the stage without it.
     */
    static void ingestHeading(PrintWriter out, String inbox, String lakehouse) {
        String stage = "ingest " + inbox + " → " + lakehouse;
        out.println("== povlake demo: " + stage);
        Progress.stage(stage);
    }

    @Override
    public Integer call() throws Exception {
        return LockedRun.run(
                spec.commandLine(), Spark.lakehouse(lake), RunLock.DEFAULT_MAX_AGE, this::demo);
    }

    private int demo(RunLock.Attempt held) throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Lakehouse lakehouse = Spark.lakehouse(lake);
        // the demo's own first heading, and a blank line between stages
        StagePrinter printer =
                new StagePrinter(out) {
                    @Override
                    public void stage(Pipeline.Stage stage, String title) {
                        if (stage == Pipeline.Stage.INGEST) {
                            ingestHeading(out, inbox, lake.lakehouse);
                        } else {
                            out.println();
                            Progress.header(out, title);
                        }
                    }
                };
        Pipeline pipeline = new Pipeline(lakehouse, Contract.get(), RunContext.of(held), printer);
        GoldOptions gold = new GoldOptions();
        Pipeline.Built built =
                pipeline.build(
                        new IngestJob.Options(inbox, null, Set.of()),
                        () -> demoKey(lakehouse, out),
                        gold::catalogue,
                        gold::lines,
                        null,
                        null,
                        false);
        out.println();
        Progress.header(out, "the province (甘肃省) against the 2020 targets");
        ProvinceSummary.print(lakehouse, gold.catalogue(), out);
        out.println();
        Progress.header(out, "data quality");
        pipeline.quality(
                Path.of(reports, "quality"), LocalDate.now(ZoneOffset.UTC), BuildInfo.version());
        out.println();
        Progress.header(out, "the annual assessments");
        Path html =
                pipeline.assessEveryYear(
                        Path.of(reports), gold.catalogue(), gold.lines(), BuildInfo.version());
        out.println();
        Progress.header(out, "lakehouse tables");
        new CommandLine(new TablesCommand()).setOut(out).execute("--lakehouse", lake.lakehouse);
        out.println();
        out.println(
                "Try: bin/povlake sql --lakehouse "
                        + lake.lakehouse
                        + " \"SELECT source_file, reasons, details FROM bronze.quarantine ORDER BY source_file, record_number\"");
        out.println(
                "     households that exited in 2019 and returned in 2020 (the history, as of each year's end):");
        out.println(
                "     bin/povlake sql --lakehouse "
                        + lake.lakehouse
                        + " \""
                        + EXITED_AND_RETURNED
                        + "\"");
        if (html != null) {
            out.println();
            out.println(
                    "The "
                            + html.getFileName()
                            + " report: "
                            + html.toAbsolutePath().normalize().toUri());
        }
        return built.anyRejected() ? PovlakeCli.REJECTED_FILES : PovlakeCli.OK;
    }
}
