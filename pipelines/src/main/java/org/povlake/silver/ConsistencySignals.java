package org.povlake.silver;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

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
        Dataset<Row> places =
                members.groupBy("snapshot_date", "person_key")
                        .agg(countDistinct("household_id").as("households_of_person"));
        Dataset<Row> ins =
                insurance.select(
                        col("snapshot_date").as("insurance_date"),
                        col("person_key"),
                        col("year").as("_year"),
                        col("basic_medical"));
        return members.join(places, new String[] {"snapshot_date", "person_key"}, "left")
                .join(broadcast(resolution), new String[] {"snapshot_date"}, "left")
                .withColumn("_year", org.apache.spark.sql.functions.year(col("snapshot_date")))
                .join(ins, new String[] {"insurance_date", "person_key", "_year"}, "left")
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
