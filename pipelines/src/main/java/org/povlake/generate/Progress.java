package org.povlake.generate;

import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/** Households done / total and rows per second, reported at most every few seconds. */
final class Progress implements AutoCloseable {
    static final long PERIOD_SECONDS = 5;

    private final LongAdder households = new LongAdder();
    private final LongAdder rows = new LongAdder();
    private final long total;
    private final long started = System.nanoTime();
    private final Consumer<String> out;
    private final ScheduledExecutorService timer;
    private long lastRows;
    private long lastTime = started;

    Progress(long total, Consumer<String> out) {
        this.total = total;
        this.out = out;
        this.timer =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread t = new Thread(r, "generate-progress");
                            t.setDaemon(true);
                            return t;
                        });
        timer.scheduleAtFixedRate(this::report, PERIOD_SECONDS, PERIOD_SECONDS, TimeUnit.SECONDS);
    }

    void add(long householdsDone, long rowsWritten) {
        households.add(householdsDone);
        rows.add(rowsWritten);
    }

    long rows() {
        return rows.sum();
    }

    synchronized void report() {
        long now = System.nanoTime();
        long r = rows.sum();
        long h = households.sum();
        double interval = Math.max(1e-9, (now - lastTime) / 1e9);
        out.accept(
                String.format(
                        Locale.ROOT,
                        "generate: %,d / %,d households (%.1f %%), %,d rows, %,.0f rows/s, %.0f s",
                        h,
                        total,
                        total == 0 ? 100.0 : 100.0 * h / total,
                        r,
                        (r - lastRows) / interval,
                        (now - started) / 1e9));
        lastRows = r;
        lastTime = now;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
