package org.povlake.jobs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A key rotation from the command line, on the sample's 2020 deliveries: a weak key is refused; a
 * rebuild under a new key is refused until confirmed with {@code --retire-old-pseudonyms}, and a
 * nightly never rotates; a rotation killed half-way (a child JVM, SIGKILL) blocks every silver and
 * gold build until it is finished; after it, an assessment of before the rotation and {@code sql
 * --as-of} it say that silver's versions were retired by the rotation, while its JSON and CSV —
 * gold's, whose history stays — are reproduced byte for byte.
 */
@Tag("end-to-end")
class KeyRotationCliTest {
    static final String OLD_KEY =
            "05d06581f12076af06cda1e71ef44cb529231588874a13498653106d733e9df7";
    static final String NEW_KEY =
            "de93550677d0a6e7da32ecc8ec0b9cf9860c6bfd1503339f7bc084cf9c381f9a";

    @TempDir Path tmp;

    static Path keyFile(Path file, String hex) throws IOException {
        Files.writeString(file, hex + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    static void assertFailsWithOneLine(PovlakeCliTest.Run r, String... says) {
        assertEquals(PovlakeCli.FAILURE, r.code(), r.out() + r.err());
        for (String s : says) {
            assertTrue(r.err().contains(s), "'" + s + "' in: " + r.err());
        }
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
    }

    @Test
    void aRotationIsConfirmedFinishedAfterAKillAndTheVersionsItRetiredSaySo() throws IOException {
        Path inbox = NightlyCrashTest.inboxOf2020(tmp.resolve("inbox"));
        String oldKey = keyFile(tmp.resolve("old.key"), OLD_KEY).toString();
        String newKey = keyFile(tmp.resolve("new.key"), NEW_KEY).toString();
        String lake = tmp.resolve("lake").toString();
        PovlakeCliTest.Run built =
                PovlakeCliTest.run(
                        "build",
                        "--lakehouse",
                        lake,
                        "--inbox",
                        inbox.toString(),
                        "--key-file",
                        oldKey);
        assertTrue(
                built.code() == PovlakeCli.OK || built.code() == PovlakeCli.REJECTED_FILES,
                built.out() + built.err());
        Path before = tmp.resolve("before");
        PovlakeCliTest.Run assessed =
                PovlakeCliTest.run(
                        "assess",
                        "--lakehouse",
                        lake,
                        "--year",
                        "2020",
                        "--out",
                        before.toString(),
                        "--format",
                        "json,csv,html");
        assertEquals(PovlakeCli.OK, assessed.code(), assessed.out() + assessed.err());
        String manifest = before.resolve("manifest.json").toString();

        // a key that is one byte repeated: refused, saying how to make one, never printing it
        String weak = keyFile(tmp.resolve("weak.key"), "00".repeat(32)).toString();
        PovlakeCliTest.Run refusedWeak =
                PovlakeCliTest.run(
                        "build-silver",
                        "--lakehouse",
                        lake,
                        "--rebuild",
                        "--retire-old-pseudonyms",
                        "--key-file",
                        weak);
        assertFailsWithOneLine(refusedWeak, "does not look random", "openssl rand -hex 32");
        assertFalse(refusedWeak.err().contains("0000000000000000"), refusedWeak.err());

        // a rebuild under the new key, unconfirmed: refused with what it would delete; a nightly
        // never rotates
        assertFailsWithOneLine(
                PovlakeCliTest.run(
                        "build-silver", "--lakehouse", lake, "--rebuild", "--key-file", newKey),
                "--retire-old-pseudonyms",
                "silver.members",
                "time travel");
        assertFailsWithOneLine(
                PovlakeCliTest.run(
                        "nightly",
                        "--lakehouse",
                        lake,
                        "--inbox",
                        inbox.toString(),
                        "--out",
                        tmp.resolve("nightly").toString(),
                        "--key-file",
                        newKey),
                "--retire-old-pseudonyms");

        // a rotation killed after its first rebuilt table: silver and gold builds are refused until
        // it is finished
        PovlakeProcess.Result killed =
                PovlakeProcess.run(
                        tmp.resolve("logs"),
                        "rotation-killed",
                        Map.of("povlake.test.crashAt", "silver:silver.members"),
                        NightlyCrashTest.TIMEOUT,
                        "build-silver",
                        "--lakehouse",
                        lake,
                        "--rebuild",
                        "--retire-old-pseudonyms",
                        "--key-file",
                        newKey);
        assertEquals(137, killed.exit(), killed.all());
        assertFailsWithOneLine(
                PovlakeCliTest.run("build-silver", "--lakehouse", lake, "--key-file", oldKey),
                "did not finish",
                "--retire-old-pseudonyms");
        assertFailsWithOneLine(
                PovlakeCliTest.run("build-gold", "--lakehouse", lake), "did not finish");
        PovlakeCliTest.Run rotated =
                PovlakeCliTest.run(
                        "build-silver",
                        "--lakehouse",
                        lake,
                        "--rebuild",
                        "--retire-old-pseudonyms",
                        "--key-file",
                        newKey);
        assertEquals(PovlakeCli.OK, rotated.code(), rotated.out() + rotated.err());
        assertTrue(
                rotated.out().contains("key rotation: the pseudonyms of key ")
                        && rotated.out().contains("retired"),
                rotated.out());
        PovlakeCliTest.Run gold = PovlakeCliTest.run("build-gold", "--lakehouse", lake);
        assertEquals(PovlakeCli.OK, gold.code(), gold.out() + gold.err());
        PovlakeCliTest.Run nightly =
                PovlakeCliTest.run(
                        "nightly",
                        "--lakehouse",
                        lake,
                        "--inbox",
                        inbox.toString(),
                        "--out",
                        tmp.resolve("nightly").toString(),
                        "--key-file",
                        newKey);
        assertEquals(
                PovlakeCli.OK,
                nightly.code(),
                "the new key is silver's now: " + nightly.out() + nightly.err());

        // the assessment of before the rotation: its report reads silver, whose versions of then
        // are gone
        assertFailsWithOneLine(
                PovlakeCliTest.run(
                        "assess",
                        "--lakehouse",
                        lake,
                        "--year",
                        "2020",
                        "--out",
                        tmp.resolve("again").toString(),
                        "--as-of",
                        manifest),
                "retired by the key rotation of ",
                "silver build ",
                "--format json,csv");
        assertFalse(Files.exists(tmp.resolve("again/assessment_2020.json")), "nothing written");
        PovlakeCliTest.Run contract =
                PovlakeCliTest.run(
                        "assess",
                        "--lakehouse",
                        lake,
                        "--year",
                        "2020",
                        "--out",
                        tmp.resolve("again-contract").toString(),
                        "--format",
                        "json,csv",
                        "--as-of",
                        manifest);
        assertEquals(PovlakeCli.OK, contract.code(), contract.out() + contract.err());
        assertArrayEquals(
                Files.readAllBytes(before.resolve("indicators_2020.csv")),
                Files.readAllBytes(tmp.resolve("again-contract/indicators_2020.csv")));

        assertFailsWithOneLine(
                PovlakeCliTest.run(
                        "sql",
                        "--lakehouse",
                        lake,
                        "--as-of",
                        manifest,
                        "SELECT count(*) FROM silver.members"),
                "silver.members version ",
                "retired by the key rotation of ");
        PovlakeCliTest.Run goldThen =
                PovlakeCliTest.run(
                        "sql",
                        "--lakehouse",
                        lake,
                        "--as-of",
                        manifest,
                        "--format",
                        "csv",
                        "SELECT count(*) AS n FROM gold.indicators WHERE year = 2020");
        assertEquals(PovlakeCli.OK, goldThen.code(), goldThen.out() + goldThen.err());
        PovlakeCliTest.Run membersNow =
                PovlakeCliTest.run(
                        "sql",
                        "--lakehouse",
                        lake,
                        "--format",
                        "csv",
                        "SELECT count(*) AS n FROM silver.members");
        assertEquals(PovlakeCli.OK, membersNow.code(), membersNow.out() + membersNow.err());
    }
}
