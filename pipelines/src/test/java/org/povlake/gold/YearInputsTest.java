package org.povlake.gold;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.povlake.contract.Catalogue;
import org.povlake.silver.Delivery;

/** METRICS.md "Common definitions": snapshot of Y, stale, missing and the null-and-stale rules. */
class YearInputsTest {
    static Delivery snapshot(String extract, String asOf) {
        return new Delivery("x", extract, "snapshot", LocalDate.parse(asOf), "f", "sha", 1, "b");
    }

    static Delivery event(String extract, String asOf) {
        return new Delivery("x", extract, "event", LocalDate.parse(asOf), "f", "sha", 1, "b");
    }

    static final Catalogue C = Catalogue.get();

    static YearInputs.Status status(YearInputs in, String id) {
        return in.status(C.require(id));
    }

    @Test
    void theSnapshotOfYIsTheLatestDeliveryOnOrBeforeTheEndOfY() {
        List<Delivery> d =
                List.of(
                        snapshot("registry_households", "2018-12-31"),
                        snapshot("registry_households", "2019-06-30"),
                        snapshot("registry_households", "2020-03-31"),
                        snapshot("telecom_village_network", "2017-12-31"));
        YearInputs y2019 = YearInputs.resolve(2019, d);
        assertEquals(
                LocalDate.parse("2019-06-30"), y2019.snapshot("registry_households").orElseThrow());
        assertEquals(LocalDate.parse("2018-12-31"), y2019.householdsPrevious());
        // the network's only delivery is of 2017: used for 2019, stale; households not stale
        assertEquals(
                new YearInputs.Status(false, true, false), status(y2019, "NET_VILLAGE_BROADBAND"));
        assertEquals(
                new YearInputs.Status(false, false, false),
                status(y2019, "TARGET_HELPER_ASSIGNED"));
        // 2017: no households delivery ≤ 2017-12-31 → missing (and printed empty)
        YearInputs y2017 = YearInputs.resolve(2017, d);
        assertEquals(
                new YearInputs.Status(true, false, true), status(y2017, "TARGET_HELPER_ASSIGNED"));
        assertEquals(
                new YearInputs.Status(false, false, false), status(y2017, "NET_VILLAGE_BROADBAND"));
    }

    @Test
    void anEventExtractIsMissingOnlyWithoutAnyDeliveryAndNeverStale() {
        List<Delivery> d =
                new ArrayList<>(
                        List.of(
                                snapshot("registry_households", "2020-12-31"),
                                snapshot("registry_members", "2020-12-31"),
                                snapshot("registry_poor_villages", "2020-12-31")));
        YearInputs none = YearInputs.resolve(2020, d);
        // cause-matched aid reads assistance and inpatient_claims (its claim clause): both
        // undelivered → missing
        assertEquals(
                new YearInputs.Status(true, false, true), status(none, "TARGET_CAUSE_MATCHED_AID"));
        d.add(event("registry_assistance", "2016-12-31"));
        d.add(
                event(
                        "health_inpatient_claims",
                        "2021-06-30")); // a later delivery still holds earlier events
        YearInputs some = YearInputs.resolve(2020, d);
        assertEquals(
                new YearInputs.Status(false, false, false),
                status(some, "TARGET_CAUSE_MATCHED_AID"));
    }

    @Test
    void aYearKeyedInputWithoutRowsForYIsNullAndStale() {
        List<Delivery> d =
                List.of(
                        snapshot("registry_households", "2020-12-31"),
                        snapshot("registry_members", "2020-12-31"),
                        snapshot("health_insurance_enrollment", "2020-12-31"),
                        snapshot("education_enrollment", "2020-12-31"));
        YearInputs y = YearInputs.resolve(2020, d).withYearKeyed(false, true);
        assertEquals(new YearInputs.Status(false, true, true), status(y, "HEALTH_BASIC_INSURANCE"));
        assertEquals(new YearInputs.Status(false, true, true), status(y, "TARGET_EXIT_COMPLIANCE"));
        assertEquals(
                new YearInputs.Status(false, false, false), status(y, "EDU_COMPULSORY_DROPOUT"));
        YearInputs e = YearInputs.resolve(2020, d).withYearKeyed(true, false);
        assertEquals(new YearInputs.Status(false, true, true), status(e, "EDU_COMPULSORY_DROPOUT"));
        assertEquals(new YearInputs.Status(false, true, true), status(e, "MPI_H"));
    }

    @Test
    void returnToPovertyNeedsAnotherDeliveryForYMinusOne() {
        // no households ≤ 2019-12-31: null, neither stale nor missing
        YearInputs first =
                YearInputs.resolve(2020, List.of(snapshot("registry_households", "2020-12-31")));
        assertEquals(
                new YearInputs.Status(false, false, true),
                status(first, "TARGET_RETURN_TO_POVERTY"));
        // only a 2019 delivery: Y−1 resolves to Y's own delivery → null and stale (and stale
        // anyway: dated 2019)
        YearInputs same =
                YearInputs.resolve(2020, List.of(snapshot("registry_households", "2019-12-31")));
        assertEquals(
                new YearInputs.Status(false, true, true), status(same, "TARGET_RETURN_TO_POVERTY"));
        YearInputs both =
                YearInputs.resolve(
                        2020,
                        List.of(
                                snapshot("registry_households", "2019-12-31"),
                                snapshot("registry_households", "2020-12-31")));
        assertEquals(
                new YearInputs.Status(false, false, false),
                status(both, "TARGET_RETURN_TO_POVERTY"));
    }
}
