package org.povlake.silver;

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

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * An order belongs to the region of its shop. Its village: the shop's village in the latest shops
 * delivery on or before the end of the order's year that lists the shop; if none does, the earliest
 * delivery that lists it. The one placement of orders: silver places each order as of its own year
 * ({@link #place}, {@code silver.orders}); gold's trade indicators of Y place the orders of Y and
 * Y−1 both as of Y ({@link #shopVillages} over the deliveries up to Y, METRICS.md), which is why
 * gold does not read the order's own placement.
 */
public final class OrderPlacement {
    public static final String TABLE = "silver.orders";

    private OrderPlacement() {}

    /**
     * @param orders latest order versions (order_time, shop_id, …) whose shop is known
     * @param shops shops of every delivery: snapshot_date, shop_id, village_code
     */
    public static Dataset<Row> place(Dataset<Row> orders, Dataset<Row> shops) {
        Dataset<Row> withYear = orders.withColumn("order_year", year(col("order_time")));
        Dataset<Row> placements = shopVillages(shops, withYear.select("order_year").distinct());
        return withYear.join(placements, new String[] {"shop_id", "order_year"}, "left")
                .withColumn("township_code", substring(col("village_code"), 1, 9))
                .withColumn("county_code", substring(col("village_code"), 1, 6))
                .withColumn("city_code", substring(col("village_code"), 1, 4));
    }

    /**
     * Where each shop is in each year: its village in the latest delivery of {@code shops} on or
     * before 31 December of the year that lists it; if none does, the earliest that does (never the
     * case when {@code shops} holds only deliveries up to the year, as gold's do).
     *
     * @param shops shops of the deliveries considered: snapshot_date, shop_id, village_code
     * @param years the years, distinct, in a column {@code order_year}
     * @return {@code shop_id, order_year, village_code}, a row per shop listed and year
     */
    public static Dataset<Row> shopVillages(Dataset<Row> shops, Dataset<Row> years) {
        return shops.select("shop_id", "snapshot_date", "village_code")
                .crossJoin(broadcast(years))
                .groupBy("shop_id", "order_year")
                .agg(
                        max(when(
                                        col("snapshot_date")
                                                .leq(
                                                        make_date(
                                                                col("order_year"),
                                                                lit(12),
                                                                lit(31))),
                                        struct(col("snapshot_date"), col("village_code"))))
                                .as("_until"),
                        min(struct(col("snapshot_date"), col("village_code"))).as("_first"))
                .select(
                        col("shop_id"),
                        col("order_year"),
                        coalesce(col("_until.village_code"), col("_first.village_code"))
                                .as("village_code"));
    }
}
