package org.povlake.ops;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.spark.sql.RowFactory;
import org.povlake.lake.Lakehouse;

/**
 * {@code ops.access_log}: a row per statement run with personal data visible — who (the OS user),
 * when, the statement with its literals masked, how it ended and how many rows it returned; never a
 * value.
 */
public final class AccessLog {
    public static final String TABLE = "ops.access_log";

    private static final Pattern STRING = Pattern.compile("'(?:[^'\\\\]|\\\\.|'')*'?");
    private static final Pattern DOUBLE_QUOTED = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"?");
    private static final Pattern NUMBER =
            Pattern.compile("(?<![A-Za-z_`])[0-9][0-9.]*(?:[eE][+-]?[0-9]+)?[A-Za-z]*");

    private AccessLog() {}

    /** How a statement ended. */
    public enum Outcome {
        ok,
        refused,
        failed
    }

    /**
     * The statement as logged: every string literal ({@code '…'}, {@code "…"}) becomes {@code '?'}
     * and every number {@code ?}, so a resident ID or a name typed into a filter is not kept.
     */
    public static String masked(String sql) {
        String s = STRING.matcher(sql).replaceAll("'?'");
        s = DOUBLE_QUOTED.matcher(s).replaceAll("'?'");
        return NUMBER.matcher(s).replaceAll("?");
    }

    /** Appends one statement's row. */
    public static void append(
            Lakehouse lake,
            String command,
            String sql,
            Outcome outcome,
            Long rowsReturned,
            Boolean moreRows) {
        lake.appendLog(
                TABLE,
                List.of(
                        RowFactory.create(
                                UUID.randomUUID().toString(),
                                Instant.now(),
                                System.getProperty("user.name"),
                                command,
                                masked(sql),
                                outcome.name(),
                                rowsReturned,
                                moreRows)));
    }
}
