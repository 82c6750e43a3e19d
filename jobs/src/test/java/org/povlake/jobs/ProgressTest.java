package org.povlake.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ProgressTest {
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @AfterEach
    void stop() {
        Progress.stop();
    }

    private PrintWriter start(String mode) {
        return Progress.start(
                "nightly",
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                mode);
    }

    @Test
    void plainModePrintsATimestampedLinePerStageAndLeavesTheOutputAlone() {
        PrintWriter w = start("plain");
        Progress.header(w, "silver");
        Progress.detail("loaded bronze.registry_members: 1 file(s), 218 rows");
        assertEquals("== silver\n", out.toString(StandardCharsets.UTF_8));
        String log = err.toString(StandardCharsets.UTF_8);
        assertTrue(
                log.matches(
                        "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ povlake nightly: silver \\(\\d+ s in\\)\n"),
                log);
    }

    @Test
    void aTerminalGetsAStatusLineThatIsClearedBeforeTheCommandPrints() throws InterruptedException {
        // one stream for both, as a terminal shows them
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        PrintStream tty = new PrintStream(screen, true, StandardCharsets.UTF_8);
        PrintWriter w = Progress.start("nightly", tty, tty, "terminal");
        Progress.header(w, "silver");
        Progress.detail("silver.members written");
        Thread.sleep(1200);
        String status = screen.toString(StandardCharsets.UTF_8);
        assertTrue(
                status.contains("\r\033[Kpovlake nightly 0:0")
                        && status.contains(" · silver · silver.members written"),
                status);
        w.println("a line of the command's own");
        assertTrue(
                screen.toString(StandardCharsets.UTF_8)
                        .contains("\r\033[Ka line of the command's own\n"),
                "the status line is cleared before the command's line");
        Progress.stop();
        int after = screen.size();
        Thread.sleep(700);
        assertEquals(after, screen.size(), "nothing drawn after stop");
    }

    @Test
    void offPrintsNothingButTheOutput() {
        PrintWriter w = start("off");
        Progress.header(w, "gold");
        assertEquals("== gold\n", out.toString(StandardCharsets.UTF_8));
        assertEquals(0, err.size());
    }

    @Test
    void theDemosFirstHeadingCarriesOnePrefixOnEachLine() {
        PrintWriter w =
                Progress.start(
                        "demo",
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8),
                        "plain");
        DemoCommand.ingestHeading(w, "sample-data/inbox", "lakehouse");
        assertEquals(
                "== povlake demo: ingest sample-data/inbox → lakehouse\n",
                out.toString(StandardCharsets.UTF_8));
        String log = err.toString(StandardCharsets.UTF_8);
        assertTrue(
                log.matches(
                        "\\S+ povlake demo: ingest sample-data/inbox → lakehouse \\(\\d+ s in\\)\n"),
                log);
    }
}
