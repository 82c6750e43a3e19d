package org.povlake.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.povlake.lake.Lakehouse;

/**
 * The lakehouse's run lock ({@code <lakehouse>/_ops/lock/}): one command that writes the lakehouse,
 * or a report from it, at a time. The lock is a sequence of generations (see {@link LockFolder}),
 * the newest of which says who holds it or that it was released; every change of hands — taking a
 * free lock, taking over a stale one, releasing — is the creation of the next generation, which
 * exactly one of any number of racing processes can do (the same mutual exclusion Delta's own log
 * rests on: a version is written only if it does not exist). So:
 *
 * <ul>
 *   <li>two runs never both hold it: each takes generation n+1 only after reading generation n, and
 *       only one creates n+1;
 *   <li>a stale lock is taken over by a compare-and-replace: the run that creates n+1 replaces
 *       exactly the n it judged stale; a racer that judged the same n creates nothing;
 *   <li>releasing creates n+1 saying "released" while n is still the newest, which fails if another
 *       run took the lock over: a run never releases a lock it no longer holds.
 * </ul>
 *
 * A holder is stale when its lock is older than the maximum age (whoever holds it, wherever it
 * runs), or when it is a process of this host that is gone — its PID runs no process, or one that
 * started at another time ({@link RunningProcess#gone()}). Generations before the newest are
 * deleted by the run that made the newest (a process that read an old listing and creates a deleted
 * number sees that a newer one exists and withdraws).
 */
public final class RunLock implements AutoCloseable {
    /** The maximum age of a lock, for the commands that have no {@code --lock-max-age}. */
    public static final Duration DEFAULT_MAX_AGE = Duration.ofHours(24);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LockFolder folder;
    private final long generation;
    private final Holder holder;
    private boolean held = true;
    private boolean releasedOwnLock;

    private RunLock(LockFolder folder, long generation, Holder holder) {
        this.folder = folder;
        this.generation = generation;
        this.holder = holder;
    }

    /** Who holds a lock, as its file says. */
    public record Holder(String runId, String command, RunningProcess process, Instant since) {
        public String describe() {
            return "run "
                    + runId
                    + " ("
                    + command
                    + ", pid "
                    + process.pid()
                    + " on "
                    + process.host()
                    + ", since "
                    + since
                    + ")";
        }
    }

    /**
     * What trying to take the lock gave: the lock, or its live holder. {@code tookOver}: the stale
     * holder replaced (null if the lock was free), {@code why} it was stale.
     */
    public record Attempt(RunLock lock, Holder heldBy, Holder tookOver, String why) {}

    /** The lock's folder. */
    public static String folder(Lakehouse lake) {
        return lake.root() + "/_ops/lock";
    }

    /** Takes the lock for a run of {@code command} of this process, or says who holds it. */
    public static Attempt acquire(Lakehouse lake, String runId, String command, Duration maxAge) {
        Holder self = new Holder(runId, command, RunningProcess.current(), Instant.now());
        try {
            return acquire(
                    folder(lake, lake.spark().sparkContext().hadoopConfiguration()), self, maxAge);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot take the run lock " + folder(lake), e);
        }
    }

    /** Who holds the lock now; empty when it is free (never taken, or released). */
    public static Optional<Holder> holder(Lakehouse lake) {
        try {
            LockFolder f = folder(lake, lake.spark().sparkContext().hadoopConfiguration());
            long newest = f.newest();
            if (newest == 0) {
                return Optional.empty();
            }
            return f.read(newest)
                    .flatMap(RunLock::parse)
                    .filter(e -> !e.released())
                    .map(Entry::holder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the run lock " + folder(lake), e);
        }
    }

    static LockFolder folder(Lakehouse lake, Configuration hadoop) throws IOException {
        return LockFolder.of(folder(lake), hadoop);
    }

    static Attempt acquire(LockFolder folder, Holder self, Duration maxAge) throws IOException {
        for (int tries = 0; tries < 10_000; tries++) {
            long newest = folder.newest();
            Holder stale = null;
            String why = null;
            if (newest > 0) {
                Optional<byte[]> bytes = folder.read(newest);
                if (bytes.isEmpty()) {
                    continue; // deleted under us (a newer generation exists): look again
                }
                Optional<Entry> entry = parse(bytes.get());
                if (entry.isEmpty()) {
                    stale = new Holder("?", "?", new RunningProcess("?", -1, null), Instant.EPOCH);
                    why = "its file " + LockFolder.name(newest) + " is unreadable";
                } else if (!entry.get().released()) {
                    Holder h = entry.get().holder();
                    why = staleness(h, maxAge, Instant.now());
                    if (why == null) {
                        return new Attempt(null, h, null, null);
                    }
                    stale = h;
                }
            }
            long next = newest + 1;
            if (!folder.create(next, json(self, false))) {
                continue; // another run made this generation first: look again
            }
            if (folder.newest() != next) {
                folder.delete(
                        LockFolder.name(
                                next)); // an old listing: this number had been decided and deleted
                continue;
            }
            folder.deleteBefore(next);
            return new Attempt(new RunLock(folder, next, self), null, stale, why);
        }
        throw new IOException(
                "the run lock "
                        + folder.location()
                        + " changed hands 10,000 times while this run tried"
                        + " to take it");
    }

    /** Why a holder is stale, or null if it is not. */
    static String staleness(Holder h, Duration maxAge, Instant now) {
        if (h.since().plus(maxAge).isBefore(now)) {
            return "it is older than the maximum age of " + maxAge.toHours() + " h";
        }
        if (h.process().gone()) {
            return "its process is gone";
        }
        return null;
    }

    /** Who holds this lock. */
    public Holder holder() {
        return holder;
    }

    /**
     * Releases the lock, if this run still holds it: true if it did; false if another run took it
     * over (this run's lock had grown older than that run's maximum age). Releasing twice does
     * nothing the second time. (Were the lock taken over and handed on again in the microseconds
     * between the check and the creation below, the answer would be a wrong true; the lock itself
     * is never touched: a number created again is never the newest.)
     */
    public boolean release() {
        if (held) {
            held = false;
            try {
                // A newer generation: taken over. Creating the next one alone would not tell: a run
                // that took the
                // lock over and then released it has deleted that number, so it could be created
                // again.
                if (folder.newest() == generation) {
                    Holder released =
                            new Holder(
                                    holder.runId(),
                                    holder.command(),
                                    holder.process(),
                                    Instant.now());
                    releasedOwnLock = folder.create(generation + 1, json(released, true));
                }
                if (releasedOwnLock) {
                    folder.deleteBefore(generation + 1);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(
                        "cannot release the run lock " + folder.location(), e);
            }
        }
        return releasedOwnLock;
    }

    @Override
    public void close() {
        release();
    }

    /** A generation's content: who holds the lock, or who released it ({@code released}). */
    record Entry(boolean released, Holder holder) {}

    static byte[] json(Holder h, boolean released) {
        ObjectNode n = JSON.createObjectNode();
        n.put("state", released ? "released" : "held");
        n.put("run_id", h.runId());
        n.put("command", h.command());
        n.put("host", h.process().host());
        n.put("pid", h.process().pid());
        n.put("pid_start", h.process().start() == null ? null : h.process().start().toString());
        n.put("since", h.since().toString());
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(n);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Optional<Entry> parse(byte[] bytes) {
        try {
            JsonNode n = JSON.readTree(bytes);
            JsonNode start = n.path("pid_start");
            RunningProcess p =
                    new RunningProcess(
                            n.path("host").asText(),
                            n.path("pid").asLong(-1),
                            start.isTextual() ? Instant.parse(start.asText()) : null);
            return Optional.of(
                    new Entry(
                            n.path("state").asText().equals("released"),
                            new Holder(
                                    n.path("run_id").asText(),
                                    n.path("command").asText(),
                                    p,
                                    Instant.parse(n.path("since").asText()))));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
