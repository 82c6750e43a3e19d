package org.povlake.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.povlake.ingest.FileOutcome;
import org.povlake.ingest.IngestJob;

/**
 * The ingest run's JSON report is written like every other report: moved into place whole, with the
 * mode any new file of its folder gets under the process's umask (the one {@code bin/povlake} sets
 * from {@code POVLAKE_UMASK}), not the private 0600 of a temporary file — with {@code
 * POVLAKE_UMASK=027} a scheduler's group reads it like the other reports. Under a umask of 077 both
 * are 0600; the build's usual 022 tells them apart.
 */
class IngestReportTest {
    @TempDir Path tmp;

    @Test
    void theJsonReportHasItsFoldersUsualModeAndNoTemporaryFileIsLeft() throws IOException {
        FileOutcome f = new FileOutcome();
        f.path = "registry/registry_households_20201231.csv";
        f.status = FileOutcome.Status.LOADED;
        f.read = 3;
        f.accepted = 2;
        f.quarantined = 1;
        IngestJob.Result r =
                new IngestJob.Result(
                        "ingest-test",
                        Instant.parse("2020-12-31T02:30:00Z"),
                        Instant.parse("2020-12-31T02:31:00Z"),
                        List.of(f));
        Path folder = tmp.resolve("reports");
        Path report = folder.resolve("ingest.json");
        IngestReport.writeJson(r, report);

        Path usual = Files.createFile(folder.resolve("usual"));
        assertEquals(
                PosixFilePermissions.toString(Files.getPosixFilePermissions(usual)),
                PosixFilePermissions.toString(Files.getPosixFilePermissions(report)),
                "the ingest report's mode");
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(
                    List.of("ingest.json", "usual"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        JsonNode json = new ObjectMapper().readTree(report.toFile());
        assertEquals("ingest-test", json.get("batch_id").asText());
        assertEquals(3, json.get("totals").get("read").asLong());
        assertEquals(f.path, json.get("files").get(0).get("path").asText());
    }
}
