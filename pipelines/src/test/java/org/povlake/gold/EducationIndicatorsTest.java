package org.povlake.gold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.povlake.gold.GoldFixture.*;

import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.povlake.gold.YearFrames.Frame;

/**
 * EDU_* given/expected, on the fixture's reference ({@link GoldFixture}):
 *
 * <pre>
 * 62 ─┬─ 6201 ── 620102 ─┬─ T1 620102100 镇 ─── V1, V2 (admin villages), C1 (community)
 *     │                  └─ STREET 620102001 街道 ── V3
 *     └─ 6202 ── 620201 ──── T2 620201200 乡 ─── V4
 * </pre>
 *
 * Y = 2020: age in Y = completed years on 2020-08-31; compulsory age 6–15.
 */
class EducationIndicatorsTest {
    private static final int Y = 2020;

    @Test
    void schoolBroadbandAndMultimediaClassrooms() {
        GoldFixture f =
                new GoldFixture(Y)
                        .with(
                                "silver.schools",
                                values(
                                        "school_code, village_code, school_type, broadband, classrooms, multimedia_classrooms",
                                        r("SC1", V1, "PRIMARY", true, 10, 4),
                                        r("SC2", V1, "TEACHING_POINT", false, 6, 0),
                                        r(
                                                "SC3", C1, "JUNIOR", true, 8,
                                                8), // schools of a community count (not an admin
                                        // count)
                                        r(
                                                "SC4",
                                                V3,
                                                "NINE_YEAR",
                                                null,
                                                5,
                                                5), // null broadband = not
                                        r("SC5", V4, "PRIMARY", true, 4, 1)));
        Dataset<Row> out =
                local(
                        f.rollup(
                                Facts.direct(
                                        EducationIndicators.schoolFacts(
                                                f.frames().get(Frame.SCHOOLS)))));
        // broadband: SC1 SC3 SC5 of 5 → 0.6
        assertIndicator(out, PROVINCE, "EDU_SCHOOL_BROADBAND", "3", "5", "0.6");
        assertIndicator(out, V1, "EDU_SCHOOL_BROADBAND", "1", "2", "0.5");
        assertIndicator(out, C1, "EDU_SCHOOL_BROADBAND", "1", "1", "1");
        assertIndicator(out, V3, "EDU_SCHOOL_BROADBAND", "0", "1", "0");
        assertIndicator(out, V2, "EDU_SCHOOL_BROADBAND", "0", "0", null); // no school
        // T1: SC1 SC2 SC3 → 2/3 = 0.666667; city 6201: + SC4 → 2/4 = 0.5
        assertIndicator(out, T1, "EDU_SCHOOL_BROADBAND", "2", "3", "0.666667");
        assertIndicator(out, CITY1, "EDU_SCHOOL_BROADBAND", "2", "4", "0.5");
        // multimedia: Σmultimedia / Σclassrooms (not a mean of school rates)
        //   province: (4 + 0 + 8 + 5 + 1) / (10 + 6 + 8 + 5 + 4) = 18/33 = 0.545454… → 0.545455
        assertIndicator(out, PROVINCE, "EDU_MULTIMEDIA_CLASSROOMS", "18", "33", "0.545455");
        //   V1: 4/16 = 0.25 (the mean of the two schools' rates would be 0.2)
        assertIndicator(out, V1, "EDU_MULTIMEDIA_CLASSROOMS", "4", "16", "0.25");
        //   T1: 12/24 = 0.5; city 6201: 17/29 = 0.586206… → 0.586207; V4: 1/4
        assertIndicator(out, T1, "EDU_MULTIMEDIA_CLASSROOMS", "12", "24", "0.5");
        assertIndicator(out, CITY1, "EDU_MULTIMEDIA_CLASSROOMS", "17", "29", "0.586207");
        assertIndicator(out, V4, "EDU_MULTIMEDIA_CLASSROOMS", "1", "4", "0.25");
        assertIndicator(out, V2, "EDU_MULTIMEDIA_CLASSROOMS", "0", "0", null);
        assertProvinceIsSumOfCities(out, "EDU_SCHOOL_BROADBAND");
        assertProvinceIsSumOfCities(out, "EDU_MULTIMEDIA_CLASSROOMS");
    }

    @Test
    void compulsoryDropoutCountsMemberRowsAged6To15OnAugust31NotEnrolledInY() {
        GoldFixture f =
                new GoldFixture(Y)
                        .with(
                                "silver.households",
                                values(
                                        "household_id, village_code, status",
                                        r("H1", V1, "POOR"),
                                        r("H2", V2, "EXITED"),
                                        r("H3", V4, "RETURNED"),
                                        r("H4", V3, "REMOVED")))
                        .with(
                                "silver.members",
                                values(
                                        "household_id, person_key, birth_date",
                                        r("H1", "P1", "2014-08-31"), // 6 on 2020-08-31: compulsory;
                                        // enrolled
                                        r(
                                                "H1",
                                                "P2",
                                                "2014-09-01"), // 5: not compulsory (not enrolled,
                                        // no matter)
                                        r(
                                                "H1",
                                                "P3",
                                                "2004-09-01"), // 15: compulsory; DROPPED_OUT in
                                        // 2020 → not enrolled
                                        r("H1", "P4", "2004-08-31"), // 16: not compulsory
                                        r(
                                                "H1", "P9",
                                                null), // no birth date: no age, not compulsory
                                        r(
                                                "H2",
                                                "P5",
                                                "2010-01-01"), // 10: enrolled only in 2019 → not
                                        // enrolled in 2020
                                        r("H2", "P6", "2012-05-05"), // 8: enrolled
                                        r("H2", "P7", "2011-03-03"), // 9: member of H2 and H3, not
                                        // enrolled → two member rows
                                        r("H3", "P7", "2011-03-03"),
                                        r(
                                                "H4",
                                                "P8",
                                                "2012-01-01"))) // H4 is REMOVED: not a registered
                        // member
                        .with(
                                "silver.enrollment",
                                values(
                                        "person_key, school_year, status",
                                        r("P1", 2020, "ENROLLED"),
                                        r("P3", 2020, "DROPPED_OUT"),
                                        r("P5", 2019, "ENROLLED"),
                                        r("P6", 2020, "ENROLLED"),
                                        r("P8", 2020, "ENROLLED")));
        Dataset<Row> members = f.memberFacts();
        Map<String, Object> ages = new HashMap<>();
        members.select("person_key", "age")
                .collectAsList()
                .forEach(m -> ages.put(m.getString(0), m.get(1)));
        assertEquals(6, ages.get("P1"), "born 2014-08-31: 6 on 2020-08-31");
        assertEquals(5, ages.get("P2"), "born 2014-09-01: 5 on 2020-08-31");
        assertEquals(15, ages.get("P3"), "born 2004-09-01: 15");
        assertEquals(16, ages.get("P4"), "born 2004-08-31: 16");
        assertEquals(null, ages.get("P9"));
        Dataset<Row> out = local(f.rollup(members, EducationIndicators.memberMeasures()));
        // compulsory-age member rows: V1 P1 P3; V2 P5 P6 P7; V4 P7 → 6;
        // not enrolled in 2020: P3, P5, P7 (V2), P7 (V4) → 4
        // → 4/6 = 0.666667
        assertIndicator(out, PROVINCE, "EDU_COMPULSORY_DROPOUT", "4", "6", "0.666667");
        assertIndicator(out, V1, "EDU_COMPULSORY_DROPOUT", "1", "2", "0.5");
        assertIndicator(out, V2, "EDU_COMPULSORY_DROPOUT", "2", "3", "0.666667");
        assertIndicator(out, V4, "EDU_COMPULSORY_DROPOUT", "1", "1", "1");
        assertIndicator(
                out, V3, "EDU_COMPULSORY_DROPOUT", "0", "0", null); // H4's child is not registered
        // T1: V1 + V2 → 3/5; city 6201 the same; city 6202: 1/1
        assertIndicator(out, T1, "EDU_COMPULSORY_DROPOUT", "3", "5", "0.6");
        assertIndicator(out, CITY1, "EDU_COMPULSORY_DROPOUT", "3", "5", "0.6");
        assertIndicator(out, CITY2, "EDU_COMPULSORY_DROPOUT", "1", "1", "1");
        // member rows, not persons: P7 counts in each household, and twice in the province
        assertProvinceIsSumOfCities(out, "EDU_COMPULSORY_DROPOUT");
    }

    @Test
    void labourHouseholdsWithASkilledMember() {
        GoldFixture f =
                new GoldFixture(Y)
                        .with(
                                "silver.households",
                                values(
                                        "household_id, village_code, status",
                                        r("H1", V1, "POOR"),
                                        r("H2", V1, "EXITED"),
                                        r("H3", V2, "POOR"),
                                        r("H4", V2, "RETURNED"),
                                        r("H5", V4, "POOR"),
                                        r("H6", V4, "POOR"),
                                        r("H7", V3, "DISSOLVED"),
                                        r("H8", C1, "POOR")))
                        .with(
                                "silver.members",
                                values(
                                        "household_id, person_key, labor_capacity, skill_trained",
                                        r("H1", "P1", "WEAK", false), // WEAK is labour
                                        r(
                                                "H1", "P2", "NONE",
                                                true), // the skilled member need not be the
                                        // labourer: H1 counts
                                        r(
                                                "H2", "P3", "LOST",
                                                true), // LOST and NONE are not labour: H2 is no
                                        // labour household
                                        r("H2", "P4", "NONE", false),
                                        r(
                                                "H3",
                                                "P5",
                                                "ORDINARY",
                                                null), // skilled by a certified training completed
                                        // on Y-12-31
                                        r(
                                                "H4", "P6", "SKILLED",
                                                false), // only an uncertified training: not skilled
                                        r(
                                                "H5",
                                                "P7",
                                                "ORDINARY",
                                                false), // certified, but completed in 2021: not
                                        // skilled in 2020
                                        r(
                                                "H6", "P8", null,
                                                true), // null labour is not labour: H6 is no labour
                                        // household
                                        r(
                                                "H7",
                                                "P9",
                                                "ORDINARY",
                                                true), // H7 is DISSOLVED: not registered
                                        r("H8", "P10", "SKILLED", true)))
                        .with(
                                "silver.training",
                                values(
                                        "training_id, person_key, certified, completed_date",
                                        r("TR1", "P5", true, "2020-12-31"),
                                        r("TR2", "P6", false, "2020-06-01"),
                                        r("TR3", "P6", null, "2019-06-01"),
                                        r("TR4", "P7", true, "2021-01-01")));
        Dataset<Row> out =
                local(f.rollup(f.householdFacts(), EducationIndicators.householdMeasures()));
        // labour households: H1 H3 H4 H5 H8 = 5; with a skilled member: H1 (P2), H3 (P5), H8 (P10)
        // = 3 → 0.6
        assertIndicator(out, PROVINCE, "EDU_LABOR_HOUSEHOLD_SKILL", "3", "5", "0.6");
        assertIndicator(
                out, V1, "EDU_LABOR_HOUSEHOLD_SKILL", "1", "1", "1"); // H2 not in the denominator
        assertIndicator(out, V2, "EDU_LABOR_HOUSEHOLD_SKILL", "1", "2", "0.5"); // H3 yes, H4 no
        assertIndicator(
                out, V4, "EDU_LABOR_HOUSEHOLD_SKILL", "0", "1", "0"); // H5 no; H6 not labour
        assertIndicator(out, C1, "EDU_LABOR_HOUSEHOLD_SKILL", "1", "1", "1");
        assertIndicator(out, V3, "EDU_LABOR_HOUSEHOLD_SKILL", "0", "0", null); // H7 dissolved
        // T1: H1 H3 H4 H8 → 3/4 = 0.75; city 6202: 0/1
        assertIndicator(out, T1, "EDU_LABOR_HOUSEHOLD_SKILL", "3", "4", "0.75");
        assertIndicator(out, CITY2, "EDU_LABOR_HOUSEHOLD_SKILL", "0", "1", "0");
    }
}
