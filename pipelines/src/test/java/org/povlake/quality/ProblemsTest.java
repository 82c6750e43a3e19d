package org.povlake.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.povlake.contract.ReasonCode;

class ProblemsTest {
    private final List<Problem> problems = Problems.derive(Fixtures.agencies(), Fixtures.signals());

    private Problem only(String rule) {
        List<Problem> ps = problems.stream().filter(p -> p.rule().equals(rule)).toList();
        assertEquals(1, ps.size(), rule + " in " + problems);
        return ps.get(0);
    }

    @Test
    void sortedBySeverityThenCountThenSourceExtractFile() {
        List<String> rules =
                problems.stream()
                        .map(p -> p.severity() + " " + p.rule() + " " + p.count())
                        .toList();
        assertEquals(
                List.of(
                        "ERROR SNAPSHOT_SHRANK 42",
                        "ERROR MISSING_REQUIRED 10",
                        "ERROR BAD_RECORD 1", // ecommerce before registry at equal count
                        "ERROR BAD_ENCODING 1",
                        "WARNING STALE_DELIVERY 367",
                        "WARNING ORPHAN_SHOP 40",
                        "WARNING HOUSEHOLD_SIZE_MISMATCH 14",
                        "WARNING ORPHAN_HOUSEHOLD 12",
                        "WARNING BAD_ENUM 9",
                        "WARNING ORPHAN_OPERATOR_HOUSEHOLD 3",
                        "WARNING DUPLICATE_ROW 2", // registry_households before registry_members
                        "WARNING PERSON_IN_MULTIPLE_HOUSEHOLDS 2",
                        "INFO REGISTRY_HEALTH_DISAGREEMENT 35",
                        "INFO NOT_REGISTERED 30",
                        "INFO SCHEMA_DRIFT 2"),
                rules);
    }

    @Test
    void quarantineSeverityIsOnePercentOfRowsReadOrAnUnreadableRow() {
        assertEquals("ERROR", only("MISSING_REQUIRED").severity()); // 10 of 1000: exactly 1 %
        assertEquals("WARNING", only("BAD_ENUM").severity()); // 9 of 1000
        assertEquals("ERROR", only("BAD_ENCODING").severity()); // 1 row, but undecodable
        assertEquals("ERROR", only("BAD_RECORD").severity());
        Problem p = only("MISSING_REQUIRED");
        assertEquals("registry", p.source());
        assertEquals("registry_households", p.extract());
        assertEquals("registry/households_20191231.csv", p.sourceFile());
        assertEquals("2019-12-31", p.asOfDate());
        assertEquals(
                List.of("record 3", "record 17", "record 20", "record 21", "record 40"),
                p.examples());
        assertEquals(
                "fill the required column(s) or drop the rows; they were not loaded", p.action());
    }

    @Test
    void rejectedFileIsAnErrorNamedByItsRejectionWithTheMessageInTheAction() {
        Problem p = only("SNAPSHOT_SHRANK");
        assertEquals("ERROR", p.severity());
        assertEquals("health/insurance_enrollment_20191231.csv", p.sourceFile());
        assertTrue(p.action().contains(Fixtures.SCRIPT_MESSAGE), p.action());
        assertTrue(p.action().contains("override"), p.action());
    }

    @Test
    void orphansAreWarningsPerLinkWithTheMissingParentKeys() {
        Problem h = only("ORPHAN_HOUSEHOLD");
        assertEquals("WARNING", h.severity());
        assertEquals("registry_members", h.extract());
        assertEquals(5, h.examples().size());
        assertEquals("6201020010010001", h.examples().get(0));
        assertTrue(h.action().contains("households snapshot of the same date"), h.action());
        assertEquals(List.of("6201020010019999"), only("ORPHAN_OPERATOR_HOUSEHOLD").examples());
        assertTrue(only("ORPHAN_OPERATOR_HOUSEHOLD").action().contains("shops are loaded"));
        assertEquals(List.of("S000123"), only("ORPHAN_SHOP").examples());
    }

    @Test
    void driftAndNotRegisteredAreInfo() {
        Problem drift = only("SCHEMA_DRIFT");
        assertEquals("INFO", drift.severity());
        assertEquals(List.of("extra: remark", "missing: skill_trained"), drift.examples());
        Problem nr = only("NOT_REGISTERED");
        assertEquals("INFO", nr.severity());
        assertEquals(30, nr.count());
        assertEquals("health_inpatient_claims", nr.extract());
        assertTrue(nr.examples().isEmpty(), "no person is ever named");
    }

    @Test
    void staleOnlyPast366DaysBehind() {
        Problem p = only("STALE_DELIVERY");
        assertEquals("education", p.source()); // 367 days; telecom at 366 is not stale
        assertNull(p.sourceFile());
        assertEquals("2018-12-29", p.asOfDate());
        assertEquals(List.of("education_schools 2018-12-29"), p.examples());
    }

    @Test
    void signalsOfTheLatestHouseholdsSnapshotOnly() {
        Problem size = only("HOUSEHOLD_SIZE_MISMATCH");
        assertEquals(14, size.count()); // the 2018 snapshot's 50 is history
        assertEquals("registry_households", size.extract());
        assertEquals("registry/households_20191231.csv", size.sourceFile());
        assertEquals(2, only("PERSON_IN_MULTIPLE_HOUSEHOLDS").count());
        assertEquals(
                "registry/members_20191231.csv",
                only("PERSON_IN_MULTIPLE_HOUSEHOLDS").sourceFile());
        Problem rh = only("REGISTRY_HEALTH_DISAGREEMENT");
        assertEquals("INFO", rh.severity());
        assertTrue(rh.action().contains("35 of 3,500 (1.0 %)"), rh.action());

        List<SnapshotSignals> clean =
                List.of(
                        new SnapshotSignals("2018-12-31", 10, 5, 30, 1, 10, 1),
                        new SnapshotSignals("2019-12-31", 10, 0, 30, 0, 10, 0));
        assertTrue(Problems.derive(List.of(), clean).isEmpty());
    }

    @Test
    void skippedDeliveriesReportNothing() {
        // the fixture's skipped re-delivery carries BAD_ENUM 9: only the loaded delivery's BAD_ENUM
        // is reported
        assertEquals(1, problems.stream().filter(p -> p.rule().equals("BAD_ENUM")).count());
    }

    @Test
    void emptyAndNullInputsGiveNoProblems() {
        assertTrue(Problems.derive(null, null).isEmpty());
        DeliveryQuality bare =
                new DeliveryQuality(
                        "2019-12-31",
                        "f.csv",
                        "loaded",
                        0,
                        0,
                        0,
                        null,
                        null,
                        null,
                        null,
                        0,
                        0,
                        null,
                        null,
                        null,
                        null);
        AgencyQuality a =
                new AgencyQuality(
                        "telecom",
                        "x",
                        "2019-12-31",
                        0L,
                        null,
                        List.of(
                                new ExtractQuality(
                                        "telecom_village_network", "snapshot", List.of(bare))));
        assertTrue(Problems.derive(List.of(a), List.of()).isEmpty());
    }

    @Test
    void everyReasonCodeHasItsOwnAction() {
        Set<String> seen = new HashSet<>();
        String fallback = Actions.reason("NOT_A_CODE");
        for (ReasonCode c : ReasonCode.values()) {
            String a = Actions.reason(c.name());
            assertNotEquals(fallback, a, c.name());
            assertTrue(seen.add(a), "distinct action for " + c);
        }
        DeliveryQuality d =
                new DeliveryQuality(
                        "2019-12-31",
                        "f.csv",
                        "loaded",
                        10,
                        9,
                        1,
                        Map.of("SOMETHING_NEW", 1L),
                        Map.of(),
                        Map.of(),
                        Map.of(),
                        0,
                        9,
                        List.of(),
                        List.of(),
                        null,
                        null);
        AgencyQuality a =
                new AgencyQuality(
                        "telecom",
                        "x",
                        "2019-12-31",
                        0L,
                        0L,
                        List.of(
                                new ExtractQuality(
                                        "telecom_village_network", "snapshot", List.of(d))));
        Problem p = Problems.derive(List.of(a), List.of()).get(0);
        assertEquals("SOMETHING_NEW", p.rule());
        assertEquals("ERROR", p.severity()); // 1 of 10 rows
        assertEquals(fallback, p.action());
    }
}
