package org.povlake.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.TreeMap;
import org.povlake.ingest.FileOutcome;
import org.povlake.ingest.IngestJob;

/**
 * Compares an ingest run with an expected outcome per file, in the shape of
 * sample-data/expected-ingest.json and the generator's manifest: {path: {status, read, accepted,
 * quarantined, by_reason, charset} or {status, rejection}}.
 */
public final class ExpectedOutcomes {
    private ExpectedOutcomes() {}

    public static void assertOutcomes(JsonNode expected, IngestJob.Result r) {
        assertEquals(expected.size(), r.files().size(), "files");
        for (FileOutcome f : r.files()) {
            JsonNode e = expected.get(f.path);
            assertTrue(e != null, "unexpected file " + f.path);
            assertEquals(e.get("status").asText(), f.status.label(), f.path);
            if (e.has("rejection")) {
                assertEquals(e.get("rejection").asText(), f.rejection, f.path);
                continue;
            }
            assertEquals(e.get("read").asLong(), f.read, f.path + " read");
            assertEquals(e.get("accepted").asLong(), f.accepted, f.path + " accepted");
            assertEquals(e.get("quarantined").asLong(), f.quarantined, f.path + " quarantined");
            Map<String, Long> reasons = new TreeMap<>();
            e.get("by_reason")
                    .fields()
                    .forEachRemaining(x -> reasons.put(x.getKey(), x.getValue().asLong()));
            assertEquals(reasons, f.byReason, f.path + " by reason");
            assertEquals(e.get("charset").asText(), f.charset, f.path + " charset");
            assertTrue(f.reconciles(), f.path);
        }
    }
}
