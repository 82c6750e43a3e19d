package org.povlake.jobs;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.parser.ParseException;
import org.povlake.lake.Lakehouse;
import org.povlake.lake.ReadOnlySql;
import org.povlake.lake.TableRegistry;
import org.povlake.ops.AccessLog;

/**
 * The analysts' read-only session, one place for {@code sql}, {@code shell} and {@code portrait}:
 * through a running {@code povlake serve} (which checks and logs each statement itself), or a local
 * Spark session that checks each statement with {@link ReadOnlySql}, registers only the tables it
 * names (no log replay of every table at start), and records it in {@code ops.access_log} when
 * personal data is visible.
 */
final class AnalystSession {
    /** A statement's answer: its columns and at most {@code maxRows} rows. */
    record Answer(List<String> columns, List<Row> rows, boolean more) {}

    /** A statement that was refused, did not parse or named what is not there: one line. */
    static final class Problem extends Exception {
        private static final long serialVersionUID = 1L;

        Problem(String message) {
            super(message);
        }
    }

    private final LakehouseOption opt;
    private final String command;
    private final boolean personalData;
    private final Object asOf;
    private final SparkSession remote;
    private Lakehouse lake;

    private AnalystSession(LakehouseOption opt, String command, boolean personalData, Object asOf) {
        this.opt = opt;
        this.command = command;
        this.personalData = personalData;
        this.asOf = asOf;
        this.remote =
                ConnectClient.wanted() && asOf == null && !personalData
                        ? ConnectClient.session(opt.lakehouse)
                        : null;
    }

    /**
     * @param asOf null, a time, or {@link TableRegistry.Pins} (always a local session: the server
     *     serves the current versions)
     */
    static AnalystSession open(
            LakehouseOption opt,
            String command,
            boolean personalData,
            Object asOf,
            picocli.CommandLine.Model.CommandSpec spec) {
        AnalystSession s = new AnalystSession(opt, command, personalData, asOf);
        if (s.remote == null) {
            s.lake = Spark.existingLakehouse(opt, spec); // a server runs only on a lakehouse
        }
        return s;
    }

    boolean throughServer() {
        return remote != null;
    }

    private Lakehouse lake() {
        if (lake == null) {
            lake = Spark.lakehouse(opt);
        }
        return lake;
    }

    /** The tables the session may read, as layer.name. */
    List<String> tables() {
        Set<String> layers = ReadOnlySql.visibleLayers(personalData);
        if (remote != null) {
            List<String> names = new ArrayList<>();
            for (String layer : layers) {
                try {
                    remote.sql("SHOW TABLES IN " + layer)
                            .collectAsList()
                            .forEach(r -> names.add(layer + "." + r.getString(1)));
                } catch (Exception e) {
                    // a layer the server has no table of
                }
            }
            names.sort(null);
            return names;
        }
        return lake().tables().stream()
                .filter(t -> layers.contains(t.substring(0, t.indexOf('.'))))
                .toList();
    }

    /** The columns of a table (name and type), for \d and completion. */
    List<String[]> columns(String table) throws Problem {
        Answer a = run("DESCRIBE " + table, 1000);
        List<String[]> cols = new ArrayList<>();
        for (Row r : a.rows()) {
            String name = r.getString(0);
            if (name == null || name.isBlank() || name.startsWith("#")) {
                break; // the partitioning section follows the columns
            }
            cols.add(new String[] {name, r.getString(1)});
        }
        return cols;
    }

    /** Runs one statement: at most {@code maxRows} rows (and whether there were more). */
    Answer run(String sql, int maxRows) throws Problem {
        if (remote != null) {
            try {
                Dataset<Row> result = remote.sql(sql);
                List<Row> rows = result.limit(maxRows + 1).collectAsList();
                return answer(result.columns(), rows, maxRows);
            } catch (Exception e) {
                String problem = ConnectClient.problem(e, opt.lakehouse);
                if (problem != null) {
                    throw new Problem(problem);
                }
                throw e;
            }
        }
        Lakehouse l = lake();
        try {
            new ReadOnlySql(l.spark(), ReadOnlySql.visibleLayers(personalData)).check(sql);
        } catch (ParseException e) {
            // Spark's message (it begins with a line break): the error with its position, then
            // the statement with a caret under the place
            log(sql, AccessLog.Outcome.failed, null, null);
            throw new Problem(e.getMessage().strip());
        } catch (ReadOnlySql.Refused e) {
            log(sql, AccessLog.Outcome.refused, null, null);
            throw new Problem(e.getMessage());
        }
        TableRegistry.register(l, TableRegistry.mentioned(sql), asOf);
        try {
            Dataset<Row> result = l.spark().sql(sql);
            List<Row> rows = result.limit(maxRows + 1).collectAsList();
            log(
                    sql,
                    AccessLog.Outcome.ok,
                    (long) Math.min(rows.size(), maxRows),
                    rows.size() > maxRows);
            return answer(result.columns(), rows, maxRows);
        } catch (Exception e) {
            log(sql, AccessLog.Outcome.failed, null, null);
            if (e instanceof AnalysisException) {
                // a query that names what does not exist: the analyst's error, not a crash
                throw new Problem(Failures.message(e));
            }
            throw e;
        }
    }

    private static Answer answer(String[] columns, List<Row> rows, int maxRows) {
        return new Answer(
                List.of(columns),
                rows.subList(0, Math.min(rows.size(), maxRows)),
                rows.size() > maxRows);
    }

    /** With personal data visible, every statement is recorded; without, none is. */
    private void log(String sql, AccessLog.Outcome outcome, Long rowsReturned, Boolean moreRows) {
        if (personalData) {
            AccessLog.append(lake(), command, sql, outcome, rowsReturned, moreRows);
        }
    }
}
