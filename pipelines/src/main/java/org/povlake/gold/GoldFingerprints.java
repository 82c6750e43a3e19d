package org.povlake.gold;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.isnull;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.shiftrightunsigned;
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
import org.povlake.gold.YearFrames.Frame;

/**
 * What a year of gold reads, as one short text per frame: the number of rows in the frame's window
 * and the order-independent sum of a 64-bit hash of each row (over every column a frame gives, each
 * with whether it is null, so a null that moves between columns changes the hash), kept as the sums
 * of the hashes' high and low 32 bits (long sums, no overflow, no decimal arithmetic). Two years'
 * frames with equal fingerprints hold the same multiset of rows, so gold rebuilds a year only when
 * one of its frames' fingerprints changed.
 *
 * <p>A fingerprint is recorded with what it was computed from — {@code <rows>:<high sum>:<low
 * sum> @ <table> v<version> where <window>} — and reused without reading the table when the table's
 * version and the window are those of the last build. The rest are computed in one Spark job: each
 * table read once, each row hashed once and counted under every window that holds it.
 */
public final class GoldFingerprints {
    /** The hashing scheme: a change to it (columns, hash) recomputes every fingerprint once. */
    static final String SCHEME = "fp2";

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
        List<Job> jobs = new ArrayList<>();
        Dataset<Row> hashed = null;
        for (Map.Entry<String, List<Job>> e : todo.entrySet()) {
            Dataset<Row> one = hashed(in.table(e.getKey()), e.getKey(), e.getValue(), jobs.size());
            hashed = hashed == null ? one : hashed.unionAll(one);
            jobs.addAll(e.getValue());
        }
        if (hashed != null) {
            Map<Integer, String> rows = new TreeMap<>();
            for (Row r :
                    hashed.groupBy("_job")
                            .agg(count(lit(1)), sum("_h1"), sum("_h2"))
                            .collectAsList()) {
                rows.put(r.getInt(0), r.get(1) + ":" + text(r.get(2)) + ":" + text(r.get(3)));
            }
            for (int i = 0; i < jobs.size(); i++) {
                Job j = jobs.get(i);
                out.get(j.year())
                        .put(j.frame().name(), rows.getOrDefault(i, "0:0:0") + SEP + j.source());
            }
        }
        return out;
    }

    private record Job(int year, Frame frame, Column window, String source) {}

    /**
     * The table's rows hashed once, each repeated for every job whose window holds it: {@code _job}
     * (numbered from {@code first}), {@code _h1, _h2} (the hash's high and low 32 bits).
     */
    private static Dataset<Row> hashed(Dataset<Row> table, String name, List<Job> jobs, int first) {
        List<Column> values = new ArrayList<>();
        values.add(lit(SCHEME));
        List<String> unread = YearFrames.unread(name);
        for (String c : table.columns()) {
            if (!unread.contains(c)) {
                values.add(col(c));
                values.add(isnull(col(c)));
            }
        }
        // one 64-bit hash, summed as its two 32-bit halves: long sums that cannot overflow below
        // two billion rows, together the exact (unwrapped) sum of the hashes
        Column h = xxhash64(values.toArray(new Column[0]));
        Column high = shiftrightunsigned(h, 32);
        Column low = h.bitwiseAND(lit(0xFFFFFFFFL));
        Column[] member = new Column[jobs.size()];
        for (int i = 0; i < jobs.size(); i++) {
            member[i] = when(jobs.get(i).window(), lit(first + i));
        }
        return table.select(
                explode(filter(array(member), x -> x.isNotNull())).as("_job"),
                high.as("_h1"),
                low.as("_h2"));
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
