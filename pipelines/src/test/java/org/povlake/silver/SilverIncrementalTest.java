package org.povlake.silver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Encoders;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.povlake.ingest.ResidentId;
import org.povlake.testing.TestInbox;

/**
 * Orphans join once their parent arrives; a changed re-delivery of an event extract updates and
 * removes exactly the keys it touches; members need their household in the same snapshot — on real
 * Delta tables, incrementally.
 */
@Tag("end-to-end")
class SilverIncrementalTest {
    static final String HH_HEADER =
            "household_id,village_code,head_id_number,head_name,household_size,poverty_attribute,"
                    + "identification_year,status,exit_year,primary_cause,secondary_causes,per_capita_net_income,housing_safe,"
                    + "drinking_water_safe,has_broadband,has_smart_terminal,helper_cadre_id\n";
    static final String MEMBER_HEADER =
            "household_id,id_number,name,relation,sex,birth_date,education,in_school,health,"
                    + "labor_capacity,skill_trained,medical_insurance\n";
    static final String INS_HEADER =
            "id_number,year,basic_medical,serious_illness,medical_assistance\n";
    static final String AID_HEADER = "measure_id,household_id,measure_type,start_date,amount\n";
    static final String H1 = "6211211012020001";
    static final String H2 = "6211211012020002";

    @TempDir Path tmp;

    /**
     * A valid resident ID of a man born on 1973-05-08 in 621121, sequence {@code seq} (odd → male).
     */
    static String id(int seq) {
        String body = "62112119730508" + String.format("%02d", seq) + "1";
        return body + ResidentId.checkCharacter(body);
    }

    static String household(String hh, int seq) {
        return hh
                + ",621121101202,"
                + id(seq)
                + ",王某,1,GENERAL,2015,POOR,,ILLNESS,,2000.00,1,1,0,0,\n";
    }

    static String member(String hh, int seq) {
        return hh + "," + id(seq) + ",王某,HEAD,M,1973-05-08,PRIMARY,0,HEALTHY,ORDINARY,0,1\n";
    }

    List<String> strings(SilverTestLake t, String sql) {
        t.table("silver.assistance").createOrReplaceTempView("assistance");
        t.table("silver.orphans").createOrReplaceTempView("orphans");
        t.table("silver.members").createOrReplaceTempView("members");
        return t.lake.spark().sql(sql).as(Encoders.STRING()).collectAsList();
    }

    @Test
    void orphansJoinWhenTheParentArrivesAndReDeliveriesReplaceTheirKeys() throws IOException {
        SilverTestLake t = new SilverTestLake(tmp.resolve("lake"));
        TestInbox inbox = new TestInbox(tmp.resolve("inbox"));
        inbox.write("registry/households_20191231.csv", HH_HEADER + household(H1, 1));
        inbox.write("registry/members_20191231.csv", MEMBER_HEADER + member(H1, 1) + member(H2, 3));
        inbox.write(
                "registry/assistance_20191231.csv",
                AID_HEADER
                        + "M1,"
                        + H1
                        + ",MEDICAL_AID,2019-03-01,100.00\n"
                        + "M2,"
                        + H2
                        + ",INDUSTRY,2019-04-01,200.00\n");
        t.ingest(inbox.root());
        t.build();
        assertEquals(List.of("M1"), strings(t, "SELECT measure_id FROM assistance"));
        assertEquals(
                List.of("registry_assistance|M2|" + H2, "registry_members|" + H2 + "|household"),
                strings(
                        t,
                        "SELECT concat_ws('|', extract, CASE WHEN link = 'household' AND extract = 'registry_assistance'"
                                + " THEN row_key END, missing_key, CASE WHEN extract = 'registry_members' THEN link END)"
                                + " FROM orphans ORDER BY 1"));

        // H2 arrives in the 2020 snapshot: its 2019 measure joins; its 2019 member row stays an
        // orphan (same snapshot)
        inbox.write(
                "registry/households_20201231.csv",
                HH_HEADER + household(H1, 1) + household(H2, 3));
        t.ingest(inbox.root());
        SilverBuild.Result second = t.build();
        assertTrue(
                second.actions().get("silver.assistance").startsWith("full"),
                second.actions().toString());
        assertEquals(
                List.of("M1", "M2"), strings(t, "SELECT measure_id FROM assistance ORDER BY 1"));
        assertEquals(
                List.of("registry_members/2019-12-31"),
                strings(t, "SELECT concat(extract, '/', as_of_date) FROM orphans"));

        // a changed re-delivery of 2019's assistance: M1 corrected, M2 gone, M3 new — only those
        // keys are touched
        inbox.write(
                "registry/assistance_20191231.csv",
                AID_HEADER
                        + "M1,"
                        + H1
                        + ",MEDICAL_AID,2019-03-01,150.00\n"
                        + "M3,"
                        + H1
                        + ",EMPLOYMENT,2019-05-01,300.00\n");
        t.ingest(inbox.root());
        SilverBuild.Result third = t.build();
        assertTrue(
                third.actions()
                        .get("silver.assistance")
                        .startsWith("keys 3 of deliveries [2019-12-31]"),
                third.actions().toString());
        assertEquals(
                List.of("M1 150.0000", "M3 300.0000"),
                strings(t, "SELECT concat(measure_id, ' ', amount) FROM assistance ORDER BY 1"));

        // the nightly case: a new, latest delivery — a correction of M1 and a new M4, read without
        // the history
        inbox.write(
                "registry/assistance_20210131.csv",
                AID_HEADER
                        + "M1,"
                        + H1
                        + ",MEDICAL_AID,2019-03-01,175.00\n"
                        + "M4,"
                        + H2
                        + ",INDUSTRY,2021-01-05,400.00\n");
        t.ingest(inbox.root());
        SilverBuild.Result fourth = t.build();
        assertTrue(
                fourth.actions()
                        .get("silver.assistance")
                        .startsWith("keys 2 of new deliveries [2021-01-31]"),
                fourth.actions().toString());
        assertEquals(
                List.of("M1 175.0000", "M3 300.0000", "M4 400.0000"),
                strings(t, "SELECT concat(measure_id, ' ', amount) FROM assistance ORDER BY 1"));

        var incremental = t.silverContents();
        t.rebuild();
        assertEquals(t.silverContents(), incremental, "a rebuild gives the same silver");
    }

    @Test
    void theHouseholdHistoryAndTheMemberSignalsAreRecomputedFromTheirChangedDeliveriesOnly()
            throws IOException {
        SilverTestLake t = new SilverTestLake(tmp.resolve("lake"));
        TestInbox inbox = new TestInbox(tmp.resolve("inbox"));
        for (String y : List.of("2018", "2019", "2020")) {
            inbox.write(
                    "registry/households_" + y + "1231.csv",
                    HH_HEADER + household(H1, 1) + household(H2, 3));
            inbox.write(
                    "registry/members_" + y + "1231.csv",
                    MEMBER_HEADER + member(H1, 1) + member(H2, 3));
        }
        inbox.write(
                "health/insurance_enrollment_20191231.csv", INS_HEADER + id(1) + ",2019,是,是,\n");
        t.ingest(inbox.root());
        t.build();

        // 2019 re-delivered: H1's income corrected, H2 absent (so back in 2020: REAPPEARED)
        inbox.write(
                "registry/households_20191231.csv",
                HH_HEADER + household(H1, 1).replace(",2000.00,", ",2600.00,"));
        inbox.write("registry/members_20191231.csv", MEMBER_HEADER + member(H1, 1));
        t.ingest(inbox.root());
        // three snapshots: the estimate would fold every delivery; the fold from 2018 is the
        // subject here
        System.setProperty(HouseholdHistory.FOLD_PROPERTY, "always");
        SilverBuild.Result corrected;
        try {
            corrected = t.build();
        } finally {
            System.clearProperty(HouseholdHistory.FOLD_PROPERTY);
        }
        // 2020's members resolve to the 2019 insurance (2020's has not arrived): not recomputed,
        // since that delivery did not change
        assertTrue(
                corrected
                        .actions()
                        .get("silver.households")
                        .startsWith("from delivery 2019-12-31 (folded from 2018-12-31) ("),
                corrected.actions().toString());
        assertTrue(
                corrected
                        .actions()
                        .get("silver.member_signals")
                        .startsWith("snapshots [2019-12-31] ("),
                corrected.actions().toString());
        t.table("silver.households").createOrReplaceTempView("households");
        assertEquals(
                List.of(
                        H1 + " 1 IDENTIFIED 2018-12-31 2019-12-31 CHANGED",
                        H1 + " 2 CHANGED 2019-12-31 2020-12-31 CHANGED",
                        H1 + " 3 CHANGED 2020-12-31 current",
                        H2 + " 1 IDENTIFIED 2018-12-31 2019-12-31 ABSENT",
                        H2 + " 2 REAPPEARED 2020-12-31 current"),
                t.lake.spark()
                        .sql(
                                "SELECT concat_ws(' ', household_id, version, change, valid_from,"
                                        + " coalesce(CAST(valid_to AS STRING), 'current'), end_reason)"
                                        + " FROM households ORDER BY household_id, version")
                        .as(Encoders.STRING())
                        .collectAsList());

        // 2020's insurance arrives: only the 2020 snapshot's member signals resolve to it
        inbox.write(
                "health/insurance_enrollment_20201231.csv",
                INS_HEADER + id(1) + ",2020,是,是,\n" + id(3) + ",2020,否,否,\n");
        t.ingest(inbox.root());
        SilverBuild.Result insured = t.build();
        assertEquals("skipped", insured.actions().get("silver.households"));
        assertTrue(
                insured.actions()
                        .get("silver.member_signals")
                        .startsWith("snapshots [2020-12-31] ("),
                insured.actions().toString());

        var incremental = t.silverContents();
        t.rebuild();
        assertEquals(t.silverContents(), incremental, "a rebuild gives the same silver");
    }
}
