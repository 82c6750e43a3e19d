package org.povlake.jobs;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.povlake.lake.SparkSessions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Crash safety of {@code povlake nightly}: a run killed with {@code kill -9} (SIGKILL: no finally block, no shutdown
 * hook) at any point leaves work the next run finishes, and the lakehouse and the reports end exactly as after an
 * uninterrupted run. Each run is a child JVM; the sample inbox's 2020 deliveries keep it to one year of gold.
 */
class NightlyCrashTest {
    /** Where the interrupted runs are killed, in order: each next run recovers from the one before. */
    static final List<String> POINTS = List.of(
            "ingest:bronze:registry_members",   // mid-ingest: bronze and quarantine committed, no ingest-log row
            "nightly:ingested",                 // after the ingest's last commit
            "silver:silver.households",         // mid-silver: one table written, others being written
            "gold:gold.region_scores:2020",     // mid-gold: three of the year's five tables replaced, no build row
            "report:assessment_2020.html");     // mid-report: JSON, CSV and HTML written; no workbook, no manifest
    static final Duration TIMEOUT = Duration.ofMinutes(6);

    @TempDir
    Path tmp;

    @Test
    void killedAtAnyPointTheNextRunFinishesAndTheResultsEqualAnUninterruptedRun() throws IOException {
        Path inbox = inboxOf2020(tmp.resolve("inbox"));
        Path key = tmp.resolve("pseudonym.key");
        Files.writeString(key, HexFormat.of().formatHex(new byte[32]).replace('0', '7'));
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        Path logs = tmp.resolve("logs");

        PovlakeProcess.Result base = nightly(logs, "uninterrupted", tmp.resolve("base"), inbox, key, null);
        assertEquals(PovlakeCli.OK, base.exit(), base.all());

        Path crash = tmp.resolve("crash");
        for (String point : POINTS) {
            PovlakeProcess.Result r = nightly(logs, "killed-at-" + point.replaceAll("[^a-z0-9]+", "-"), crash, inbox,
                    key, point);
            assertEquals(137, r.exit(), "killed by SIGKILL at " + point + ":\n" + r.all());
            assertTrue(r.err().contains("crash point " + point + " reached"), r.err());
            assertTrue(Files.exists(crash.resolve("lake/_ops/nightly.lock")), "a killed run leaves its lock behind");
        }
        PovlakeProcess.Result last = nightly(logs, "after-the-crashes", crash, inbox, key, null);
        assertEquals(PovlakeCli.OK, last.exit(), last.all());
        assertTrue(last.out().contains("took over a stale lock"), last.out());
        assertFalse(Files.exists(crash.resolve("lake/_ops/nightly.lock")), "the lock is released");

        SparkSession spark = SparkSessions.builder("crash-test").getOrCreate();
        SameResults.assertSameTables(spark, tmp.resolve("base/lake"), crash.resolve("lake"));
        SameResults.assertSameReports(tmp.resolve("base/out"), crash.resolve("out"));

        // and one more night with nothing new does nothing
        PovlakeProcess.Result quiet = nightly(logs, "nothing-new", crash, inbox, key, null);
        assertEquals(PovlakeCli.OK, quiet.exit(), quiet.all());
        assertTrue(quiet.out().contains("nothing new"), quiet.out());
    }

    private static PovlakeProcess.Result nightly(Path logs, String name, Path dir, Path inbox, Path key, String point) {
        return PovlakeProcess.run(logs, name, point == null ? Map.of() : Map.of("povlake.test.crashAt", point), TIMEOUT,
                "nightly", "--inbox", inbox.toString(), "--lakehouse", dir.resolve("lake").toString(),
                "--out", dir.resolve("out").toString(), "--key-file", key.toString());
    }

    /** The sample inbox's deliveries as of 2020 (every extract, bad files and rows included). */
    static Path inboxOf2020(Path to) throws IOException {
        Path from = DemoSilverTest.INBOX;
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.filter(Files::isRegularFile).filter(f -> f.getFileName().toString().contains("_2020"))
                    .toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                Files.createDirectories(target.getParent());
                Files.copy(f, target);
            }
        }
        return to;
    }
}
