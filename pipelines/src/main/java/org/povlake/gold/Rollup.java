package org.povlake.gold;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.povlake.contract.Catalogue;

/**
 * From contributions per place to every region of the reference at every level an indicator exists
 * at, always as Σnumerator / Σdenominator over the region (METRICS.md "Regions", "Universe",
 * "Places"). A shared unit (a person in households of several villages) counts once per region; a
 * region with nothing gets 0 / 0.
 */
public final class Rollup {
    private Rollup() {}

    /** {@code place_code → region_code}: each region to itself and to each of its ancestors. */
    public static Dataset<Row> ancestry(Dataset<Row> regions) {
        String province =
                regions.where(col("region_level").equalTo("province"))
                        .select("region_code")
                        .as(org.apache.spark.sql.Encoders.STRING())
                        .first();
        return regions.select(
                        col("region_code").as("place_code"),
                        explode(
                                        array(
                                                col("region_code"),
                                                col("township_code"),
                                                col("county_code"),
                                                col("city_code"),
                                                lit(province)))
                                .as("region_code"))
                .where(col("region_code").isNotNull())
                .distinct();
    }

    /**
     * @param facts the contributions
     * @param regions silver.regions
     * @param indicators the indicator dimension: {@code indicator_id, lowest_rank} (0 village … 4
     *     province) and any columns to carry along
     * @return one row per region × indicator existing at its level: region columns, the dimension's
     *     columns, {@code numerator, denominator}
     */
    public static Dataset<Row> toRegions(
            Facts facts, Dataset<Row> regions, Dataset<Row> indicators) {
        Dataset<Row> up = broadcast(ancestry(regions));
        Dataset<Row> sums =
                facts.direct()
                        .join(up, "place_code")
                        .groupBy("indicator_id", "region_code")
                        .agg(
                                sum("numerator").as("numerator"),
                                sum("denominator").as("denominator"));
        if (facts.shared() != null) {
            Dataset<Row> shared =
                    facts.shared()
                            .join(up, "place_code")
                            .dropDuplicates("indicator_id", "region_code", "entity")
                            .groupBy("indicator_id", "region_code")
                            .agg(
                                    sum("numerator").as("numerator"),
                                    sum("denominator").as("denominator"));
            sums =
                    sums.unionByName(shared)
                            .groupBy("indicator_id", "region_code")
                            .agg(
                                    sum("numerator").as("numerator"),
                                    sum("denominator").as("denominator"));
        }
        Column rank = levelRank(col("region_level"));
        Dataset<Row> universe =
                regions.select("region_code", "region_level", "region_name", "parent_code")
                        .crossJoin(broadcast(indicators))
                        .where(rank.geq(col("lowest_rank")));
        Column zero = lit(java.math.BigDecimal.ZERO).cast(Facts.AMOUNT);
        return universe.join(sums, new String[] {"indicator_id", "region_code"}, "left")
                .withColumn("numerator", coalesce(col("numerator").cast(Facts.AMOUNT), zero))
                .withColumn("denominator", coalesce(col("denominator").cast(Facts.AMOUNT), zero));
    }

    /** 0 village, 1 township, 2 county, 3 city, 4 province. */
    public static Column levelRank(Column level) {
        Column c = lit(-1);
        for (int i = Catalogue.LEVELS.size() - 1; i >= 0; i--) {
            c =
                    org.apache
                            .spark
                            .sql
                            .functions
                            .when(level.equalTo(Catalogue.LEVELS.get(i)), i)
                            .otherwise(c);
        }
        return c;
    }
}
