package org.povlake.gold;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * NET — network coverage (网络覆盖工程): NET_VILLAGE_BROADBAND, NET_POOR_VILLAGE_BROADBAND,
 * NET_VILLAGE_50MBPS, NET_VILLAGE_4G, NET_TOWNSHIP_CATV, NET_VILLAGE_CATV, NET_HOUSEHOLD_BROADBAND,
 * NET_HOUSEHOLD_TERMINAL (METRICS.md). Every village of the reference counts: one without a
 * village_network row has no broadband.
 */
public final class NetworkIndicators {
    private NetworkIndicators() {}

    /**
     * @param regions silver.regions
     * @param network the village_network snapshot of Y (one row per village, operators combined)
     * @param poorVillages the poor_villages snapshot of Y
     */
    public static Dataset<Row> villageFacts(
            Dataset<Row> regions, Dataset<Row> network, Dataset<Row> poorVillages, int year) {
        Dataset<Row> poor =
                poorVillages
                        .where(col("designated_year").leq(year))
                        .select("village_code")
                        .distinct()
                        .withColumn("poor_village", lit(true));
        Dataset<Row> villages =
                villageNetwork(regions, network).join(poor, new String[] {"village_code"}, "left");
        return Facts.sumByPlace(villages, col("village_code"), villageMeasures());
    }

    /**
     * Village NET indicators, over every village-level region with its network row and {@code
     * poor_village}.
     */
    public static List<Measure> villageMeasures() {
        var admin = col("is_admin_village");
        return List.of(
                Measure.count("NET_VILLAGE_BROADBAND", admin, col("fiber_broadband")),
                Measure.count(
                        "NET_POOR_VILLAGE_BROADBAND", col("poor_village"), col("fiber_broadband")),
                Measure.count("NET_VILLAGE_50MBPS", admin, col("max_fiber_mbps").geq(50)),
                Measure.count("NET_VILLAGE_4G", admin, col("lte_coverage")),
                Measure.count("NET_VILLAGE_CATV", admin, col("cable_tv_fiber")));
    }

    /**
     * Townships (镇/乡) with ≥ 1 village-level unit (any kind) with cable_tv_fiber / townships;
     * placed at the township.
     */
    public static Dataset<Row> townshipFacts(Dataset<Row> regions, Dataset<Row> network) {
        Dataset<Row> withCatv =
                villageNetwork(regions, network)
                        .groupBy("township_code")
                        .agg(max(col("cable_tv_fiber").equalTo(true)).as("catv"));
        Dataset<Row> townships =
                regions.where(col("is_township").equalTo(true))
                        .select(col("region_code").as("township_code"))
                        .join(withCatv, new String[] {"township_code"}, "left");
        return Facts.sumByPlace(townships, col("township_code"), townshipMeasures());
    }

    /** Township NET indicator, over townships with {@code catv}. */
    public static List<Measure> townshipMeasures() {
        return List.of(Measure.count("NET_TOWNSHIP_CATV", col("catv")));
    }

    /** Household NET indicators, over {@link HouseholdFacts}. */
    public static List<Measure> householdMeasures() {
        return List.of(
                Measure.count("NET_HOUSEHOLD_BROADBAND", col("has_broadband")),
                Measure.count("NET_HOUSEHOLD_TERMINAL", col("has_smart_terminal")));
    }

    /**
     * Every village-level region of the reference with its network row of the snapshot (if any).
     */
    static Dataset<Row> villageNetwork(Dataset<Row> regions, Dataset<Row> network) {
        return regions.where(col("region_level").equalTo("village"))
                .select(
                        col("region_code").as("village_code"),
                        col("township_code"),
                        col("is_admin_village"))
                .join(
                        network.select(
                                "village_code",
                                "fiber_broadband",
                                "max_fiber_mbps",
                                "lte_coverage",
                                "cable_tv_fiber"),
                        new String[] {"village_code"},
                        "left");
    }
}
