package org.povlake.assess;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.povlake.contract.Catalogue;

/**
 * Primary small-cell suppression of a published assessment ({@link PublicationRules}, METRICS.md):
 * gold.indicators rows of one year → the rows of the published levels with a boolean {@code
 * primary}, true for a personal cell whose denominator is below the minimum or whose numerator or
 * denominator − numerator is small. What else is hidden so that no hidden cell can be recovered is
 * {@link DisclosureControl}'s. Pure: rows in, rows out.
 */
public final class Suppression {
    private Suppression() {}

    /** Marks the primary cells ({@code primary}); rows of excluded levels are dropped. */
    public static Dataset<Row> flag(
            Dataset<Row> indicators, PublicationRules rules, Catalogue catalogue) {
        Dataset<Row> published =
                indicators.where(not(col("region_level").isin(rules.excludedLevels().toArray())));
        List<String> known = new ArrayList<>();
        catalogue.indicators().forEach(i -> known.add(i.id()));
        Column personal =
                col("indicator_id")
                        .isin(rules.counted(catalogue).toArray())
                        .or(
                                not(col("indicator_id").isin(known.toArray()))
                                        .and(
                                                not(
                                                        col("indicator_id")
                                                                .isin(
                                                                        rules.follow()
                                                                                .keySet()
                                                                                .toArray()))));
        Column num = col("numerator");
        Column den = col("denominator");
        Column rest = den.minus(num);
        Column primary =
                personal.and(num.isNotNull())
                        .and(den.isNotNull())
                        .and(
                                den.lt(rules.minDenominator())
                                        .or(num.between(rules.smallMin(), rules.smallMax()))
                                        .or(rest.between(rules.smallMin(), rules.smallMax())));
        return published.withColumn("primary", coalesce(primary, lit(false)));
    }
}
