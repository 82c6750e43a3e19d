package org.povlake.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.povlake.contract.ExtractSchema;
import org.povlake.contract.TableSchemas;
import org.povlake.lake.Lakehouse;

/**
 * Writes one extract's deliveries: each write replaces exactly the deliveries (extract, as-of date)
 * it carries, in one Delta commit, so a re-run or a re-delivery converges to the same table.
 */
final class BronzeWriter {
    private final Lakehouse lake;
    private final ExtractSchema schema;
    private final String table;

    BronzeWriter(Lakehouse lake, ExtractSchema schema) {
        this.lake = lake;
        this.schema = schema;
        this.table = "bronze." + schema.name();
    }

    static String dateList(List<LocalDate> dates) {
        return dates.stream()
                .distinct()
                .sorted()
                .map(d -> "DATE'" + d + "'")
                .collect(Collectors.joining(", "));
    }

    /** The quarantine rows of one extract's deliveries of {@code dates}. */
    static String quarantinePredicate(ExtractSchema schema, List<LocalDate> dates) {
        return "(source = '"
                + schema.source()
                + "' AND extract = '"
                + schema.extract()
                + "' AND as_of_date IN ("
                + dateList(dates)
                + "))";
    }

    private static String quarantinePredicate(Map<ExtractSchema, List<LocalDate>> dates) {
        return dates.entrySet().stream()
                .map(e -> quarantinePredicate(e.getKey(), e.getValue()))
                .collect(Collectors.joining(" OR "));
    }

    private static List<String> joined(List<String> a, List<String> b) {
        List<String> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** The quarantine table, shared by every extract: created before extracts load concurrently. */
    static void createQuarantine(Lakehouse lake) {
        StructType quarantine = TableSchemas.lakehouse("quarantine");
        lake.createIfMissing(
                IngestJob.BRONZE_QUARANTINE,
                quarantine,
                TableSchemas.partitioning("quarantine"),
                Lakehouse.statisticsExcept(
                        quarantine,
                        joined(List.of("raw"), TableSchemas.partitioning("quarantine"))));
    }

    /**
     * One commit for the quarantined rows of several extracts: it replaces exactly their deliveries
     * of the given dates (those that now have no quarantined row lose their old ones).
     */
    static void writeQuarantine(
            Lakehouse lake, Dataset<Row> rows, Map<ExtractSchema, List<LocalDate>> dates) {
        rows.write()
                .format("delta")
                .mode("overwrite")
                .option("replaceWhere", quarantinePredicate(dates))
                .save(lake.path(IngestJob.BRONZE_QUARANTINE));
    }

    /**
     * Replaces the table's rows of the deliveries' as-of dates with {@code rows}, atomically, in
     * one commit ({@code replaceWhere} on the {@code _as_of_date} partitions), for snapshots and
     * events alike: every delivery's version of an event is kept in its own date (the latest is
     * chosen in silver), and a re-delivered date's rows are exactly the new file's. (Events were
     * once merged on (primary key, as-of date); the table that a MERGE leaves is the same, at
     * several times the cost.) Returns the table's new version.
     */
    long writeBronze(Dataset<Row> rows, List<LocalDate> dates) {
        StructType bronze = TableSchemas.bronze(schema);
        lake.replaceWhere(
                table,
                rows,
                "_as_of_date IN (" + dateList(dates) + ")",
                TableSchemas.partitioning("bronze_lineage"),
                Lakehouse.statisticsExcept(
                        bronze,
                        joined(schema.piiColumns(), TableSchemas.partitioning("bronze_lineage"))));
        return lake.version(table);
    }

    static String bronzeKey(ExtractSchema schema) {
        return "bronze." + schema.name();
    }

    static String quarantineKey(ExtractSchema schema) {
        return "quarantine:" + schema.source() + "/" + schema.extract();
    }

    /**
     * What bronze and the quarantine hold of the extracts' deliveries of the given dates, read back
     * in one query: per {@link #bronzeKey} and {@link #quarantineKey}, rows per as-of date.
     */
    static Map<String, Map<LocalDate, Long>> heldCounts(
            Lakehouse lake, Map<ExtractSchema, List<LocalDate>> dates) {
        // the rows' (table, date) of every table in one union, counted by one aggregation: one
        // shuffle for the whole wave, not one per table
        Dataset<Row> all =
                lake.spark()
                        .read()
                        .format("delta")
                        .load(lake.path(IngestJob.BRONZE_QUARANTINE))
                        .filter(quarantinePredicate(dates))
                        .select(
                                concat(lit("quarantine:"), col("source"), lit("/"), col("extract"))
                                        .as("held_in"),
                                col("as_of_date"));
        for (Map.Entry<ExtractSchema, List<LocalDate>> e : dates.entrySet()) {
            String key = bronzeKey(e.getKey());
            all =
                    all.unionAll(
                            lake.spark()
                                    .read()
                                    .format("delta")
                                    .load(lake.path(key))
                                    .filter("_as_of_date IN (" + dateList(e.getValue()) + ")")
                                    .select(lit(key).as("held_in"), col("_as_of_date")));
        }
        all = all.groupBy(col("held_in"), col("as_of_date")).count();
        Map<String, Map<LocalDate, Long>> out = new HashMap<>();
        for (Row r : all.collectAsList()) {
            out.computeIfAbsent(r.getString(0), k -> new HashMap<>())
                    .put(IngestTransforms.asLocalDate(r.get(1)), r.getLong(2));
        }
        return out;
    }
}
