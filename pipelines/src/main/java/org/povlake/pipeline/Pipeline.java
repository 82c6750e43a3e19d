package org.povlake.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.povlake.assess.Assess;
import org.povlake.assess.AssessmentReader;
import org.povlake.assess.PublicationRules;
import org.povlake.contract.Catalogue;
import org.povlake.contract.Contract;
import org.povlake.contract.PovertyLines;
import org.povlake.gold.GoldBuild;
import org.povlake.ingest.IngestJob;
import org.povlake.lake.Lakehouse;
import org.povlake.ops.RunContext;
import org.povlake.quality.QualityCollector;
import org.povlake.quality.QualityReport;
import org.povlake.quality.QualityReportFiles;
import org.povlake.silver.PseudonymKey;
import org.povlake.silver.SilverBuild;

/**
 * The stages of povlake, in their order — ingest → silver → gold → assess, and the data-quality
 * report — run on one lakehouse as one {@link RunContext}: the ingest's batch and the silver and
 * gold builds carry the run's id. Each stage says what it did to a {@link Listener} (the CLI prints
 * it). The commands run one stage ({@code ingest}, {@code build-silver}, …), the stages up to gold
 * ({@link #build}: {@code build}, {@code demo}) or the nightly run ({@link Nightly}).
 */
public final class Pipeline {
    /** The stages, in the order a run takes them. */
    public enum Stage {
        INGEST,
        SILVER,
        GOLD,
        ASSESS,
        QUALITY
    }

    /**
     * What a run reports as it goes; each method is called once its stage has done the thing it
     * names.
     */
    public interface Listener {
        /** A stage starts; {@code title} says what it works on (e.g. {@code ingest /srv/inbox}). */
        void stage(Stage stage, String title);

        /** A line of the ingest's progress (an extract loaded). */
        void ingestProgress(String message);

        void ingested(IngestJob.Result result);

        void silverStarting(String keyId, boolean rebuild);

        void silverBuilt(SilverBuild.Result result, String keyId, boolean retireOldPseudonyms);

        void goldBuilt(GoldBuild.Result result, Catalogue catalogue, PovertyLines lines);

        void assessed(Assess.Options options, Assess.Result result);

        /**
         * The quality report was collected; {@code qualityWritten} follows once its files are
         * written.
         */
        void qualityCollected(QualityReport report);

        void qualityWritten(List<Path> files);

        /** A line about the run itself (what it decided, how it ended). */
        void say(String line);
    }

    private final Lakehouse lake;
    private final Contract contract;
    private final RunContext run;
    private final Listener listener;

    public Pipeline(Lakehouse lake, Contract contract, RunContext run, Listener listener) {
        this.lake = lake;
        this.contract = contract;
        this.run = run;
        this.listener = listener;
    }

    public Lakehouse lake() {
        return lake;
    }

    public RunContext run() {
        return run;
    }

    Listener listener() {
        return listener;
    }

    /** Loads the inbox into bronze (the batch id is the run's). */
    public IngestJob.Result ingest(IngestJob.Options options) throws IOException {
        IngestJob.Result r =
                new IngestJob(lake, contract, listener::ingestProgress).run(options, run);
        listener.ingested(r);
        return r;
    }

    /**
     * Builds silver from bronze (the build id is the run's); a key rotation only with {@code
     * retireOldPseudonyms}.
     */
    public SilverBuild.Result silver(
            PseudonymKey key, boolean rebuild, boolean retireOldPseudonyms) {
        listener.silverStarting(key.id(), rebuild);
        SilverBuild.Result r = new SilverBuild(lake, key).run(rebuild, retireOldPseudonyms, run);
        listener.silverBuilt(r, key.id(), retireOldPseudonyms);
        return r;
    }

    /**
     * Builds gold for the years {@code from}–{@code to} (null: every year with a households
     * delivery).
     */
    public GoldBuild.Result gold(
            Catalogue catalogue, PovertyLines lines, Integer from, Integer to, boolean force) {
        GoldBuild.Result r = new GoldBuild(lake, catalogue, lines).run(from, to, force, run);
        listener.goldBuilt(r, catalogue, lines);
        return r;
    }

    /** The annual assessment of one year. */
    public Assess.Result assess(Assess.Options options) throws IOException {
        Assess.Result r = Assess.run(lake, options);
        listener.assessed(options, r);
        return r;
    }

    /** The data-quality report, into {@code out}. */
    public QualityReport quality(Path out, LocalDate today, String codeVersion) throws IOException {
        QualityReport report = new QualityCollector(lake).collect(today, codeVersion);
        listener.qualityCollected(report);
        listener.qualityWritten(QualityReportFiles.write(report, out));
        return report;
    }

    /** What {@link #build} did: the ingest (null when there was none), silver and gold. */
    public record Built(IngestJob.Result ingest, SilverBuild.Result silver, GoldBuild.Result gold) {
        public boolean anyRejected() {
            return ingest != null && ingest.anyRejected();
        }
    }

    /**
     * The stages up to gold: ingest ({@code ingest} null: none), silver (incrementally; {@code key}
     * is resolved when silver starts), gold for the years asked.
     */
    public Built build(
            IngestJob.Options ingest,
            Supplier<PseudonymKey> key,
            Supplier<Catalogue> catalogue,
            Supplier<PovertyLines> lines,
            Integer from,
            Integer to,
            boolean force)
            throws IOException {
        IngestJob.Result in = null;
        if (ingest != null) {
            listener.stage(Stage.INGEST, "ingest " + ingest.inbox());
            in = ingest(ingest);
        }
        listener.stage(Stage.SILVER, "silver");
        SilverBuild.Result silver = silver(key.get(), false, false);
        listener.stage(Stage.GOLD, "gold");
        GoldBuild.Result gold = gold(catalogue.get(), lines.get(), from, to, force);
        return new Built(in, silver, gold);
    }

    /**
     * Every year gold holds, assessed into {@code out}, and the latest one published into {@code
     * out/published}; returns the latest year's HTML report (null when gold holds no year).
     */
    public Path assessEveryYear(
            Path out, Catalogue catalogue, PovertyLines lines, String codeVersion)
            throws IOException {
        TreeSet<Integer> years =
                new AssessmentReader(lake, catalogue, PublicationRules.get()).years();
        if (years.isEmpty()) {
            listener.say("gold holds no year: nothing to assess");
            return null;
        }
        Path html = null;
        for (int y : years) {
            html =
                    assess(
                                    new Assess.Options(
                                            y,
                                            out,
                                            null,
                                            false,
                                            null,
                                            catalogue,
                                            lines,
                                            codeVersion))
                            .file(".html");
        }
        assess(
                new Assess.Options(
                        years.last(),
                        out.resolve("published"),
                        null,
                        true,
                        null,
                        catalogue,
                        lines,
                        codeVersion));
        return html;
    }
}
