package org.povlake.silver;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Claims, enrollment and training of persons who are not registered members are allowed
 * (EXTRACTS.md): they stay, marked {@code in_registry = false}. A person is in the registry when a
 * non-orphan member row in any registry snapshot has their resident ID.
 */
public final class RegistryMarks {
    private RegistryMarks() {}

    /**
     * @param members the registry's member rows (person_key; silver.members, so orphans are already
     *     out). Only the persons the rows name are looked up, so a few claims never cost a pass
     *     over every member's distinct key.
     */
    public static Dataset<Row> mark(Dataset<Row> rows, Dataset<Row> members) {
        Dataset<Row> candidates = rows.select(col("person_key").as("_candidate")).distinct();
        Dataset<Row> flags =
                members.select("person_key")
                        .join(candidates, col("person_key").equalTo(col("_candidate")), "left_semi")
                        .distinct()
                        .select(col("person_key").as("_registered_key"))
                        .withColumn("_in", lit(true));
        return rows.join(
                        flags, rows.col("person_key").equalTo(flags.col("_registered_key")), "left")
                .withColumn("in_registry", coalesce(col("_in"), lit(false)))
                .drop("_registered_key", "_in");
    }
}
