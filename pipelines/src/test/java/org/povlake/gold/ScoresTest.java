package org.povlake.gold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.povlake.gold.GoldFixture.SPARK;
import static org.povlake.gold.GoldFixture.assertDecimal;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.povlake.contract.Catalogue;

/**
 * Pillar scores, composite, grade and rank (METRICS.md "Scoring and the assessment") on given
 * indicator rows.
 */
class ScoresTest {

    @Test
    void aPillarIsTheMeanOfPrintedAchievementsAndAMissingIndicatorCountsAsZero() {
        // region R: NET_A achievement 1, NET_B 0.5, NET_C missing (value null, achievement 0) → (1
        // + 0.5 + 0) / 3 = 0.5;
        // NET_D scored but 0/0 (value null, not missing) is left out; NET_U unscored (no target) is
        // left out.
        // EDU: only a 0/0 → no score. Region S: nothing at all.
        Dataset<Row> indicators =
                SPARK.sql(
                        "SELECT 2020 AS year, r AS region_code, 'county' AS region_level,"
                                + " r AS region_name, '62' AS parent_code, 'v' AS catalogue_version, p AS pillar, id AS indicator_id,"
                                + " CAST(t AS DECIMAL(38,6)) AS target, CAST(v AS DECIMAL(38,6)) AS value,"
                                + " CAST(a AS DECIMAL(38,6)) AS achievement, m AS missing FROM VALUES"
                                + " ('R', 'NET', 'NET_A', 1, 1, 1, false), ('R', 'NET', 'NET_B', 1, 0.5, 0.5, false),"
                                + " ('R', 'NET', 'NET_C', 1, NULL, 0, true), ('R', 'NET', 'NET_D', 1, NULL, NULL, false),"
                                + " ('R', 'NET', 'NET_U', NULL, 0.2, NULL, false), ('R', 'EDU', 'EDU_A', 1, NULL, NULL, false),"
                                + " ('S', 'NET', 'NET_A', 1, NULL, NULL, false)"
                                + " AS t(r, p, id, t, v, a, m)");
        Map<String, Row> byKey = new HashMap<>();
        Scores.pillars(indicators, Catalogue.get())
                .collectAsList()
                .forEach(r -> byKey.put(r.getAs("region_code") + "/" + r.getAs("pillar"), r));
        assertDecimal("0.5", byKey.get("R/NET").getAs("score"), "R NET");
        assertEquals(3, (int) byKey.get("R/NET").getAs("indicators_scored"));
        assertNull(byKey.get("R/EDU").getAs("score"));
        assertNull(byKey.get("S/NET").getAs("score"));
        assertEquals(10, byKey.size(), "every region × every pillar of the catalogue");
    }

    @Test
    void compositeGradeAndCompetitionRank() {
        // weights NET 30, ECOM 25, EDU 15, HEALTH 15, TARGET 15.
        // K1: NET 1, EDU 0.8 (others null) → 100 × (30 + 12) / 45 = 93.3333 → 优秀
        // K2: the same → tie: both rank 1
        // K3: NET 0.8, ECOM 0.8, EDU 0.8, HEALTH 0.8, TARGET 0.8 → 80.0000 → 良好 (80 is the floor of
        // 良好), rank 3
        // K4: NET 0.599999 only → 59.9999 → 较差, rank 4
        // K5: no pillar has a score → composite null, no grade, unranked
        // C1: a city (ranked among cities only) with NET 0.5 → 50 → rank 1 among cities; T1 a
        // township is not ranked
        String rows =
                "('K1', 'county', 'NET', 1), ('K1', 'county', 'EDU', 0.8), ('K2', 'county', 'NET', 1),"
                        + " ('K2', 'county', 'EDU', 0.8), ('K3', 'county', 'NET', 0.8), ('K3', 'county', 'ECOM', 0.8),"
                        + " ('K3', 'county', 'EDU', 0.8), ('K3', 'county', 'HEALTH', 0.8), ('K3', 'county', 'TARGET', 0.8),"
                        + " ('K4', 'county', 'NET', 0.599999), ('K5', 'county', 'NET', NULL), ('C1', 'city', 'NET', 0.5),"
                        + " ('T1', 'township', 'NET', 0.9)";
        Dataset<Row> pillars =
                SPARK.sql(
                        "SELECT 2020 AS year, r AS region_code, l AS region_level, r AS region_name,"
                                + " '62' AS parent_code, 'v' AS catalogue_version, p AS pillar, CAST(s AS DECIMAL(38,6)) AS score,"
                                + " CAST(CASE p WHEN 'NET' THEN 30 WHEN 'ECOM' THEN 25 ELSE 15 END AS DECIMAL(38,6)) AS weight"
                                + " FROM VALUES "
                                + rows
                                + " AS t(r, l, p, s)");
        Map<String, Row> byRegion = new HashMap<>();
        Scores.composites(pillars, Catalogue.get())
                .collectAsList()
                .forEach(r -> byRegion.put(r.getAs("region_code"), r));
        assertDecimal("93.3333", byRegion.get("K1").getAs("composite"), "K1");
        assertEquals("优秀", byRegion.get("K1").getAs("grade"));
        assertEquals(1, (int) byRegion.get("K1").getAs("rank"));
        assertEquals(1, (int) byRegion.get("K2").getAs("rank"));
        assertDecimal("80", byRegion.get("K3").getAs("composite"), "K3");
        assertEquals("良好", byRegion.get("K3").getAs("grade"));
        assertEquals(3, (int) byRegion.get("K3").getAs("rank"));
        assertDecimal("59.9999", byRegion.get("K4").getAs("composite"), "K4");
        assertEquals("较差", byRegion.get("K4").getAs("grade"));
        assertEquals(4, (int) byRegion.get("K4").getAs("rank"));
        assertNull(byRegion.get("K5").getAs("composite"));
        assertNull(byRegion.get("K5").getAs("grade"));
        assertNull(byRegion.get("K5").getAs("rank"));
        assertEquals(1, (int) byRegion.get("C1").getAs("rank"));
        assertNull(byRegion.get("T1").getAs("rank"));
        assertDecimal("90", byRegion.get("T1").getAs("composite"), "T1");
    }

    @Test
    void theCatalogueGradesFromTheTop() {
        Catalogue c = Catalogue.get();
        assertEquals("优秀", c.grade(new BigDecimal("90")));
        assertEquals("良好", c.grade(new BigDecimal("89.9999")));
        assertEquals("一般", c.grade(new BigDecimal("60")));
        assertEquals("较差", c.grade(new BigDecimal("0")));
        assertNull(c.grade(null));
        assertEquals(List.of("city", "county"), c.rankedLevels());
    }
}
