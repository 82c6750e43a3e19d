package org.povlake.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --format} names every registered report format, in the help and in its usage error (no
 * Spark needed).
 */
class AssessCommandTest {
    @TempDir Path tmp;

    @Test
    void theFormatsAreTheRegisteredOnes() {
        Path out = tmp.resolve("assessments");
        PovlakeCliTest.Run bad =
                PovlakeCliTest.run(
                        "assess",
                        "--lakehouse",
                        tmp.resolve("lake").toString(),
                        "--year",
                        "2020",
                        "--out",
                        out.toString(),
                        "--format",
                        "json,pdf");
        assertEquals(PovlakeCli.USAGE, bad.code(), bad.err());
        assertTrue(
                bad.err().contains("--format takes json, csv, html, xlsx, not 'pdf'"), bad.err());
        assertFalse(Files.exists(out), "nothing written");

        PovlakeCliTest.Run help = PovlakeCliTest.run("help", "assess");
        assertTrue(
                help.out()
                        .replaceAll("\\s+", " ")
                        .contains("json, csv, html, xlsx, comma-separated"),
                help.out());
    }
}
