package org.povlake.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.povlake.lake.Lakehouse;
import org.povlake.lake.SparkSessions;

/**
 * Did an optimisation change any result? Compares every bronze, silver and gold table of two
 * lakehouses built from the same inbox (before and after a change): the same tables, and in each
 * the same multiset of rows — {@code EXCEPT ALL} in both directions, rows compared as JSON text so
 * that map and array columns compare too. What legitimately differs between two runs is left out:
 * the run's ids and times ({@link #RUN_COLUMNS}), table versions and the {@code ops.*} logs.
 *
 * <pre>
 * java … org.povlake.bench.CompareLakehouses BEFORE AFTER [--layers bronze,silver,gold]
 * </pre>
 *
 * Prints one line per table and exits 1 when any differs.
 */
public final class CompareLakehouses {
    /** Columns that name a run or its time, not the data. */
    static final Set<String> RUN_COLUMNS =
            Set.of("_batch_id", "_ingested_at", "batch_id", "ingested_at", "build_id");

    private CompareLakehouses() {}

    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println(
                    "usage: CompareLakehouses BEFORE AFTER [--layers bronze,silver,gold]");
            System.exit(2);
        }
        List<String> layers = List.of("bronze", "silver", "gold");
        if (args.length >= 4 && args[2].equals("--layers")) {
            layers = List.of(args[3].split(","));
        }
        SparkSession spark = SparkSessions.builder("compare-lakehouses").getOrCreate();
        Lakehouse before = new Lakehouse(spark, args[0]);
        Lakehouse after = new Lakehouse(spark, args[1]);
        List<String> layerList = layers;
        List<String> a = tables(before, layerList);
        List<String> b = tables(after, layerList);
        int differ = 0;
        if (!a.equals(b)) {
            System.out.println("different tables: " + a + " / " + b);
            differ++;
        }
        long rows = 0;
        for (String t : a) {
            if (!b.contains(t)) {
                continue;
            }
            Dataset<Row> x = rows(before.read(t)).cache();
            Dataset<Row> y = rows(after.read(t)).cache();
            long missing = x.exceptAll(y).count();
            long extra = y.exceptAll(x).count();
            long n = x.count();
            rows += n;
            System.out.printf(
                    "%-45s %10d rows  %s%n",
                    t,
                    n,
                    missing + extra == 0
                            ? "identical"
                            : missing + " only before, " + extra + " only after");
            if (missing + extra > 0) {
                differ++;
            }
            x.unpersist();
            y.unpersist();
        }
        System.out.printf(
                "%d tables, %d rows compared: %s%n",
                a.size(), rows, differ == 0 ? "identical" : differ + " differ");
        spark.stop();
        System.exit(differ == 0 ? 0 : 1);
    }

    private static List<String> tables(Lakehouse lake, List<String> layers) {
        List<String> out = new ArrayList<>();
        for (String t : lake.tables()) {
            if (layers.contains(t.substring(0, t.indexOf('.')))) {
                out.add(t);
            }
        }
        return out;
    }

    /** A table's rows as JSON text, without the run's own columns. */
    private static Dataset<Row> rows(Dataset<Row> df) {
        Column[] keep =
                Arrays.stream(df.columns())
                        .filter(c -> !RUN_COLUMNS.contains(c))
                        .sorted()
                        .map(c -> col(c))
                        .toArray(Column[]::new);
        return df.select(to_json(struct(keep)).as("row"));
    }
}
