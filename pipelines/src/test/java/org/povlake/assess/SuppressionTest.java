package org.povlake.assess;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.povlake.gold.Catalogue;
import org.povlake.testing.TestSpark;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Small-cell suppression of published assessments (METRICS.md, output contract; schemas/publication.json). */
class SuppressionTest {
    static final PublicationRules RULES = PublicationRules.get();

    /** gold.indicators-shaped rows: (region, level, parent, indicator, numerator, denominator, missing). */
    static Dataset<Row> rows(String values) {
        return TestSpark.get().sql("SELECT 2020 AS year, r AS region_code, l AS region_level, r AS region_name,"
                + " p AS parent_code, id AS indicator_id, CAST(n AS DECIMAL(38,4)) AS numerator,"
                + " CAST(d AS DECIMAL(38,4)) AS denominator,"
                + " CAST(CASE WHEN d > 0 THEN round(n / d, 6) END AS DECIMAL(38,6)) AS value,"
                + " CAST(0.9 AS DECIMAL(38,6)) AS target, CASE WHEN d > 0 THEN n / d >= 0.9 END AS met,"
                + " CAST(CASE WHEN d > 0 THEN 0.5 END AS DECIMAL(38,6)) AS achievement,"
                + " CAST(0.01 AS DECIMAL(38,6)) AS change, false AS stale, m AS missing FROM VALUES " + values
                + " AS t(r, l, p, id, n, d, m)");
    }

    static Map<String, Row> byKey(Dataset<Row> d) {
        Map<String, Row> out = new HashMap<>();
        d.collectAsList().forEach(r -> out.put(r.getAs("region_code") + "/" + r.getAs("indicator_id"), r));
        return out;
    }

    static Map<String, Row> publish(Dataset<Row> current, Dataset<Row> previous) {
        Catalogue c = Catalogue.get();
        return byKey(Suppression.apply(Suppression.flag(current, RULES, c),
                previous == null ? null : Suppression.flag(previous, RULES, c)));
    }

    static void assertSuppressed(Row r, String why) {
        assertNotNull(r, why);
        assertTrue(r.<Boolean>getAs("suppressed"), why);
        for (String c : Suppression.CELL) {
            assertNull(r.getAs(c), why + ": " + c);
        }
    }

    static void assertShown(Row r, String why) {
        assertNotNull(r, why);
        assertFalse(r.<Boolean>getAs("suppressed"), why);
        assertNotNull(r.getAs("numerator"), why);
        assertNotNull(r.getAs("denominator"), why);
    }

    @Test
    void primaryRulesHideSmallDenominatorsAndNearUnanimousSmallGroups() {
        // counties of city C (TARGET_HELPER_ASSIGNED counts households):
        //   A  95/100: 100 − 95 = 5 → shown;  B  96/100: 100 − 96 = 4 → hidden;  D 9/9: d < 10 → hidden;
        //   E  0/50 → shown (0 is not 1..4);  F  4/200: n = 4 → hidden;  G 1/30 → hidden;  H 0/0 → d < 10 → hidden.
        // village V of county A: not published at all.
        Map<String, Row> r = publish(rows("('A','county','C','TARGET_HELPER_ASSIGNED',95,100,false),"
                + "('B','county','C','TARGET_HELPER_ASSIGNED',96,100,false),"
                + "('D','county','C','TARGET_HELPER_ASSIGNED',9,9,false),"
                + "('E','county','C','TARGET_HELPER_ASSIGNED',0,50,false),"
                + "('F','county','C','TARGET_HELPER_ASSIGNED',4,200,false),"
                + "('G','county','C','TARGET_HELPER_ASSIGNED',1,30,false),"
                + "('H','county','C','TARGET_HELPER_ASSIGNED',0,0,false),"
                + "('V','village','A','TARGET_HELPER_ASSIGNED',50,60,false)"), null);
        assertShown(r.get("A/TARGET_HELPER_ASSIGNED"), "den − num = 5");
        assertSuppressed(r.get("B/TARGET_HELPER_ASSIGNED"), "den − num = 4");
        assertSuppressed(r.get("D/TARGET_HELPER_ASSIGNED"), "den 9 < 10");
        assertShown(r.get("E/TARGET_HELPER_ASSIGNED"), "num 0");
        assertSuppressed(r.get("F/TARGET_HELPER_ASSIGNED"), "num 4");
        assertSuppressed(r.get("G/TARGET_HELPER_ASSIGNED"), "num 1");
        assertSuppressed(r.get("H/TARGET_HELPER_ASSIGNED"), "den 0 < 10");
        assertFalse(r.containsKey("V/TARGET_HELPER_ASSIGNED"), "no village rows are published");
        assertEquals(7, r.size());
    }

    @Test
    void indicatorsThatCountPlacesArePublishedAsTheyAre() {
        // NET_VILLAGE_BROADBAND counts villages, HEALTH_COUNTY_TELEMEDICINE facilities: 3/4 is shown
        Map<String, Row> r = publish(rows("('A','county','C','NET_VILLAGE_BROADBAND',3,4,false),"
                + "('A','county','C','HEALTH_COUNTY_TELEMEDICINE',1,1,false),"
                + "('A','county','C','EDU_COMPULSORY_DROPOUT',1,400,false),"
                + "('A','county','C','MPI_H',2,300,false)"), null);
        assertShown(r.get("A/NET_VILLAGE_BROADBAND"), "villages");
        assertShown(r.get("A/HEALTH_COUNTY_TELEMEDICINE"), "facilities");
        assertSuppressed(r.get("A/EDU_COMPULSORY_DROPOUT"), "persons: num 1");
        assertSuppressed(r.get("A/MPI_H"), "persons: num 2");
    }

    @Test
    void exactlyOneHiddenChildHidesTheNextSmallestSibling() {
        // county K has townships T1 (hidden: 2/50), T2 (60/100), T3 (30/40), T4 (missing), T5 (20/300):
        // one hidden → the smallest unsuppressed sibling with a count, T3 (d = 40), is hidden too; T4 has nothing.
        // county L has two hidden townships (U1 3/40, U2 1/20) → no complement; U3 shown.
        // TARGET_EXIT_COMPLIANCE in K: nothing hidden → nothing complemented.
        Map<String, Row> r = publish(rows("('T1','township','K','TARGET_CAUSE_MATCHED_AID',2,50,false),"
                + "('T2','township','K','TARGET_CAUSE_MATCHED_AID',60,100,false),"
                + "('T3','township','K','TARGET_CAUSE_MATCHED_AID',30,40,false),"
                + "('T4','township','K','TARGET_CAUSE_MATCHED_AID',NULL,NULL,true),"
                + "('T5','township','K','TARGET_CAUSE_MATCHED_AID',20,300,false),"
                + "('U1','township','L','TARGET_CAUSE_MATCHED_AID',3,40,false),"
                + "('U2','township','L','TARGET_CAUSE_MATCHED_AID',1,20,false),"
                + "('U3','township','L','TARGET_CAUSE_MATCHED_AID',10,20,false),"
                + "('T1','township','K','TARGET_EXIT_COMPLIANCE',20,50,false),"
                + "('T2','township','K','TARGET_EXIT_COMPLIANCE',30,50,false)"), null);
        assertSuppressed(r.get("T1/TARGET_CAUSE_MATCHED_AID"), "primary");
        assertSuppressed(r.get("T3/TARGET_CAUSE_MATCHED_AID"), "complementary: smallest sibling");
        assertShown(r.get("T2/TARGET_CAUSE_MATCHED_AID"), "larger sibling");
        assertShown(r.get("T5/TARGET_CAUSE_MATCHED_AID"), "larger sibling");
        Row missing = r.get("T4/TARGET_CAUSE_MATCHED_AID");
        assertFalse(missing.<Boolean>getAs("suppressed"), "a missing cell hides nothing");
        assertTrue(missing.<Boolean>getAs("missing"));
        assertSuppressed(r.get("U1/TARGET_CAUSE_MATCHED_AID"), "primary");
        assertSuppressed(r.get("U2/TARGET_CAUSE_MATCHED_AID"), "primary");
        assertShown(r.get("U3/TARGET_CAUSE_MATCHED_AID"), "two hidden: no complement");
        assertShown(r.get("T1/TARGET_EXIT_COMPLIANCE"), "another indicator");
        assertShown(r.get("T2/TARGET_EXIT_COMPLIANCE"), "another indicator");
    }

    @Test
    void theReimbursementRatioFollowsItsClaimsCount() {
        // city X: 8 claims (one-stop 8/8 → d < 10, hidden); its reimbursement amounts 5000/9000 hidden with it.
        // city Y: 500 claims, one-stop 450/500 shown → reimbursement shown, even though its amounts are "small".
        // X alone is hidden among the cities of 62 → the smallest other, Y (500 < Z's 600), is hidden too, and so Y's ratio.
        Map<String, Row> r = publish(rows("('X','city','62','HEALTH_ONE_STOP',8,8,false),"
                + "('X','city','62','HEALTH_REIMBURSEMENT_RATIO',5000,9000,false),"
                + "('Y','city','62','HEALTH_ONE_STOP',450,500,false),"
                + "('Y','city','62','HEALTH_REIMBURSEMENT_RATIO',3,4,false),"
                + "('Z','city','62','HEALTH_ONE_STOP',540,600,false),"
                + "('Z','city','62','HEALTH_REIMBURSEMENT_RATIO',3,4,false)"), null);
        assertSuppressed(r.get("X/HEALTH_ONE_STOP"), "8 claims");
        assertSuppressed(r.get("X/HEALTH_REIMBURSEMENT_RATIO"), "follows X's claims");
        assertSuppressed(r.get("Y/HEALTH_ONE_STOP"), "complementary");
        assertSuppressed(r.get("Y/HEALTH_REIMBURSEMENT_RATIO"), "follows Y's claims");
        assertShown(r.get("Z/HEALTH_ONE_STOP"), "600 claims");
        assertShown(r.get("Z/HEALTH_REIMBURSEMENT_RATIO"), "amounts 3/4 follow the count, not the 1..4 rule");
    }

    @Test
    void theChangeOfACellHiddenLastYearIsHidden() {
        // Y: A 40/100, B 30/100, D 60/100 are all shown.
        // Y−1: B 3/50 is hidden (n = 3), so its smallest unsuppressed sibling A (d 100 < D's 120) is hidden too.
        // Their changes in Y would disclose Y−1's hidden values: hidden. D's change is kept.
        Map<String, Row> r = publish(rows("('A','county','C','TARGET_HELPER_ASSIGNED',40,100,false),"
                        + "('B','county','C','TARGET_HELPER_ASSIGNED',30,100,false),"
                        + "('D','county','C','TARGET_HELPER_ASSIGNED',60,100,false)"),
                rows("('A','county','C','TARGET_HELPER_ASSIGNED',40,100,false),"
                        + "('B','county','C','TARGET_HELPER_ASSIGNED',3,50,false),"
                        + "('D','county','C','TARGET_HELPER_ASSIGNED',70,120,false)"));
        for (String region : List.of("A", "B", "D")) {
            assertShown(r.get(region + "/TARGET_HELPER_ASSIGNED"), region + " is shown in Y");
        }
        assertNull(r.get("B/TARGET_HELPER_ASSIGNED").getAs("change"), "B's Y−1 cell was hidden");
        assertNull(r.get("A/TARGET_HELPER_ASSIGNED").getAs("change"), "A's Y−1 cell was the complement");
        assertNotNull(r.get("D/TARGET_HELPER_ASSIGNED").getAs("change"), "D's Y−1 cell was shown");
    }
}
