package org.povlake.ops;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * One of the processes of {@link RunLockTest}'s stress tests: {@code rounds} times, takes the lock
 * (trying until it gets it), marks itself inside (a file created exclusively: if it exists, the
 * other process is inside too), leaves, and then releases the lock ({@code release}) or dies
 * holding it ({@code die}: the lock names a helper process, alive while inside, killed on the way
 * out — the lock is then a dead run's, for both to race to take over). Prints {@code acquired=…
 * tookOver=… refused=… violations=…} ({@code refused}: attempts that found the other process
 * holding the lock).
 */
public final class RunLockStress {
    private RunLockStress() {}

    public static void main(String[] args) throws Exception {
        LockFolder folder = new LockFolder.Local(Path.of(args[0]));
        Path inside = Path.of(args[1]);
        int rounds = Integer.parseInt(args[2]);
        boolean die = args[3].equals("die");
        Path ready = Path.of(args[4] + "." + ProcessHandle.current().pid());
        Path go = Path.of(args[4]);
        Files.createFile(ready);
        while (!Files.exists(go)) {
            Thread.sleep(1);
        }
        int acquired = 0;
        int tookOver = 0;
        int refused = 0;
        int violations = 0;
        for (int i = 0; i < rounds; i++) {
            Process helper = die ? new ProcessBuilder("sleep", "600").start() : null;
            RunningProcess me =
                    die ? RunningProcess.of(helper.toHandle()) : RunningProcess.current();
            RunLock.Holder self = new RunLock.Holder("round-" + i, "stress", me, Instant.now());
            RunLock.Attempt a;
            while ((a = RunLock.acquire(folder, self, Duration.ofDays(1))).lock() == null) {
                refused++;
                Thread.onSpinWait();
            }
            acquired++;
            tookOver += a.tookOver() == null ? 0 : 1;
            violations += enterAndLeave(inside) ? 0 : 1;
            if (die) {
                helper.destroyForcibly().waitFor();
            } else if (!a.lock().release()) {
                throw new IllegalStateException(
                        "round " + i + ": the lock was taken over while held");
            }
        }
        System.out.println(
                "acquired="
                        + acquired
                        + " tookOver="
                        + tookOver
                        + " refused="
                        + refused
                        + " violations="
                        + violations);
    }

    /** False if the other process was inside at the same time. */
    private static boolean enterAndLeave(Path inside) throws IOException, InterruptedException {
        try {
            Files.createFile(inside);
        } catch (FileAlreadyExistsException e) {
            return false;
        }
        Thread.sleep(0, 200_000);
        Files.delete(inside);
        return true;
    }
}
