package org.povlake.silver;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * Cross-source consistency signals that later indicators and the data-quality report use: {@code
 * silver.household_signals} (declared household_size vs member rows) and {@code
 * silver.member_signals} (persons in more than one household; the registry's medical_insurance vs
 * health's basic enrollment).
 */
public final class ConsistencySignals {
    public static final String HOUSEHOLDS = "silver.household_signals";
    public static final String MEMBERS = "silver.member_signals";

    private ConsistencySignals() {}

    /**
     * @param households snapshot_date, household_id, household_size (every households delivery)
     * @param members snapshot_date, household_id (non-orphan member rows)
     */
    public static Dataset<Row> households(Dataset<Row> households, Dataset<Row> members) {
        Dataset<Row> counts =
                members.groupBy("snapshot_date", "household_id")
                        .agg(count(lit(1)).as("member_rows"));
        return households
                .join(counts, new String[] {"snapshot_date", "household_id"}, "left")
                .withColumn("declared_size", col("household_size"))
                .withColumn("member_rows", coalesce(col("member_rows"), lit(0L)))
                .withColumn("size_mismatch", col("declared_size").notEqual(col("member_rows")));
    }

    /**
     * @param members snapshot_date, household_id, person_key, medical_insurance (non-orphan member
     *     rows)
     * @param insurance snapshot_date, person_key, year, basic_medical (every insurance delivery)
     * @param resolution per members snapshot_date: insurance_date (the insurance snapshot of the
     *     snapshot's year, null if none) and year_known (that delivery holds rows for the year)
     */
    public static Dataset<Row> members(
            Dataset<Row> members, Dataset<Row> insurance, Dataset<Row> resolution) {
        // each registry snapshot's insurance rows, found through the (small) resolution: the rows
        // of its year in the delivery its year resolves to; then the members meet them and their
        // own households in one partitioning, by snapshot and person
        Dataset<Row> resolved =
                resolution.select(col("snapshot_date").as("_snapshot"), col("insurance_date"));
        Dataset<Row> insured =
                insurance
                        .join(
                                broadcast(resolved),
                                col("snapshot_date")
                                        .equalTo(col("insurance_date"))
                                        .and(col("year").equalTo(year(col("_snapshot")))))
                        .select(
                                col("_snapshot").as("snapshot_date"),
                                col("person_key"),
                                col("basic_medical"));
        WindowSpec person = Window.partitionBy("snapshot_date", "person_key");
        return members.join(insured, new String[] {"snapshot_date", "person_key"}, "left")
                .withColumn(
                        "households_of_person",
                        size(collect_set("household_id").over(person)).cast("long"))
                .join(
                        broadcast(resolution.select("snapshot_date", "year_known")),
                        new String[] {"snapshot_date"},
                        "left")
                .withColumn("registry_insured", col("medical_insurance"))
                .withColumn(
                        "health_basic_insured",
                        when(
                                coalesce(col("year_known"), lit(false)),
                                coalesce(col("basic_medical"), lit(false))))
                .withColumn(
                        "registry_health_agree",
                        col("registry_insured").equalTo(col("health_basic_insured")));
    }
}
