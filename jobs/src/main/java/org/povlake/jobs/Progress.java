package org.povlake.jobs;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.apache.spark.SparkStageInfo;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * Progress of a long command. On a terminal: a status line on stderr, redrawn every half second —
 * the command, its stage, the last file or table it finished and its rows, the time, and the Spark
 * stage running with its tasks — cleared whenever the command prints. Otherwise (a pipe, cron, a
 * scheduler's log): a plain timestamped line on stderr per stage. {@code
 * POVLAKE_PROGRESS=terminal|plain|off} overrides the choice.
 */
final class Progress {
    private static volatile Progress current;

    private final String command;
    private final boolean terminal;
    private final PrintStream err;
    private final long started = System.nanoTime();
    private volatile String stage = "";
    private volatile String detail = "";
    private volatile boolean shown;
    private volatile boolean stopped;
    private volatile Object lock = this;

    private Progress(String command, boolean terminal, PrintStream err) {
        this.command = command;
        this.terminal = terminal;
        this.err = err;
    }

    /**
     * Starts reporting for {@code command}; returns the writer the command's own output should go
     * through.
     */
    static PrintWriter start(String command, PrintStream out, PrintStream err) {
        return start(
                command,
                out,
                err,
                System.getenv()
                        .getOrDefault(
                                "POVLAKE_PROGRESS",
                                System.console() != null && !"dumb".equals(System.getenv("TERM"))
                                        ? "terminal"
                                        : "plain"));
    }

    /**
     * @param mode terminal, plain or off
     */
    static PrintWriter start(String command, PrintStream out, PrintStream err, String mode) {
        if (mode.equals("off")) {
            return new PrintWriter(out, true);
        }
        Progress p = new Progress(command, mode.equals("terminal"), err);
        current = p;
        if (!p.terminal) {
            return new PrintWriter(out, true);
        }
        Writer clearing =
                new Writer() {
                    @Override
                    public void write(char[] buf, int off, int len) {
                        synchronized (p.lock) {
                            p.clear();
                            out.print(new String(buf, off, len));
                        }
                    }

                    @Override
                    public void flush() {
                        out.flush();
                    }

                    @Override
                    public void close() {
                        out.flush();
                    }
                };
        // the PrintWriter locks on this Writer for a whole println: the status line is redrawn
        // between lines only
        p.lock = clearing;
        Thread ticker = new Thread(p::tick, "povlake-progress");
        ticker.setDaemon(true);
        ticker.start();
        return new PrintWriter(clearing, true);
    }

    /** Prints a stage's heading ("== silver …") and enters the stage. */
    static void header(PrintWriter out, String heading) {
        out.println("== " + heading);
        stage(heading);
    }

    /** The command entered a stage (e.g. "silver"): a log line, or the status line's new stage. */
    static void stage(String name) {
        Progress p = current;
        if (p == null) {
            return;
        }
        p.stage = name;
        p.detail = "";
        if (!p.terminal) {
            p.err.printf(
                    Locale.ROOT,
                    "%s povlake %s: %s (%.0f s in)%n",
                    Instant.now().truncatedTo(ChronoUnit.SECONDS),
                    p.command,
                    name,
                    p.elapsed());
            p.err.flush();
        }
    }

    /**
     * What the stage just finished (a file, a table, its rows): shown on the status line; logs
     * print it already.
     */
    static void detail(String what) {
        Progress p = current;
        if (p != null) {
            p.detail = what;
        }
    }

    /** Stops the status line (the command ended). */
    static void stop() {
        Progress p = current;
        current = null;
        if (p != null) {
            p.stopped = true;
            synchronized (p.lock) {
                p.clear();
            }
        }
    }

    private double elapsed() {
        return (System.nanoTime() - started) / 1e9;
    }

    private void tick() {
        while (!stopped) {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                return;
            }
            String line = statusLine();
            synchronized (lock) {
                if (!stopped) {
                    err.print("\r\033[K" + line);
                    err.flush();
                    shown = true;
                }
            }
        }
    }

    private String statusLine() {
        long s = (long) elapsed();
        StringBuilder b =
                new StringBuilder(
                        String.format(Locale.ROOT, "povlake %s %d:%02d", command, s / 60, s % 60));
        if (!stage.isEmpty()) {
            b.append(" · ").append(stage);
        }
        if (!detail.isEmpty()) {
            b.append(" · ").append(detail);
        }
        String spark = sparkTasks();
        if (!spark.isEmpty()) {
            b.append(" · ").append(spark);
        }
        int width = 160;
        return b.length() > width ? b.substring(0, width - 1) + "…" : b.toString();
    }

    /** The Spark stages running: "Spark stage 12: 85/200 tasks". */
    private static String sparkTasks() {
        SparkSession spark = SparkSession.getDefaultSession().getOrElse(() -> null);
        if (spark == null || spark.sparkContext().isStopped()) {
            return "";
        }
        var tracker = JavaSparkContext.fromSparkContext(spark.sparkContext()).statusTracker();
        StringBuilder b = new StringBuilder();
        for (int id : tracker.getActiveStageIds()) {
            SparkStageInfo st = tracker.getStageInfo(id);
            if (st != null) {
                b.append(b.length() == 0 ? "Spark stage " : ", ")
                        .append(id)
                        .append(": ")
                        .append(st.numCompletedTasks())
                        .append('/')
                        .append(st.numTasks())
                        .append(" tasks");
            }
        }
        return b.toString();
    }

    private void clear() {
        if (shown) {
            err.print("\r\033[K");
            err.flush();
            shown = false;
        }
    }
}
