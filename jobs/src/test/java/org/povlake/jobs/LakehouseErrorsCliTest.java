package org.povlake.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.povlake.silver.PseudonymKey;

/** The errors of a command pointed at the wrong folder, or run without what it needs. */
class LakehouseErrorsCliTest {
    @TempDir Path tmp;

    static String firstLine(String s) {
        return s.lines().findFirst().orElse("");
    }

    @Test
    void theReadingCommandsSayAFolderIsNoLakehouse() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        // a layer folder with a folder in it, but no Delta table: still no lakehouse
        Files.createDirectories(empty.resolve("bronze/registry_households"));
        Path missing = tmp.resolve("missing");
        for (Path lake : List.of(empty, missing)) {
            for (List<String> args :
                    List.of(
                            List.of("sql", "SELECT 1"),
                            List.of("tables"),
                            List.of("history", "gold.indicators"),
                            List.of("portrait", "6211211032060004"))) {
                String command = args.get(0);
                String[] argv =
                        java.util.stream.Stream.concat(
                                        args.stream(),
                                        java.util.stream.Stream.of("--lakehouse", lake.toString()))
                                .toArray(String[]::new);
                PovlakeCliTest.Run r = PovlakeCliTest.run(argv);
                assertEquals(PovlakeCli.USAGE, r.code(), command + ": " + r.out() + r.err());
                assertEquals(
                        "povlake "
                                + command
                                + ": no lakehouse at "
                                + lake
                                + " (povlake ingest creates one)",
                        firstLine(r.err()),
                        command);
                assertEquals("", r.out(), command);
            }
        }
        assertFalse(Files.exists(missing), "nothing created");
    }

    @Test
    void nightlyWithoutAKeyStopsBeforeItIngests() {
        assumeTrue(
                System.getenv(PseudonymKey.ENV_FILE) == null
                        && System.getenv(PseudonymKey.ENV_KEY) == null,
                "a pseudonymisation key is configured in this environment");
        Path lake = tmp.resolve("lake");
        PovlakeCliTest.Run r =
                PovlakeCliTest.run(
                        "nightly",
                        "--inbox",
                        PovlakeCliTest.SAMPLE.resolve("file-faults").toString(),
                        "--lakehouse",
                        lake.toString(),
                        "--out",
                        tmp.resolve("reports").toString());
        assertEquals(PovlakeCli.FAILURE, r.code(), r.out() + r.err());
        assertEquals(
                "povlake nightly: failed: no pseudonymisation key: silver is never built without"
                        + " one. Set POVLAKE_PSEUDONYM_KEY_FILE to a key file (mode 0600, 64+ hex"
                        + " digits, e.g. `openssl rand -hex 32`), or POVLAKE_PSEUDONYM_KEY, or pass"
                        + " --key-file (povlake demo creates a local key at "
                        + lake.toAbsolutePath().resolve(".secrets/pseudonym.key")
                        + ")",
                firstLine(r.err()));
        assertFalse(Files.exists(lake), "nothing written: no bronze table, no lock, no run log");
        assertFalse(Files.exists(tmp.resolve("reports")), "no report");
    }
}
