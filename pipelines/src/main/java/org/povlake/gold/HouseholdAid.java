package org.povlake.gold;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import java.time.LocalDate;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The assistance a household received by the end of Y, one row per household: what
 * TARGET_CAUSE_MATCHED_AID ({@link TargetIndicators#causeMatchedAid}) and the portrait's assistance
 * columns read, so a year passes over silver.assistance's events once.
 */
public final class HouseholdAid {
    private HouseholdAid() {}

    /**
     * @param assistance silver.assistance (every delivery, latest versions)
     * @return {@code household_id, assistance_measures} (measures started by {@code end}), {@code
     *     assistance_types} (their distinct types, sorted) and {@code assistance_amount} (their
     *     summed amounts; null when every amount is)
     */
    public static Dataset<Row> received(Dataset<Row> assistance, LocalDate end) {
        return assistance
                .where(col("start_date").leq(lit(end)))
                .groupBy("household_id")
                .agg(
                        count(lit(1)).as("assistance_measures"),
                        array_sort(collect_set(col("measure_type"))).as("assistance_types"),
                        sum("amount").cast(Facts.AMOUNT).as("assistance_amount"));
    }
}
