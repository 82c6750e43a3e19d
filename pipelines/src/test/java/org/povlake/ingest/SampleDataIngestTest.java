package org.povlake.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.povlake.testing.ExpectedOutcomes.assertOutcomes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.povlake.contract.Contract;
import org.povlake.contract.ReasonCode;
import org.povlake.lake.Lakehouse;
import org.povlake.testing.ResidentIdPattern;
import org.povlake.testing.TestSpark;

/**
 * End to end on {@code sample-data/}: each file's outcome equals {@code expected-ingest.json},
 * computed when the sample was made from the faults injected (independently of povlake).
 */
@Tag("end-to-end")
class SampleDataIngestTest {
    static final Path SAMPLE = Path.of("..", "sample-data");

    @TempDir Path tmp;

    static JsonNode expected() throws IOException {
        return new ObjectMapper().readTree(SAMPLE.resolve("expected-ingest.json").toFile());
    }

    IngestJob.Result ingest(Lakehouse lake, String inbox, List<String> progress)
            throws IOException {
        return new IngestJob(lake, Contract.get(), progress::add)
                .run(new IngestJob.Options(SAMPLE.resolve(inbox).toString(), null, Set.of()));
    }

    @Test
    void theSampleInboxLoadsExactlyAsExpectedAndAgainChangesNothing() throws IOException {
        Lakehouse lake = new Lakehouse(TestSpark.get(), tmp.resolve("lake").toString());
        List<String> progress = new ArrayList<>();
        IngestJob.Result r = ingest(lake, "inbox", progress);
        assertOutcomes(expected().get("inbox"), r);
        assertFalse(r.anyRejected());

        // every reason code of the contract occurs in the sample
        EnumSet<ReasonCode> seen = EnumSet.noneOf(ReasonCode.class);
        r.files().forEach(f -> f.byReason.keySet().forEach(k -> seen.add(ReasonCode.valueOf(k))));
        assertEquals(EnumSet.allOf(ReasonCode.class), seen);

        // quarantine holds every quarantined row with its file and record number; bronze every
        // accepted one
        assertEquals(
                r.total(f -> f.quarantined),
                lake.spark().read().format("delta").load(lake.path("bronze.quarantine")).count());
        long bronze = 0;
        for (String t : lake.tables()) {
            if (t.startsWith("bronze.") && !t.equals("bronze.quarantine")) {
                bronze += lake.spark().read().format("delta").load(lake.path(t)).count();
            }
        }
        assertEquals(r.total(f -> f.accepted), bronze);

        // nothing printed names a person
        for (String line : progress) {
            assertEquals(List.of(), ResidentIdPattern.matches(line), line);
        }
        for (FileOutcome f : r.files()) {
            assertEquals(
                    List.of(),
                    f.message == null ? List.of() : ResidentIdPattern.matches(f.message),
                    f.message);
        }

        Map<String, Long> versions = new TreeMap<>();
        lake.tables().stream()
                .filter(t -> t.startsWith("bronze."))
                .forEach(t -> versions.put(t, lake.version(t)));
        IngestJob.Result again = ingest(lake, "inbox", progress);
        assertTrue(again.files().stream().allMatch(f -> f.status == FileOutcome.Status.SKIPPED));
        versions.forEach((t, v) -> assertEquals(v, lake.version(t), t + " unchanged by a re-run"));
    }

    @Test
    void theFileFaultsAreRejectedWithTheirCodes() throws IOException {
        Lakehouse lake = new Lakehouse(TestSpark.get(), tmp.resolve("lake").toString());
        IngestJob.Result r = ingest(lake, "file-faults", new ArrayList<>());
        assertOutcomes(expected().get("file-faults"), r);
        assertTrue(r.anyRejected());
    }
}
