package org.povlake.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** What the DuckDB peers share: their arguments, their timing and a few SQL helpers. */
final class Peers {
    private Peers() {}

    /**
     * A peer's arguments: {@code --name value} options, and whether {@code --compare} was given.
     */
    record Args(Map<String, String> values, boolean compare) {}

    /**
     * Parses {@code --compare} and the options of {@code valued} (each takes a value); anything
     * else goes to {@code usage}, which exits.
     */
    static Args parse(String[] args, List<String> valued, Consumer<String> usage) {
        Map<String, String> opt = new HashMap<>();
        boolean compare = false;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--compare")) {
                compare = true;
            } else if (valued.contains(args[i])) {
                if (i + 1 >= args.length) {
                    usage.accept("missing value for " + args[i]);
                }
                opt.put(args[i].substring(2), args[++i]);
            } else {
                usage.accept("unknown argument " + args[i]);
            }
        }
        return new Args(opt, compare);
    }

    /** Executes {@code sql} and records its wall time in {@code steps} under {@code name}. */
    static void timed(Statement st, ObjectNode steps, String name, String sql) throws SQLException {
        long t = System.nanoTime();
        st.execute(sql);
        steps.put(name, round3(seconds(t)));
    }

    static long scalar(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** A SQL string literal. */
    static String lit(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    static double round3(double s) {
        return Math.round(s * 1000) / 1000.0;
    }
}
