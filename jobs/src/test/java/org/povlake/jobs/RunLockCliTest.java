package org.povlake.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.povlake.lake.Lakehouse;
import org.povlake.ops.RunLock;

/**
 * Every command that writes the lakehouse, or a report from it, takes the run lock: while another
 * run holds it, each exits 4 at once, saying who holds it, and touches nothing; a command that
 * fails releases it.
 */
@Tag("end-to-end")
class RunLockCliTest {
    @TempDir Path tmp;

    @Test
    void whileAnotherRunHoldsTheLockNoCommandTouchesAnything() throws Exception {
        String lake = tmp.resolve("lake").toString();
        PovlakeCliTest.Run first =
                PovlakeCliTest.run(
                        "ingest",
                        "--inbox",
                        PovlakeCliTest.SAMPLE.resolve("file-faults").toString(),
                        "--lakehouse",
                        lake);
        assertEquals(PovlakeCli.REJECTED_FILES, first.code(), first.out() + first.err());
        LakehouseOption o = new LakehouseOption();
        o.lakehouse = lake;
        Lakehouse lh = Spark.lakehouse(o);
        Map<String, Long> before = versions(lh);
        Path key = NightlyCrashTest.testKey(tmp.resolve("k.key"));

        RunLock.Attempt held = RunLock.acquire(lh, "other-run", "test", RunLock.DEFAULT_MAX_AGE);
        assertNotNull(held.lock());
        try {
            for (List<String> args :
                    List.of(
                            List.of(
                                    "ingest",
                                    "--inbox",
                                    PovlakeCliTest.SAMPLE.resolve("file-faults").toString()),
                            List.of("build-silver", "--key-file", key.toString()),
                            List.of("build-gold"),
                            List.of("build", "--key-file", key.toString()),
                            List.of("maintain"),
                            List.of(
                                    "assess",
                                    "--year",
                                    "2019",
                                    "--out",
                                    tmp.resolve("assess").toString()),
                            List.of("quality", "--out", tmp.resolve("quality").toString()),
                            List.of(
                                    "nightly",
                                    "--inbox",
                                    PovlakeCliTest.SAMPLE.resolve("file-faults").toString(),
                                    "--out",
                                    tmp.resolve("nightly").toString(),
                                    "--key-file",
                                    key.toString()),
                            List.of(
                                    "demo",
                                    "--inbox",
                                    PovlakeCliTest.SAMPLE.resolve("file-faults").toString(),
                                    "--reports",
                                    tmp.resolve("demo").toString()))) {
                List<String> cmd = new ArrayList<>(args);
                cmd.addAll(List.of("--lakehouse", lake));
                PovlakeCliTest.Run r = PovlakeCliTest.run(cmd.toArray(String[]::new));
                assertEquals(PovlakeCli.LOCKED, r.code(), args.get(0) + ": " + r.out() + r.err());
                assertTrue(
                        r.err().contains("another run holds the lakehouse's lock")
                                && r.err().contains("other-run"),
                        r.err());
                assertEquals(before, versions(lh), args.get(0) + " changed the lakehouse");
            }
            for (String out : List.of("assess", "quality", "nightly", "demo")) {
                assertFalse(Files.exists(tmp.resolve(out)), out + " wrote its reports");
            }
            // a usage error is one before the lock is looked at
            PovlakeCliTest.Run usage =
                    PovlakeCliTest.run(
                            "ingest",
                            "--inbox",
                            "x",
                            "--charset",
                            "NO-SUCH-CHARSET",
                            "--lakehouse",
                            lake);
            assertEquals(PovlakeCli.USAGE, usage.code(), usage.err());
        } finally {
            held.lock().close();
        }
        assertTrue(RunLock.holder(lh).isEmpty(), "released");

        PovlakeCliTest.Run failed =
                PovlakeCliTest.run(
                        "build-silver",
                        "--lakehouse",
                        lake,
                        "--key-file",
                        tmp.resolve("no.key").toString());
        assertEquals(PovlakeCli.FAILURE, failed.code(), failed.out() + failed.err());
        assertTrue(RunLock.holder(lh).isEmpty(), "a command that failed released the lock");
    }

    static Map<String, Long> versions(Lakehouse lh) {
        Map<String, Long> v = new TreeMap<>();
        lh.tables().forEach(t -> v.put(t, lh.version(t)));
        return v;
    }
}
