package org.povlake.generate;

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
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.povlake.contract.Contract;
import org.povlake.contract.ReasonCode;
import org.povlake.ingest.IngestJob;
import org.povlake.lake.Lakehouse;
import org.povlake.testing.ResidentIdPattern;
import org.povlake.testing.TestSpark;

/**
 * The acceptance test: a generated inbox with injected faults, ingested by povlake into a Delta
 * lakehouse, reports for every file exactly what the generator's manifest says (read, accepted,
 * quarantined, by reason, charset).
 */
@Tag("end-to-end")
class GeneratedInboxIngestTest {
    @TempDir Path tmp;

    @Test
    void theIngestReportsExactlyTheManifest() throws IOException {
        Path out = tmp.resolve("generated");
        Generator.Result generated = Generated.generate(out, 2000, 2018, 2019, 1, 0.02);
        Path inbox = out.resolve(Generator.INBOX);
        assertTrue(generated.warnings().isEmpty(), generated.warnings().toString());
        JsonNode manifest = new ObjectMapper().readTree(out.resolve(Manifest.FILE).toFile());
        assertEquals(2000, manifest.get("arguments").get("households").asLong());
        JsonNode expected = manifest.get("files");
        assertEquals(30, expected.size(), "15 extracts × 2 years");

        Lakehouse lake = new Lakehouse(TestSpark.get(), tmp.resolve("lake").toString());
        List<String> progress = new ArrayList<>();
        IngestJob.Result r =
                new IngestJob(lake, Contract.get(), progress::add)
                        .run(new IngestJob.Options(inbox.toString(), null, Set.of()));
        assertOutcomes(expected, r);
        assertFalse(r.anyRejected(), "a generated inbox is all loadable");

        // the faults cover every row-level code the generator injects, and each file's quarantine
        // is about 2 %
        EnumSet<ReasonCode> seen = EnumSet.noneOf(ReasonCode.class);
        r.files().forEach(f -> f.byReason.keySet().forEach(k -> seen.add(ReasonCode.valueOf(k))));
        assertEquals(EnumSet.range(ReasonCode.MISSING_REQUIRED, ReasonCode.CONFLICTING_KEY), seen);
        assertTrue(
                progress.stream().allMatch(line -> ResidentIdPattern.matches(line).isEmpty()),
                "no ID printed");
        long read = r.total(f -> f.read);
        long quarantined = r.total(f -> f.quarantined);
        assertTrue(
                quarantined > 0.015 * read && quarantined < 0.03 * read,
                quarantined + " of " + read);
    }
}
