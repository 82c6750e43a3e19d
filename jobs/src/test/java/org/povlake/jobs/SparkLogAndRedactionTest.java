package org.povlake.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the CLI's log shows, in a child JVM with the production logging configuration: {@code
 * --verbose} shows Spark's own log (from its start), and the pseudonymisation key passed the way a
 * cluster would (a variable set through a Spark property) is redacted from Spark's event log.
 */
@Tag("end-to-end")
class SparkLogAndRedactionTest {
    static final Duration TIMEOUT = Duration.ofMinutes(3);

    /** The CLI's own logging configuration, not the tests' (which sends INFO to a file only). */
    static final Map<String, String> PRODUCTION_LOG =
            Map.of("log4j2.configurationFile", "log4j2.properties");

    @TempDir Path tmp;

    @Test
    void verboseShowsSparksLogAndTheDefaultDoesNot() {
        String lake = tmp.resolve("lake").toString();
        PovlakeProcess.Result verbose =
                PovlakeProcess.run(
                        tmp.resolve("logs"),
                        "verbose",
                        PRODUCTION_LOG,
                        TIMEOUT,
                        "tables",
                        "--verbose",
                        "--lakehouse",
                        lake);
        // no lakehouse there: a usage error, after Spark started
        assertEquals(PovlakeCli.USAGE, verbose.exit(), verbose.all());
        assertTrue(
                verbose.err().contains("INFO SparkContext: Running Spark version"), verbose.err());
        PovlakeProcess.Result quiet =
                PovlakeProcess.run(
                        tmp.resolve("logs"),
                        "quiet",
                        PRODUCTION_LOG,
                        TIMEOUT,
                        "tables",
                        "--lakehouse",
                        lake);
        assertEquals(PovlakeCli.USAGE, quiet.exit(), quiet.all());
        assertFalse(quiet.err().contains(" INFO "), quiet.err());
    }

    @Test
    void aKeyInASparkPropertyIsRedactedFromTheEventLog() throws IOException {
        String key = "5e".repeat(32);
        Path events = Files.createDirectories(tmp.resolve("events"));
        PovlakeProcess.Result r =
                PovlakeProcess.run(
                        tmp.resolve("logs"),
                        "event-log",
                        Map.of(
                                "spark.eventLog.enabled",
                                "true",
                                "spark.eventLog.compress",
                                "false",
                                "spark.eventLog.dir",
                                events.toUri().toString(),
                                "spark.yarn.appMasterEnv.POVLAKE_PSEUDONYM_KEY",
                                key,
                                "spark.kubernetes.driverEnv.POVLAKE_PSEUDONYM_KEY",
                                key,
                                "spark.executorEnv.POVLAKE_PSEUDONYM_KEY",
                                key),
                        TIMEOUT,
                        "tables",
                        "--lakehouse",
                        tmp.resolve("lake").toString());
        assertEquals(PovlakeCli.USAGE, r.exit(), r.all()); // no lakehouse there
        StringBuilder log = new StringBuilder();
        try (Stream<Path> files = Files.walk(events)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                log.append(Files.readString(f));
            }
        }
        assertTrue(
                log.toString().contains("spark.yarn.appMasterEnv.POVLAKE_PSEUDONYM_KEY"),
                "the event log records the properties: " + log.length() + " characters");
        assertFalse(log.toString().contains(key), "the key is in the event log");
        assertFalse(r.all().contains(key), "the key is in the output");
    }
}
