package org.povlake.lake;

import io.delta.tables.DeltaTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * Where the lakehouse's Delta tables live: {@code <root>/<layer>/<name>}, addressed as {@code
 * layer.name} (e.g. {@code bronze.registry_households}). The thin I/O layer the pipelines write
 * through.
 */
public final class Lakehouse implements TableSource {
    public static final List<String> LAYERS = List.of("bronze", "silver", "gold", "ops");

    /**
     * Properties every table is created with: Delta history and removed files are kept for 10
     * years, so that an assessment can be reproduced by time travel long after it was published (at
     * least 7 years asked).
     */
    public static final Map<String, String> TABLE_PROPERTIES =
            Map.of(
                    "delta.logRetentionDuration", "interval 3653 days",
                    "delta.deletedFileRetentionDuration", "interval 3653 days");

    private final SparkSession spark;
    private final String root;

    /**
     * Tables this instance created or checked: a table is not created again, so it is checked once.
     */
    private final java.util.Set<String> verified =
            java.util.concurrent.ConcurrentHashMap.newKeySet();

    public Lakehouse(SparkSession spark, String root) {
        this.spark = spark;
        this.root = qualify(spark, root);
    }

    /** An absolute, scheme-qualified root ({@code ./lakehouse} → {@code file:/…/lakehouse}). */
    private static String qualify(SparkSession spark, String root) {
        try {
            Path p = new Path(root);
            String q =
                    p.getFileSystem(spark.sparkContext().hadoopConfiguration())
                            .makeQualified(p)
                            .toString();
            return q.endsWith("/") ? q.substring(0, q.length() - 1) : q;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot resolve the lakehouse location " + root, e);
        }
    }

    public SparkSession spark() {
        return spark;
    }

    public String root() {
        return root;
    }

    /** The path of table {@code layer.name}. */
    public String path(String qualifiedName) {
        int dot = qualifiedName.indexOf('.');
        if (dot < 0 || !LAYERS.contains(qualifiedName.substring(0, dot))) {
            throw new IllegalArgumentException(
                    "not a lakehouse table name (layer.name): " + qualifiedName);
        }
        return root
                + "/"
                + qualifiedName.substring(0, dot)
                + "/"
                + qualifiedName.substring(dot + 1);
    }

    /** The table at its current version. */
    @Override
    public org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> read(String qualifiedName) {
        return spark.read().format("delta").load(path(qualifiedName));
    }

    /** Whether the table has a committed version (a Delta log with a commit file). */
    @Override
    public boolean exists(String qualifiedName) {
        return latestCommit(qualifiedName) >= 0;
    }

    /**
     * The newest version committed to the table's log, from a listing of {@code _delta_log}: every
     * commit writes {@code <version>.json} there, and neither checkpoints nor log clean-up ever
     * remove the newest one. -1 when the table does not exist. (A listing, not a Delta snapshot:
     * pinning the versions of twenty tables stays cheap.)
     */
    private long latestCommit(String qualifiedName) {
        Path log = new Path(path(qualifiedName), "_delta_log");
        try {
            FileSystem fs = log.getFileSystem(spark.sparkContext().hadoopConfiguration());
            if (!fs.exists(log)) {
                return -1;
            }
            long newest = -1;
            for (FileStatus st : fs.listStatus(log)) {
                String n = st.getPath().getName();
                if (n.length() == 25
                        && n.endsWith(".json")
                        && n.chars().limit(20).allMatch(Character::isDigit)) {
                    newest = Math.max(newest, Long.parseLong(n.substring(0, 20)));
                }
            }
            return newest;
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot list the Delta log of " + qualifiedName + " at " + log, e);
        }
    }

    /**
     * Appends rows to a log table ({@code ops.*}, one row per run or statement), creating it with
     * its declared schema if missing; a log written by an older povlake gains the columns added
     * since.
     */
    public void appendLog(String qualifiedName, List<org.apache.spark.sql.Row> rows) {
        StructType schema = LakeSchemas.schema(qualifiedName);
        createIfMissing(qualifiedName, schema, List.of());
        spark.createDataFrame(rows, schema)
                .write()
                .format("delta")
                .mode("append")
                .option("mergeSchema", "true")
                .save(path(qualifiedName));
    }

    /** Creates the table with this schema if it does not exist yet. */
    public void createIfMissing(String qualifiedName, StructType schema, List<String> partitionBy) {
        createIfMissing(qualifiedName, schema, partitionBy, Map.of());
    }

    /**
     * Creates the table if it does not exist yet, with {@link #TABLE_PROPERTIES} and {@code
     * properties}; an existing table that lacks one of {@code properties} gets it (one commit,
     * once).
     */
    public void createIfMissing(
            String qualifiedName,
            StructType schema,
            List<String> partitionBy,
            Map<String, String> properties) {
        if (verified.contains(qualifiedName)) {
            return;
        }
        if (exists(qualifiedName)) {
            if (!properties.isEmpty()) {
                Map<String, String> have =
                        scala.jdk.javaapi.CollectionConverters.asJava(
                                table(qualifiedName)
                                        .detail()
                                        .first()
                                        .<scala.collection.Map<String, String>>getAs("properties"));
                List<String> missing =
                        properties.entrySet().stream()
                                .filter(e -> !e.getValue().equals(have.get(e.getKey())))
                                .map(e -> "'" + e.getKey() + "' = '" + e.getValue() + "'")
                                .toList();
                if (!missing.isEmpty()) {
                    spark.sql(
                            "ALTER TABLE delta.`"
                                    + path(qualifiedName)
                                    + "` SET TBLPROPERTIES ("
                                    + String.join(", ", missing)
                                    + ")");
                }
            }
            verified.add(qualifiedName);
            return;
        }
        var builder =
                DeltaTable.createIfNotExists(spark)
                        .location(path(qualifiedName))
                        .addColumns(schema);
        for (Map.Entry<String, String> p : TABLE_PROPERTIES.entrySet()) {
            builder = builder.property(p.getKey(), p.getValue());
        }
        for (Map.Entry<String, String> p : properties.entrySet()) {
            builder = builder.property(p.getKey(), p.getValue());
        }
        if (!partitionBy.isEmpty()) {
            builder = builder.partitionedBy(partitionBy.toArray(new String[0]));
        }
        builder.execute();
        verified.add(qualifiedName);
    }

    /**
     * Replaces the rows of the table that match {@code predicate} with {@code rows}, in one commit
     * ({@code replaceWhere}; every row must match it). A table that does not exist yet is created
     * by that same commit, with {@code partitionBy}, {@link #TABLE_PROPERTIES} and {@code
     * properties} — one commit and one snapshot less than creating it empty first; an existing
     * table is checked as {@link #createIfMissing} does.
     */
    public void replaceWhere(
            String qualifiedName,
            org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> rows,
            String predicate,
            List<String> partitionBy,
            Map<String, String> properties) {
        boolean exists = verified.contains(qualifiedName) || exists(qualifiedName);
        if (exists) {
            createIfMissing(qualifiedName, rows.schema(), partitionBy, properties);
        }
        var writer =
                rows.write().format("delta").mode("overwrite").option("replaceWhere", predicate);
        if (!exists) {
            writer = writer.partitionBy(partitionBy.toArray(new String[0]));
            for (Map.Entry<String, String> p : TABLE_PROPERTIES.entrySet()) {
                writer = writer.option(p.getKey(), p.getValue());
            }
            for (Map.Entry<String, String> p : properties.entrySet()) {
                writer = writer.option(p.getKey(), p.getValue());
            }
        }
        writer.save(path(qualifiedName));
        verified.add(qualifiedName);
    }

    /**
     * Deletes the table's folder — its data files and its whole Delta log, every version — so that
     * nothing of it can be read again, not even the per-file statistics the log keeps; a later
     * write creates the table anew (version 0). Only a key rotation does this ({@code
     * SilverBuild}). Nothing to do if the folder does not exist.
     */
    public void drop(String qualifiedName) {
        Path dir = new Path(path(qualifiedName));
        try {
            FileSystem fs = dir.getFileSystem(spark.sparkContext().hadoopConfiguration());
            if (fs.exists(dir) && !fs.delete(dir, true)) {
                throw new IOException("the file system did not delete it");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + qualifiedName + " at " + dir, e);
        }
        verified.remove(qualifiedName);
        // Delta caches each table's log in the JVM: the next write must see a new table, not the
        // deleted one
        org.apache.spark.sql.delta.DeltaLog.invalidateCache(spark, dir);
    }

    /**
     * The property that keeps personal data out of a table's Delta log: Delta writes each file's
     * min/max values of the columns it collects statistics on into {@code _delta_log} (and logs
     * them at INFO), so statistics are kept only for the columns of {@code schema} that are not
     * {@code excluded} (personal data, partition columns), of the types Delta keeps statistics for.
     */
    public static Map<String, String> statisticsExcept(
            StructType schema, java.util.Collection<String> excluded) {
        List<String> columns = new ArrayList<>();
        for (var f : schema.fields()) {
            var t = f.dataType();
            boolean supported =
                    t instanceof org.apache.spark.sql.types.StringType
                            || t instanceof org.apache.spark.sql.types.NumericType
                            || t instanceof org.apache.spark.sql.types.DateType
                            || t instanceof org.apache.spark.sql.types.TimestampType
                            || t instanceof org.apache.spark.sql.types.TimestampNTZType;
            if (supported && !excluded.contains(f.name())) {
                columns.add(f.name());
            }
        }
        return Map.of("delta.dataSkippingStatsColumns", String.join(",", columns));
    }

    public DeltaTable table(String qualifiedName) {
        return DeltaTable.forPath(spark, path(qualifiedName));
    }

    /** The current Delta version of a table. */
    public long version(String qualifiedName) {
        long v = latestCommit(qualifiedName);
        if (v < 0) {
            throw new IllegalStateException(
                    qualifiedName + " does not exist in the lakehouse " + root);
        }
        return v;
    }

    /**
     * Every Delta table of the lakehouse with a committed version, as {@code layer.name}, sorted.
     */
    public List<String> tables() {
        // a committed version, not just a _delta_log folder (a first write killed before its
        // commit)
        return folders().stream().filter(this::exists).toList();
    }

    /** Every table folder of the lakehouse, committed or not, as {@code layer.name}, sorted. */
    public List<String> folders() {
        List<String> names = new ArrayList<>();
        try {
            Path rootPath = new Path(root);
            FileSystem fs = rootPath.getFileSystem(spark.sparkContext().hadoopConfiguration());
            for (String layer : LAYERS) {
                Path dir = new Path(rootPath, layer);
                if (!fs.exists(dir)) {
                    continue;
                }
                for (FileStatus st : fs.listStatus(dir)) {
                    if (st.isDirectory()) {
                        names.add(layer + "." + st.getPath().getName());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the lakehouse at " + root, e);
        }
        names.sort(null);
        return names;
    }
}
