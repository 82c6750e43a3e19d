package org.povlake.assess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The disclosure control on hand-built years: complements (never a 0/0 cell), the audit driving
 * further cells (a third cell for a pair still too narrow, a parent of 0 and the families above
 * it), cells hidden together and following their count, changes, and the scores (pillar scores,
 * composite, grade-only, ranks among the printed).
 */
class DisclosureControlTest {
    static final DisclosureControl CONTROL =
            new DisclosureControl(DisclosureFixture.RULES, DisclosureFixture.CATALOGUE);
    static final String ID = "TARGET_EXIT_OVERDUE";

    static DisclosureTable.Why why(DisclosureTable t, String region, String id) {
        return DisclosureFixture.item(t, region, id).hidden;
    }

    @Test
    void aLoneHiddenChildGetsAComplementWithACountAndTheAuditAThirdCellWhenThePairIsTooNarrow() {
        // K 31/72: T1 1/20 (primary: n = 1), T2 and T4 0/0 (primary: d < 10, but nobody in them),
        // T3 30/40, T5 0/12.
        // The old rule counted T2 and T4 as hidden siblings and hid no complement: n(T1) = 31 − 30
        // − 0 = 1.
        // Now: the shown sibling with a count and the smallest denominator, T5 (12), is the
        // complement; but
        // n(T1) + n(T5) = 1 leaves T1 in [0, 1]: the audit fails it, and the control hides T3 (room
        // 40 in both
        // directions): n(T1) + n(T3) + n(T5) = 31 → n(T1) ∈ [0, 20].
        DisclosureTable t =
                new DisclosureFixture()
                        .region("K", "county", null)
                        .region("T1", "township", "K")
                        .region("T2", "township", "K")
                        .region("T3", "township", "K")
                        .region("T4", "township", "K")
                        .region("T5", "township", "K")
                        .cell("K", ID, "31", "72")
                        .cell("T1", ID, "1", "20")
                        .cell("T2", ID, "0", "0")
                        .cell("T3", ID, "30", "40")
                        .cell("T4", ID, "0", "0")
                        .cell("T5", ID, "0", "12")
                        .table(2020);
        DisclosureControl.Result r = CONTROL.protect(t, null);
        assertTrue(r.report().passed(), r.report().toString());
        assertEquals(DisclosureTable.Why.PRIMARY, why(t, "T1", ID));
        assertEquals(
                DisclosureTable.Why.COMPLEMENT,
                why(t, "T5", ID),
                "smallest denominator with a count");
        assertEquals(
                DisclosureTable.Why.AUDIT, why(t, "T3", ID), "the third cell the audit asked for");
        assertEquals(1, r.rounds());
        assertNull(why(t, "K", ID));
        assertEquals(3, r.summary().cellsHidden().get("primary"), "T1, and T2 and T4 (0/0)");
    }

    @Test
    void aParentOfZeroIsHiddenAndTheFamiliesAboveAreProtectedInTurn() {
        // C 20/300: K 0/50 (T1 0/8, T2 0/42) and K2 20/250 (U1 10/100, U2 10/150).
        // T1 is primary (d < 10), T2 its complement — but K = 0 fixes both at 0 (T1 needs 5 wide).
        // No sibling has
        // room, so K is hidden (round 1); then K is fixed by C − K2 = 0, so K2 is hidden (round 2);
        // then K2 is
        // fixed by its shown children, so U1 is hidden (round 3): K + K2 = 20, K2 = 10 + U1 → K ∈
        // [0, 10],
        // T1 ∈ [0, 8], T2 ∈ [0, 10]. C stays printed.
        DisclosureTable t =
                new DisclosureFixture()
                        .region("C", "city", null)
                        .region("K", "county", "C")
                        .region("K2", "county", "C")
                        .region("T1", "township", "K")
                        .region("T2", "township", "K")
                        .region("U1", "township", "K2")
                        .region("U2", "township", "K2")
                        .cell("C", ID, "20", "300")
                        .cell("K", ID, "0", "50")
                        .cell("K2", ID, "20", "250")
                        .cell("T1", ID, "0", "8")
                        .cell("T2", ID, "0", "42")
                        .cell("U1", ID, "10", "100")
                        .cell("U2", ID, "10", "150")
                        .table(2020);
        DisclosureControl.Result r = CONTROL.protect(t, null);
        assertTrue(r.report().passed(), r.report().toString());
        assertEquals(DisclosureTable.Why.COMPLEMENT, why(t, "T2", ID));
        assertEquals(DisclosureTable.Why.AUDIT, why(t, "K", ID));
        assertEquals(DisclosureTable.Why.AUDIT, why(t, "K2", ID));
        assertEquals(
                DisclosureTable.Why.AUDIT,
                why(t, "U1", ID),
                "U1: the smallest child of K2 with room");
        assertNull(why(t, "U2", ID));
        assertNull(why(t, "C", ID));
        assertEquals(3, r.rounds());
        assertEquals(
                8, r.summary().narrowestInterval(), 1e-6, "T1 ∈ [0, 8]; K, K2, U1, T2 are 10 wide");
    }

    @Test
    void aReleaseTheControlCannotProtectWithinItsRoundsIsRefused() {
        // the province 0/40 with counties K1 0/8 (primary) and K2 0/32 (its complement): the
        // province's 0 fixes both at
        // 0. Protecting them takes a round (the province's cell is hidden: then K1 ∈ [0, 8], K2 ∈
        // [0, 32]); with no
        // round allowed the release is refused, naming both.
        DisclosureTable t =
                new DisclosureFixture()
                        .region("P", "province", null)
                        .region("K1", "county", "P")
                        .region("K2", "county", "P")
                        .cell("P", ID, "0", "40")
                        .cell("K1", ID, "0", "8")
                        .cell("K2", ID, "0", "32")
                        .table(2020);
        PublicationRules rules = DisclosureFixture.RULES;
        PublicationRules none =
                new PublicationRules(
                        rules.version(),
                        rules.excludedLevels(),
                        rules.personalCounts(),
                        rules.minDenominator(),
                        rules.smallMin(),
                        rules.smallMax(),
                        rules.follow(),
                        rules.hiddenTogether(),
                        rules.mpi(),
                        rules.minInterval(),
                        0,
                        rules.footnoteZh(),
                        rules.footnoteEn());
        DisclosureControl.Result refused =
                new DisclosureControl(none, DisclosureFixture.CATALOGUE).protect(t, null);
        assertFalse(refused.report().passed());
        assertEquals(
                List.of("K1", "K2"),
                refused.report().failures().stream().map(DisclosureAudit.Failure::region).toList());

        DisclosureTable again =
                new DisclosureFixture()
                        .region("P", "province", null)
                        .region("K1", "county", "P")
                        .region("K2", "county", "P")
                        .cell("P", ID, "0", "40")
                        .cell("K1", ID, "0", "8")
                        .cell("K2", ID, "0", "32")
                        .table(2020);
        DisclosureControl.Result protectedRelease = CONTROL.protect(again, null);
        assertTrue(protectedRelease.report().passed(), protectedRelease.report().toString());
        assertEquals(
                DisclosureTable.Why.AUDIT,
                why(again, "P", ID),
                "the root hidden: nothing else bounds it");
    }

    @Test
    void theMpiCellsOfARegionAreHiddenTogether() {
        DisclosureTable t = DisclosureAuditTest.mpi("MPI_CH_ATTENDANCE").table(2020);
        DisclosureControl.Result r = CONTROL.protect(t, null);
        assertTrue(r.report().passed(), r.report().toString());
        for (DisclosureTable.Item i : t.region("K").items.values()) {
            assertTrue(i.isHidden(), i.indicator);
            assertEquals(
                    i.indicator.equals("MPI_CH_ATTENDANCE")
                            ? DisclosureTable.Why.PRIMARY
                            : DisclosureTable.Why.LINKED,
                    i.hidden,
                    i.indicator);
        }
    }

    @Test
    void theReimbursementRatioFollowsItsClaimsCount() {
        // province 62: X 8 claims (one-stop 8/8: d < 10, hidden), Y 450/500, Z 540/600. X alone →
        // the complement is Y
        // (500 < 600): n(X) + n(Y) = 998 − 540 = 458 → X ∈ [0, 8], Y ∈ [450, 458]. The ratio's
        // amounts follow.
        DisclosureTable t =
                new DisclosureFixture()
                        .region("62", "province", null)
                        .region("X", "city", "62")
                        .region("Y", "city", "62")
                        .region("Z", "city", "62")
                        .cell("62", "HEALTH_ONE_STOP", "998", "1108")
                        .cell("X", "HEALTH_ONE_STOP", "8", "8")
                        .cell("Y", "HEALTH_ONE_STOP", "450", "500")
                        .cell("Z", "HEALTH_ONE_STOP", "540", "600")
                        .cell("62", "HEALTH_REIMBURSEMENT_RATIO", "8000", "11000")
                        .cell("X", "HEALTH_REIMBURSEMENT_RATIO", "5000", "9000")
                        .cell("Y", "HEALTH_REIMBURSEMENT_RATIO", "2997", "1999")
                        .cell("Z", "HEALTH_REIMBURSEMENT_RATIO", "3", "1")
                        .table(2020);
        DisclosureControl.Result r = CONTROL.protect(t, null);
        assertTrue(r.report().passed(), r.report().toString());
        assertEquals(DisclosureTable.Why.COMPLEMENT, why(t, "Y", "HEALTH_ONE_STOP"));
        assertEquals(DisclosureTable.Why.LINKED, why(t, "X", "HEALTH_REIMBURSEMENT_RATIO"));
        assertEquals(DisclosureTable.Why.LINKED, why(t, "Y", "HEALTH_REIMBURSEMENT_RATIO"));
        assertNull(
                why(t, "Z", "HEALTH_REIMBURSEMENT_RATIO"),
                "amounts follow the count, not the 1..4 rule");
    }

    @Test
    void theChangeOfACellHiddenInEitherYearIsHidden() {
        // Y−1: B 3/50 is hidden (n = 3) and A (100 < D's 120) is its complement; Y: all shown.
        DisclosureTable before =
                new DisclosureFixture()
                        .region("C", "city", null)
                        .region("A", "county", "C")
                        .region("B", "county", "C")
                        .region("D", "county", "C")
                        .cell("C", ID, "113", "270")
                        .cell("A", ID, "40", "100")
                        .cell("B", ID, "3", "50")
                        .cell("D", ID, "70", "120")
                        .table(2019);
        DisclosureControl.Result previous = CONTROL.protect(before, null);
        assertTrue(previous.report().passed(), previous.report().toString());
        DisclosureTable now =
                new DisclosureFixture()
                        .region("C", "city", null)
                        .region("A", "county", "C")
                        .region("B", "county", "C")
                        .region("D", "county", "C")
                        .changed("C", ID, "130", "300", "0.015")
                        .changed("A", ID, "40", "100", "0")
                        .changed("B", ID, "30", "100", "0.24")
                        .changed("D", ID, "60", "100", "0.016667")
                        .table(2020);
        DisclosureControl.Result r = CONTROL.protect(now, previous);
        assertTrue(r.report().passed(), r.report().toString());
        assertNull(
                DisclosureAuditTest.find(r.release(), "B").indicator(ID).change(),
                "B was hidden in Y−1");
        assertNull(
                DisclosureAuditTest.find(r.release(), "A").indicator(ID).change(),
                "A was B's complement");
        assertNotNull(DisclosureAuditTest.find(r.release(), "D").indicator(ID).change());
        assertNotNull(DisclosureAuditTest.find(r.release(), "C").indicator(ID).change());
    }

    @Test
    void
            scoresWithAHiddenAchievementAreHiddenTheGradeKeptWhereItCannotMoveAndRanksAmongThePrinted() {
        // city C: counties K1 (helper 2/30: hidden), K2 (30/40, its complement: the smallest
        // denominator) and K3
        // (40/60); every region has NET_VILLAGE_BROADBAND 8/10 (achievement 0.8 / 0.98 = 0.816327).
        //   composite = 100 × (30 × NET + 15 × TARGET) / 45; with TARGET anywhere in 0..1 it spans
        //   [54.42, 87.75]: 较差 to 良好 → K1's and K2's composites and grades are hidden.
        //   K3 prints its composite (76.6440) and is ranked 1 among the printed (gold: 3rd, behind
        // K4 and K2).
        // city C2 has one county, K4, whose NET_HOUSEHOLD_TERMINAL (48/50: 50 − 48 = 2) is hidden:
        // NET has 7 scored
        // indicators, the 6 others at 1, so NET ∈ [6/7, 1] and composite = 100 × (30 × NET + 15 ×
        // 1) / 45 ∈
        // [90.48, 100]: 优秀 whatever it is → K4 (and C2, the same cells) print the grade without the
        // composite.
        DisclosureFixture f =
                new DisclosureFixture()
                        .region("62", "province", null)
                        .region("C", "city", "62")
                        .region("C2", "city", "62")
                        .region("K1", "county", "C")
                        .region("K2", "county", "C")
                        .region("K3", "county", "C")
                        .region("K4", "county", "C2")
                        .cell("C", "TARGET_HELPER_ASSIGNED", "72", "130")
                        .cell("K1", "TARGET_HELPER_ASSIGNED", "2", "30")
                        .cell("K2", "TARGET_HELPER_ASSIGNED", "30", "40")
                        .cell("K3", "TARGET_HELPER_ASSIGNED", "40", "60");
        for (String k : List.of("C", "K1", "K2", "K3")) {
            f.cell(k, "NET_VILLAGE_BROADBAND", "8", "10");
        }
        for (String k : List.of("C2", "K4")) {
            for (String id :
                    List.of(
                            "NET_VILLAGE_BROADBAND",
                            "NET_VILLAGE_50MBPS",
                            "NET_VILLAGE_4G",
                            "NET_VILLAGE_CATV")) {
                f.cell(k, id, "10", "10");
            }
            f.cell(k, "NET_POOR_VILLAGE_BROADBAND", "5", "5")
                    .cell(k, "NET_TOWNSHIP_CATV", "3", "3")
                    .cell(k, "NET_HOUSEHOLD_TERMINAL", "48", "50")
                    .cell(k, "TARGET_PORTRAIT_COMPLETE", "50", "50");
        }
        DisclosureTable t = f.table(2020);
        DisclosureControl.Result r = CONTROL.protect(t, null);
        assertTrue(r.report().passed(), r.report().toString());
        RegionResult k1 = DisclosureAuditTest.find(r.release(), "K1");
        RegionResult k2 = DisclosureAuditTest.find(r.release(), "K2");
        RegionResult k3 = DisclosureAuditTest.find(r.release(), "K3");
        RegionResult k4 = DisclosureAuditTest.find(r.release(), "K4");
        assertNull(k1.pillars().get("TARGET"));
        assertNotNull(k1.pillars().get("NET"), "NET holds no hidden achievement");
        for (RegionResult k : List.of(k1, k2)) {
            assertNull(k.composite(), k.code());
            assertNull(k.grade(), k.code());
            assertNull(k.rank(), k.code());
        }
        assertEquals(0, new java.math.BigDecimal("76.6440").compareTo(k3.composite()));
        assertEquals(1, k3.rank(), "ranked among the printed composites");
        assertEquals(3, t.region("K3").rank, "gold's rank among all counties (K4, K2, K3, K1)");
        assertNull(k4.pillars().get("NET"));
        assertNull(k4.composite());
        assertEquals("优秀", k4.grade());
        assertNull(k4.rank());
        assertEquals("优秀", DisclosureAuditTest.find(r.release(), "C2").grade());
        assertEquals(1, DisclosureAuditTest.find(r.release(), "C").rank());
        assertEquals(
                java.util.Map.of(
                        "regions", 4, "composite", 1, "grade_only", 1, "hidden", 2, "ranked", 1),
                r.summary().composites().get("county"));
    }
}
