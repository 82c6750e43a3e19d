package org.povlake.silver;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.make_date;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

/**
 * An order belongs to the region of its shop. Its village: the shop's village in the latest shops delivery on or
 * before the end of the order's year that lists the shop; if none does, the earliest delivery that lists it.
 */
public final class OrderPlacement {
    public static final String TABLE = "silver.orders";

    private OrderPlacement() {
    }

    /**
     * @param orders latest order versions (order_time, shop_id, …) whose shop is known
     * @param shops  shops of every delivery: snapshot_date, shop_id, village_code
     */
    public static Dataset<Row> place(Dataset<Row> orders, Dataset<Row> shops) {
        Dataset<Row> withYear = orders.withColumn("order_year", year(col("order_time")));
        Dataset<Row> years = withYear.select("order_year").distinct();
        Dataset<Row> placements = shops.select("shop_id", "snapshot_date", "village_code")
                .crossJoin(broadcast(years))
                .groupBy("shop_id", "order_year")
                .agg(max(when(col("snapshot_date").leq(make_date(col("order_year"), lit(12), lit(31))),
                                struct(col("snapshot_date"), col("village_code")))).as("_until"),
                        min(struct(col("snapshot_date"), col("village_code"))).as("_first"))
                .select(col("shop_id"), col("order_year"),
                        coalesce(col("_until.village_code"), col("_first.village_code")).as("village_code"));
        return withYear.join(placements, new String[]{"shop_id", "order_year"}, "left")
                .withColumn("township_code", substring(col("village_code"), 1, 9))
                .withColumn("county_code", substring(col("village_code"), 1, 6))
                .withColumn("city_code", substring(col("village_code"), 1, 4));
    }
}
