package org.povlake.gold;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.povlake.contract.Catalogue;
import org.povlake.contract.Contract;
import org.povlake.contract.PovertyLines;
import org.povlake.lake.CodeGeneration;
import org.povlake.lake.LakeSchemas;
import org.povlake.lake.Lakehouse;
import org.povlake.lake.ScalaValues;
import org.povlake.ops.RunContext;
import org.povlake.ops.Timings;
import org.povlake.silver.Delivery;
import org.povlake.silver.DeliveryLedger;
import org.povlake.silver.KeyRotation;

/**
 * Builds gold from silver, year by year: {@code povlake build}. Each year's rows of every gold
 * table are replaced in one atomic commit per table ({@code replaceWhere year = Y}), so one year
 * can be rebuilt without touching others. A year whose inputs (silver versions, catalogue, poverty
 * lines) are those of its last build is up to date and skipped, unless forced.
 */
public final class GoldBuild {
    /** Gold's layout version: a change of it (a new column, a changed rule) rebuilds every year. */
    public static final int FORMAT_VERSION = 1;

    public static final String BUILDS = "ops.gold_builds";
    public static final List<String> TABLES =
            List.of(
                    "gold.indicators",
                    "gold.pillar_scores",
                    "gold.region_scores",
                    "gold.mpi",
                    "gold.household_portrait");

    private final Lakehouse lake;
    private final SparkSession spark;
    private final Catalogue catalogue;
    private final PovertyLines lines;

    public GoldBuild(Lakehouse lake, Catalogue catalogue, PovertyLines lines) {
        this.lake = lake;
        this.spark = lake.spark();
        this.catalogue = catalogue;
        this.lines = lines;
    }

    /** What a build did for one year: "built" or "up to date". */
    public record YearResult(
            int year,
            String action,
            double seconds,
            Map<String, Long> rows,
            Map<String, Double> stepSeconds) {}

    /**
     * @param versionsSeconds time spent pinning the silver versions
     */
    public record Result(
            String buildId, List<YearResult> years, double seconds, double versionsSeconds) {}

    /** A gold build that cannot go on, with what to do. */
    public static final class GoldBuildException extends RuntimeException {
        public GoldBuildException(String message) {
            super(message);
        }
    }

    /**
     * @param from first year, or null for the years with data (every year with a households
     *     delivery)
     * @param to last year (with {@code from})
     * @param force rebuild years that are up to date
     */
    public Result run(Integer from, Integer to, boolean force) {
        return run(from, to, force, RunContext.start("gold"));
    }

    /** A build as part of {@code run}: the build id is the run's id. */
    public Result run(Integer from, Integer to, boolean force, RunContext run) {
        Instant started = Instant.now();
        String buildId = run.runId();
        if (!lake.exists(DeliveryLedger.TABLE)) {
            throw new GoldBuildException(
                    "silver has not been built in "
                            + lake.root()
                            + ": run `povlake ingest` then `povlake build` (which builds silver first)");
        }
        KeyRotation.requireNoneUnfinished(lake, "a gold build");
        CodeGeneration.fit(spark, CodeGeneration.rolledUp(lake, Contract.get().divisions().size()));
        long tInputs = System.nanoTime();
        GoldInputs inputs = new GoldInputs(lake);
        double versionsSeconds = Timings.since(tInputs);
        List<Delivery> deliveries =
                DeliveryLedger.parse(inputs.table(DeliveryLedger.TABLE).collectAsList());
        List<Integer> years = from == null ? yearsWithData(deliveries) : range(from, to);
        if (years.isEmpty()) { // nothing registered yet: nothing to do, not an error
            return new Result(
                    buildId,
                    List.of(),
                    Duration.between(started, Instant.now()).toMillis() / 1000.0,
                    versionsSeconds);
        }
        for (int y : years) {
            if (!lines.has(y)) {
                throw new GoldBuildException(
                        "no poverty line for "
                                + y
                                + " in the poverty-line table (version "
                                + lines.version()
                                + "; it has lines for other years): a year without a line is an error, not"
                                + " a guess. Add the line (schemas/poverty_lines.json or --poverty-lines FILE) or leave "
                                + y
                                + " out of --years.");
            }
        }
        Map<Integer, Row> last = lastBuilds();
        long tDecide = System.nanoTime();
        Map<Integer, YearInputs> resolved = new TreeMap<>();
        for (int y : years) {
            resolved.put(y, resolve(y, inputs, deliveries));
        }
        Map<Integer, Map<String, String>> prior = new TreeMap<>();
        last.forEach((y, r) -> prior.put(y, fingerprints(r)));
        Map<Integer, Map<String, String>> fingerprints =
                GoldFingerprints.of(inputs, new ArrayList<>(resolved.values()), prior);
        boolean goldExists = lake.exists("gold.indicators");
        TreeSet<Integer> rebuild = new TreeSet<>();
        for (int y : years) {
            Row before = last.get(y);
            if (force
                    || !goldExists
                    || before == null
                    || !sameSettings(before)
                    || !sameReads(before, resolved.get(y), fingerprints.get(y))) {
                rebuild.add(y);
            }
        }
        double decideSeconds = Timings.since(tDecide);
        List<YearResult> results = new ArrayList<>();
        for (int y : years) {
            if (!rebuild.contains(y)) {
                results.add(new YearResult(y, "up to date", 0, Map.of(), Map.of()));
                continue;
            }
            // the next year already in gold and not rebuilt now compares itself with this one:
            // its change is refreshed before this year's build is recorded
            boolean refreshNext = !rebuild.contains(y + 1) && last.containsKey(y + 1);
            results.add(
                    buildYear(
                            run,
                            y,
                            inputs,
                            resolved.get(y),
                            fingerprints.get(y),
                            refreshNext,
                            y == rebuild.first() ? decideSeconds : 0));
        }
        return new Result(
                buildId,
                results,
                Duration.between(started, Instant.now()).toMillis() / 1000.0,
                versionsSeconds);
    }

    /** Which deliveries year Y reads, with whether its year-keyed snapshots hold rows for Y. */
    private static YearInputs resolve(int y, GoldInputs inputs, List<Delivery> deliveries) {
        YearInputs r = YearInputs.resolve(y, deliveries);
        return r.withYearKeyed(
                inputs.hasYear(
                        "silver.insurance_enrollment",
                        r.snapshot(YearInputs.INSURANCE).orElse(null),
                        "year",
                        y),
                inputs.hasYear(
                        "silver.enrollment",
                        r.snapshot(YearInputs.ENROLLMENT).orElse(null),
                        "school_year",
                        y));
    }

    /**
     * The years with a gold build started after {@code since} (every year ever built when null), in
     * order.
     */
    public static List<Integer> yearsBuiltSince(Lakehouse lake, Instant since) {
        if (!lake.exists(BUILDS)) {
            return List.of();
        }
        Dataset<Row> builds = lake.spark().read().format("delta").load(lake.path(BUILDS));
        if (since != null) {
            builds = builds.where(col("started_at").gt(lit(since)));
        }
        return builds.select("year").distinct().orderBy("year").collectAsList().stream()
                .map(r -> r.getInt(0))
                .toList();
    }

    /**
     * The years with a households delivery, in order (the registry is what a year of gold is
     * about).
     */
    public static List<Integer> yearsWithData(List<Delivery> deliveries) {
        TreeSet<Integer> years = new TreeSet<>();
        deliveries.stream()
                .filter(d -> d.extract().equals(YearInputs.HOUSEHOLDS))
                .forEach(d -> years.add(d.asOfDate().getYear()));
        return new ArrayList<>(years);
    }

    private static List<Integer> range(int from, int to) {
        List<Integer> out = new ArrayList<>();
        for (int y = from; y <= to; y++) {
            out.add(y);
        }
        return out;
    }

    private YearResult buildYear(
            RunContext run,
            int y,
            GoldInputs inputs,
            YearInputs resolved,
            Map<String, String> fingerprints,
            boolean refreshNext,
            double decideSeconds) {
        Instant started = Instant.now();
        Timings steps = new Timings();
        if (decideSeconds > 0) {
            steps.record("fingerprints", decideSeconds);
        }
        YearFrames frames = steps.time("read", () -> YearFrames.read(inputs, resolved));
        Checkpoints checkpoints =
                new Checkpoints(System.getenv("POVLAKE_GOLD_TIMING") != null ? System.err : null);
        GoldYear.Output out =
                steps.time(
                        "plan",
                        () ->
                                GoldYear.compute(
                                        frames,
                                        resolved,
                                        catalogue,
                                        lines.line(y),
                                        previousValues(y - 1),
                                        checkpoints));
        Map<String, Long> rows = new LinkedHashMap<>();
        try {
            for (String table : TABLES) {
                steps.time(
                        table,
                        () -> {
                            rows.put(
                                    table,
                                    write(
                                            table,
                                            switch (table) {
                                                case "gold.indicators" -> out.indicators();
                                                case "gold.pillar_scores" -> out.pillarScores();
                                                case "gold.region_scores" -> out.regionScores();
                                                case "gold.mpi" -> out.mpi();
                                                default -> out.portrait();
                                            },
                                            y));
                            run.reached("gold:" + table + ":" + y);
                            return null;
                        });
            }
            if (refreshNext) {
                steps.time(
                        "change of " + (y + 1),
                        () -> {
                            refreshChange(y + 1);
                            return null;
                        });
            }
        } finally {
            out.release();
        }
        double seconds = Duration.between(started, Instant.now()).toMillis() / 1000.0;
        Row log =
                RowFactory.create(
                        run.runId(),
                        started,
                        y,
                        seconds,
                        catalogue.version(),
                        lines.version(),
                        FORMAT_VERSION,
                        ScalaValues.map(inputs.versions()),
                        ScalaValues.map(resolved.describe()),
                        ScalaValues.map(rows),
                        ScalaValues.map(fingerprints));
        // a lakehouse from before fingerprints gains them
        lake.appendLog(BUILDS, List.of(log));
        return new YearResult(y, "built", seconds, rows, steps.seconds());
    }

    /** Replaces year Y's rows of a gold table in one commit; returns the rows written. */
    private long write(String table, Dataset<Row> rows, int y) {
        lake.createIfMissing(table, LakeSchemas.schema(table), LakeSchemas.partitioning(table));
        Dataset<Row> conformed = LakeSchemas.conform(rows, table);
        conformed
                .write()
                .format("delta")
                .mode("overwrite")
                .option("replaceWhere", "year = " + y)
                .save(lake.path(table));
        Row metrics = lake.table(table).history(1).select("operationMetrics").first();
        String written =
                scala.jdk.javaapi.CollectionConverters.asJava(
                                metrics.<scala.collection.Map<String, String>>getAs(0))
                        .get("numOutputRows");
        return written == null ? -1 : Long.parseLong(written);
    }

    /** The printed values of year Y in gold (empty if Y is not built). */
    private Dataset<Row> previousValues(int y) {
        if (!lake.exists("gold.indicators")) {
            return spark.createDataFrame(List.of(), LakeSchemas.schema("gold.indicators"))
                    .select("region_code", "indicator_id", "value");
        }
        return spark.read()
                .format("delta")
                .load(lake.path("gold.indicators"))
                .where(col("year").equalTo(y))
                .select("region_code", "indicator_id", "value");
    }

    /** Recomputes year Y's {@code change} from the values of Y−1 now in gold. */
    private void refreshChange(int y) {
        Dataset<Row> current =
                spark.read()
                        .format("delta")
                        .load(lake.path("gold.indicators"))
                        .where(col("year").equalTo(y))
                        .drop("change")
                        .localCheckpoint();
        Dataset<Row> prev = previousValues(y - 1).withColumnRenamed("value", "previous_value");
        Dataset<Row> refreshed =
                current.join(prev, new String[] {"region_code", "indicator_id"}, "left")
                        .withColumn("change", Scoring.change(col("value"), col("previous_value")));
        write("gold.indicators", refreshed, y);
    }

    /** The latest build row per year. */
    private Map<Integer, Row> lastBuilds() {
        Map<Integer, Row> out = new TreeMap<>();
        if (!lake.exists(BUILDS)) {
            return out;
        }
        for (Row r :
                spark.read()
                        .format("delta")
                        .load(lake.path(BUILDS))
                        .orderBy(col("started_at"))
                        .collectAsList()) {
            out.put(r.getAs("year"), r);
        }
        return out;
    }

    /** Whether a year's last build used this catalogue, these poverty lines and this layout. */
    private boolean sameSettings(Row prior) {
        return Objects.equals(prior.getAs("catalogue_version"), catalogue.version())
                && Objects.equals(prior.getAs("poverty_lines_version"), lines.version())
                && Objects.equals(prior.getAs("format_version"), FORMAT_VERSION);
    }

    /**
     * Whether a year reads what its last build read: the same deliveries and, in every frame's
     * window, the same rows.
     */
    private static boolean sameReads(
            Row prior, YearInputs resolved, Map<String, String> fingerprints) {
        Map<String, String> snapshots =
                new TreeMap<>(
                        scala.jdk.javaapi.CollectionConverters.asJava(
                                prior.<scala.collection.Map<String, String>>getAs("snapshots")));
        if (!snapshots.equals(new TreeMap<>(resolved.describe()))) {
            return false;
        }
        Map<String, String> before = fingerprints(prior);
        for (Map.Entry<String, String> e : fingerprints.entrySet()) {
            String was = GoldFingerprints.rows(before.get(e.getKey()));
            if (!Objects.equals(was, GoldFingerprints.rows(e.getValue()))) {
                return false;
            }
        }
        return true;
    }

    /** The fingerprints a build recorded (none for a build from before they were recorded). */
    private static Map<String, String> fingerprints(Row build) {
        int i = java.util.Arrays.asList(build.schema().fieldNames()).indexOf("fingerprints");
        if (i < 0 || build.isNullAt(i)) {
            return Map.of();
        }
        return new TreeMap<>(
                scala.jdk.javaapi.CollectionConverters.asJava(
                        build.<scala.collection.Map<String, String>>getAs(i)));
    }
}
