package org.povlake.gold;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.month;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Registered members of year Y, one row per member row (a person in two households has two rows),
 * with what the indicators ask of each: age in Y, compulsory-age child, enrolled, basic- and
 * serious-illness-insured, the registry's own insurance flag, education, health, labour and skills
 * (METRICS.md, Common definitions).
 */
public final class MemberFacts {
    private MemberFacts() {}

    /** Age in Y: completed years on Y-08-31 (the school-entry cut-off); null birth date → null. */
    public static Column ageIn(int year, Column birthDate) {
        return lit(year)
                .minus(org.apache.spark.sql.functions.year(birthDate))
                .minus(when(month(birthDate).gt(8), 1).otherwise(0));
    }

    /**
     * @param registered registered households of Y ({@code household_id, village_code})
     * @param members the members snapshot of Y (silver.members rows)
     * @param enrollment the enrollment snapshot of Y (silver.enrollment rows)
     * @param insurance the insurance snapshot of Y (silver.insurance_enrollment rows)
     * @param training silver.training (every delivery, latest versions)
     */
    public static Dataset<Row> of(
            Dataset<Row> registered,
            Dataset<Row> members,
            Dataset<Row> enrollment,
            Dataset<Row> insurance,
            Dataset<Row> training,
            int year) {
        Dataset<Row> enrolled =
                enrollment
                        .where(
                                col("school_year")
                                        .equalTo(year)
                                        .and(col("status").equalTo("ENROLLED")))
                        .select("person_key")
                        .distinct()
                        .withColumn("enrolled", lit(true));
        // silver's key is (snapshot_date, person_key, year): one row per person for Y, no
        // aggregation needed
        Dataset<Row> insured =
                insurance
                        .where(col("year").equalTo(year))
                        .select(
                                col("person_key"),
                                coalesce(col("basic_medical"), lit(false)).as("basic_insured"),
                                coalesce(col("serious_illness"), lit(false)).as("serious_insured"));
        Dataset<Row> certified =
                training.where(
                                col("certified")
                                        .equalTo(true)
                                        .and(
                                                col("completed_date")
                                                        .leq(lit(LocalDate.of(year, 12, 31)))))
                        .select("person_key")
                        .distinct()
                        .withColumn("certified_training", lit(true));
        Column age = col("age");
        return members.select(
                        "household_id",
                        "person_key",
                        "birth_date",
                        "education",
                        "health",
                        "labor_capacity",
                        "skill_trained",
                        "medical_insurance")
                .join(registered.select("household_id", "village_code"), "household_id")
                .join(enrolled, new String[] {"person_key"}, "left")
                .join(insured, new String[] {"person_key"}, "left")
                .join(certified, new String[] {"person_key"}, "left")
                .withColumn("age", ageIn(year, col("birth_date")))
                .select(
                        col("household_id"),
                        col("person_key"),
                        col("village_code"),
                        age,
                        coalesce(age.between(6, 15), lit(false)).as("compulsory_child"),
                        coalesce(age.geq(16), lit(false)).as("aged_16_plus"),
                        coalesce(col("enrolled"), lit(false)).as("enrolled"),
                        coalesce(col("basic_insured"), lit(false)).as("basic_insured"),
                        coalesce(col("serious_insured"), lit(false)).as("serious_insured"),
                        col("medical_insurance").as("registry_insured"),
                        coalesce(
                                        col("education")
                                                .isin("PRIMARY", "JUNIOR", "SENIOR", "TERTIARY"),
                                        lit(false))
                                .as("primary_or_above"),
                        coalesce(col("health").equalTo("SERIOUS"), lit(false)).as("serious_health"),
                        coalesce(
                                        col("labor_capacity").isin("ORDINARY", "SKILLED", "WEAK"),
                                        lit(false))
                                .as("has_labor"),
                        coalesce(col("skill_trained"), lit(false))
                                .or(coalesce(col("certified_training"), lit(false)))
                                .as("skilled"));
    }

    /**
     * One row per registered person ({@code person_key}): how many registered households they are a
     * member of and the villages of those households (sorted, distinct) — a person counts once in
     * each region holding one of them. A person is in a household at most once (the members
     * extract's key is household_id, id_number), so the member rows are the households.
     */
    public static Dataset<Row> persons(Dataset<Row> memberFacts) {
        return memberFacts
                .groupBy("person_key")
                .agg(
                        org.apache.spark.sql.functions.count(lit(1)).as("households"),
                        org.apache
                                .spark
                                .sql
                                .functions
                                .array_sort(
                                        org.apache.spark.sql.functions.collect_set(
                                                col("village_code")))
                                .as("villages"));
    }
}
