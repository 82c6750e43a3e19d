package org.povlake.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One run: its id, and the seconds of the stages that returned, in the order they ran. */
class RunContextTest {
    @Test
    void aRunIdNamesTheKindAndTheTimeAndIsUnique() {
        Instant at = Instant.parse("2026-11-29T02:30:00.123456Z");
        String id = RunContext.newId("nightly", at);
        assertTrue(id.matches("nightly-20261129T023000123456Z-[0-9a-f]{8}"), id);
        assertNotEquals(id, RunContext.newId("nightly", at));
        RunContext run = RunContext.start("ingest");
        assertTrue(run.runId().startsWith("ingest-"), run.runId());
    }

    @Test
    void stagesAreTimedInOrderAndAFailedStageIsNot() throws IOException {
        RunContext run = RunContext.start("nightly");
        assertEquals("loaded", run.stage("ingest", () -> "loaded"));
        run.stage("silver", () -> null);
        assertThrows(
                IOException.class,
                () ->
                        run.stage(
                                "gold",
                                () -> {
                                    throw new IOException("disk full");
                                }));
        assertEquals(List.of("ingest", "silver"), List.copyOf(run.stages().keySet()));
        run.stages().values().forEach(s -> assertTrue(s >= 0, "seconds"));
    }
}
