package org.povlake.jobs;

import java.time.Instant;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.SparkSessionExtensions;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.povlake.lake.Lakehouse;
import org.povlake.lake.ReadOnlyPlans;
import org.povlake.lake.ReadOnlySql;
import org.povlake.ops.AccessLog;
import scala.runtime.AbstractFunction1;
import scala.runtime.BoxedUnit;

/**
 * The server's read-only door ({@code povlake serve}): a check rule on every analysed plan of every
 * client session ({@link ReadOnlyPlans}), installed through {@code spark.sql.extensions}. The
 * server's own session (it registers the tables and writes the access log) is trusted and not
 * checked. With personal data visible, each client statement is queued for {@code ops.access_log},
 * which the server appends to in the background ({@link #drainAccessLog}).
 */
public final class ServeGuard extends AbstractFunction1<SparkSessionExtensions, BoxedUnit> {
    private static volatile ReadOnlyPlans plans;
    private static volatile ReadOnlySql text;
    private static volatile boolean logAccess;
    private static final Set<SparkSession> TRUSTED =
            Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));
    private static final ConcurrentLinkedQueue<Row> PENDING = new ConcurrentLinkedQueue<>();

    /** The statements recorded lately (user and text → when), so that one run is one row. */
    private static final java.util.Map<String, Long> RECENT =
            new java.util.LinkedHashMap<>(16, 0.75f, true) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(java.util.Map.Entry<String, Long> e) {
                    return size() > 256;
                }
            };

    private static final long REPEAT_NANOS = 5_000_000_000L;

    /** What {@code spark.sql.extensions} instantiates. */
    public ServeGuard() {}

    @Override
    public BoxedUnit apply(SparkSessionExtensions extensions) {
        extensions.injectParser(ServeParser::new);
        extensions.injectCheckRule(
                session ->
                        plan -> {
                            check(session, plan);
                            return BoxedUnit.UNIT;
                        });
        return BoxedUnit.UNIT;
    }

    /** Arms the door: from now on every untrusted session's plans are checked. */
    static void arm(
            SparkSession server, ReadOnlyPlans door, ReadOnlySql textDoor, boolean personalData) {
        TRUSTED.add(server);
        logAccess = personalData;
        text = textDoor;
        plans = door;
    }

    /** The text door ({@link ReadOnlySql}) on a client's parsed SQL statement. */
    static void checkText(SparkSession session, LogicalPlan parsed) {
        ReadOnlySql door = text;
        if (TRUSTED.contains(session)) {
            return;
        }
        if (door == null) {
            throw new ReadOnlySql.Refused("refused: the server is not ready");
        }
        try {
            door.checkParsed(parsed);
        } catch (ReadOnlySql.Refused e) {
            record(session, parsed, AccessLog.Outcome.refused);
            throw e;
        }
    }

    static void check(SparkSession session, LogicalPlan plan) {
        ReadOnlyPlans door = plans;
        if (TRUSTED.contains(session)) {
            return;
        }
        if (door == null) { // the server is starting: nothing is served yet
            throw new ReadOnlySql.Refused("refused: the server is not ready");
        }
        try {
            List<String> read = door.check(plan);
            if (read.isEmpty() || read.stream().anyMatch(p -> !ReadOnlyPlans.isLog(p))) {
                // a client's statement (Delta's replay of a table's log in the session is not)
                record(session, plan, AccessLog.Outcome.ok);
            }
        } catch (ReadOnlySql.Refused e) {
            record(session, plan, AccessLog.Outcome.refused);
            throw e;
        }
    }

    /**
     * Queues a row for the access log: the client's user (what it sent as its user id), the
     * statement's text with its literals masked (a DataFrame plan: its root's kind).
     */
    private static void record(SparkSession session, LogicalPlan plan, AccessLog.Outcome outcome) {
        if (!logAccess) {
            return;
        }
        scala.Option<String> text = plan.origin().sqlText();
        String statement =
                text.isDefined()
                        ? AccessLog.masked(text.get())
                        : "(DataFrame) " + plan.getClass().getSimpleName();
        String user = clientUser(session);
        // a statement is analysed several times (its schema, its limit, its execution): one row
        String key = user + "\u0000" + statement;
        long now = System.nanoTime();
        synchronized (RECENT) {
            Long last = RECENT.get(key);
            if (last != null && now - last < REPEAT_NANOS) {
                RECENT.put(key, now);
                return;
            }
            RECENT.put(key, now);
        }
        PENDING.add(
                RowFactory.create(
                        UUID.randomUUID().toString(),
                        Instant.now(),
                        user,
                        "serve",
                        statement,
                        outcome.name(),
                        null,
                        null));
    }

    /** The user a Connect client sent, from the tags the server gives its operations. */
    static String clientUser(SparkSession session) {
        String tags = session.sparkContext().getLocalProperty("spark.job.tags");
        if (tags != null) {
            for (String tag : tags.split(",")) {
                int at = tag.indexOf("_User_");
                int end = tag.indexOf("_Session_");
                if (at >= 0 && end > at) {
                    return tag.substring(at + 6, end);
                }
            }
        }
        return "(unknown client)";
    }

    /** Appends the queued access-log rows; returns how many. */
    static int drainAccessLog(Lakehouse lake) {
        List<Row> rows = new java.util.ArrayList<>();
        for (Row r = PENDING.poll(); r != null; r = PENDING.poll()) {
            rows.add(r);
        }
        if (!rows.isEmpty()) {
            lake.appendLog(AccessLog.TABLE, rows);
        }
        return rows.size();
    }
}
