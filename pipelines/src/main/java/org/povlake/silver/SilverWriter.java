package org.povlake.silver;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.delta.tables.DeltaTable;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.povlake.lake.LakeSchemas;
import org.povlake.lake.Lakehouse;

/**
 * The thin I/O layer of silver: every write is one atomic Delta commit of a whole table, partitions
 * or keys.
 */
final class SilverWriter {
    private final Lakehouse lake;

    SilverWriter(Lakehouse lake) {
        this.lake = lake;
    }

    void create(String table) {
        lake.createIfMissing(
                table,
                LakeSchemas.schema(table),
                LakeSchemas.partitioning(table),
                LakeSchemas.properties(table));
    }

    /**
     * Replaces the whole table (creating it in the same commit: the session's Delta defaults give
     * it the lakehouse's retention properties).
     */
    void overwrite(String table, Dataset<Row> rows) {
        if (!LakeSchemas.properties(table).isEmpty()) {
            create(table);
        }
        LakeSchemas.conform(rows, table)
                .write()
                .format("delta")
                .mode("overwrite")
                .partitionBy(LakeSchemas.partitioning(table).toArray(new String[0]))
                .save(lake.path(table));
    }

    /**
     * Replaces the rows matching {@code predicate} (a SQL condition) with {@code rows}, atomically.
     */
    void replaceWhere(String table, Dataset<Row> rows, String predicate) {
        create(table);
        LakeSchemas.conform(rows, table)
                .write()
                .format("delta")
                .mode("overwrite")
                .option("replaceWhere", predicate)
                .save(lake.path(table));
    }

    static String datesIn(String column, Set<LocalDate> dates) {
        return column
                + " IN ("
                + dates.stream().map(d -> "DATE'" + d + "'").collect(Collectors.joining(", "))
                + ")";
    }

    /**
     * Makes the rows of the {@code affected} keys exactly {@code rows}: a key with a row is
     * inserted or updated, a key without one is deleted — one MERGE, so readers see before or
     * after, never between.
     *
     * @param keyColumn the target's key column; {@code affected} has it as {@code _key}
     * @param scope an extra condition on the target (e.g. the orphans of one extract), or null
     */
    void mergeKeys(
            String table,
            String keyColumn,
            Dataset<Row> rows,
            Dataset<Row> affected,
            String scope) {
        create(table);
        Dataset<Row> conformed = LakeSchemas.conform(rows, table).withColumn("_present", lit(true));
        Dataset<Row> source =
                affected.join(
                        conformed, affected.col("_key").equalTo(conformed.col(keyColumn)), "left");
        Map<String, Column> assignments = new LinkedHashMap<>();
        for (String c : LakeSchemas.schema(table).fieldNames()) {
            assignments.put(c, col("s." + c));
        }
        String on = "t." + keyColumn + " = s._key" + (scope == null ? "" : " AND " + scope);
        DeltaTable.forPath(lake.spark(), lake.path(table))
                .as("t")
                .merge(source.as("s"), on)
                .whenMatched("s._present IS NULL")
                .delete()
                .whenMatched("s._present")
                .update(assignments)
                .whenNotMatched("s._present")
                .insert(assignments)
                .execute();
    }

    /**
     * Appends rows (build log); a log written by an older povlake gains the columns added since.
     */
    void append(String table, Dataset<Row> rows, List<String> partitionBy) {
        lake.createIfMissing(table, rows.schema(), partitionBy);
        rows.write()
                .format("delta")
                .mode("append")
                .option("mergeSchema", "true")
                .save(lake.path(table));
    }
}
