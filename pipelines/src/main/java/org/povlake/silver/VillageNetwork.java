package org.povlake.silver;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.bool_or;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * {@code silver.village_network}: one row per village and snapshot, the operators' rows combined.
 */
public final class VillageNetwork {
    public static final String TABLE = "silver.village_network";

    private VillageNetwork() {}

    /**
     * @param rows projected bronze rows: snapshot_date, village_code, operator, the network columns
     */
    public static Dataset<Row> combine(Dataset<Row> rows) {
        return rows.groupBy("snapshot_date", "village_code")
                .agg(
                        array_sort(collect_set("operator")).as("operators"),
                        count(lit(1)).as("operator_rows"),
                        bool_or(coalesce(col("fiber_broadband"), lit(false))).as("fiber_broadband"),
                        max(when(col("fiber_broadband"), col("max_broadband_mbps")))
                                .as("max_fiber_mbps"),
                        bool_or(coalesce(col("lte_coverage"), lit(false))).as("lte_coverage"),
                        sum(col("broadband_households").cast("bigint")).as("broadband_households"),
                        bool_or(coalesce(col("cable_tv_fiber"), lit(false))).as("cable_tv_fiber"));
    }
}
