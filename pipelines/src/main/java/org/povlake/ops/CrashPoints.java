package org.povlake.ops;

/**
 * Named points in a run where a crash test can kill the process ({@code kill -9}, as an operator's
 * or the kernel's would): the system property {@value #PROPERTY} names the point. Without it
 * (always, in production) a point costs one property lookup. Points: {@code
 * ingest:bronze:<extract>} (its bronze and quarantine committed, its ingest-log row not yet),
 * {@code nightly:ingested}, {@code silver:<table>} (that table written, the build not finished),
 * {@code gold:<table>:<year>} (that table's year replaced, the year's build not logged), {@code
 * report:<file>} (that assessment file written, the rest and the manifest not).
 */
public final class CrashPoints {
    public static final String PROPERTY = "povlake.test.crashAt";

    private CrashPoints() {}

    /**
     * Kills this JVM with SIGKILL if a crash test asked for {@code point}: no finally block or
     * shutdown hook runs.
     */
    public static void reached(String point) {
        String at = System.getProperty(PROPERTY);
        if (at == null || !at.equals(point)) {
            return;
        }
        System.out.flush();
        System.err.println(
                "povlake: crash point "
                        + point
                        + " reached: kill -9 of this process, as the test asked");
        System.err.flush();
        try {
            new ProcessBuilder("kill", "-9", Long.toString(ProcessHandle.current().pid()))
                    .start()
                    .waitFor();
            Thread.sleep(60_000);
        } catch (Exception e) {
            // no kill(1): halt does the same (no shutdown hooks, no finally blocks)
        }
        Runtime.getRuntime().halt(137);
    }
}
