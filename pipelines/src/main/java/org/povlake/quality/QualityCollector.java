package org.povlake.quality;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.slice;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.povlake.contract.Contract;
import org.povlake.contract.ExtractSchema;
import org.povlake.lake.Lakehouse;
import org.povlake.lake.TableSource;
import org.povlake.silver.ConsistencySignals;
import org.povlake.silver.ReferentialIntegrity;
import org.povlake.silver.SilverTable;
import org.povlake.silver.SilverTables;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Reads the lakehouse into a {@link QualityReport}: the ingest log (rows read / accepted /
 * quarantined, rejections, schema drift), bronze.quarantine (record numbers per rule),
 * silver.orphans, the silver tables (rows that reached silver, persons not in the registry) and the
 * consistency signals. Only counts, codes, record numbers and non-personal keys leave here.
 */
public final class QualityCollector {
    private final Lakehouse lake;
    private final TableSource source;
    private final boolean summary;

    public QualityCollector(Lakehouse lake) {
        this(lake, lake, false);
    }

    /**
     * Reads the tables from {@code source} (e.g. the versions an assessment pinned). {@code
     * summary}: what the annual assessment prints — every delivery's counts from the ingest log,
     * orphan counts and the household-size signal of the latest households snapshot, without
     * record-number or key examples, rows per silver table, persons not in the registry or the
     * members' signals, which the assessment reports as indicators (the full report is {@code
     * povlake quality}'s); a fraction of the cost at scale.
     */
    public QualityCollector(Lakehouse lake, TableSource source, boolean summary) {
        this.lake = lake;
        this.source = source;
        this.summary = summary;
    }

    private Optional<Dataset<Row>> table(String name) {
        return source.exists(name) ? Optional.of(source.read(name)) : Optional.empty();
    }

    /** Every table {@link #collect} may read (those that exist are read). */
    public static List<String> tablesRead(Contract contract) {
        java.util.TreeSet<String> names =
                new java.util.TreeSet<>(
                        List.of(
                                "ops.ingest_log",
                                "bronze.quarantine",
                                ReferentialIntegrity.ORPHANS,
                                ConsistencySignals.HOUSEHOLDS,
                                ConsistencySignals.MEMBERS));
        SilverTables.markedInRegistry().forEach(t -> names.add(t.name()));
        contract.extracts().values().forEach(schema -> names.add(silverOf(schema)[0]));
        return List.copyOf(names);
    }

    public QualityReport collect(LocalDate today, String codeVersion) {
        Contract contract = Contract.get();
        Map<String, List<Row>> logByExtract = ingestLog();
        Map<String, Map<String, Long>> orphanCounts = new HashMap<>();
        Map<String, Map<String, List<String>>> orphanExamples = new HashMap<>();
        orphans(orphanCounts, orphanExamples);
        Map<String, List<Long>> examples = summary ? Map.of() : quarantineExamples();
        Map<String, Long> silverRows = summary ? Map.of() : silverRows(contract);
        Map<String, Long> notRegistered = summary ? Map.of() : notRegistered(contract);

        List<AgencyQuality> agencies = new ArrayList<>();
        Map<String, LocalDate> latestBySource = new LinkedHashMap<>();
        Map<String, List<ExtractQuality>> extractsBySource = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> source : contract.sources().entrySet()) {
            List<ExtractQuality> extracts = new ArrayList<>();
            LocalDate latest = null;
            for (String e : source.getValue()) {
                ExtractSchema schema = contract.extract(source.getKey(), e).orElseThrow();
                List<DeliveryQuality> deliveries = new ArrayList<>();
                for (Row r : logByExtract.getOrDefault(schema.name(), List.of())) {
                    LocalDate asOf = (LocalDate) r.getAs("as_of_date");
                    String status = r.getAs("status");
                    if (DeliveryQuality.LOADED.equals(status)
                            && (latest == null || asOf.isAfter(latest))) {
                        latest = asOf;
                    }
                    String key = schema.name() + "/" + asOf;
                    String file = r.getAs("source_file");
                    List<String> extra = strings(r, "extra_columns");
                    deliveries.add(
                            new DeliveryQuality(
                                    String.valueOf(asOf),
                                    file,
                                    status,
                                    r.<Long>getAs("rows_read"),
                                    r.<Long>getAs("rows_accepted"),
                                    r.<Long>getAs("rows_quarantined"),
                                    reasons(r),
                                    examplesOf(examples, file),
                                    DeliveryQuality.LOADED.equals(status)
                                            ? orphanCounts.getOrDefault(key, Map.of())
                                            : Map.of(),
                                    DeliveryQuality.LOADED.equals(status)
                                            ? orphanExamples.getOrDefault(key, Map.of())
                                            : Map.of(),
                                    DeliveryQuality.LOADED.equals(status)
                                            ? notRegistered.getOrDefault(key, 0L)
                                            : 0L,
                                    DeliveryQuality.LOADED.equals(status)
                                            ? silverRows.getOrDefault(key, 0L)
                                            : 0L,
                                    named(extra),
                                    strings(r, "missing_optional_columns"),
                                    r.getAs("rejection"),
                                    r.getAs("message"),
                                    unlisted(r, extra)));
                }
                extracts.add(
                        new ExtractQuality(
                                schema.name(),
                                schema.isSnapshot() ? "snapshot" : "event",
                                deliveries));
            }
            latestBySource.put(source.getKey(), latest);
            extractsBySource.put(source.getKey(), extracts);
        }
        LocalDate newest =
                latestBySource.values().stream()
                        .filter(d -> d != null)
                        .max(LocalDate::compareTo)
                        .orElse(null);
        for (Map.Entry<String, List<ExtractQuality>> s : extractsBySource.entrySet()) {
            LocalDate latest = latestBySource.get(s.getKey());
            agencies.add(
                    new AgencyQuality(
                            s.getKey(),
                            Agencies.get().label(s.getKey()),
                            latest == null ? null : latest.toString(),
                            latest == null ? null : ChronoUnit.DAYS.between(latest, today),
                            latest == null ? null : ChronoUnit.DAYS.between(latest, newest),
                            s.getValue()));
        }
        List<SnapshotSignals> signals = signals();
        return new QualityReport(
                Instant.now().toString(),
                today.toString(),
                lake.root(),
                codeVersion,
                agencies,
                signals,
                Problems.derive(agencies, signals));
    }

    /**
     * Per extract, the log rows of its deliveries: the latest loaded or rejected row per file
     * version, by as-of.
     */
    private Map<String, List<Row>> ingestLog() {
        Map<String, List<Row>> out = new HashMap<>();
        Optional<Dataset<Row>> log = table("ops.ingest_log");
        if (log.isEmpty()) {
            return out;
        }
        List<Row> rows =
                log.get()
                        .filter(
                                "status IN ('loaded', 'rejected') AND extract IS NOT NULL AND as_of_date IS NOT NULL")
                        .orderBy("as_of_date", "started_at", "source_file")
                        .collectAsList();
        Map<String, Row> distinct = new LinkedHashMap<>();
        for (Row r : rows) {
            String source = r.getAs("source");
            String extract = r.getAs("extract");
            Optional<ExtractSchema> schema = Contract.get().extract(source, extract);
            if (schema.isEmpty()) {
                continue;
            }
            distinct.remove(
                    schema.get().name()
                            + "|"
                            + r.getAs("source_file")
                            + "|"
                            + r.getAs("file_sha256")
                            + "|"
                            + r.getAs("status"));
            distinct.put(
                    schema.get().name()
                            + "|"
                            + r.getAs("source_file")
                            + "|"
                            + r.getAs("file_sha256")
                            + "|"
                            + r.getAs("status"),
                    r);
        }
        for (Map.Entry<String, Row> e : distinct.entrySet()) {
            out.computeIfAbsent(
                            e.getKey().substring(0, e.getKey().indexOf('|')),
                            k -> new ArrayList<>())
                    .add(e.getValue());
        }
        out.values()
                .forEach(
                        l ->
                                l.sort(
                                        Comparator.comparing(
                                                        (Row a) ->
                                                                (LocalDate) a.getAs("as_of_date"))
                                                .thenComparing(
                                                        a ->
                                                                String.valueOf(
                                                                        a.<Object>getAs(
                                                                                "started_at")))));
        return out;
    }

    private static Map<String, Long> reasons(Row r) {
        Map<String, Long> m = new LinkedHashMap<>();
        scala.collection.Map<String, Long> raw = r.getAs("reason_counts");
        if (raw != null) {
            m.putAll(new TreeMap<>(CollectionConverters.asJava(raw)));
        }
        return m;
    }

    /**
     * The extra columns that are column names. A log row written before povlake told a header from
     * a data row may list a headerless file's first row as "extra columns": those values are
     * counted, never printed.
     */
    private static List<String> named(List<String> extra) {
        return extra.stream().filter(Contract.get().columnNames()::isName).toList();
    }

    /**
     * Extra columns counted, not listed: the log's count (absent in rows of an earlier povlake) and
     * the unnamed.
     */
    private static long unlisted(Row r, List<String> extra) {
        long logged =
                java.util.Arrays.asList(r.schema().fieldNames()).contains("extra_columns_unlisted")
                                && r.getAs("extra_columns_unlisted") != null
                        ? r.<Long>getAs("extra_columns_unlisted")
                        : 0;
        return logged + extra.size() - named(extra).size();
    }

    private static List<String> strings(Row r, String column) {
        scala.collection.Seq<String> raw = r.getAs(column);
        return raw == null ? List.of() : CollectionConverters.asJava(raw);
    }

    private static Map<String, List<Long>> examplesOf(
            Map<String, List<Long>> examples, String file) {
        Map<String, List<Long>> m = new TreeMap<>();
        examples.forEach(
                (k, v) -> {
                    int bar = k.lastIndexOf('|');
                    if (k.substring(0, bar).equals(file)) {
                        m.put(k.substring(bar + 1), v);
                    }
                });
        return m;
    }

    /** "file|REASON" → the first record numbers quarantined for that reason. */
    private Map<String, List<Long>> quarantineExamples() {
        Map<String, List<Long>> out = new HashMap<>();
        table("bronze.quarantine")
                .ifPresent(
                        q ->
                                q.select(
                                                col("source_file"),
                                                col("record_number"),
                                                explode(col("reasons")).as("reason"))
                                        .groupBy("source_file", "reason")
                                        .agg(
                                                slice(
                                                                sort_array(
                                                                        org.apache.spark.sql
                                                                                .functions
                                                                                .collect_list(
                                                                                        "record_number")),
                                                                1,
                                                                Problems.EXAMPLES)
                                                        .as("examples"))
                                        .collectAsList()
                                        .forEach(
                                                r ->
                                                        out.put(
                                                                r.getString(0)
                                                                        + "|"
                                                                        + r.getString(1),
                                                                CollectionConverters.asJava(
                                                                        r
                                                                                .<scala.collection
                                                                                                        .Seq<
                                                                                                Long>>
                                                                                        getAs(
                                                                                                "examples")))));
        return out;
    }

    private void orphans(
            Map<String, Map<String, Long>> counts,
            Map<String, Map<String, List<String>>> examples) {
        table("silver.orphans")
                .ifPresent(
                        o ->
                                o.groupBy("extract", "as_of_date", "link")
                                        .agg(
                                                count(lit(1)).as("rows"),
                                                summary
                                                        ? org.apache
                                                                .spark
                                                                .sql
                                                                .functions
                                                                .array()
                                                                .cast("array<string>")
                                                                .as("examples")
                                                        : slice(
                                                                        sort_array(
                                                                                collect_set(
                                                                                        "missing_key")),
                                                                        1,
                                                                        Problems.EXAMPLES)
                                                                .as("examples"))
                                        .collectAsList()
                                        .forEach(
                                                r -> {
                                                    String key = r.getString(0) + "/" + r.get(1);
                                                    counts.computeIfAbsent(
                                                                    key, k -> new TreeMap<>())
                                                            .put(r.getString(2), r.getLong(3));
                                                    examples.computeIfAbsent(
                                                                    key, k -> new TreeMap<>())
                                                            .put(
                                                                    r.getString(2),
                                                                    CollectionConverters.asJava(
                                                                            r
                                                                                    .<scala
                                                                                                            .collection
                                                                                                            .Seq<
                                                                                                    String>>
                                                                                            getAs(
                                                                                                    "examples")));
                                                }));
    }

    /**
     * The silver table holding an extract's rows ({@link SilverTables#rowsOf}: households, one
     * signal row each), and its date column.
     */
    static String[] silverOf(ExtractSchema schema) {
        String table =
                SilverTables.rowsOf(schema.name())
                        .orElseThrow(
                                () ->
                                        new IllegalStateException(
                                                "no silver table is declared for the extract "
                                                        + schema.name()))
                        .name();
        return new String[] {table, dateColumn(schema)};
    }

    private static String dateColumn(ExtractSchema schema) {
        return schema.isSnapshot() ? "snapshot_date" : "as_of_date";
    }

    /** "extract/as-of" → rows in silver. */
    private Map<String, Long> silverRows(Contract contract) {
        Map<String, Long> out = new HashMap<>();
        Dataset<Row> all = null;
        for (ExtractSchema schema : contract.extracts().values()) {
            String[] t = silverOf(schema);
            Optional<Dataset<Row>> d = table(t[0]);
            if (d.isEmpty()) {
                continue;
            }
            Dataset<Row> counts =
                    d.get()
                            .groupBy(col(t[1]).as("d"))
                            .agg(count(lit(1)).as("n"))
                            .select(lit(schema.name()).as("extract"), col("d"), col("n"));
            all = all == null ? counts : all.unionByName(counts);
        }
        if (all != null) {
            all.collectAsList()
                    .forEach(r -> out.put(r.getString(0) + "/" + r.get(1), r.getLong(2)));
        }
        return out;
    }

    /** "extract/as-of" → rows of persons not in the registry (the tables marked in_registry). */
    private Map<String, Long> notRegistered(Contract contract) {
        Map<String, Long> out = new HashMap<>();
        for (SilverTable t : SilverTables.markedInRegistry()) {
            String dates = dateColumn(contract.extracts().get(t.extract()));
            table(t.name())
                    .ifPresent(
                            d ->
                                    d.filter("NOT in_registry")
                                            .groupBy(dates)
                                            .count()
                                            .collectAsList()
                                            .forEach(
                                                    r ->
                                                            out.put(
                                                                    t.extract() + "/" + r.get(0),
                                                                    r.getLong(1))));
        }
        return out;
    }

    /**
     * A signals table; in a summary, its latest snapshot only (the one the problems are derived
     * from).
     */
    private Optional<Dataset<Row>> signalsTable(String name) {
        Optional<Dataset<Row>> t = table(name);
        if (!summary || t.isEmpty()) {
            return t;
        }
        // as a string: Delta answers max() of a partition column from its log, as a java.sql.Date
        // (java8API or not)
        Row latest = t.get().selectExpr("CAST(max(snapshot_date) AS STRING)").first();
        return latest.isNullAt(0)
                ? t
                : Optional.of(
                        t.get()
                                .where(
                                        col("snapshot_date")
                                                .equalTo(lit(latest.getString(0)).cast("date"))));
    }

    private List<SnapshotSignals> signals() {
        Map<String, long[]> byDate = new TreeMap<>();
        signalsTable("silver.household_signals")
                .ifPresent(
                        h ->
                                h.groupBy("snapshot_date")
                                        .agg(
                                                count(lit(1)),
                                                sum(when(col("size_mismatch"), 1).otherwise(0)))
                                        .collectAsList()
                                        .forEach(
                                                r -> {
                                                    long[] v =
                                                            byDate.computeIfAbsent(
                                                                    String.valueOf(r.get(0)),
                                                                    k -> new long[6]);
                                                    v[0] = r.getLong(1);
                                                    v[1] = r.getLong(2);
                                                }));
        // a summary leaves out the members' signals: persons in several households and the
        // registry–health agreement
        // are indicators of the assessment itself (TARGET_DUPLICATE_PERSON,
        // TARGET_REGISTRY_HEALTH_AGREEMENT)
        (summary ? Optional.<Dataset<Row>>empty() : table("silver.member_signals"))
                .ifPresent(
                        m ->
                                m.groupBy("snapshot_date")
                                        .agg(
                                                count(lit(1)),
                                                count_distinct(
                                                        when(
                                                                col("households_of_person").geq(2),
                                                                col("person_key"))),
                                                count(col("registry_health_agree")),
                                                sum(
                                                        when(
                                                                        col("registry_health_agree")
                                                                                .equalTo(false),
                                                                        1)
                                                                .otherwise(0)))
                                        .collectAsList()
                                        .forEach(
                                                r -> {
                                                    long[] v =
                                                            byDate.computeIfAbsent(
                                                                    String.valueOf(r.get(0)),
                                                                    k -> new long[6]);
                                                    v[2] = r.getLong(1);
                                                    v[3] = r.getLong(2);
                                                    v[4] = r.getLong(3);
                                                    v[5] = r.getLong(4);
                                                }));
        List<SnapshotSignals> out = new ArrayList<>();
        byDate.forEach(
                (d, v) -> out.add(new SnapshotSignals(d, v[0], v[1], v[2], v[3], v[4], v[5])));
        return out;
    }
}
