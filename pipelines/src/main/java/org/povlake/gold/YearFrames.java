package org.povlake.gold;

import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The silver a year's gold is computed from, already resolved to the snapshot of Y (METRICS.md):
 * snapshot extracts as their snapshot of Y (empty when there is none), event extracts whole (every
 * delivery, latest versions).
 *
 * @param households the households as of the households snapshot of Y (silver.households rows)
 * @param householdsPrevious the households as of the snapshot of Y−1 (empty when none)
 * @param history silver.households, every version (for the portrait's status history)
 * @param householdsDate the households snapshot date of Y (null when none)
 * @param shopsUpToY every shops snapshot dated ≤ Y-12-31 (orders are placed by the latest holding
 *     the shop)
 */
public record YearFrames(
        Dataset<Row> regions,
        Dataset<Row> households,
        Dataset<Row> householdsPrevious,
        Dataset<Row> history,
        LocalDate householdsDate,
        Dataset<Row> members,
        Dataset<Row> enrollment,
        Dataset<Row> insurance,
        Dataset<Row> villageNetwork,
        Dataset<Row> poorVillages,
        Dataset<Row> schools,
        Dataset<Row> facilities,
        Dataset<Row> servicePoints,
        Dataset<Row> shops,
        Dataset<Row> shopsUpToY,
        Dataset<Row> links,
        Dataset<Row> assistance,
        Dataset<Row> claims,
        Dataset<Row> training,
        Dataset<Row> orders) {
    /**
     * The silver tables a year's gold reads (each a table {@code SilverTables} declares): pinned by
     * the build.
     */
    public static final List<String> SILVER =
            List.of(
                    "silver.regions",
                    "silver.households",
                    "silver.members",
                    "silver.village_network",
                    "silver.poor_villages",
                    "silver.insurance_enrollment",
                    "silver.inpatient_claims",
                    "silver.facilities",
                    "silver.schools",
                    "silver.enrollment",
                    "silver.training",
                    "silver.service_points",
                    "silver.shops",
                    "silver.shop_household_links",
                    "silver.orders",
                    "silver.assistance");

    /** Reads year Y's frames from silver (pinned versions). */
    public static YearFrames read(GoldInputs in, YearInputs year) {
        LocalDate end = LocalDate.of(year.year(), 12, 31);
        LocalDate hh = year.snapshot(YearInputs.HOUSEHOLDS).orElse(null);
        return new YearFrames(
                in.table("silver.regions"),
                in.householdsAt(hh),
                in.householdsAt(year.householdsPrevious()),
                in.table("silver.households"),
                hh,
                in.snapshot("silver.members", year.snapshot("registry_members").orElse(null)),
                in.snapshot("silver.enrollment", year.snapshot(YearInputs.ENROLLMENT).orElse(null)),
                in.snapshot(
                        "silver.insurance_enrollment",
                        year.snapshot(YearInputs.INSURANCE).orElse(null)),
                in.snapshot(
                        "silver.village_network",
                        year.snapshot("telecom_village_network").orElse(null)),
                in.snapshot(
                        "silver.poor_villages",
                        year.snapshot("registry_poor_villages").orElse(null)),
                in.snapshot("silver.schools", year.snapshot("education_schools").orElse(null)),
                in.snapshot("silver.facilities", year.snapshot("health_facilities").orElse(null)),
                in.snapshot(
                        "silver.service_points",
                        year.snapshot("ecommerce_service_points").orElse(null)),
                in.snapshot("silver.shops", year.snapshot("ecommerce_shops").orElse(null)),
                in.table("silver.shops")
                        .where(
                                org.apache
                                        .spark
                                        .sql
                                        .functions
                                        .col("snapshot_date")
                                        .leq(org.apache.spark.sql.functions.lit(end))),
                in.snapshot(
                        "silver.shop_household_links",
                        year.snapshot("ecommerce_shop_household_links").orElse(null)),
                in.table("silver.assistance"),
                in.table("silver.inpatient_claims"),
                in.table("silver.training"),
                in.table("silver.orders"));
    }
}
