package org.povlake.jobs;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.povlake.assess.Assess;
import org.povlake.contract.Catalogue;
import org.povlake.contract.PovertyLines;
import org.povlake.gold.GoldBuild;
import org.povlake.ingest.FileOutcome;
import org.povlake.ingest.IngestJob;
import org.povlake.pipeline.Pipeline;
import org.povlake.quality.QualityReport;
import org.povlake.quality.QualityText;
import org.povlake.silver.SilverBuild;

/**
 * How the commands print what a {@link Pipeline}'s stages did: a header per stage, then each
 * stage's lines.
 */
class StagePrinter implements Pipeline.Listener {
    final PrintWriter out;

    StagePrinter(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void stage(Pipeline.Stage stage, String title) {
        Progress.header(out, title);
    }

    @Override
    public void ingestProgress(String message) {
        out.println("  … " + message);
        Progress.detail(message);
        out.flush();
    }

    @Override
    public void ingested(IngestJob.Result result) {
        for (FileOutcome f : result.files()) {
            out.println(IngestReport.line(f));
        }
        out.println(IngestReport.summary(result));
        out.flush();
    }

    @Override
    public void silverStarting(String keyId, boolean rebuild) {
        out.println(
                "building silver ("
                        + (rebuild ? "rebuild" : "incremental")
                        + ", pseudonymisation key "
                        + keyId
                        + ")");
        out.flush();
    }

    @Override
    public void silverBuilt(SilverBuild.Result r, String keyId, boolean retireOldPseudonyms) {
        if (r.retiredKeyId() != null) {
            out.println(
                    "key rotation: the pseudonyms of key "
                            + r.retiredKeyId()
                            + " are retired — every earlier"
                            + " version of "
                            + String.join(", ", r.retiredTables())
                            + " was deleted; build gold now");
        } else if (retireOldPseudonyms) {
            out.println("nothing to retire: silver's pseudonyms are already under key " + keyId);
        }
        if (r.upToDate()) {
            out.println("silver is up to date: no delivery is new or changed since the last build");
        } else {
            out.printf(
                    "silver %s build %s: %d new or changed deliveries, %.1f s%n",
                    r.mode(), r.buildId(), r.changedDeliveries().size(), r.seconds());
            r.actions().forEach((table, action) -> out.printf("  %-28s %s%n", table, action));
        }
        out.flush();
    }

    @Override
    public void goldBuilt(GoldBuild.Result result, Catalogue catalogue, PovertyLines lines) {
        out.printf(
                "gold (catalogue %s, poverty lines %s):%n", catalogue.version(), lines.version());
        if (result.years().isEmpty()) {
            out.println("  no year has a households delivery yet: nothing to build");
        }
        for (GoldBuild.YearResult y : result.years()) {
            if (y.action().equals("built")) {
                long indicators = y.rows().getOrDefault("gold.indicators", 0L);
                long households = y.rows().getOrDefault("gold.household_portrait", 0L);
                out.printf(
                        "  %d  built in %.1f s: %,d indicator rows, %,d household portraits%n",
                        y.year(), y.seconds(), indicators, households);
                StringBuilder steps = new StringBuilder("        ");
                y.stepSeconds().forEach((k, v) -> steps.append(String.format("%s %.1f s  ", k, v)));
                out.println(steps.toString().stripTrailing());
            } else {
                out.printf(
                        "  %d  up to date (inputs unchanged since its last build; --force rebuilds it)%n",
                        y.year());
            }
        }
        out.printf(
                "gold done in %.1f s (%.1f s pinning the silver versions)%n",
                result.seconds(), result.versionsSeconds());
        out.flush();
    }

    @Override
    public void assessed(Assess.Options o, Assess.Result r) {
        out.printf(
                "assessment %d%s%s: %,d regions, %,d indicator cells%s, in %.1f s%n",
                r.year(),
                o.publish() ? " (published)" : "",
                o.asOf() == null ? "" : " as of " + o.asOf(),
                r.regions(),
                r.cells(),
                o.publish() ? String.format(", %,d suppressed", r.suppressed()) : "",
                r.seconds().get("total"));
        for (Path f : r.files()) {
            out.println("  wrote " + f);
        }
        out.println("  manifest " + r.manifest());
        StringBuilder steps = new StringBuilder("  steps");
        r.seconds()
                .forEach((k, v) -> steps.append(String.format(Locale.ROOT, "  %s %.1f s", k, v)));
        out.println(steps);
        r.notes().forEach(n -> out.println("  note: " + n));
        out.flush();
    }

    @Override
    public void qualityCollected(QualityReport report) {
        out.print(QualityText.render(report));
    }

    @Override
    public void qualityWritten(List<Path> files) {
        files.forEach(f -> out.println("written: " + f));
        out.flush();
    }

    @Override
    public void say(String line) {
        out.println(line);
        out.flush();
    }
}
