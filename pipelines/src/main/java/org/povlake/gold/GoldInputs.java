package org.povlake.gold;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.povlake.lake.LakeSchemas;
import org.povlake.lake.Lakehouse;
import org.povlake.silver.DeliveryLedger;
import org.povlake.silver.SilverTables;

/**
 * The thin read side of gold: the silver frames year Y reads, each pinned to the Delta version
 * recorded in {@link #versions()} (so one build reads one consistent state even if silver moves
 * meanwhile). The tables pinned are those gold declares ({@link YearFrames#SILVER}); reading any
 * other fails.
 */
public final class GoldInputs {
    /**
     * The silver tables gold reads: the ledger of deliveries and the tables {@link YearFrames}
     * declares.
     */
    public static final List<String> TABLES = tables(YearFrames.SILVER);

    private final Lakehouse lake;
    private final SparkSession spark;
    private final Map<String, Long> versions = new TreeMap<>();
    private final Map<String, Dataset<Row>> frames = new java.util.HashMap<>();

    public GoldInputs(Lakehouse lake) {
        this.lake = lake;
        this.spark = lake.spark();
        for (String t : TABLES) {
            if (lake.exists(t)) {
                versions.put(t, lake.version(t));
            }
        }
    }

    /**
     * The ledger, then the declared tables; a name silver does not declare fails (a typo must not
     * read as empty).
     */
    static List<String> tables(List<String> declared) {
        List<String> out = new ArrayList<>(List.of(DeliveryLedger.TABLE));
        for (String t : declared) {
            if (!SilverTables.isDeclared(t)) {
                throw new IllegalStateException(
                        "gold reads " + t + ", which is not a declared silver table");
            }
            out.add(t);
        }
        return List.copyOf(out);
    }

    /** silver table → the Delta version gold reads. */
    public Map<String, Long> versions() {
        return versions;
    }

    /**
     * The whole table at its pinned version (an empty frame of its schema if it does not exist).
     * Loaded once: a time-travel read rebuilds the table's snapshot, so every later use shares the
     * first frame.
     */
    public Dataset<Row> table(String name) {
        if (!TABLES.contains(name)) {
            throw new IllegalArgumentException(
                    name + " is not an input gold declares (YearFrames.SILVER)");
        }
        return frames.computeIfAbsent(name, this::load);
    }

    private Dataset<Row> load(String name) {
        Long v = versions.get(name);
        if (v == null) {
            return spark.createDataFrame(List.of(), LakeSchemas.schema(name));
        }
        return spark.read().format("delta").option("versionAsOf", v).load(lake.path(name));
    }

    /** One snapshot (partition {@code snapshot_date = d}); empty when d is null. */
    public Dataset<Row> snapshot(String name, LocalDate d) {
        Dataset<Row> t = table(name);
        return d == null ? t.where(lit(false)) : t.where(col("snapshot_date").equalTo(lit(d)));
    }

    /** Whether a snapshot holds any row with {@code column = year} (the year-keyed inputs). */
    public boolean hasYear(String name, LocalDate d, String column, int year) {
        return d != null && !snapshot(name, d).where(col(column).equalTo(year)).limit(1).isEmpty();
    }
}
