package org.povlake.gold;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.year;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * 精准画像 — the household portrait: one row per registered household and year ({@code
 * gold.household_portrait}), from {@link HouseholdFacts} (which carries the assistance received)
 * plus the household's status history and its members' claims of Y.
 */
public final class HouseholdPortrait {
    private HouseholdPortrait() {}

    /**
     * @param householdFacts {@link HouseholdFacts#of} for Y
     * @param history silver.households (every version)
     * @param snapshotDate the households snapshot date of Y
     * @param memberFacts {@link MemberFacts#of} for Y
     */
    public static Dataset<Row> of(
            Dataset<Row> householdFacts,
            Dataset<Row> history,
            LocalDate snapshotDate,
            Dataset<Row> memberFacts,
            Dataset<Row> claims,
            int y) {
        Dataset<Row> statusHistory =
                history.where(col("valid_from").leq(lit(snapshotDate)))
                        .groupBy("household_id")
                        .agg(
                                array_sort(
                                                collect_list(
                                                        struct(
                                                                col("valid_from").as("since"),
                                                                col("status"))))
                                        .as("status_history"));
        Dataset<Row> claimed =
                claims.where(year(col("discharge_date")).equalTo(y))
                        .select("claim_id", "person_key", "assistance_paid")
                        .join(memberFacts.select("person_key", "household_id"), "person_key")
                        .groupBy("household_id")
                        .agg(
                                count(lit(1)).as("claims_in_year"),
                                sum("assistance_paid")
                                        .cast(Facts.AMOUNT)
                                        .as("claims_assistance_paid"));
        return householdFacts
                .join(statusHistory, new String[] {"household_id"}, "left")
                .join(claimed, new String[] {"household_id"}, "left")
                .withColumns(
                        java.util.Map.of(
                                "year", lit(y),
                                "status_since", col("valid_from"),
                                "income_to_line",
                                        Scoring.value(
                                                col("per_capita_net_income").cast(Facts.AMOUNT),
                                                col("poverty_line")),
                                "helper_assigned", col("helper_key").isNotNull(),
                                "claims_in_year", coalesce(col("claims_in_year"), lit(0L)),
                                "claims_assistance_paid",
                                        coalesce(
                                                col("claims_assistance_paid"),
                                                lit(BigDecimal.ZERO).cast(Facts.AMOUNT))));
    }
}
