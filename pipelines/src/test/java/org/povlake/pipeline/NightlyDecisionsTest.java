package org.povlake.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The nightly's decisions over given run-log rows and table versions: what is left unfinished, what
 * to assess.
 */
class NightlyDecisionsTest {
    static final Instant FINISHED = Instant.parse("2026-11-29T02:41:00Z");
    static final Map<String, Long> LEFT =
            Map.of("bronze.registry_households", 3L, "gold.indicators", 7L);
    static final NightlyDecisions.LastRun LAST =
            new NightlyDecisions.LastRun("nightly-1", FINISHED, LEFT);

    @Test
    void nothingIsUnfinishedWhenTheTablesAreAsTheLastSuccessfulRunLeftThem() {
        assertFalse(
                NightlyDecisions.unfinished(
                        LAST,
                        Map.of("bronze.registry_households", 3L, "gold.indicators", 7L),
                        true,
                        true),
                "a stale lock taken over after a clean end leaves nothing to finish");
    }

    @Test
    void aTableChangedSinceTheLastSuccessfulRunIsUnfinishedWork() {
        assertTrue(
                NightlyDecisions.unfinished(
                        LAST,
                        Map.of("bronze.registry_households", 4L, "gold.indicators", 7L),
                        false,
                        true),
                "a run killed after its ingest");
        assertTrue(
                NightlyDecisions.unfinished(
                        LAST,
                        Map.of(
                                "bronze.registry_households",
                                3L,
                                "gold.indicators",
                                7L,
                                "gold.mpi",
                                0L),
                        false,
                        true),
                "a table made since");
    }

    @Test
    void beforeAnySuccessfulRunADeadOrFailedRunIsUnfinishedButAFirstNightlyIsNot() {
        assertTrue(
                NightlyDecisions.unfinished(null, LEFT, true, false),
                "a run died holding the lock");
        assertTrue(
                NightlyDecisions.unfinished(null, LEFT, false, true),
                "a run failed (the log has its row)");
        assertFalse(
                NightlyDecisions.unfinished(null, LEFT, false, false),
                "the first nightly on a lakehouse built by other commands");
    }

    @Test
    void theYearsBuiltNowAreAssessedAndAfterACrashThoseBuiltSinceTheLastSuccess() {
        List<Instant> asked = new ArrayList<>();
        assertEquals(
                List.of(2020),
                List.copyOf(
                        NightlyDecisions.yearsToAssess(
                                List.of(2020),
                                false,
                                LAST,
                                since -> {
                                    asked.add(since);
                                    return List.of(2018);
                                })));
        assertEquals(List.of(), asked, "the run log is not read when nothing is unfinished");
        assertEquals(
                List.of(2018, 2019, 2020),
                List.copyOf(
                        NightlyDecisions.yearsToAssess(
                                List.of(2020),
                                true,
                                LAST,
                                since -> {
                                    asked.add(since);
                                    return List.of(2020, 2018, 2019);
                                })));
        assertEquals(
                List.of(FINISHED), asked, "the years built since the last successful run ended");
        List<Instant> ever = new ArrayList<>();
        assertEquals(
                List.of(2019),
                List.copyOf(
                        NightlyDecisions.yearsToAssess(
                                List.of(),
                                true,
                                null,
                                since -> {
                                    ever.add(since);
                                    return List.of(2019);
                                })));
        assertEquals(1, ever.size());
        assertEquals(null, ever.get(0), "no successful run yet: every year ever built");
    }

    @Test
    void nothingNewOnlyWhenNoFileLoadedSilverIsCurrentAndNothingIsLeft() {
        assertTrue(NightlyDecisions.nothingNew(List.of(), false, 0, true));
        assertFalse(NightlyDecisions.nothingNew(List.of(2020), false, 0, true));
        assertFalse(NightlyDecisions.nothingNew(List.of(), true, 0, true));
        assertFalse(NightlyDecisions.nothingNew(List.of(), false, 1, true));
        assertFalse(NightlyDecisions.nothingNew(List.of(), false, 0, false));
    }

    @Test
    void aFailureIsLoggedAsOneLineOfTheFirstCauseThatSaysSomething() {
        assertEquals(
                "no key configured",
                Nightly.failureMessage(
                        new RuntimeException(
                                null,
                                new IllegalStateException("no key configured\nsecond line"))));
        assertEquals("NullPointerException", Nightly.failureMessage(new NullPointerException()));
    }
}
