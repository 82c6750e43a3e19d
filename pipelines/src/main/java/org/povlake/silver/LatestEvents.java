package org.povlake.silver;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.row_number;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * Event extracts keep every delivery's version of a row in bronze; silver holds each event in its
 * latest corrected version: the one of the latest as-of date (a re-delivery of the same date
 * replaced that delivery's rows at ingest, so there is one row per key and date).
 */
public final class LatestEvents {
    private LatestEvents() {}

    public static Dataset<Row> latest(Dataset<Row> bronze, List<String> primaryKey) {
        Column[] key = primaryKey.stream().map(Column::new).toArray(Column[]::new);
        return bronze.withColumn(
                        "_rank",
                        row_number()
                                .over(Window.partitionBy(key).orderBy(col("_as_of_date").desc())))
                .filter(col("_rank").equalTo(1))
                .drop("_rank");
    }
}
