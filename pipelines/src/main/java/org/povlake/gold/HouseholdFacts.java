package org.povlake.gold;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.povlake.contract.Catalogue;

/**
 * Registered households of year Y, one row each, with everything the household indicators, the MPI
 * and the household portrait read: member counts and flags, cause-matched aid, e-commerce reach,
 * the five exit criteria ({@link TargetIndicators#withExitCriteria}) and the MPI deprivations and
 * score ({@link MpiIndicators#withDeprivations}).
 */
public final class HouseholdFacts {
    public static final java.util.List<String> REGISTERED =
            java.util.List.of("POOR", "RETURNED", "EXITED");
    public static final java.util.List<String> IN_POVERTY = java.util.List.of("POOR", "RETURNED");

    private HouseholdFacts() {}

    /** Zero/false for households without member rows, aid or reach; the year's line. */
    private static java.util.Map<String, org.apache.spark.sql.Column> defaults(
            BigDecimal povertyLine) {
        java.util.Map<String, org.apache.spark.sql.Column> d = new java.util.LinkedHashMap<>();
        for (String c :
                java.util.List.of(
                        "member_rows",
                        "compulsory_children",
                        "children_not_enrolled",
                        "members_not_insured",
                        "assistance_measures")) {
            d.put(c, coalesce(col(c), lit(0L)));
        }
        for (String c :
                java.util.List.of(
                        "any_serious_health",
                        "any_adult_primary_or_above",
                        "labor_household",
                        "any_skilled_member",
                        "ecommerce_reach")) {
            d.put(c, coalesce(col(c), lit(false)));
        }
        d.put(
                "assistance_amount",
                coalesce(col("assistance_amount"), lit(BigDecimal.ZERO).cast(Facts.AMOUNT)));
        d.put("poverty_line", lit(povertyLine).cast(Facts.AMOUNT));
        return d;
    }

    /**
     * Registered households of a households state (POOR, RETURNED, EXITED), with {@code
     * in_poverty}.
     */
    public static Dataset<Row> registered(Dataset<Row> householdsAtSnapshot) {
        return householdsAtSnapshot
                .where(col("status").isin(REGISTERED.toArray()))
                .withColumn("in_poverty", col("status").isin(IN_POVERTY.toArray()));
    }

    /**
     * @param registered {@link #registered} of the households snapshot of Y
     * @param members {@link MemberFacts#of} for Y
     * @param assistance silver.assistance (every delivery, latest versions)
     * @param claims silver.inpatient_claims (every delivery, latest versions)
     * @param shops the shops snapshot of Y
     * @param links the shop_household_links snapshot of Y
     */
    public static Dataset<Row> of(
            Dataset<Row> registered,
            Dataset<Row> members,
            Dataset<Row> assistance,
            Dataset<Row> claims,
            Dataset<Row> shops,
            Dataset<Row> links,
            Catalogue catalogue,
            int year,
            BigDecimal povertyLine) {
        LocalDate end = LocalDate.of(year, 12, 31);
        Dataset<Row> perHousehold =
                members.groupBy("household_id")
                        .agg(
                                count(lit(1)).as("member_rows"),
                                sum(when(col("compulsory_child"), 1).otherwise(0))
                                        .as("compulsory_children"),
                                sum(when(col("compulsory_child").and(not(col("enrolled"))), 1)
                                                .otherwise(0))
                                        .as("children_not_enrolled"),
                                sum(when(not(col("basic_insured")), 1).otherwise(0))
                                        .as("members_not_insured"),
                                max(col("serious_health")).as("any_serious_health"),
                                max(col("aged_16_plus").and(col("primary_or_above")))
                                        .as("any_adult_primary_or_above"),
                                max(col("has_labor")).as("labor_household"),
                                max(col("skilled")).as("any_skilled_member"));
        Dataset<Row> facts =
                registered
                        .join(perHousehold, new String[] {"household_id"}, "left")
                        .join(
                                HouseholdAid.received(assistance, end),
                                new String[] {"household_id"},
                                "left")
                        .join(
                                TargetIndicators.medicalAidByClaim(members, claims, end),
                                new String[] {"household_id"},
                                "left")
                        .join(
                                EcommerceIndicators.reachedHouseholds(shops, links, end),
                                new String[] {"household_id"},
                                "left")
                        .withColumns(defaults(povertyLine))
                        .withColumn(
                                "cause_matched_aid", TargetIndicators.causeMatchedAid(catalogue));
        facts = TargetIndicators.withExitCriteria(facts, year);
        return MpiIndicators.withDeprivations(facts, catalogue);
    }
}
