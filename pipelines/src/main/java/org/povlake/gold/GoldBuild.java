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
        List<YearResult> results = new ArrayList<>();
        boolean previousRebuilt = false;
        for (int y : years) {
            Row prior = last.get(y);
            boolean upToDate =
                    !force
                            && !previousRebuilt
                            && prior != null
                            && sameInputs(prior, inputs.versions());
            if (upToDate) {
                results.add(new YearResult(y, "up to date", 0, Map.of(), Map.of()));
                continue;
            }
            results.add(buildYear(run, y, inputs, deliveries));
            previousRebuilt = true;
        }
        // a later year already in gold compares itself with a year rebuilt now: refresh its change
        // column
        int lastBuilt = years.get(years.size() - 1);
        if (previousRebuilt
                && lake.exists("gold.indicators")
                && !years.contains(lastBuilt + 1)
                && last.containsKey(lastBuilt + 1)) {
            refreshChange(lastBuilt + 1);
        }
        return new Result(
                buildId,
                results,
                Duration.between(started, Instant.now()).toMillis() / 1000.0,
                versionsSeconds);
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
            RunContext run, int y, GoldInputs inputs, List<Delivery> deliveries) {
        Instant started = Instant.now();
        Timings steps = new Timings();
        YearInputs resolved =
                steps.time(
                        "inputs",
                        () -> {
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
                        });
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
                        ScalaValues.map(rows));
        lake.createIfMissing(BUILDS, LakeSchemas.schema(BUILDS), List.of());
        spark.createDataFrame(List.of(log), LakeSchemas.schema(BUILDS))
                .write()
                .format("delta")
                .mode("append")
                .save(lake.path(BUILDS));
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

    private boolean sameInputs(Row prior, Map<String, Long> versions) {
        Map<String, Long> before =
                new TreeMap<>(
                        scala.jdk.javaapi.CollectionConverters.asJava(
                                prior.<scala.collection.Map<String, Long>>getAs("inputs")));
        return Objects.equals(prior.getAs("catalogue_version"), catalogue.version())
                && Objects.equals(prior.getAs("poverty_lines_version"), lines.version())
                && Objects.equals(prior.getAs("format_version"), FORMAT_VERSION)
                && before.equals(new TreeMap<>(versions))
                && lake.exists("gold.indicators");
    }
}
