package org.povlake.gold;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.povlake.contract.Catalogue;

/**
 * TARGET — precise identification, assistance and exit (精准识别、精准帮扶、精准脱贫): TARGET_PORTRAIT_COMPLETE,
 * TARGET_DUPLICATE_PERSON, TARGET_EXIT_OVERDUE, TARGET_HELPER_ASSIGNED, TARGET_CAUSE_MATCHED_AID,
 * TARGET_EXIT_COMPLIANCE, TARGET_RETURN_TO_POVERTY, TARGET_REGISTRY_HEALTH_AGREEMENT (METRICS.md).
 */
public final class TargetIndicators {
    private TargetIndicators() {}

    /** Household-based TARGET indicators, over {@link HouseholdFacts}. */
    public static List<Measure> householdMeasures(int year, BigDecimal povertyLine) {
        Column inPoverty = col("in_poverty");
        return List.of(
                Measure.count(
                        "TARGET_PORTRAIT_COMPLETE",
                        col("primary_cause")
                                .isNotNull()
                                .and(col("per_capita_net_income").isNotNull())
                                .and(col("housing_safe").isNotNull())
                                .and(col("drinking_water_safe").isNotNull())
                                .and(col("member_rows").gt(0))),
                Measure.count(
                        "TARGET_EXIT_OVERDUE",
                        inPoverty,
                        col("per_capita_net_income")
                                .geq(lit(povertyLine.multiply(BigDecimal.valueOf(2))))),
                Measure.count("TARGET_HELPER_ASSIGNED", inPoverty, col("helper_key").isNotNull()),
                Measure.count(
                        "TARGET_CAUSE_MATCHED_AID",
                        col("primary_cause").isNotNull(),
                        col("cause_matched_aid")),
                Measure.count("TARGET_EXIT_COMPLIANCE", exitedIn(year), col("exit_all_criteria")));
    }

    /**
     * Member-row TARGET indicator, over {@link MemberFacts}. Absent from insurance = not insured.
     */
    public static List<Measure> memberMeasures() {
        return List.of(
                Measure.count(
                        "TARGET_REGISTRY_HEALTH_AGREEMENT",
                        col("registry_insured").isNotNull(),
                        col("registry_insured").equalTo(col("basic_insured"))));
    }

    /**
     * Persons that are members of ≥ 2 registered households, counted once in each region holding
     * one of them.
     */
    public static Facts duplicatePersons(Dataset<Row> persons) {
        return Facts.byPlaces(persons, "person_key", "villages", personMeasures());
    }

    /** Person TARGET indicator, over {@link MemberFacts#persons}. */
    public static List<Measure> personMeasures() {
        return List.of(Measure.count("TARGET_DUPLICATE_PERSON", col("households").geq(2)));
    }

    /**
     * Households RETURNED in the snapshot of Y that were EXITED in the snapshot of Y−1 / households
     * EXITED in the snapshot of Y−1, placed by their village in Y−1 (where they exited).
     */
    public static Dataset<Row> returnToPoverty(
            Dataset<Row> householdsPrevious, Dataset<Row> householdsNow) {
        Dataset<Row> now =
                householdsNow.select(col("household_id"), col("status").as("status_now"));
        Dataset<Row> exited =
                householdsPrevious
                        .where(col("status").equalTo("EXITED"))
                        .select("household_id", "village_code")
                        .join(now, new String[] {"household_id"}, "left");
        return Facts.sumByPlace(exited, col("village_code"), exitedHouseholdMeasures());
    }

    /** Return to poverty, over the households EXITED in Y−1 with their {@code status_now}. */
    public static List<Measure> exitedHouseholdMeasures() {
        return List.of(
                Measure.count("TARGET_RETURN_TO_POVERTY", col("status_now").equalTo("RETURNED")));
    }

    /** Households with status EXITED and exit_year = Y: exit compliance's denominator. */
    public static Column exitedIn(int year) {
        return col("status").equalTo("EXITED").and(col("exit_year").equalTo(year));
    }

    /**
     * The five exit criteria, one column each, and {@code exit_all_criteria}: income ≥ L(Y) (null
     * fails), housing safe, drinking water safe (null fails), every compulsory-age child enrolled
     * in Y, every member basic-insured in Y (a household without member rows passes these two).
     * Needs {@code poverty_line} and the member counts.
     */
    public static Dataset<Row> withExitCriteria(Dataset<Row> households, int year) {
        java.util.Map<String, Column> c = new java.util.LinkedHashMap<>();
        c.put(
                "exit_income_ok",
                coalesce(col("per_capita_net_income").geq(col("poverty_line")), lit(false)));
        c.put("exit_housing_ok", coalesce(col("housing_safe"), lit(false)));
        c.put("exit_water_ok", coalesce(col("drinking_water_safe"), lit(false)));
        c.put("exit_children_enrolled_ok", col("children_not_enrolled").equalTo(0));
        c.put("exit_members_insured_ok", col("members_not_insured").equalTo(0));
        Column all = lit(true);
        for (Column v : c.values()) {
            all = all.and(v);
        }
        c.put("exit_all_criteria", all);
        return households.withColumns(c);
    }

    /**
     * TARGET_CAUSE_MATCHED_AID's numerator over {@link HouseholdFacts}: ≥ 1 assistance measure
     * started by the end of Y ({@code assistance_types}, {@link HouseholdAid#received}) of a type
     * the catalogue matches to the primary cause; for ILLNESS and DISABILITY an inpatient claim
     * with assistance paid ({@code claim_medical_aid}, {@link #medicalAidByClaim}) counts as
     * MEDICAL_AID. Measures and claims of any earlier year count. Null-safe: false.
     */
    public static Column causeMatchedAid(Catalogue catalogue) {
        List<Column> pairs = new ArrayList<>();
        catalogue
                .causeMeasures()
                .forEach(
                        (cause, measures) -> {
                            pairs.add(lit(cause));
                            pairs.add(
                                    org.apache.spark.sql.functions.array(
                                            measures.stream()
                                                    .map(m -> lit(m))
                                                    .toArray(Column[]::new)));
                        });
        Column matched =
                org.apache
                        .spark
                        .sql
                        .functions
                        .map(pairs.toArray(new Column[0]))
                        .getItem(col("primary_cause"));
        Column byMeasure =
                coalesce(
                        org.apache.spark.sql.functions.arrays_overlap(
                                col("assistance_types"), matched),
                        lit(false));
        Column byClaim =
                coalesce(
                        col("primary_cause")
                                .isin("ILLNESS", "DISABILITY")
                                .and(col("claim_medical_aid")),
                        lit(false));
        return byMeasure.or(byClaim);
    }

    /**
     * Households with a member ({@link MemberFacts#of}: registered households' members) who had an
     * inpatient claim with assistance_paid > 0 discharged by {@code end}. Returns {@code
     * household_id, claim_medical_aid = true}.
     */
    public static Dataset<Row> medicalAidByClaim(
            Dataset<Row> members, Dataset<Row> claims, LocalDate end) {
        return claims.where(col("assistance_paid").gt(0).and(col("discharge_date").leq(lit(end))))
                .select("person_key")
                .distinct()
                .join(members.select("person_key", "household_id"), "person_key")
                .select("household_id")
                .distinct()
                .withColumn("claim_medical_aid", lit(true));
    }
}
