package org.povlake.assess;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The disclosure audit on hand-built families: the intervals it computes (worked out by hand in the
 * comments), a family where it must refuse, one where it must pass, and releases whose scores,
 * ranks or changes would give a hidden cell back. TARGET_EXIT_OVERDUE counts households and is not
 * scored, so the families here are about counts only.
 */
class DisclosureAuditTest {
    static final DisclosureAudit AUDIT =
            new DisclosureAudit(DisclosureFixture.RULES, DisclosureFixture.CATALOGUE);
    static final String ID = "TARGET_EXIT_OVERDUE";

    static DisclosureFixture county() {
        return new DisclosureFixture()
                .region("K", "county", null)
                .region("T1", "township", "K")
                .region("T2", "township", "K")
                .region("T3", "township", "K");
    }

    static DisclosureAudit.Report audit(DisclosureTable t) {
        return AUDIT.run(DisclosureFixture.release(t), t, null, true);
    }

    static void assertInterval(double lo, double hi, double[] actual, String what) {
        assertArrayEquals(new double[] {lo, hi}, actual, 1e-6, what);
    }

    @Test
    void aHiddenCellThatItsParentAndTheShownSiblingsDetermineIsRefused() {
        // K 20/100 shown; T1 3/30 hidden (numerator 3); T2 17/60 and T3 0/10 shown:
        // n(T1) = 20 − 17 − 0 = 3 exactly → refused, interval [3, 3]
        DisclosureTable t =
                county().cell("K", ID, "20", "100")
                        .cell("T1", ID, "3", "30")
                        .cell("T2", ID, "17", "60")
                        .cell("T3", ID, "0", "10")
                        .table(2020);
        DisclosureAudit.Report r = audit(t);
        assertFalse(r.passed());
        assertEquals(1, r.failures().size(), r.failures().toString());
        DisclosureAudit.Failure f = r.failures().get(0);
        assertEquals("T1", f.region());
        assertEquals(3, f.lo(), 1e-9);
        assertEquals(3, f.hi(), 1e-9);
        assertTrue(
                f.describe(5).contains("TARGET_EXIT_OVERDUE in township T1")
                        && f.describe(5).contains("[3, 3]"),
                f.describe(5));
    }

    @Test
    void aZeroDenominatorSiblingProtectsNothing() {
        // the case (b): K 20/100; T1 3/30 hidden; T2 0/0 hidden (denominator < 10); T3
        // 17/70 shown. The old
        // rule counted T2 as the second hidden cell; but a 0/0 holds nobody: n(T1) = 20 − 17 − 0 =
        // 3 → refused
        DisclosureTable t =
                county().cell("K", ID, "20", "100")
                        .cell("T1", ID, "3", "30")
                        .cell("T2", ID, "0", "0")
                        .cell("T3", ID, "17", "70")
                        .table(2020);
        assertTrue(DisclosureFixture.item(t, "T2", ID).isHidden(), "0/0 is primary (d < 10)");
        DisclosureAudit.Report r = audit(t);
        assertFalse(r.passed());
        assertEquals(
                List.of("T1"), r.failures().stream().map(DisclosureAudit.Failure::region).toList());
        assertEquals(1, r.audited(), "the 0/0 cell is a known zero, not an unknown");
    }

    @Test
    void twoHiddenSiblingsWithRoomPassWithTheIntervalsWorkedOutByHand() {
        // K 50/100 shown; T1 4/10 and T2 46/85 hidden; T3 0/5 shown (forced, to leave the pair
        // alone):
        //   n1 + n2 = 50, 0 ≤ n1 ≤ 10, 0 ≤ n2 ≤ 85
        //   n1 ∈ [max(0, 50 − 85), min(10, 50)] = [0, 10]      (width 10 ≥ 5)
        //   n2 ∈ [max(0, 50 − 10), min(85, 50)] = [40, 50]     (width 10 ≥ 5)
        DisclosureTable t =
                county().cell("K", ID, "50", "100")
                        .cell("T1", ID, "4", "10")
                        .cell("T2", ID, "46", "85", true)
                        .cell("T3", ID, "0", "5", false)
                        .table(2020);
        DisclosureAudit.Report r = audit(t);
        assertTrue(r.passed(), r.failures().toString());
        Map<String, double[]> i = AUDIT.intervals(DisclosureFixture.release(t), t);
        assertInterval(0, 10, i.get("T1/" + ID), "T1");
        assertInterval(40, 50, i.get("T2/" + ID), "T2");
        assertEquals(10, r.narrowest(), 1e-6);
        assertEquals(2, r.audited());
    }

    @Test
    void aHiddenParentChainsItsFamilies() {
        // city C 100/500 shown; counties K1 30/200 and K2 70/300 hidden;
        // K1's townships: T1 28/150 shown, T2 2/50 hidden; K2's townships U1 35/150 and U2 35/150
        // hidden.
        //   n(K1) + n(K2) = 100;  n(K1) = 28 + n(T2), n(T2) ∈ [0, 50]  → n(K1) ∈ [28, 78]
        //   n(K2) = 100 − n(K1) ∈ [22, 72];  n(K2) = n(U1) + n(U2), each ∈ [0, 150]
        //   n(T2) = n(K1) − 28 ∈ [0, 50];  n(U1) = n(K2) − n(U2) ∈ [0, 72], the same for U2
        DisclosureTable t =
                new DisclosureFixture()
                        .region("C", "city", null)
                        .region("K1", "county", "C")
                        .region("K2", "county", "C")
                        .region("T1", "township", "K1")
                        .region("T2", "township", "K1")
                        .region("U1", "township", "K2")
                        .region("U2", "township", "K2")
                        .cell("C", ID, "100", "500")
                        .cell("K1", ID, "30", "200", true)
                        .cell("K2", ID, "70", "300", true)
                        .cell("T1", ID, "28", "150")
                        .cell("T2", ID, "2", "50")
                        .cell("U1", ID, "35", "150", true)
                        .cell("U2", ID, "35", "150", true)
                        .table(2020);
        DisclosureAudit.Report r = audit(t);
        assertTrue(r.passed(), r.failures().toString());
        assertEquals(
                1, r.groups(), "one group: the families are linked through the hidden counties");
        Map<String, double[]> i = AUDIT.intervals(DisclosureFixture.release(t), t);
        assertInterval(28, 78, i.get("K1/" + ID), "K1");
        assertInterval(22, 72, i.get("K2/" + ID), "K2");
        assertInterval(0, 50, i.get("T2/" + ID), "T2");
        assertInterval(0, 72, i.get("U1/" + ID), "U1");
        assertInterval(0, 72, i.get("U2/" + ID), "U2");
    }

    @Test
    void aZeroParentConfinesItsHiddenChildren() {
        // K 0/60 shown: every child has 0; T1 0/8 and T2 0/42 hidden → [0, 0] each; T1's
        // denominator 8 ≥ 5 needs
        // 5 wide, T2's too → both refused
        DisclosureTable t =
                county().cell("K", ID, "0", "60")
                        .cell("T1", ID, "0", "8")
                        .cell("T2", ID, "0", "42", true)
                        .cell("T3", ID, "0", "10")
                        .table(2020);
        DisclosureAudit.Report r = audit(t);
        assertEquals(
                List.of("T1", "T2"),
                r.failures().stream().map(DisclosureAudit.Failure::region).toList());
        assertEquals(0, r.failures().get(0).hi(), 1e-9);
    }

    @Test
    void aDenominatorUnderFiveMustBeSpannedWhole() {
        // K 12/60 shown; T1 2/3 and T2 1/4 hidden (d < 10); T3 9/53 shown:
        //   n1 + n2 = 3 → n1 ∈ [0, 3] = 0..3, its whole denominator: safe; n2 ∈ [0, 3] but its
        // denominator is 4:
        //   the reader learns that not all 4 have it → refused
        DisclosureTable t =
                county().cell("K", ID, "12", "60")
                        .cell("T1", ID, "2", "3")
                        .cell("T2", ID, "1", "4")
                        .cell("T3", ID, "9", "53")
                        .table(2020);
        DisclosureAudit.Report r = audit(t);
        assertEquals(
                List.of("T2"), r.failures().stream().map(DisclosureAudit.Failure::region).toList());
        assertEquals(1, r.fullRange(), "T1 spans its whole denominator");
        assertTrue(
                r.failures().get(0).describe(5).contains("0..4 is needed"),
                r.failures().get(0).describe(5));
    }

    /**
     * The MPI's cells of one region: H, A, M0 and the censored headcounts, consistent with each
     * other.
     */
    static DisclosureFixture mpi(String hiddenOne) {
        // 100 members, 20 MPI-poor; censored headcounts (poor and deprived in j) below; M0's
        // numerator is
        // Σ weight × censored numerator = 12/4 + (8 + 4 + 10 + 6)/8 + (10 + 6 + 12 + 14)/16 = 3 +
        // 3.5 + 2.625 = 9.125,
        // A's numerator the same over the 20 poor.
        DisclosureFixture f = new DisclosureFixture().region("K", "county", null);
        String[][] censored = {
            {"INCOME", "12"},
            {"SCHOOLING", "8"},
            {"ATTENDANCE", "4"},
            {"INSURANCE", "10"},
            {"SERIOUS_ILLNESS", "6"},
            {"HOUSING", "10"},
            {"WATER", "6"},
            {"BROADBAND", "12"},
            {"TERMINAL", "14"}
        };
        f.cell("K", "MPI_H", "20", "100", false)
                .cell("K", "MPI_A", "9.125", "20", false)
                .cell("K", "MPI_M0", "9.125", "100", false);
        for (String[] c : censored) {
            String id = "MPI_CH_" + c[0];
            f.cell("K", id, c[1], "100", id.equals(hiddenOne));
        }
        return f;
    }

    @Test
    void theMpiIdentitiesGiveALoneHiddenCensoredHeadcountBack() {
        // everything printed but MPI_CH_INCOME: M0's numerator = Σ w·CH gives it: (9.125 − 3.5 −
        // 2.625) / (1/4) = 12
        DisclosureTable t = mpi("MPI_CH_INCOME").table(2020);
        DisclosureAudit.Report r = audit(t);
        assertEquals(1, r.failures().size(), r.failures().toString());
        assertEquals("MPI_CH_INCOME", r.failures().get(0).indicator());
        assertEquals(12, r.failures().get(0).lo(), 1e-6);
        assertEquals(12, r.failures().get(0).hi(), 1e-6);
    }

    @Test
    void aReleaseWhoseScoresRanksOrChangesWouldGiveAHiddenCellBackIsRefused() {
        // two counties of city C with TARGET_HELPER_ASSIGNED (scored, TARGET pillar) and
        // NET_VILLAGE_BROADBAND
        // (NET, places); K1's helper cell is hidden (2/30) and its complement K2's too.
        DisclosureFixture f =
                new DisclosureFixture()
                        .region("C", "city", null)
                        .region("K1", "county", "C")
                        .region("K2", "county", "C")
                        .region("K3", "county", "C")
                        .cell("C", "TARGET_HELPER_ASSIGNED", "72", "130")
                        .cell("K1", "TARGET_HELPER_ASSIGNED", "2", "30")
                        .cell("K2", "TARGET_HELPER_ASSIGNED", "30", "40")
                        .cell("K3", "TARGET_HELPER_ASSIGNED", "40", "60");
        for (String k : List.of("C", "K1", "K2", "K3")) {
            f.cell(k, "NET_VILLAGE_BROADBAND", "8", "10");
        }
        DisclosureTable t = f.table(2020);
        DisclosureControl control =
                new DisclosureControl(DisclosureFixture.RULES, DisclosureFixture.CATALOGUE);
        DisclosureControl.Result decided = control.protect(t, null);
        assertTrue(decided.report().passed(), decided.report().toString());
        assertTrue(AUDIT.run(decided.release(), t, null, true).violations().isEmpty());

        // the TARGET score of K1 printed again: it is its helper achievement itself
        List<RegionResult> tampered = new ArrayList<>(decided.release());
        RegionResult k1 = find(tampered, "K1");
        Map<String, BigDecimal> pillars = new java.util.LinkedHashMap<>(k1.pillars());
        pillars.put("TARGET", t.region("K1").pillars.get("TARGET"));
        tampered.set(
                tampered.indexOf(k1),
                new RegionResult(
                        k1.code(),
                        k1.name(),
                        k1.level(),
                        k1.parent(),
                        null,
                        k1.grade(),
                        null,
                        pillars,
                        k1.indicators()));
        assertTrue(
                AUDIT.run(tampered, t, null, true).violations().stream()
                        .anyMatch(v -> v.contains("TARGET score of K1")),
                "a pillar score with a hidden achievement");

        // K3's rank among all counties (it would place the hidden composites)
        List<RegionResult> ranked = new ArrayList<>(decided.release());
        RegionResult k3 = find(ranked, "K3");
        ranked.set(
                ranked.indexOf(k3),
                new RegionResult(
                        k3.code(),
                        k3.name(),
                        k3.level(),
                        k3.parent(),
                        k3.composite(),
                        k3.grade(),
                        t.region("K3").rank + 1,
                        k3.pillars(),
                        k3.indicators()));
        assertTrue(
                AUDIT.run(ranked, t, null, true).violations().stream()
                        .anyMatch(v -> v.contains("rank of K3")));

        // a change printed whose cell of Y−1 is hidden
        DisclosureTable before = f.table(2019);
        DisclosureFixture.item(before, "K3", "NET_VILLAGE_BROADBAND").hidden =
                DisclosureTable.Why.PRIMARY;
        List<RegionResult> changed = new ArrayList<>(decided.release());
        RegionResult k3c = find(changed, "K3");
        List<IndicatorResult> cells = new ArrayList<>();
        for (IndicatorResult i : k3c.indicators()) {
            cells.add(
                    i.id().equals("NET_VILLAGE_BROADBAND")
                            ? new IndicatorResult(
                                    i.id(),
                                    i.numerator(),
                                    i.denominator(),
                                    i.value(),
                                    i.target(),
                                    i.met(),
                                    i.achievement(),
                                    new BigDecimal("0.1"),
                                    i.stale(),
                                    i.missing(),
                                    false)
                            : i);
        }
        changed.set(
                changed.indexOf(k3c),
                new RegionResult(
                        k3c.code(),
                        k3c.name(),
                        k3c.level(),
                        k3c.parent(),
                        k3c.composite(),
                        k3c.grade(),
                        k3c.rank(),
                        k3c.pillars(),
                        cells));
        assertTrue(
                AUDIT.run(changed, t, DisclosureFixture.release(before), true).violations().stream()
                        .anyMatch(v -> v.contains("change of NET_VILLAGE_BROADBAND in K3")));
    }

    static RegionResult find(List<RegionResult> release, String code) {
        return release.stream().filter(r -> r.code().equals(code)).findFirst().orElseThrow();
    }
}
