package org.povlake.ops;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One run of povlake, shared by every stage it runs: its id (the run lock's holder, the ingest's
 * batch, the silver and gold builds of the run all carry it), when it started, how long each stage
 * took ({@link #stages()}) and the named points where a crash test may kill it ({@link
 * CrashPoints}). A command makes one under its run lock; a library call without one (a test, a
 * benchmark) starts its own.
 */
public final class RunContext {
    private final String runId;
    private final Instant started;
    private final Timings stages = new Timings();

    private RunContext(String runId, Instant started) {
        this.runId = runId;
        this.started = started;
    }

    /**
     * A new run of {@code kind} (the command, or the stage run alone): {@code <kind>-<UTC time>-<8
     * hex digits>}.
     */
    public static RunContext start(String kind) {
        Instant now = Instant.now();
        return new RunContext(newId(kind, now), now);
    }

    /** The run that holds the lock: its id and start are the holder's. */
    public static RunContext of(RunLock.Attempt held) {
        return new RunContext(held.lock().holder().runId(), held.lock().holder().since());
    }

    /** A run id: the kind, the time to the nanosecond without separators, 8 random hex digits. */
    public static String newId(String kind, Instant at) {
        return kind
                + "-"
                + at.toString().replaceAll("[-:.]", "")
                + "-"
                + UUID.randomUUID().toString().substring(0, 8);
    }

    public String runId() {
        return runId;
    }

    public Instant started() {
        return started;
    }

    /**
     * Runs a stage and records its seconds under {@code stage} (a stage that fails is not
     * recorded).
     */
    public <T, E extends Exception> T stage(String stage, Timings.Step<T, E> step) throws E {
        return stages.time(stage, step);
    }

    /** The seconds of each stage run so far, in order. */
    public Map<String, Double> stages() {
        return stages.seconds();
    }

    /** A named crash point of this run ({@link CrashPoints#reached}). */
    public void reached(String point) {
        CrashPoints.reached(point);
    }
}
