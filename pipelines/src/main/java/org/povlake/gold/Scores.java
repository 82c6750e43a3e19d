package org.povlake.gold;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.rank;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.povlake.contract.Catalogue;

/**
 * From rolled-up numerators and denominators to the printed indicator rows, pillar scores and
 * composite scores with grade and rank (METRICS.md "Scoring and the assessment"); the arithmetic is
 * {@link Scoring}'s.
 */
public final class Scores {
    private Scores() {}

    /**
     * The indicator dimension for year Y: {@code indicator_id, pillar, target, direction, floor,
     * lowest_rank, scored, missing, stale, nulled}.
     */
    public static Dataset<Row> dimension(
            SparkSession spark, Catalogue catalogue, YearInputs inputs) {
        List<Row> rows = new ArrayList<>();
        for (Catalogue.Indicator i : catalogue.indicators()) {
            YearInputs.Status s = inputs.status(i);
            rows.add(
                    RowFactory.create(
                            i.id(),
                            i.pillar(),
                            i.target(),
                            i.direction(),
                            i.floor(),
                            Catalogue.LEVELS.indexOf(i.lowestLevel()),
                            i.scored(),
                            s.missing(),
                            s.stale(),
                            s.nulled()));
        }
        return spark.createDataFrame(
                rows,
                new StructType()
                        .add("indicator_id", DataTypes.StringType)
                        .add("pillar", DataTypes.StringType)
                        .add("target", Scoring.DEC6)
                        .add("direction", DataTypes.StringType)
                        .add("floor", Scoring.DEC6)
                        .add("lowest_rank", DataTypes.IntegerType)
                        .add("scored", DataTypes.BooleanType)
                        .add("missing", DataTypes.BooleanType)
                        .add("stale", DataTypes.BooleanType)
                        .add("nulled", DataTypes.BooleanType));
    }

    /**
     * The rows of gold.indicators for year Y.
     *
     * @param rolled {@link Rollup#toRegions} with the {@link #dimension} carried along
     * @param previous the printed values of Y−1 ({@code region_code, indicator_id, value}); may be
     *     empty
     */
    public static Dataset<Row> indicators(
            Dataset<Row> rolled, Dataset<Row> previous, int year, String catalogueVersion) {
        Column nulled = col("nulled");
        Dataset<Row> prev =
                previous.select(
                        col("region_code"), col("indicator_id"), col("value").as("previous_value"));
        Map<String, Column> printed = new LinkedHashMap<>();
        printed.put(
                "numerator",
                when(nulled, lit(null)).otherwise(col("numerator")).cast(Facts.AMOUNT));
        printed.put(
                "denominator",
                when(nulled, lit(null)).otherwise(col("denominator")).cast(Facts.AMOUNT));
        printed.put("year", lit(year));
        printed.put("catalogue_version", lit(catalogueVersion));
        Map<String, Column> scored = new LinkedHashMap<>();
        scored.put("met", Scoring.met(col("value"), col("target"), col("direction")));
        scored.put(
                "achievement",
                when(col("scored").and(col("missing")), lit(BigDecimal.ZERO).cast(Scoring.DEC6))
                        .otherwise(Scoring.achievement(col("value"), col("target"), col("floor"))));
        scored.put("change", Scoring.change(col("value"), col("previous_value")));
        return rolled.withColumns(printed)
                .withColumn("value", Scoring.value(col("numerator"), col("denominator")))
                .join(prev, new String[] {"region_code", "indicator_id"}, "left")
                .withColumns(scored);
    }

    /**
     * A region's pillar score: the mean printed achievement of its scored indicators present at its
     * level with a non-null value — a missing one counts as 0 (withholding data never scores
     * better). One row per region and pillar; score null when no indicator qualifies.
     */
    public static Dataset<Row> pillars(Dataset<Row> indicators, Catalogue catalogue) {
        SparkSession spark = indicators.sparkSession();
        List<Row> ps = new ArrayList<>();
        catalogue.pillars().forEach(p -> ps.add(RowFactory.create(p.id(), p.weight())));
        Dataset<Row> pillars =
                spark.createDataFrame(
                        ps,
                        new StructType()
                                .add("pillar", DataTypes.StringType)
                                .add("weight", Scoring.DEC6));
        Dataset<Row> counted =
                indicators
                        .where(
                                col("target")
                                        .isNotNull()
                                        .and(col("pillar").isNotNull())
                                        .and(col("value").isNotNull().or(col("missing"))))
                        .groupBy("region_code", "pillar")
                        .agg(sum("achievement").as("_sum"), count(lit(1)).as("_n"));
        return indicators
                .select(
                        "year",
                        "region_code",
                        "region_level",
                        "region_name",
                        "parent_code",
                        "catalogue_version")
                .distinct()
                .crossJoin(broadcast(pillars))
                .join(counted, new String[] {"region_code", "pillar"}, "left")
                .withColumn(
                        "indicators_scored",
                        org.apache.spark.sql.functions.coalesce(col("_n"), lit(0L)).cast("int"))
                .withColumn("score", Scoring.mean(col("_sum"), col("indicators_scored")));
    }

    /**
     * Composite = 100 × Σ(weight × printed pillar score) / Σ(weights of pillars with a score), 4
     * decimals (null if none); grade from the catalogue; competition rank (1, 1, 3) among the
     * regions of each ranked level on the printed composite, a null composite unranked.
     */
    public static Dataset<Row> composites(Dataset<Row> pillarScores, Catalogue catalogue) {
        BigDecimal[] mins =
                catalogue.grades().stream().map(Catalogue.Grade::min).toArray(BigDecimal[]::new);
        String[] names =
                catalogue.grades().stream().map(Catalogue.Grade::grade).toArray(String[]::new);
        UserDefinedFunction grade =
                udf(
                        (UDF1<BigDecimal, String>)
                                c -> {
                                    if (c == null) {
                                        return null;
                                    }
                                    for (int i = 0; i < mins.length; i++) {
                                        if (mins[i] == null || c.compareTo(mins[i]) >= 0) {
                                            return names[i];
                                        }
                                    }
                                    return null;
                                },
                        DataTypes.StringType);
        Column scored = col("score").isNotNull();
        Dataset<Row> composite =
                pillarScores
                        .groupBy(
                                "year",
                                "region_code",
                                "region_level",
                                "region_name",
                                "parent_code",
                                "catalogue_version")
                        .agg(
                                sum(when(scored, col("weight").multiply(col("score"))))
                                        .as("_weighted"),
                                sum(when(scored, col("weight"))).as("_weights"))
                        .withColumn(
                                "composite",
                                Scoring.COMPOSITE.apply(col("_weighted"), col("_weights")))
                        .withColumn("grade", grade.apply(col("composite")));
        Column ranked =
                col("region_level")
                        .isin(catalogue.rankedLevels().toArray())
                        .and(col("composite").isNotNull());
        Dataset<Row> ranks =
                composite
                        .where(ranked)
                        .select(
                                col("region_code"),
                                rank().over(
                                                Window.partitionBy("region_level")
                                                        .orderBy(col("composite").desc()))
                                        .as("rank"));
        return composite.join(ranks, new String[] {"region_code"}, "left");
    }

    /** gold.mpi: the MPI_* rows of gold.indicators side by side, per region. */
    public static Dataset<Row> mpi(Dataset<Row> indicators) {
        Dataset<Row> m = indicators.where(col("indicator_id").startsWith("MPI_"));
        Dataset<Row> base =
                m.where(col("indicator_id").equalTo("MPI_H"))
                        .select(
                                col("year"),
                                col("region_code"),
                                col("region_level"),
                                col("region_name"),
                                col("parent_code"),
                                col("denominator").as("members"),
                                col("numerator").as("poor_members"),
                                col("value").as("h"),
                                col("stale"),
                                col("missing"));
        List<String> others = new ArrayList<>(List.of("MPI_A", "MPI_M0"));
        for (String j : MpiIndicators.deprivations().keySet()) {
            others.add("MPI_CH_" + j);
        }
        Dataset<Row> wide =
                m.where(col("indicator_id").isin(others.toArray()))
                        .groupBy("region_code")
                        .pivot("indicator_id", new ArrayList<Object>(others))
                        .agg(org.apache.spark.sql.functions.first("value"));
        for (String o : others) {
            wide =
                    wide.withColumnRenamed(
                            o,
                            o.equals("MPI_A")
                                    ? "a"
                                    : o.equals("MPI_M0")
                                            ? "m0"
                                            : "ch_"
                                                    + o.substring("MPI_CH_".length())
                                                            .toLowerCase());
        }
        return base.join(wide, new String[] {"region_code"}, "left");
    }
}
