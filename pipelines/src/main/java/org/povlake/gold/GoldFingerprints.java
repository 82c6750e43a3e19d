package org.povlake.gold;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count_if;
import static org.apache.spark.sql.functions.isnull;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.povlake.gold.YearFrames.Frame;

/**
 * What a year of gold reads, as one short text per frame: the number of rows in the frame's window
 * and two order-independent sums of 64-bit hashes of those rows (every column a frame gives, each
 * with whether it is null, so a null that moves between columns changes the hash). Two years'
 * frames with equal fingerprints hold the same multiset of rows, so gold rebuilds a year only when
 * one of its frames' fingerprints changed.
 *
 * <p>A fingerprint is recorded with what it was computed from — {@code <rows>:<sum1>:<sum2> @
 * <table> v<version> where <window>} — and reused without reading the table when the table's
 * version and the window are those of the last build. Otherwise every frame and year to compute on
 * one table is one Spark job: one pass, the hashes computed once per row and summed under each
 * window.
 */
public final class GoldFingerprints {
    /** The hashing scheme: a change to it (columns, hash) recomputes every fingerprint once. */
    static final String SCHEME = "fp1";

    private static final String SEP = " @ ";

    private GoldFingerprints() {}

    /** The part of a recorded fingerprint that says what the rows were: compared between builds. */
    public static String rows(String recorded) {
        if (recorded == null) {
            return null;
        }
        int at = recorded.indexOf(SEP);
        return at < 0 ? recorded : recorded.substring(0, at);
    }

    /** What a fingerprint was computed from: the table, its version and the window. */
    static String source(GoldInputs in, Frame f, YearInputs year) {
        Long v = in.versions().get(f.table());
        return SCHEME
                + " "
                + f.table()
                + " "
                + (v == null ? "absent" : "v" + v)
                + " where "
                + f.window(year);
    }

    /**
     * Every frame's fingerprint for each year, as recorded ({@code rows @ source}).
     *
     * @param prior per year, the fingerprints its last build recorded (frame name → text), reused
     *     when their source is unchanged
     */
    public static Map<Integer, Map<String, String>> of(
            GoldInputs in, List<YearInputs> years, Map<Integer, Map<String, String>> prior) {
        Map<Integer, Map<String, String>> out = new TreeMap<>();
        Map<String, List<Job>> todo = new LinkedHashMap<>();
        for (YearInputs y : years) {
            Map<String, String> mine = new TreeMap<>();
            out.put(y.year(), mine);
            Map<String, String> before = prior.getOrDefault(y.year(), Map.of());
            for (Frame f : Frame.values()) {
                String source = source(in, f, y);
                String recorded = before.get(f.name());
                if (recorded != null && recorded.endsWith(SEP + source)) {
                    mine.put(f.name(), recorded);
                } else {
                    todo.computeIfAbsent(f.table(), t -> new ArrayList<>())
                            .add(new Job(y.year(), f, f.window(y), source));
                }
            }
        }
        todo.forEach(
                (table, jobs) -> {
                    List<String> rows = compute(in.table(table), table, jobs);
                    for (int i = 0; i < jobs.size(); i++) {
                        Job j = jobs.get(i);
                        out.get(j.year()).put(j.frame().name(), rows.get(i) + SEP + j.source());
                    }
                });
        return out;
    }

    private record Job(int year, Frame frame, Column window, String source) {}

    /** One pass over the table: per job, {@code rows:sum1:sum2} of its window. */
    private static List<String> compute(Dataset<Row> table, String name, List<Job> jobs) {
        List<Column> hashed = new ArrayList<>();
        hashed.add(lit(SCHEME));
        List<String> unread = YearFrames.unread(name);
        for (String c : table.columns()) {
            if (!unread.contains(c)) {
                hashed.add(col(c));
                hashed.add(isnull(col(c)));
            }
        }
        Column[] h = hashed.toArray(new Column[0]);
        List<Column> projected = new ArrayList<>();
        projected.add(xxhash64(h).cast(DataTypes.createDecimalType(20, 0)).as("_h1"));
        hashed.set(0, lit(SCHEME + "/2"));
        projected.add(
                xxhash64(hashed.toArray(new Column[0]))
                        .cast(DataTypes.createDecimalType(20, 0))
                        .as("_h2"));
        for (int i = 0; i < jobs.size(); i++) {
            projected.add(jobs.get(i).window().as("_w" + i));
        }
        List<Column> sums = new ArrayList<>();
        for (int i = 0; i < jobs.size(); i++) {
            Column w = col("_w" + i);
            sums.add(count_if(w));
            sums.add(sum(when(w, col("_h1"))));
            sums.add(sum(when(w, col("_h2"))));
        }
        Row r =
                table.select(projected.toArray(new Column[0]))
                        .agg(sums.get(0), sums.subList(1, sums.size()).toArray(new Column[0]))
                        .first();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < jobs.size(); i++) {
            out.add(r.get(3 * i) + ":" + text(r.get(3 * i + 1)) + ":" + text(r.get(3 * i + 2)));
        }
        return out;
    }

    /**
     * A hash sum as hexadecimal in groups of eight (so no run of digits in ops.gold_builds looks
     * like a resident ID to the personal-data scan).
     */
    static String text(Object sum) {
        String hex =
                sum == null
                        ? "0"
                        : new java.math.BigDecimal(sum.toString()).toBigIntegerExact().toString(16);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < hex.length(); i++) {
            if (i > 0 && (hex.length() - i) % 8 == 0) {
                out.append('_');
            }
            out.append(hex.charAt(i));
        }
        return out.toString();
    }
}
