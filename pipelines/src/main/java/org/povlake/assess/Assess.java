package org.povlake.assess;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.povlake.contract.Catalogue;
import org.povlake.contract.Contract;
import org.povlake.contract.PovertyLines;
import org.povlake.gold.GoldBuild;
import org.povlake.lake.CodeGeneration;
import org.povlake.lake.Lakehouse;
import org.povlake.lake.OutputFiles;
import org.povlake.lake.PinnedTables;
import org.povlake.ops.CrashPoints;
import org.povlake.ops.Timings;
import org.povlake.quality.QualityCollector;
import org.povlake.quality.QualityReport;

/**
 * {@code povlake assess}: one year's assessment from gold, written as the contract's JSON and CSV
 * and the human HTML report and workbook, with the run recorded in the folder's {@link Manifest}.
 * Every table is read at a pinned Delta version ({@link PinnedTables}): the current one, or with
 * {@code asOf} the versions a previous manifest lists — which reproduces that run's JSON and CSV
 * byte for byte apart from {@code generated_at}.
 */
public final class Assess {
    /**
     * The formats an assessment is written in, in this order: one constant per {@link
     * ReportFormat}, named as {@code --format} takes it (lower case).
     */
    public enum Format {
        JSON(AssessmentJson.FORMAT),
        CSV(AssessmentCsv.FORMAT),
        HTML(AssessmentHtml.FORMAT),
        XLSX(AssessmentXlsx.FORMAT);

        private final ReportFormat writer;

        Format(ReportFormat writer) {
            this.writer = writer;
        }

        public ReportFormat writer() {
            return writer;
        }

        /** Its name on the command line and in the run's step timings: json, csv, html, xlsx. */
        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** What the run is asked. {@code asOf} null: read the current versions. */
    public record Options(
            int year,
            Path out,
            Set<Format> formats,
            boolean publish,
            Path asOf,
            Catalogue catalogue,
            PovertyLines lines,
            String codeVersion) {
        public Options {
            formats =
                    formats == null || formats.isEmpty()
                            ? EnumSet.allOf(Format.class)
                            : EnumSet.copyOf(formats);
        }
    }

    /** What it wrote and read; {@code notes}: warnings worth a line on the console. */
    public record Result(
            int year,
            List<Path> files,
            Path manifest,
            Map<String, Long> inputs,
            int regions,
            long cells,
            long suppressed,
            List<String> notes,
            Map<String, Double> seconds) {
        public Path file(String suffix) {
            return files.stream()
                    .filter(f -> f.getFileName().toString().endsWith(suffix))
                    .findFirst()
                    .orElse(null);
        }
    }

    /**
     * Tables an assessment reads besides the quality report's: gold, and the gold build log
     * (provenance).
     */
    public static final List<String> TABLES =
            List.of(
                    "gold.indicators",
                    "gold.pillar_scores",
                    "gold.region_scores",
                    GoldBuild.BUILDS);

    private Assess() {}

    /**
     * Runs a read; when reproducing, a data file of a pinned version that is gone (deleted by a
     * VACUUM with a shorter retention, or by hand) becomes an error that says so, instead of
     * Spark's stack of file-not-found.
     */
    static <T> T filesOfPinnedVersions(java.util.function.Supplier<T> read, boolean reproducing) {
        try {
            return read.get();
        } catch (RuntimeException e) {
            for (Throwable t = e; reproducing && t != null; t = t.getCause()) {
                String m = String.valueOf(t.getMessage());
                if (t instanceof java.io.FileNotFoundException
                        || m.contains("FileNotFoundException")
                        || m.contains("FAILED_READ_FILE.FILE_NOT_EXIST")
                        || m.contains("does not exist")) {
                    throw new IllegalStateException(
                            "a data file of a table version the manifest pins is gone ("
                                    + m.lines().findFirst().orElse(m)
                                    + "): the version cannot be reproduced. Files a time "
                                    + "travel needs must be kept (VACUUM with a retention of at least 7 years)",
                            e);
                }
            }
            throw e;
        }
    }

    public static Result run(Lakehouse lake, Options o) throws IOException {
        Timings steps = new Timings();
        long t0 = System.nanoTime();
        List<String> notes = new ArrayList<>();
        o.lines().line(o.year()); // a year without a poverty line is not assessed
        CodeGeneration.fit(
                lake.spark(), CodeGeneration.rolledUp(lake, Contract.get().divisions().size()));
        PublicationRules rules = PublicationRules.get();
        Manifest.Entry pinsFrom = o.asOf() == null ? null : Manifest.pinsFor(o.asOf(), o.year());
        PinnedTables tables = steps.time("pin", () -> pin(lake, o, pinsFrom, notes));
        AssessmentReader reader = new AssessmentReader(tables, o.catalogue(), rules);
        steps.time("years", () -> requireGoldOf(lake, tables, reader, o.year()));
        String catalogueVersion = reader.catalogueVersion(o.year());
        if (!o.catalogue().version().equals(catalogueVersion)) {
            notes.add(
                    "gold for "
                            + o.year()
                            + " was built with catalogue "
                            + catalogueVersion
                            + ", the methods appendix "
                            + "describes catalogue "
                            + o.catalogue().version()
                            + " (rebuild gold, or pass --catalogue)");
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<RegionResult> regions =
                steps.time(
                        "read",
                        () ->
                                filesOfPinnedVersions(
                                        () -> reader.regions(o.year(), o.publish()),
                                        pinsFrom != null));
        DisclosureControl.Summary audit = null;
        if (o.publish()) {
            // the disclosure control's own time (every year it decided, gold's reads apart) is
            // reported on its own
            steps.carve("read", "disclosure", reader.controlSeconds());

            DisclosureControl.Result publication = reader.publication(o.year());
            DisclosureAudit.Report report = publication.report();
            if (!report.passed()) {
                throw new IllegalStateException(
                        "the published release of "
                                + o.year()
                                + " is refused, nothing was "
                                + "written: "
                                + report.firstProblem(rules.minInterval())
                                + " ("
                                + (report.failures().size() + report.violations().size())
                                + " problem(s) left after "
                                + publication.rounds()
                                + " round(s) of the disclosure control; see schemas/publication.json)");
            }
            audit = publication.summary();
            notes.add(
                    String.format(
                            java.util.Locale.ROOT,
                            "disclosure audit passed: %,d hidden numerators audited "
                                    + "in %,d groups (largest %d; %,d linear programmes), narrowest interval %s, after %d "
                                    + "round(s)",
                            report.audited(),
                            report.groups(),
                            report.largestGroup(),
                            publication.programmes(),
                            audit.narrowestInterval() == null
                                    ? "—"
                                    : DisclosureAudit.fmt(audit.narrowestInterval()),
                            publication.rounds()));
        }
        Assessment a =
                new Assessment(
                        o.year(),
                        now.toString(),
                        tables.versions(),
                        o.codeVersion(),
                        catalogueVersion,
                        o.publish(),
                        regions);
        long cells = 0;
        long suppressed = 0;
        for (RegionResult r : regions) {
            cells += r.indicators().size();
            for (IndicatorResult i : r.indicators()) {
                suppressed += i.suppressed() ? 1 : 0;
            }
        }
        PublicationSummary summary =
                o.publish()
                        ? new PublicationSummary(
                                rules.version(),
                                suppressed,
                                rules.footnoteZh(),
                                rules.footnoteEn(),
                                audit)
                        : null;

        List<Path> files = new ArrayList<>();
        Map<String, String> hashes = new LinkedHashMap<>();
        AssessmentReport report = null;
        for (Format format : o.formats()) {
            ReportFormat writer = format.writer();
            if (writer.needsReport() && report == null) {
                report =
                        report(
                                lake,
                                tables,
                                o,
                                a,
                                now,
                                pinsFrom,
                                reader,
                                rules,
                                (int) suppressed,
                                steps);
            }
            Path f = o.out().resolve(writer.fileName(o.year()));
            ReportFormat.Inputs inputs = new ReportFormat.Inputs(a, summary, report);
            steps.time(
                    format.key(),
                    () -> {
                        OutputFiles.write(f, out -> writer.write(inputs, out));
                        return f;
                    });
            files.add(f);
            CrashPoints.reached("report:" + f.getFileName());
        }
        for (Path f : files) {
            hashes.put(f.getFileName().toString(), OutputFiles.sha256(f));
        }
        Path manifest =
                Manifest.record(
                        o.out(),
                        new Manifest.Entry(
                                o.year(),
                                a.generatedAt(),
                                o.codeVersion(),
                                catalogueVersion,
                                o.publish() ? rules.version() : null,
                                o.publish(),
                                lake.root(),
                                a.inputs(),
                                hashes,
                                o.asOf() == null ? null : o.asOf().toAbsolutePath().toString(),
                                audit));
        steps.record("total", Timings.since(t0));
        return new Result(
                o.year(),
                List.copyOf(files),
                manifest,
                a.inputs(),
                regions.size(),
                cells,
                suppressed,
                List.copyOf(notes),
                steps.seconds());
    }

    /**
     * The table versions the assessment reads: the current ones, or those of the manifest entry
     * {@code --as-of} names (a note when another code version wrote it).
     */
    private static PinnedTables pin(
            Lakehouse lake, Options o, Manifest.Entry pinsFrom, List<String> notes) {
        PinnedTables tables;
        if (pinsFrom == null) {
            List<String> all = new ArrayList<>(TABLES);
            all.addAll(QualityCollector.tablesRead(Contract.get()));
            tables = PinnedTables.current(lake).pin(new TreeSet<>(all));
        } else {
            if (pinsFrom.published() != o.publish() && pinsFrom.generatedAt() != null) {
                throw new IllegalArgumentException(
                        "--as-of "
                                + o.asOf()
                                + ": the "
                                + o.year()
                                + " assessment there was "
                                + (pinsFrom.published()
                                        ? "published: add --publish"
                                        : "not published: drop --publish"));
            }
            if (pinsFrom.codeVersion() != null && !pinsFrom.codeVersion().equals(o.codeVersion())) {
                notes.add(
                        "the manifest was written by code "
                                + pinsFrom.codeVersion()
                                + ", this is "
                                + o.codeVersion()
                                + ": if the code changed how the assessment is computed or printed, the files may differ");
            }
            // when they were pinned: a version a key rotation deleted since is refused with the
            // rotation's record
            tables =
                    PinnedTables.asOf(
                            lake,
                            pinsFrom.inputs(),
                            pinsFrom.generatedAt() == null
                                    ? null
                                    : Instant.parse(pinsFrom.generatedAt()));
            if (o.formats().stream().anyMatch(f -> f.writer().needsReport())) {
                // the report's data-quality summary reads silver: refused here, before any file is
                // written
                tables.requireNotRetired(QualityCollector.tablesRead(Contract.get()));
            }
        }
        return tables;
    }

    /** The years gold holds, which must include {@code year}. */
    private static TreeSet<Integer> requireGoldOf(
            Lakehouse lake, PinnedTables tables, AssessmentReader reader, int year) {
        for (String table : AssessmentReader.TABLES) {
            if (!tables.exists(table)) {
                throw new IllegalStateException(
                        "no gold in "
                                + lake.root()
                                + " ("
                                + table
                                + " does not exist): "
                                + "run povlake build first");
            }
        }
        TreeSet<Integer> years = reader.years();
        if (!years.contains(year)) {
            throw new IllegalStateException(
                    "no data for "
                            + year
                            + ": gold holds "
                            + (years.isEmpty()
                                    ? "no year"
                                    : years.size() == 1
                                            ? years.first().toString()
                                            : "the years "
                                                    + years.first()
                                                    + "–"
                                                    + years.last()
                                                    + " ("
                                                    + years
                                                    + ")")
                            + "; ingest its deliveries and run povlake build --years "
                            + year);
        }
        return years;
    }

    /**
     * The human report: the assessment with the catalogue, the province's trend and the
     * data-quality summary.
     */
    private static AssessmentReport report(
            Lakehouse lake,
            PinnedTables tables,
            Options o,
            Assessment a,
            Instant now,
            Manifest.Entry pinsFrom,
            AssessmentReader reader,
            PublicationRules rules,
            int suppressed,
            Timings steps) {
        List<AssessmentReport.YearPoint> trend =
                steps.time(
                        "trend",
                        () ->
                                filesOfPinnedVersions(
                                        () -> reader.provinceTrend(o.year(), o.publish()),
                                        pinsFrom != null));
        // "days since the last delivery" as seen on the day of the run (of the original run, when
        // reproducing)
        LocalDate today =
                pinsFrom != null && pinsFrom.generatedAt() != null
                        ? Instant.parse(pinsFrom.generatedAt()).atZone(ZoneOffset.UTC).toLocalDate()
                        : now.atZone(ZoneOffset.UTC).toLocalDate();
        QualityReport quality =
                steps.time(
                        "quality",
                        () ->
                                tables.exists("ops.ingest_log")
                                        ? new QualityCollector(lake, tables, true)
                                                .collect(today, o.codeVersion())
                                        : null);
        return new AssessmentReport(
                a,
                o.catalogue(),
                trend,
                quality,
                suppressed,
                o.publish() ? rules.footnoteZh() : null,
                o.publish() ? rules.footnoteEn() : null);
    }
}
