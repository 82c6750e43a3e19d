package org.povlake.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.povlake.lake.Lakehouse;
import org.povlake.lake.SparkSessions;
import org.povlake.ops.RunLock;

/**
 * Crash safety of {@code povlake nightly}: a run killed with {@code kill -9} (SIGKILL: no finally
 * block, no shutdown hook) at any point leaves work the next run finishes, and the lakehouse and
 * the reports end exactly as after an uninterrupted run. The killed runs are child JVMs; the
 * uninterrupted run and the one after the kills run in this JVM (warm: the test's cost is the
 * killed runs). The sample inbox's 2020 deliveries keep it to one year of gold, and the tests'
 * reference (the sample's counties) to the regions that hold the sample.
 */
@Tag("end-to-end")
class NightlyCrashTest {
    /** Where the killed runs die, in order: each next run recovers from the one before. */
    static final List<String> POINTS =
            List.of(
                    // mid-ingest, after an ingest commit: the smallest extract (loaded last) has
                    // its bronze and quarantine
                    // commits but no ingest-log row; extracts loading beside it are cut off
                    // mid-write
                    "ingest:bronze:registry_poor_villages",
                    "silver:silver.households", // mid-silver: one table written, others being
                    // written
                    "gold:gold.indicators:2020", // mid-gold: one of the year's five tables
                    // replaced, no build row
                    "report:assessment_2020.json"); // mid-report: the JSON written; no CSV, HTML,

    // workbook, manifest

    static final Duration TIMEOUT = Duration.ofMinutes(6);

    @TempDir Path tmp;

    @Test
    void killedAtAnyPointTheNextRunFinishesAndTheResultsEqualAnUninterruptedRun()
            throws IOException {
        Path inbox = inboxOf2020(tmp.resolve("inbox"));
        Path key = testKey(tmp.resolve("pseudonym.key"));
        Path logs = tmp.resolve("logs");

        PovlakeCliTest.Run base = PovlakeCliTest.run(nightly(tmp.resolve("base"), inbox, key));
        assertEquals(PovlakeCli.OK, base.code(), base.out() + base.err());
        assertTrue(base.out().contains("assessed: [2020]"), base.out());

        Path crash = tmp.resolve("crash");
        SparkSession spark = SparkSessions.builder("crash-test").getOrCreate();
        Lakehouse crashed = new Lakehouse(spark, crash.resolve("lake").toString());
        for (String point : POINTS) {
            PovlakeProcess.Result r =
                    PovlakeProcess.run(
                            logs,
                            "killed-at-" + point.replaceAll("[^a-z0-9]+", "-"),
                            Map.of("povlake.test.crashAt", point),
                            TIMEOUT,
                            nightly(crash, inbox, key));
            assertEquals(137, r.exit(), "killed by SIGKILL at " + point + ":\n" + r.all());
            assertTrue(r.err().contains("crash point " + point + " reached"), r.err());
            assertTrue(RunLock.holder(crashed).isPresent(), "a killed run leaves its lock behind");
        }
        PovlakeCliTest.Run last = PovlakeCliTest.run(nightly(crash, inbox, key));
        assertEquals(PovlakeCli.OK, last.code(), last.out() + last.err());
        assertTrue(
                last.out().contains("took over a stale lock")
                        && last.out().contains("its process is gone"),
                last.out());
        assertTrue(
                last.out().contains("assessed: [2020]"),
                "the year the killed run built is assessed:\n" + last.out());
        assertTrue(RunLock.holder(crashed).isEmpty(), "the lock is released");

        SameResults.assertSameTables(spark, tmp.resolve("base/lake"), crash.resolve("lake"));
        SameResults.assertSameReports(tmp.resolve("base/out"), crash.resolve("out"));
    }

    private static String[] nightly(Path dir, Path inbox, Path key) {
        return new String[] {
            "nightly",
            "--inbox",
            inbox.toString(),
            "--lakehouse",
            dir.resolve("lake").toString(),
            "--out",
            dir.resolve("out").toString(),
            "--key-file",
            key.toString()
        };
    }

    /** A fixed pseudonymisation key file (mode 0600). */
    static Path testKey(Path file) throws IOException {
        Files.writeString(file, "ff41d5e054e8df7ce6c062e91cb00a50dd2082f696fb134398a44132d5af9548");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    /** The sample inbox's deliveries as of 2020 (every extract, bad files and rows included). */
    static Path inboxOf2020(Path to) throws IOException {
        Path from = DemoSilverTest.INBOX;
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f :
                    files.filter(Files::isRegularFile)
                            .filter(f -> f.getFileName().toString().contains("_2020"))
                            .toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                Files.createDirectories(target.getParent());
                Files.copy(f, target);
            }
        }
        return to;
    }
}
