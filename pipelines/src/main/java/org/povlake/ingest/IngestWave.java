package org.povlake.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.when;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.povlake.contract.Contract;
import org.povlake.contract.ExtractSchema;
import org.povlake.contract.FileRejection;
import org.povlake.lake.Lakehouse;
import org.povlake.lake.Parallel;
import org.povlake.ops.CrashPoints;
import org.povlake.ops.Timings;

/**
 * One wave of an ingest run: several extracts read, checked, quarantined, written and reconciled
 * together, so that what every step costs whatever its size (a Spark job, a Delta commit) is paid
 * once per wave instead of once per extract. A wave is: one Spark job that reads, validates and
 * counts every file of its extracts → one commit to {@code bronze.quarantine} for all of them → one
 * commit per bronze table (concurrently: each extract its own table) → one query that reads every
 * written delivery back from both tables → the caller's one ingest-log commit. The sample's whole
 * inbox is one wave; at scale, extracts are packed {@link #plan largest first} so that a wave holds
 * at least two files (both cores read) and little more than {@link #WAVE_BYTES}.
 *
 * <p>A crash anywhere in a wave leaves its files without an ingest-log row: the next run loads them
 * again, and every write replaces exactly its own deliveries.
 */
final class IngestWave {
    /**
     * The text a wave reads at most, unless its first two extracts are larger (gzip counted ×6).
     */
    static final long WAVE_BYTES = 256L << 20;

    /**
     * The text one written file stands for: a small extract is written as one file by one task (the
     * cached rows come in {@code spark.sql.shuffle.partitions} pieces, each a Parquet writer's and
     * a Delta file's fixed cost), a large one in as many as that many pieces.
     */
    static final long BYTES_PER_FILE = 128L << 20;

    /** Bronze tables written at once within a wave (each its own table: they never conflict). */
    static final int PARALLEL_WRITES = 4;

    /**
     * Pieces for writing {@code textBytes} of input: one per {@link #BYTES_PER_FILE}, at least one.
     */
    static int pieces(long textBytes) {
        return (int)
                Math.max(
                        1,
                        Math.min(
                                Integer.MAX_VALUE,
                                (textBytes + BYTES_PER_FILE - 1) / BYTES_PER_FILE));
    }

    /** One extract's files to load. */
    record Extract(ExtractSchema schema, List<RawRecords.FileTask> tasks) {
        long textBytes() {
            return tasks.stream()
                    .mapToLong(t -> t.file().gzip() ? 6 * t.file().bytes() : t.file().bytes())
                    .sum();
        }
    }

    /**
     * The run's extracts in waves: largest first; an extract joins the current wave while that wave
     * holds fewer than two extracts or stays within {@link #WAVE_BYTES}.
     */
    static List<List<Extract>> plan(List<Extract> extracts, long waveBytes) {
        List<Extract> largestFirst = new ArrayList<>(extracts);
        largestFirst.sort(Comparator.comparingLong(Extract::textBytes).reversed());
        List<List<Extract>> waves = new ArrayList<>();
        List<Extract> wave = new ArrayList<>();
        long bytes = 0;
        for (Extract e : largestFirst) {
            if (wave.size() >= 2 && bytes + e.textBytes() > waveBytes) {
                waves.add(wave);
                wave = new ArrayList<>();
                bytes = 0;
            }
            wave.add(e);
            bytes += e.textBytes();
        }
        if (!wave.isEmpty()) {
            waves.add(wave);
        }
        return waves;
    }

    private final Lakehouse lake;
    private final Contract contract;
    private final FileStreams streams;
    private final Map<DeliveryFile, FileOutcome> outcomeOf;
    private final String batchId;
    private final Instant started;
    private final Consumer<String> progress;

    IngestWave(
            Lakehouse lake,
            Contract contract,
            FileStreams streams,
            Map<DeliveryFile, FileOutcome> outcomeOf,
            String batchId,
            Instant started,
            Consumer<String> progress) {
        this.lake = lake;
        this.contract = contract;
        this.streams = streams;
        this.outcomeOf = outcomeOf;
        this.batchId = batchId;
        this.started = started;
        this.progress = progress;
    }

    /**
     * Loads the wave and returns its files' outcomes, for the caller's ingest-log commit. A file
     * whose read failed is rejected, a file that changed since it was listed is skipped, and
     * neither has anything committed (the writes replace only the deliveries of the files written).
     */
    List<FileOutcome> load(List<Extract> wave) {
        long t0 = System.nanoTime();
        SparkSession spark = lake.spark();
        Map<ExtractSchema, Dataset<Row>> flagged = new LinkedHashMap<>();
        try {
            for (Extract e : wave) {
                Dataset<Row> raw = RawRecords.read(spark, e.tasks(), streams);
                flagged.put(
                        e.schema(),
                        IngestTransforms.rawOfQuarantinedOnly(
                                        IngestTransforms.flagDuplicates(
                                                IngestTransforms.validate(raw, e.schema()),
                                                e.schema()))
                                .persist(StorageLevel.MEMORY_AND_DISK()));
            }
            Map<String, FileCounts> counts = countPerFile(flagged.values());
            Map<ExtractSchema, List<RawRecords.FileTask>> written = new LinkedHashMap<>();
            for (Extract e : wave) {
                List<RawRecords.FileTask> ok = checked(e.tasks(), counts);
                if (!ok.isEmpty()) {
                    written.put(e.schema(), ok);
                }
            }
            if (!written.isEmpty()) {
                write(written, flagged, t0);
            }
        } finally {
            flagged.values().forEach(Dataset::unpersist);
        }
        return wave.stream()
                .flatMap(e -> e.tasks().stream())
                .map(t -> outcomeOf.get(t.file()))
                .toList();
    }

    /**
     * The files that read as the preflight saw them; the others are rejected (a failed read, a
     * different count) or skipped (changed since listed).
     */
    private List<RawRecords.FileTask> checked(
            List<RawRecords.FileTask> tasks, Map<String, FileCounts> counts) {
        List<RawRecords.FileTask> ok = new ArrayList<>();
        for (RawRecords.FileTask t : tasks) {
            FileOutcome o = outcomeOf.get(t.file());
            FileCounts c = counts.getOrDefault(o.path, FileCounts.NONE);
            if (IngestJob.stillChanging(streams, t.file(), -1)) {
                o.skip(IngestJob.STILL_CHANGING);
            } else if (c.failure() != null) {
                o.reject(c.failureCode(), "reading the file failed: " + c.failure());
            } else if (c.read() != o.read) {
                o.reject(
                        FileRejection.UNREADABLE.name(),
                        "the preflight counted "
                                + o.read
                                + " records but the read found "
                                + c.read()
                                + " (was the file rewritten meanwhile?)");
            } else {
                o.quarantined = c.quarantined();
                o.accepted = o.read - o.quarantined;
                o.byReason = c.byReason();
                ok.add(t);
            }
        }
        return ok;
    }

    /**
     * Quarantine (one commit), bronze (one commit per table, concurrently), then the read-back
     * reconciliation (one query).
     */
    private void write(
            Map<ExtractSchema, List<RawRecords.FileTask>> written,
            Map<ExtractSchema, Dataset<Row>> flagged,
            long t0) {
        Map<ExtractSchema, Dataset<Row>> rows = new LinkedHashMap<>();
        Map<ExtractSchema, List<LocalDate>> dates = new LinkedHashMap<>();
        Map<ExtractSchema, Long> bytes = new HashMap<>();
        for (Map.Entry<ExtractSchema, List<RawRecords.FileTask>> e : written.entrySet()) {
            bytes.put(e.getKey(), new Extract(e.getKey(), e.getValue()).textBytes());
            rows.put(
                    e.getKey(),
                    flagged.get(e.getKey())
                            .filter(
                                    col("_source_file")
                                            .isin(
                                                    e.getValue().stream()
                                                            .map(t -> t.file().relative())
                                                            .toArray()))
                            .coalesce(pieces(bytes.get(e.getKey()))));
            dates.put(e.getKey(), e.getValue().stream().map(t -> t.file().asOf()).toList());
        }
        List<RawRecords.FileTask> jsonl =
                written.values().stream()
                        .flatMap(List::stream)
                        .filter(t -> t.file().jsonl())
                        .toList();
        if (!jsonl.isEmpty()) {
            jsonlDrift(
                    union(
                            rows.entrySet().stream()
                                    .filter(
                                            e ->
                                                    written.get(e.getKey()).stream()
                                                            .anyMatch(t -> t.file().jsonl()))
                                    .map(e -> e.getValue().select("_source_file", "_extra"))
                                    .toList()),
                    jsonl);
        }
        BronzeWriter.writeQuarantine(
                lake,
                union(
                                rows.entrySet().stream()
                                        .map(
                                                e ->
                                                        IngestTransforms.quarantineRows(
                                                                e.getValue(),
                                                                e.getKey(),
                                                                batchId,
                                                                started))
                                        .toList())
                        // quarantined rows are few: as many pieces as the largest extract's
                        .coalesce(
                                pieces(bytes.values().stream().mapToLong(b -> b).max().orElse(0))),
                dates);
        Map<ExtractSchema, Long> versions = new ConcurrentHashMap<>();
        List<Runnable> writes = new ArrayList<>();
        for (ExtractSchema schema : written.keySet()) {
            writes.add(
                    () -> {
                        long version =
                                new BronzeWriter(lake, schema)
                                        .writeBronze(
                                                IngestTransforms.bronzeRows(
                                                        rows.get(schema), schema, batchId, started),
                                                dates.get(schema));
                        versions.put(schema, version);
                        CrashPoints.reached("ingest:bronze:" + schema.name());
                        List<FileOutcome> done =
                                written.get(schema).stream()
                                        .map(t -> outcomeOf.get(t.file()))
                                        .toList();
                        progress.accept(
                                String.format(
                                        "loaded bronze.%s: %d file(s), %d rows in %.1f s",
                                        schema.name(),
                                        done.size(),
                                        done.stream().mapToLong(o -> o.read).sum(),
                                        Timings.since(t0)));
                    });
        }
        Parallel.runAll("ingest", PARALLEL_WRITES, writes);
        reconcile(written, dates, versions);
    }

    private static Dataset<Row> union(List<Dataset<Row>> parts) {
        Dataset<Row> all = parts.get(0);
        for (int i = 1; i < parts.size(); i++) {
            all = all.unionAll(parts.get(i));
        }
        return all;
    }

    /**
     * One file as Spark read it: rows, quarantined rows by reason, or the failure that ended its
     * reading.
     */
    record FileCounts(
            long read,
            long quarantined,
            Map<String, Long> byReason,
            String failureCode,
            String failure) {
        static final FileCounts NONE = new FileCounts(0, 0, Map.of(), null, null);
    }

    /**
     * Per file of every extract of the wave: rows read, quarantined and by reason, or its failure,
     * as Spark saw them — one job, which also fills the extracts' caches.
     */
    private static Map<String, FileCounts> countPerFile(java.util.Collection<Dataset<Row>> all) {
        Column failure = when(col("_record_number").equalTo(RawRecords.FAILURE), col("_raw"));
        Dataset<Row> keys =
                union(
                        all.stream()
                                .map(
                                        f ->
                                                f.select(
                                                        col("_source_file"),
                                                        col(IngestTransforms.REASONS),
                                                        failure.as("_failure")))
                                .toList());
        Map<String, Long> read = new HashMap<>();
        Map<String, Long> quarantined = new HashMap<>();
        Map<String, Map<String, Long>> reasons = new HashMap<>();
        Map<String, String[]> failures = new HashMap<>();
        for (Row r :
                keys.groupBy(col("_source_file"), col(IngestTransforms.REASONS), col("_failure"))
                        .count()
                        .collectAsList()) {
            String file = r.getString(0);
            List<String> codes = r.getList(1);
            long n = r.getLong(3);
            if (!r.isNullAt(2)) {
                failures.put(file, new String[] {codes.get(0), r.getString(2)});
                continue;
            }
            read.merge(file, n, Long::sum);
            if (!codes.isEmpty()) {
                quarantined.merge(file, n, Long::sum);
                for (String code : codes) {
                    reasons.computeIfAbsent(file, k -> new TreeMap<>()).merge(code, n, Long::sum);
                }
            }
        }
        Map<String, FileCounts> out = new HashMap<>();
        Set<String> files = new HashSet<>(read.keySet());
        files.addAll(failures.keySet());
        for (String f : files) {
            String[] failed = failures.get(f);
            out.put(
                    f,
                    new FileCounts(
                            read.getOrDefault(f, 0L),
                            quarantined.getOrDefault(f, 0L),
                            reasons.getOrDefault(f, new TreeMap<>()),
                            failed == null ? null : failed[0],
                            failed == null ? null : failed[1]));
        }
        return out;
    }

    /**
     * JSONL drift: the keys outside the contract, per file (a CSV file's drift is its header's, at
     * preflight); {@code rows} holds {@code _source_file} and {@code _extra} of the written files.
     */
    private void jsonlDrift(Dataset<Row> rows, List<RawRecords.FileTask> jsonl) {
        int listed = contract.fileLimits().maxListedExtraColumns();
        Map<String, List<String>> names = new HashMap<>();
        Map<String, Long> unlisted = new HashMap<>();
        for (Row r :
                IngestTransforms.extraKeys(rows, contract.columnNames().anchoredRegex(), listed)
                        .orderBy("_source_file", "named", "i")
                        .collectAsList()) {
            String file = r.getString(0);
            boolean named = r.getBoolean(2);
            if (named && r.getInt(3) <= listed) {
                names.computeIfAbsent(file, k -> new ArrayList<>()).add(r.getString(1));
            }
            if (r.getInt(3) == 1) {
                long keys = r.getLong(4);
                unlisted.merge(file, named ? Math.max(0, keys - listed) : keys, Long::sum);
            }
        }
        for (RawRecords.FileTask t : jsonl) {
            FileOutcome o = outcomeOf.get(t.file());
            o.extraColumns = List.copyOf(names.getOrDefault(o.path, List.of()));
            o.extraColumnsUnlisted = unlisted.getOrDefault(o.path, 0L);
        }
    }

    /**
     * Reads every written delivery back from bronze and quarantine (one query): each file's rows
     * must all be in one of them, none twice, none lost.
     */
    private void reconcile(
            Map<ExtractSchema, List<RawRecords.FileTask>> written,
            Map<ExtractSchema, List<LocalDate>> dates,
            Map<ExtractSchema, Long> versions) {
        Map<String, Map<LocalDate, Long>> held = BronzeWriter.heldCounts(lake, dates);
        List<String> problems = new ArrayList<>();
        for (Map.Entry<ExtractSchema, List<RawRecords.FileTask>> e : written.entrySet()) {
            ExtractSchema schema = e.getKey();
            Map<LocalDate, Long> bronze =
                    held.getOrDefault(BronzeWriter.bronzeKey(schema), Map.of());
            Map<LocalDate, Long> quarantine =
                    held.getOrDefault(BronzeWriter.quarantineKey(schema), Map.of());
            for (RawRecords.FileTask t : e.getValue()) {
                FileOutcome o = outcomeOf.get(t.file());
                long b = bronze.getOrDefault(o.asOf, 0L);
                long q = quarantine.getOrDefault(o.asOf, 0L);
                if (b != o.accepted || q != o.quarantined || !o.reconciles()) {
                    problems.add(
                            "bronze."
                                    + schema.name()
                                    + " does not reconcile: "
                                    + o.path
                                    + ": read "
                                    + o.read
                                    + ", accepted "
                                    + o.accepted
                                    + " but bronze holds "
                                    + b
                                    + ", quarantined "
                                    + o.quarantined
                                    + " but quarantine holds "
                                    + q);
                }
                o.status = FileOutcome.Status.LOADED;
                o.bronzeVersion = versions.get(schema);
            }
        }
        if (!problems.isEmpty()) {
            throw new ReconciliationException(String.join("; ", problems));
        }
    }
}
