package org.povlake.gold;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.not;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * EDU — education and skills (网络扶智工程): EDU_SCHOOL_BROADBAND, EDU_MULTIMEDIA_CLASSROOMS,
 * EDU_COMPULSORY_DROPOUT, EDU_LABOR_HOUSEHOLD_SKILL (METRICS.md).
 */
public final class EducationIndicators {
    private EducationIndicators() {}

    /**
     * Schools of the snapshot of Y, placed at their village: broadband share and Σmultimedia /
     * Σclassrooms.
     */
    public static Dataset<Row> schoolFacts(Dataset<Row> schools) {
        return Facts.sumByPlace(schools, col("village_code"), schoolMeasures());
    }

    /** School EDU indicators, over schools rows. */
    public static List<Measure> schoolMeasures() {
        return List.of(
                Measure.count("EDU_SCHOOL_BROADBAND", col("broadband")),
                Measure.sum(
                        "EDU_MULTIMEDIA_CLASSROOMS",
                        col("multimedia_classrooms"),
                        col("classrooms")));
    }

    /**
     * Compulsory-age children (registered members aged 6–15 in Y) not enrolled in Y / such
     * children; member rows.
     */
    public static List<Measure> memberMeasures() {
        return List.of(
                Measure.count(
                        "EDU_COMPULSORY_DROPOUT", col("compulsory_child"), not(col("enrolled"))));
    }

    /**
     * Labour households (≥ 1 member with labour capacity ORDINARY, SKILLED or WEAK) with ≥ 1 member
     * skill-trained or holding a certified training completed by Y-12-31 / labour households; over
     * {@link HouseholdFacts}.
     */
    public static List<Measure> householdMeasures() {
        return List.of(
                Measure.count(
                        "EDU_LABOR_HOUSEHOLD_SKILL",
                        col("labor_household"),
                        col("any_skilled_member")));
    }
}
