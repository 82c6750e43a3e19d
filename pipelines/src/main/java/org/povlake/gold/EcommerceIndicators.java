package org.povlake.gold;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.povlake.silver.OrderPlacement;

/**
 * ECOM — rural e-commerce (农村电商工程): ECOM_COUNTY_CENTER, ECOM_TOWNSHIP_STATION, ECOM_VILLAGE_POINT,
 * ECOM_TRADE_GROWTH, ECOM_UPWARD_SHARE, ECOM_HOUSEHOLD_REACH (METRICS.md).
 */
public final class EcommerceIndicators {
    private EcommerceIndicators() {}

    /** Active on D: opened_date ≤ D and (closed_date null or closed_date > D). */
    static Column activeOn(LocalDate d) {
        return col("opened_date")
                .leq(lit(d))
                .and(col("closed_date").isNull().or(col("closed_date").gt(lit(d))));
    }

    /**
     * The three service-point coverages; a point counts only at a unit of its own level: a county
     * centre at a county, a station at a township (镇/乡), a point at an administrative village.
     * Placed at the county, township or village.
     */
    public static Dataset<Row> servicePointFacts(
            Dataset<Row> regions, Dataset<Row> servicePoints, int year) {
        Dataset<Row> active =
                servicePoints
                        .where(activeOn(LocalDate.of(year, 12, 31)))
                        .select("region_code", "level")
                        .distinct();
        Dataset<Row> units =
                regions.select("region_code", "region_level", "is_township", "is_admin_village")
                        .join(
                                active.where(col("level").equalTo("COUNTY_CENTER"))
                                        .select(col("region_code"), lit(true).as("county_center")),
                                new String[] {"region_code"},
                                "left")
                        .join(
                                active.where(col("level").equalTo("TOWNSHIP_STATION"))
                                        .select(
                                                col("region_code"),
                                                lit(true).as("township_station")),
                                new String[] {"region_code"},
                                "left")
                        .join(
                                active.where(col("level").equalTo("VILLAGE_POINT"))
                                        .select(col("region_code"), lit(true).as("village_point")),
                                new String[] {"region_code"},
                                "left");
        return Facts.sumByPlace(units, col("region_code"), servicePointMeasures());
    }

    /**
     * The service-point coverages, over every region with its active {@code county_center}, …
     * flags.
     */
    public static List<Measure> servicePointMeasures() {
        return List.of(
                Measure.count(
                        "ECOM_COUNTY_CENTER",
                        col("region_level").equalTo("county"),
                        col("county_center")),
                Measure.count("ECOM_TOWNSHIP_STATION", col("is_township"), col("township_station")),
                Measure.count(
                        "ECOM_VILLAGE_POINT",
                        col("region_level").equalTo("village").and(col("is_admin_village")),
                        col("village_point")));
    }

    /**
     * ECOM_TRADE_GROWTH = (Σamount of COMPLETED orders in Y − same in Y−1) / same in Y−1 (negative
     * allowed; zero base → null) and ECOM_UPWARD_SHARE = Σamount COMPLETED UPWARD in Y / Σamount
     * COMPLETED in Y. Both years' orders are placed as of Y by silver's {@link
     * OrderPlacement#shopVillages}: the shop's village in the latest shops snapshot ≤ Y-12-31 that
     * contains it (a shop that closed still counts where it was; one in no such snapshot is in no
     * region). The order's year is its order_time's. {@code shopsUpToY}: every shops snapshot up to
     * Y-12-31.
     */
    public static Dataset<Row> tradeFacts(Dataset<Row> orders, Dataset<Row> shopsUpToY, int year) {
        Dataset<Row> asOfY =
                OrderPlacement.shopVillages(
                                shopsUpToY,
                                shopsUpToY
                                        .sparkSession()
                                        .range(1)
                                        .select(lit(year).as("order_year")))
                        .select("shop_id", "village_code");
        Dataset<Row> placed =
                orders.where(
                                col("status")
                                        .equalTo("COMPLETED")
                                        .and(col("order_year").isin(year, year - 1)))
                        .select("shop_id", "order_year", "direction", "amount")
                        .join(asOfY, "shop_id");
        return Facts.sumByPlace(placed, col("village_code"), tradeMeasures(year));
    }

    /**
     * The trade indicators of Y, over COMPLETED orders of Y and Y−1 ({@code order_year, direction,
     * amount}).
     */
    public static List<Measure> tradeMeasures(int year) {
        Column zero = lit(BigDecimal.ZERO);
        Column inY = col("order_year").equalTo(year);
        Column thisYear = when(inY, col("amount")).otherwise(zero);
        Column lastYear = when(col("order_year").equalTo(year - 1), col("amount")).otherwise(zero);
        return List.of(
                Measure.sum("ECOM_TRADE_GROWTH", thisYear.minus(lastYear), lastYear),
                Measure.sum(
                        "ECOM_UPWARD_SHARE",
                        when(inY.and(col("direction").equalTo("UPWARD")), col("amount"))
                                .otherwise(zero),
                        thisYear));
    }

    /**
     * Households reached by e-commerce in Y: a shop's operator household (any operator type) in the
     * shops snapshot of Y, or a shop_household_links row of the links snapshot of Y with since_date
     * ≤ Y-12-31 whose shop is in the shops snapshot of Y. Returns {@code household_id,
     * ecommerce_reach = true}.
     */
    public static Dataset<Row> reachedHouseholds(
            Dataset<Row> shops, Dataset<Row> links, LocalDate end) {
        Dataset<Row> operators =
                shops.where(col("operator_household_id").isNotNull())
                        .select(col("operator_household_id").as("household_id"));
        Dataset<Row> linked =
                links.where(col("since_date").leq(lit(end)))
                        .join(shops.select("shop_id").distinct(), "shop_id")
                        .select("household_id");
        return operators.union(linked).distinct().withColumn("ecommerce_reach", lit(true));
    }

    /** Household ECOM indicator, over {@link HouseholdFacts}. */
    public static List<Measure> householdMeasures() {
        return List.of(Measure.count("ECOM_HOUSEHOLD_REACH", col("ecommerce_reach")));
    }
}
