package org.povlake.assess;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.povlake.gold.Catalogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

/**
 * Small-cell suppression of a published assessment ({@link PublicationRules}, METRICS.md): gold.indicators rows of
 * one year → the same rows with the published levels only, a boolean {@code suppressed}, and numerator, denominator,
 * value, met, achievement and change null where it is true. Pure: rows in, rows out.
 */
public final class Suppression {
    private Suppression() {
    }

    static final List<String> CELL = List.of("numerator", "denominator", "value", "met", "achievement", "change");

    /**
     * Which cells of one year's rows are suppressed (primary, complementary, then the amount-based followers),
     * without nulling anything yet: adds {@code suppressed}. Rows of excluded levels are dropped.
     */
    public static Dataset<Row> flag(Dataset<Row> indicators, PublicationRules rules, Catalogue catalogue) {
        Dataset<Row> published = indicators.where(not(col("region_level").isin(rules.excludedLevels().toArray())));
        List<String> known = new ArrayList<>();
        catalogue.indicators().forEach(i -> known.add(i.id()));
        Column personal = col("indicator_id").isin(rules.counted(catalogue).toArray())
                .or(not(col("indicator_id").isin(known.toArray())).and(not(col("indicator_id").isin(rules.follow().keySet().toArray()))));
        Column num = col("numerator");
        Column den = col("denominator");
        Column rest = den.minus(num);
        Column primary = personal.and(num.isNotNull()).and(den.isNotNull())
                .and(den.lt(rules.minDenominator())
                        .or(num.between(rules.smallMin(), rules.smallMax()))
                        .or(rest.between(rules.smallMin(), rules.smallMax())));
        Dataset<Row> withPrimary = published.withColumn("primary", coalesce(primary, lit(false)));

        // complementary: exactly one suppressed child of a parent → the smallest unsuppressed sibling with a count too
        WindowSpec siblings = Window.partitionBy(col("parent_code"), col("indicator_id"));
        WindowSpec smallestFirst = Window.partitionBy(col("parent_code"), col("indicator_id"), col("candidate"))
                .orderBy(col("denominator").asc_nulls_last(), col("region_code"));
        Dataset<Row> withComplement = withPrimary
                .withColumn("suppressed_siblings", sum(when(col("primary"), 1).otherwise(0)).over(siblings))
                .withColumn("candidate", not(col("primary")).and(num.isNotNull()))
                .withColumn("candidate_rank", row_number().over(smallestFirst))
                .withColumn("suppressed", col("primary").or(col("candidate").and(col("suppressed_siblings").equalTo(1))
                        .and(col("candidate_rank").equalTo(1))))
                .drop("primary", "suppressed_siblings", "candidate", "candidate_rank");

        // amount-based cells follow the count of their cell (same region)
        Dataset<Row> out = withComplement;
        for (Map.Entry<String, String> f : rules.follow().entrySet()) {
            Dataset<Row> leader = withComplement.where(col("indicator_id").equalTo(f.getValue()))
                    .select(col("region_code").as("leader_region"), col("suppressed").as("leader_suppressed"));
            out = out.join(leader, col("region_code").equalTo(col("leader_region")), "left")
                    .withColumn("suppressed", when(col("indicator_id").equalTo(f.getKey()),
                            coalesce(col("leader_suppressed"), lit(false))).otherwise(col("suppressed")))
                    .drop("leader_region", "leader_suppressed");
        }
        return out;
    }

    /**
     * Nulls the cells flagged in {@code current} (from {@link #flag}), and the change of every cell whose region's cell
     * of Y−1 is flagged in {@code previous} (null when Y−1 has no rows).
     */
    public static Dataset<Row> apply(Dataset<Row> current, Dataset<Row> previous) {
        Dataset<Row> d = current;
        if (previous != null) {
            Dataset<Row> prev = previous.where(col("suppressed"))
                    .select(col("region_code").as("prev_region"), col("indicator_id").as("prev_indicator"),
                            lit(true).as("prev_suppressed"));
            d = d.join(prev, col("region_code").equalTo(col("prev_region"))
                            .and(col("indicator_id").equalTo(col("prev_indicator"))), "left")
                    .withColumn("change", when(col("prev_suppressed"), lit(null)).otherwise(col("change")))
                    .drop("prev_region", "prev_indicator", "prev_suppressed");
        }
        for (String c : CELL) {
            d = d.withColumn(c, when(col("suppressed"), lit(null)).otherwise(col(c)));
        }
        return d;
    }
}
