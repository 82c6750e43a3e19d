package org.povlake.ops;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A process as a lock or a scratch folder records its owner: host, PID and the process's start
 * time. The kernel gives a gone process's PID to the next process that needs one, so a PID alone
 * does not say whether the owner still runs: a process of this host is the owner only if it has
 * that PID <b>and</b> started at the recorded time.
 *
 * @param start when the process started; null when the system does not say (then the PID alone
 *     decides)
 */
public record RunningProcess(String host, long pid, Instant start) {
    /**
     * How far two readings of one process's start time may differ: Linux gives a start time in
     * clock ticks since boot and the boot time in whole seconds, and the boot time moves with the
     * wall clock, so one process read by two JVMs can differ by a second. A different process with
     * the same PID started after the owner died, which is after it took its lock or made its
     * folder: seconds later at the least.
     */
    static final Duration START_TOLERANCE = Duration.ofSeconds(1);

    private static final String HOST = hostName();

    /** This JVM's process. */
    public static RunningProcess current() {
        return of(ProcessHandle.current());
    }

    /** A process of this host. */
    public static RunningProcess of(ProcessHandle p) {
        return new RunningProcess(HOST, p.pid(), p.info().startInstant().orElse(null));
    }

    /** This host's name, as the records say it. */
    public static String thisHost() {
        return HOST;
    }

    public boolean onThisHost() {
        return host.equals(HOST);
    }

    /**
     * Whether the process is known to be gone: it ran on this host and no process with its PID
     * runs, or the one that does started at another time (its PID was reused). A process of another
     * host is never known to be gone.
     */
    public boolean gone() {
        if (!onThisHost()) {
            return false;
        }
        Optional<ProcessHandle> p = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (p.isEmpty()) {
            return true;
        }
        Optional<Instant> started = p.get().info().startInstant();
        if (start == null || started.isEmpty()) {
            return false; // cannot tell a reused PID from the owner: alive (a lock's maximum age
            // still applies)
        }
        return Duration.between(start, started.get()).abs().compareTo(START_TOLERANCE) > 0;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
