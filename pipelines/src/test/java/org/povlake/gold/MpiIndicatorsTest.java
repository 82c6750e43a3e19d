package org.povlake.gold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.povlake.gold.GoldFixture.*;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Alkire–Foster MPI (k = 1/3, people-weighted) on six registered households of 2020 (L = 4000).
 * Weights: income 1/4; schooling, attendance, insurance, serious illness 1/8; housing, water,
 * broadband, terminal 1/16.
 *
 * <pre>
 * A (V1) income 3000 → income; members: adult PRIMARY, child aged 8 not enrolled → attendance.
 *        c = 1/4 + 1/8 = 0.375 ≥ 1/3 → poor, n = 2
 * B (V1) income null → income (null counts as deprived); members: adult ILLITERATE, a 16-year-old (born 2004-08-31:
 *        16 on 2020-08-31) JUNIOR → schooling met. c = 0.25 → not poor, n = 2
 * C (V2) income 5000; housing null, water false, broadband null, terminal false (4 × 1/16); a member SERIOUS (1/8).
 *        c = 0.375 → poor, n = 1
 * D (V2) income 5000; only member aged 15 (JUNIOR, enrolled): nobody aged ≥ 16 has PRIMARY+ → schooling.
 *        c = 0.125 → not poor, n = 1
 * E (V4) no member rows → left out of the MPI
 * F (V4) income 5000; housing false (1/16); member ILLITERATE adult (schooling 1/8), not insured (1/8).
 *        c = 5/16 = 0.3125 &lt; 1/3 → not poor (the cut-off), n = 1
 * </pre>
 *
 * Σn = 7; poor: A (2), C (1) → H = 3/7 = 0.428571; Σ(n·c)(poor) = 0.75 + 0.375 = 1.125 → A =
 * 1.125/3 = 0.375, M0 = 1.125/7 = 0.160714.
 */
class MpiIndicatorsTest {
    static GoldFixture f;
    static Dataset<Row> rows;

    @BeforeAll
    static void compute() {
        f =
                new GoldFixture(2020)
                        .with(
                                "silver.households",
                                "SELECT * FROM VALUES"
                                        + " ('A', '"
                                        + V1
                                        + "', 'POOR', 3000, true, true, true, true),"
                                        + " ('B', '"
                                        + V1
                                        + "', 'POOR', NULL, true, true, true, true),"
                                        + " ('C', '"
                                        + V2
                                        + "', 'RETURNED', 5000, NULL, false, NULL, false),"
                                        + " ('D', '"
                                        + V2
                                        + "', 'EXITED', 5000, true, true, true, true),"
                                        + " ('E', '"
                                        + V4
                                        + "', 'POOR', 1000, false, false, false, false),"
                                        + " ('F', '"
                                        + V4
                                        + "', 'POOR', 5000, false, true, true, true)"
                                        + " AS t(household_id, village_code, status, per_capita_net_income, housing_safe,"
                                        + " drinking_water_safe, has_broadband, has_smart_terminal)")
                        .with(
                                "silver.members",
                                "SELECT * FROM VALUES"
                                        + " ('A', 'A1', DATE'1970-01-01', 'PRIMARY', 'HEALTHY'), ('A', 'A2', DATE'2012-03-01', 'PRESCHOOL', 'HEALTHY'),"
                                        + " ('B', 'B1', DATE'1960-01-01', 'ILLITERATE', 'CHRONIC'), ('B', 'B2', DATE'2004-08-31', 'JUNIOR', 'HEALTHY'),"
                                        + " ('C', 'C1', DATE'1970-01-01', 'PRIMARY', 'SERIOUS'),"
                                        + " ('D', 'D1', DATE'2005-01-01', 'JUNIOR', 'HEALTHY'),"
                                        + " ('F', 'F1', DATE'1970-01-01', 'ILLITERATE', NULL)"
                                        + " AS t(household_id, person_key, birth_date, education, health)")
                        .with(
                                "silver.insurance_enrollment",
                                "SELECT p AS person_key, 2020 AS year, true AS basic_medical FROM VALUES"
                                        + " ('A1'), ('A2'), ('B1'), ('B2'), ('C1'), ('D1') AS t(p)")
                        .with(
                                "silver.enrollment",
                                "SELECT 'D1' AS person_key, 2020 AS school_year, 'ENROLLED' AS status");
        rows = f.rollup(f.householdFacts(), MpiIndicators.measures()).cache();
    }

    @Test
    void headcountIntensityAndIndex() {
        assertIndicator(rows, PROVINCE, "MPI_H", "3", "7", "0.428571");
        assertIndicator(rows, PROVINCE, "MPI_A", "1.125", "3", "0.375");
        assertIndicator(rows, PROVINCE, "MPI_M0", "1.125", "7", "0.160714");
    }

    @Test
    void censoredHeadcountsCountThePoorDeprivedInEachDimension() {
        assertIndicator(rows, PROVINCE, "MPI_CH_INCOME", "2", "7", "0.285714"); // A (B is not poor)
        assertIndicator(rows, PROVINCE, "MPI_CH_ATTENDANCE", "2", "7", "0.285714"); // A
        assertIndicator(rows, PROVINCE, "MPI_CH_SERIOUS_ILLNESS", "1", "7", "0.142857"); // C
        assertIndicator(
                rows,
                PROVINCE,
                "MPI_CH_HOUSING",
                "1",
                "7",
                "0.142857"); // C (F is deprived but not poor)
        assertIndicator(rows, PROVINCE, "MPI_CH_WATER", "1", "7", "0.142857");
        assertIndicator(rows, PROVINCE, "MPI_CH_BROADBAND", "1", "7", "0.142857");
        assertIndicator(rows, PROVINCE, "MPI_CH_TERMINAL", "1", "7", "0.142857");
        assertIndicator(rows, PROVINCE, "MPI_CH_SCHOOLING", "0", "7", "0"); // D and F are not poor
        assertIndicator(rows, PROVINCE, "MPI_CH_INSURANCE", "0", "7", "0"); // F is not poor
    }

    @Test
    void withMembersButNobodyPoorHIsZeroAndANull() {
        // V4: F only (E has no member rows): H = 0/1, M0 = 0/1, A = 0/0 → null
        assertIndicator(rows, V4, "MPI_H", "0", "1", "0");
        assertIndicator(rows, V4, "MPI_M0", "0", "1", "0");
        assertIndicator(rows, V4, "MPI_A", "0", "0", null);
        // a village with no households at all: everything 0/0
        assertIndicator(rows, V3, "MPI_H", "0", "0", null);
    }

    @Test
    void eachHouseholdCarriesItsScore() {
        Map<String, Row> byId = new HashMap<>();
        f.householdFacts().collectAsList().forEach(r -> byId.put(r.getAs("household_id"), r));
        assertEquals(0, new BigDecimal("0.375").compareTo(byId.get("A").getAs("mpi_score")));
        assertEquals(0, new BigDecimal("0.25").compareTo(byId.get("B").getAs("mpi_score")));
        assertEquals(0, new BigDecimal("0.3125").compareTo(byId.get("F").getAs("mpi_score")));
        assertEquals(false, byId.get("F").getAs("mpi_poor"));
        assertEquals(true, byId.get("C").getAs("mpi_poor"));
        assertNull(byId.get("E").getAs("mpi_score"));
        assertNull(byId.get("E").getAs("mpi_poor"));
        assertEquals(true, byId.get("D").getAs("deprived_schooling"));
        assertEquals(false, byId.get("B").getAs("deprived_schooling"));
    }
}
