package org.povlake.jobs;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.hash;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_json;
import static org.apache.spark.sql.functions.xxhash64;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.povlake.lake.Lakehouse;

/**
 * Two runs gave the same results: every data table (bronze, silver, gold) holds the same rows, and
 * the report files say the same. What legitimately differs between two runs is left out: ingest
 * batch ids and times, build ids, the {@code ops.*} run logs, table versions, generation times and
 * the lakehouse's path.
 */
final class SameResults {
    /** Columns that name a run or its time, not the data. */
    static final Set<String> RUN_COLUMNS =
            Set.of("_batch_id", "_ingested_at", "batch_id", "ingested_at", "build_id");

    /** Report fields that name a run, its time, its table versions or its lakehouse. */
    static final Set<String> RUN_FIELDS =
            Set.of("generated_at", "generatedAt", "inputs", "lakehouse");

    private SameResults() {}

    /**
     * Every bronze, silver and gold table of {@code expected} exists in {@code actual} with the
     * same rows.
     */
    static void assertSameTables(SparkSession spark, Path expected, Path actual) {
        Lakehouse e = new Lakehouse(spark, expected.toString());
        Lakehouse a = new Lakehouse(spark, actual.toString());
        List<String> tables = e.tables().stream().filter(t -> !t.startsWith("ops.")).toList();
        assertEquals(
                tables,
                a.tables().stream().filter(t -> !t.startsWith("ops.")).toList(),
                "the same tables");
        List<String> differ = new ArrayList<>();
        for (String t : tables) {
            Dataset<Row> x = rows(spark, e.path(t));
            Dataset<Row> y = rows(spark, a.path(t));
            if (fingerprint(x).equals(fingerprint(y))) {
                continue;
            }
            long missing = x.exceptAll(y).count();
            long extra = y.exceptAll(x).count();
            if (missing + extra > 0) {
                differ.add(
                        t
                                + ": "
                                + missing
                                + " rows only in "
                                + expected
                                + ", "
                                + extra
                                + " only in "
                                + actual
                                + ", e.g. "
                                + x.exceptAll(y).limit(1).collectAsList()
                                + " / "
                                + y.exceptAll(x).limit(1).collectAsList());
            }
        }
        assertTrue(differ.isEmpty(), "tables differ:\n" + String.join("\n", differ));
        assertTrue(tables.size() > 20, "bronze, silver and gold tables compared: " + tables);
    }

    /**
     * Row count and two order-independent sums of 64- and 32-bit hashes of every row: equal
     * multisets of rows give equal fingerprints; unequal ones (then compared row by row, for the
     * message) almost surely do not.
     */
    private static Row fingerprint(Dataset<Row> rows) {
        return rows.agg(
                        count(lit(1)),
                        sum(xxhash64(col("row")).cast("decimal(38,0)")),
                        sum(hash(col("row")).cast("decimal(38,0)")))
                .first();
    }

    /**
     * A table's rows as JSON text (one column: map and array columns compare too), without the
     * run's own columns.
     */
    private static Dataset<Row> rows(SparkSession spark, String path) {
        Dataset<Row> df = spark.read().format("delta").load(path);
        Column[] keep =
                Arrays.stream(df.columns())
                        .filter(c -> !RUN_COLUMNS.contains(c))
                        .sorted()
                        .map(c -> col(c))
                        .toArray(Column[]::new);
        return df.select(to_json(struct(keep)).as("row"));
    }

    /**
     * The same report files in both folders (recursively); JSON and CSV say the same, less the
     * run's own fields.
     */
    static void assertSameReports(Path expected, Path actual) {
        Set<String> names = files(expected);
        assertEquals(names, files(actual), "the same report files");
        for (String n : names) {
            Path x = expected.resolve(n);
            Path y = actual.resolve(n);
            if (n.endsWith(".json")) {
                assertEquals(
                        normalised(x, n.endsWith("manifest.json")),
                        normalised(y, n.endsWith("manifest.json")),
                        n);
            } else if (n.endsWith(".csv")) {
                assertEquals(read(x), read(y), n);
            } else {
                assertTrue(
                        size(y) > 0.9 * size(x) && size(y) < 1.1 * size(x),
                        n
                                + " is complete: "
                                + size(y)
                                + " bytes, "
                                + size(x)
                                + " in the uninterrupted run");
            }
        }
    }

    private static Set<String> files(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            TreeSet<String> out = new TreeSet<>();
            s.filter(Files::isRegularFile).forEach(p -> out.add(dir.relativize(p).toString()));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String normalised(Path json, boolean manifest) {
        ObjectMapper m = new ObjectMapper();
        StringBuilder out = new StringBuilder();
        try {
            // JSON Lines (an assessment streams one region per line) or one document
            for (var it = m.readerFor(JsonNode.class).readValues(json.toFile()); it.hasNext(); ) {
                JsonNode n = (JsonNode) it.next();
                strip(n, manifest);
                out.append(m.writeValueAsString(n)).append('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void strip(JsonNode n, boolean manifest) {
        if (n instanceof ObjectNode o) {
            o.remove(RUN_FIELDS);
            if (manifest && o.get("files") instanceof ObjectNode files) {
                // the HTML's and the workbook's hashes change with their generation time: compare
                // the names
                files.fieldNames().forEachRemaining(f -> files.put(f, "sha256"));
            }
        }
        for (Iterator<JsonNode> it = n.elements(); it.hasNext(); ) {
            strip(it.next(), manifest);
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
