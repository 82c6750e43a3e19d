package org.povlake.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run lock on a real folder: two processes (separate JVMs) taking and releasing it, or taking
 * over each other's dead lock, hundreds of times, are never both inside; a reused PID, the maximum
 * age and a release after a takeover.
 */
@Tag("end-to-end")
class RunLockTest {
    static final int ROUNDS = 400;
    static final Duration DAY = Duration.ofDays(1);

    @TempDir Path tmp;

    LockFolder folder() {
        return new LockFolder.Local(tmp.resolve("lake/_ops/lock"));
    }

    static RunLock.Holder holder(String run, RunningProcess p, Instant since) {
        return new RunLock.Holder(run, "test", p, since);
    }

    @Test
    void twoProcessesTakingAndReleasingItAreNeverBothInside() throws Exception {
        List<String> results = stress("release");
        for (String r : results) {
            assertEquals(ROUNDS, count(r, "acquired"), r);
            assertEquals(0, count(r, "violations"), results.toString());
            assertTrue(count(r, "refused") > 0, "the two contended for the lock: " + results);
        }
    }

    @Test
    void twoProcessesRacingToTakeOverADeadRunsLockAreNeverBothInside() throws Exception {
        List<String> results = stress("die");
        int tookOver = 0;
        for (String r : results) {
            assertEquals(ROUNDS, count(r, "acquired"), r);
            assertEquals(0, count(r, "violations"), results.toString());
            tookOver += count(r, "tookOver");
            assertTrue(count(r, "refused") > 0, "the two contended for the lock: " + results);
        }
        assertEquals(
                2 * ROUNDS - 1,
                tookOver,
                "every lock but the first was a dead run's, taken over: " + results);
    }

    @Test
    void aLiveProcessThatStartedAtAnotherTimeIsNotTheHolder() throws Exception {
        Process reused = new ProcessBuilder("sleep", "600").start();
        try {
            RunningProcess actual = RunningProcess.of(reused.toHandle());
            assertNotNull(actual.start(), "Linux gives a process's start time");
            RunningProcess recorded =
                    new RunningProcess(
                            actual.host(), actual.pid(), actual.start().minusSeconds(3600));
            assertTrue(
                    RunLock.acquire(folder(), holder("dead", recorded, Instant.now()), DAY).lock()
                            != null);

            RunLock.Attempt next =
                    RunLock.acquire(
                            folder(), holder("next", RunningProcess.current(), Instant.now()), DAY);
            assertNotNull(next.lock(), "held by " + next.heldBy());
            assertEquals("dead", next.tookOver().runId());
            assertEquals("its process is gone", next.why());
            next.lock().release();

            // the same PID with its own start time: the holder, alive
            assertNotNull(
                    RunLock.acquire(folder(), holder("alive", actual, Instant.now()), DAY).lock());
            RunLock.Attempt blocked =
                    RunLock.acquire(
                            folder(), holder("b", RunningProcess.current(), Instant.now()), DAY);
            assertNull(blocked.lock());
            assertEquals("alive", blocked.heldBy().runId());
        } finally {
            reused.destroyForcibly().waitFor();
        }
        RunLock.Attempt after =
                RunLock.acquire(
                        folder(), holder("after", RunningProcess.current(), Instant.now()), DAY);
        assertNotNull(after.lock(), "its process killed, the lock is stale");
        assertEquals("alive", after.tookOver().runId());
    }

    @Test
    void theMaximumAgeAppliesToEveryHolderAlsoALiveOneOfThisHost() throws IOException {
        RunningProcess me = RunningProcess.current();
        assertNotNull(
                RunLock.acquire(
                                folder(),
                                holder("old", me, Instant.now().minus(Duration.ofHours(30))),
                                DAY)
                        .lock());
        RunLock.Attempt young =
                RunLock.acquire(folder(), holder("x", me, Instant.now()), Duration.ofHours(48));
        assertNull(young.lock(), "30 hours old, under a maximum age of 48: held");
        RunLock.Attempt next =
                RunLock.acquire(folder(), holder("next", me, Instant.now()), Duration.ofHours(24));
        assertNotNull(
                next.lock(),
                "30 hours old, over a maximum age of 24: stale; held by " + next.heldBy());
        assertEquals("old", next.tookOver().runId());
        assertTrue(next.why().contains("older than the maximum age of 24 h"), next.why());

        RunningProcess elsewhere = new RunningProcess("another-host", 1, Instant.EPOCH);
        folder().create(
                        folder().newest() + 1,
                        RunLock.json(holder("remote", elsewhere, Instant.now()), false));
        assertNull(
                RunLock.acquire(folder(), holder("y", me, Instant.now()), DAY).lock(),
                "a process of another host is alive as far as this one can tell, until the maximum age");
        folder().create(
                        folder().newest() + 1,
                        RunLock.json(
                                holder(
                                        "remote",
                                        elsewhere,
                                        Instant.now().minus(Duration.ofHours(25))),
                                false));
        assertEquals(
                "remote",
                RunLock.acquire(folder(), holder("z", me, Instant.now()), DAY).tookOver().runId());
    }

    @Test
    void releasingALockAnotherRunTookOverLeavesThatRunsLock() throws IOException {
        RunLock first =
                RunLock.acquire(
                                folder(),
                                holder(
                                        "first",
                                        RunningProcess.current(),
                                        Instant.now().minus(Duration.ofHours(25))),
                                DAY)
                        .lock();
        RunLock.Attempt second =
                RunLock.acquire(
                        folder(), holder("second", RunningProcess.current(), Instant.now()), DAY);
        assertEquals("first", second.tookOver().runId());

        assertFalse(first.release(), "the first run no longer holds the lock");
        first.close();
        RunLock.Attempt third =
                RunLock.acquire(
                        folder(), holder("third", RunningProcess.current(), Instant.now()), DAY);
        assertNull(third.lock());
        assertEquals("second", third.heldBy().runId());

        assertTrue(second.lock().release());
        assertNotNull(
                RunLock.acquire(
                                folder(),
                                holder("fourth", RunningProcess.current(), Instant.now()),
                                DAY)
                        .lock());
    }

    @Test
    void releasingALockAnotherRunTookOverAndReleasedSaysSoAndLeavesTheLockAlone()
            throws IOException {
        RunLock first =
                RunLock.acquire(
                                folder(),
                                holder(
                                        "first",
                                        RunningProcess.current(),
                                        Instant.now().minus(Duration.ofHours(25))),
                                DAY)
                        .lock();
        RunLock second =
                RunLock.acquire(
                                folder(),
                                holder("second", RunningProcess.current(), Instant.now()),
                                DAY)
                        .lock();
        assertTrue(
                second.release(),
                "the second run released its lock (the first's generation number is free again)");
        RunLock third =
                RunLock.acquire(
                                folder(),
                                holder("third", RunningProcess.current(), Instant.now()),
                                DAY)
                        .lock();

        assertFalse(first.release(), "the first run's lock was taken over");
        RunLock.Attempt fourth =
                RunLock.acquire(
                        folder(), holder("fourth", RunningProcess.current(), Instant.now()), DAY);
        assertEquals("third", fourth.heldBy().runId(), "the third run still holds it");
        assertTrue(third.release());
    }

    @Test
    void anUnreadableLockFileIsStaleAndTheFolderKeepsOnlyTheNewestPrivately() throws IOException {
        assertTrue(
                RunLock.acquire(folder(), holder("a", RunningProcess.current(), Instant.now()), DAY)
                        .lock()
                        .release());
        Path dir = tmp.resolve("lake/_ops/lock");
        assertEquals(
                "rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
        assertEquals(
                "rwx------",
                PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.getParent())));
        Files.writeString(dir.resolve(LockFolder.name(3)), ""); // what a disk failure could leave
        RunLock.Attempt b =
                RunLock.acquire(
                        folder(), holder("b", RunningProcess.current(), Instant.now()), DAY);
        assertNotNull(b.lock());
        assertTrue(b.why().contains("unreadable"), b.why());
        assertTrue(b.lock().release());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(
                    List.of(LockFolder.name(5)),
                    files.map(p -> p.getFileName().toString()).toList());
        }
        assertEquals(
                "rw-------",
                PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(dir.resolve(LockFolder.name(5)))));
        assertTrue(Files.readString(dir.resolve(LockFolder.name(5))).contains("\"released\""));
    }

    @Test
    void threadsOfOneProcessAreNeverBothInsideEither() throws Exception {
        Path inside = tmp.resolve("inside");
        java.util.concurrent.ExecutorService pool =
                java.util.concurrent.Executors.newFixedThreadPool(4);
        List<java.util.concurrent.Future<Integer>> violations = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            violations.add(
                    pool.submit(
                            () -> {
                                int v = 0;
                                for (int i = 0; i < 100; i++) {
                                    RunLock.Attempt a;
                                    while ((a =
                                                            RunLock.acquire(
                                                                    folder(),
                                                                    holder(
                                                                            "t",
                                                                            RunningProcess
                                                                                    .current(),
                                                                            Instant.now()),
                                                                    DAY))
                                                    .lock()
                                            == null) {
                                        Thread.onSpinWait();
                                    }
                                    try {
                                        Files.createFile(inside);
                                        Files.delete(inside);
                                    } catch (java.nio.file.FileAlreadyExistsException e) {
                                        v++;
                                    }
                                    assertTrue(a.lock().release());
                                }
                                return v;
                            }));
        }
        pool.shutdown();
        for (java.util.concurrent.Future<Integer> v : violations) {
            assertEquals(0, v.get());
        }
    }

    /**
     * Runs two {@link RunLockStress} processes on one lock, started together; returns what each
     * printed.
     */
    List<String> stress(String mode) throws Exception {
        Path go = tmp.resolve("go");
        List<Process> processes = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            List<String> cmd =
                    List.of(
                            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                            "-cp",
                            System.getProperty(
                                    "surefire.test.class.path",
                                    System.getProperty("java.class.path")),
                            RunLockStress.class.getName(),
                            tmp.resolve("lake/_ops/lock").toString(),
                            tmp.resolve("inside").toString(),
                            Integer.toString(ROUNDS),
                            mode,
                            go.toString());
            processes.add(
                    new ProcessBuilder(cmd)
                            .redirectErrorStream(true)
                            .redirectOutput(tmp.resolve("process-" + i + ".log").toFile())
                            .start());
        }
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (readyCount() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        Files.createFile(go);
        List<String> results = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            assertTrue(processes.get(i).waitFor(5, TimeUnit.MINUTES), "process " + i + " finished");
            String log = Files.readString(tmp.resolve("process-" + i + ".log"));
            assertEquals(0, processes.get(i).exitValue(), log);
            results.add(log.strip());
        }
        System.out.println("run lock, two processes (" + mode + "): " + results);
        return results;
    }

    private long readyCount() throws IOException {
        try (Stream<Path> files = Files.list(tmp)) {
            return files.filter(p -> p.getFileName().toString().startsWith("go.")).count();
        }
    }

    private static int count(String result, String name) {
        Matcher m = Pattern.compile(name + "=(\\d+)").matcher(result);
        assertTrue(m.find(), result);
        return Integer.parseInt(m.group(1));
    }
}
