package org.povlake.assess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.povlake.contract.Catalogue;
import org.povlake.testing.TestSpark;

/**
 * Primary small-cell suppression of published assessments (METRICS.md, output contract;
 * schemas/publication.json).
 */
class SuppressionTest {
    static final PublicationRules RULES = PublicationRules.get();

    /**
     * gold.indicators-shaped rows: (region, level, parent, indicator, numerator, denominator,
     * missing).
     */
    static Dataset<Row> rows(String values) {
        return TestSpark.get()
                .sql(
                        "SELECT 2020 AS year, r AS region_code, l AS region_level, r AS region_name,"
                                + " p AS parent_code, id AS indicator_id, CAST(n AS DECIMAL(38,4)) AS numerator,"
                                + " CAST(d AS DECIMAL(38,4)) AS denominator,"
                                + " CAST(CASE WHEN d > 0 THEN round(n / d, 6) END AS DECIMAL(38,6)) AS value,"
                                + " CAST(0.9 AS DECIMAL(38,6)) AS target, CASE WHEN d > 0 THEN n / d >= 0.9 END AS met,"
                                + " CAST(CASE WHEN d > 0 THEN 0.5 END AS DECIMAL(38,6)) AS achievement,"
                                + " CAST(0.01 AS DECIMAL(38,6)) AS change, false AS stale, m AS missing FROM VALUES "
                                + values
                                + " AS t(r, l, p, id, n, d, m)");
    }

    static Map<String, Row> byKey(Dataset<Row> d) {
        Map<String, Row> out = new HashMap<>();
        d.collectAsList()
                .forEach(r -> out.put(r.getAs("region_code") + "/" + r.getAs("indicator_id"), r));
        return out;
    }

    static Map<String, Row> primary(Dataset<Row> current) {
        return byKey(Suppression.flag(current, RULES, Catalogue.get()));
    }

    static void assertPrimary(Row r, String why) {
        assertNotNull(r, why);
        assertTrue(r.<Boolean>getAs("primary"), why);
    }

    static void assertNotPrimary(Row r, String why) {
        assertNotNull(r, why);
        assertFalse(r.<Boolean>getAs("primary"), why);
    }

    @Test
    void primaryRulesHideSmallDenominatorsAndNearUnanimousSmallGroups() {
        // counties of city C (TARGET_HELPER_ASSIGNED counts households):
        //   A  95/100: 100 − 95 = 5 → shown;  B  96/100: 100 − 96 = 4 → hidden;  D 9/9: d < 10 →
        // hidden;
        //   E  0/50 → shown (0 is not 1..4);  F  4/200: n = 4 → hidden;  G 1/30 → hidden;  H 0/0 →
        // d < 10 → hidden.
        // village V of county A: not published at all.
        Map<String, Row> r =
                primary(
                        rows(
                                "('A','county','C','TARGET_HELPER_ASSIGNED',95,100,false),"
                                        + "('B','county','C','TARGET_HELPER_ASSIGNED',96,100,false),"
                                        + "('D','county','C','TARGET_HELPER_ASSIGNED',9,9,false),"
                                        + "('E','county','C','TARGET_HELPER_ASSIGNED',0,50,false),"
                                        + "('F','county','C','TARGET_HELPER_ASSIGNED',4,200,false),"
                                        + "('G','county','C','TARGET_HELPER_ASSIGNED',1,30,false),"
                                        + "('H','county','C','TARGET_HELPER_ASSIGNED',0,0,false),"
                                        + "('V','village','A','TARGET_HELPER_ASSIGNED',50,60,false)"));
        assertNotPrimary(r.get("A/TARGET_HELPER_ASSIGNED"), "den − num = 5");
        assertPrimary(r.get("B/TARGET_HELPER_ASSIGNED"), "den − num = 4");
        assertPrimary(r.get("D/TARGET_HELPER_ASSIGNED"), "den 9 < 10");
        assertNotPrimary(r.get("E/TARGET_HELPER_ASSIGNED"), "num 0");
        assertPrimary(r.get("F/TARGET_HELPER_ASSIGNED"), "num 4");
        assertPrimary(r.get("G/TARGET_HELPER_ASSIGNED"), "num 1");
        assertPrimary(r.get("H/TARGET_HELPER_ASSIGNED"), "den 0 < 10");
        assertFalse(r.containsKey("V/TARGET_HELPER_ASSIGNED"), "no village rows are published");
        assertEquals(7, r.size());
    }

    @Test
    void indicatorsThatCountPlacesArePublishedAsTheyAre() {
        // NET_VILLAGE_BROADBAND counts villages, HEALTH_COUNTY_TELEMEDICINE facilities: 3/4 is
        // shown
        Map<String, Row> r =
                primary(
                        rows(
                                "('A','county','C','NET_VILLAGE_BROADBAND',3,4,false),"
                                        + "('A','county','C','HEALTH_COUNTY_TELEMEDICINE',1,1,false),"
                                        + "('A','county','C','EDU_COMPULSORY_DROPOUT',1,400,false),"
                                        + "('A','county','C','MPI_H',2,300,false)"));
        assertNotPrimary(r.get("A/NET_VILLAGE_BROADBAND"), "villages");
        assertNotPrimary(r.get("A/HEALTH_COUNTY_TELEMEDICINE"), "facilities");
        assertPrimary(r.get("A/EDU_COMPULSORY_DROPOUT"), "persons: num 1");
        assertPrimary(r.get("A/MPI_H"), "persons: num 2");
    }
}
