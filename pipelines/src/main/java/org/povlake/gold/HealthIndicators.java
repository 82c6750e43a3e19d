package org.povlake.gold;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.year;

import java.math.BigDecimal;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * HEALTH — health coverage (信息服务工程: 网络医疗、一站式结算): HEALTH_BASIC_INSURANCE,
 * HEALTH_SERIOUS_ILLNESS_INSURANCE, HEALTH_REIMBURSEMENT_RATIO, HEALTH_ONE_STOP,
 * HEALTH_COUNTY_TELEMEDICINE (METRICS.md).
 */
public final class HealthIndicators {
    private HealthIndicators() {}

    /** Registered members basic-insured in Y / with serious-illness insurance in Y; member rows. */
    public static List<Measure> memberMeasures() {
        return List.of(
                Measure.count("HEALTH_BASIC_INSURANCE", col("basic_insured")),
                Measure.count("HEALTH_SERIOUS_ILLNESS_INSURANCE", col("serious_insured")));
    }

    /**
     * Claims counted in Y (discharged in Y, of a registered member), each in every village holding
     * a registered household of the claimant: Σ(basic + serious + assistance paid; null → 0) /
     * Σtotal_cost, and one-stop share.
     *
     * @param persons {@link MemberFacts#persons} of Y
     */
    public static Facts claimFacts(Dataset<Row> claims, Dataset<Row> persons, int year) {
        Dataset<Row> counted =
                claims.where(year(col("discharge_date")).equalTo(year))
                        .select(
                                "claim_id",
                                "person_key",
                                "total_cost",
                                "basic_reimbursed",
                                "serious_reimbursed",
                                "assistance_paid",
                                "one_stop")
                        .join(persons.select("person_key", "villages"), "person_key");
        return Facts.byPlaces(counted, "claim_id", "villages", claimMeasures());
    }

    /** Claim HEALTH indicators, over inpatient claims. */
    public static List<Measure> claimMeasures() {
        Column zero = lit(BigDecimal.ZERO);
        Column paid =
                coalesce(col("basic_reimbursed"), zero)
                        .plus(coalesce(col("serious_reimbursed"), zero))
                        .plus(coalesce(col("assistance_paid"), zero));
        return List.of(
                Measure.sum("HEALTH_REIMBURSEMENT_RATIO", paid, col("total_cost")),
                Measure.count("HEALTH_ONE_STOP", col("one_stop")));
    }

    /**
     * COUNTY_HOSPITAL facilities of the snapshot of Y with telemedicine / such facilities, placed
     * at their village.
     */
    public static Dataset<Row> facilityFacts(Dataset<Row> facilities) {
        return Facts.sumByPlace(facilities, col("village_code"), facilityMeasures());
    }

    /** Facility HEALTH indicator, over facilities rows. */
    public static List<Measure> facilityMeasures() {
        return List.of(
                Measure.count(
                        "HEALTH_COUNTY_TELEMEDICINE",
                        col("level").equalTo("COUNTY_HOSPITAL"),
                        col("telemedicine")));
    }
}
