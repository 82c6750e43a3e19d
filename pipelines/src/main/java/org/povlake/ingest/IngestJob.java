package org.povlake.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.when;

import java.io.IOException;
import java.nio.charset.Charset;
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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.povlake.contract.Contract;
import org.povlake.contract.ExtractSchema;
import org.povlake.contract.FileLimits;
import org.povlake.contract.FileRejection;
import org.povlake.lake.CodeGeneration;
import org.povlake.lake.Lakehouse;
import org.povlake.lake.Parallel;
import org.povlake.ops.CrashPoints;
import org.povlake.ops.RunContext;
import org.povlake.ops.Timings;

/**
 * {@code povlake ingest}: every file of the inbox into bronze (or quarantine), loss-free and
 * idempotent. Per extract: preflight every file → read and validate on Spark → quarantine commit →
 * bronze commit → reconcile by reading both back → ingest-log commit. A crash between commits is
 * repaired by the next run: a file without its log row is loaded again, and every write replaces
 * exactly its own delivery.
 *
 * <p>Whatever one file does, it is that file's outcome, never the run's: a path that is not a
 * regular file, a limit broken, any failure while it is checked or read rejects that file alone
 * (before anything of it is committed); a file whose size or modification time changed since the
 * inbox was listed is still being uploaded and is skipped, for a later run.
 */
public final class IngestJob {
    public static final String BRONZE_QUARANTINE = "bronze.quarantine";
    public static final String INGEST_LOG = "ops.ingest_log";

    /**
     * Extracts loaded at once: most of a small extract's time is Delta's commit latency, not CPU.
     */
    static final int PARALLEL_EXTRACTS = 4;

    /**
     * The run's options. {@code allowShrink}: inbox-relative paths of snapshots allowed to shrink
     * by half; {@code limits}: the per-file limits (the contract's, or the operator's for this
     * run).
     */
    public record Options(
            String inbox, Charset charset, Set<String> allowShrink, FileLimits limits) {
        /** Options with the contract's limits. */
        public Options(String inbox, Charset charset, Set<String> allowShrink) {
            this(inbox, charset, allowShrink, Contract.get().fileLimits());
        }
    }

    /** The run's outcome. */
    public record Result(
            String batchId, Instant startedAt, Instant finishedAt, List<FileOutcome> files) {
        public boolean anyRejected() {
            return files.stream().anyMatch(f -> f.status == FileOutcome.Status.REJECTED);
        }

        public long total(java.util.function.ToLongFunction<FileOutcome> f) {
            return files.stream().mapToLong(f).sum();
        }
    }

    private final Lakehouse lake;
    private final Contract contract;
    private final Consumer<String> progress;

    public IngestJob(Lakehouse lake, Contract contract, Consumer<String> progress) {
        this.lake = lake;
        this.contract = contract;
        this.progress = progress;
    }

    /** An ingest run on its own (its batch id is a new run's). */
    public Result run(Options options) throws IOException {
        return run(options, RunContext.start("ingest"));
    }

    /** Ingests as part of {@code run}: the batch id is the run's id. */
    public Result run(Options options, RunContext run) throws IOException {
        Instant started = Instant.now();
        String batchId = run.runId();
        SparkSession spark = lake.spark();
        FileStreams streams =
                new FileStreams(spark.sparkContext().hadoopConfiguration(), options.limits());
        IngestLog log = new IngestLog(lake);

        List<InboxScanner.Found> found =
                InboxScanner.scan(options.inbox(), streams.configuration(), contract);
        List<FileOutcome> outcomes = new ArrayList<>();
        List<DeliveryFile> deliveries = new ArrayList<>();
        Map<DeliveryFile, FileOutcome> outcomeOf = new HashMap<>();
        for (InboxScanner.Found f : found) {
            FileOutcome o = FileOutcome.of(f.relative(), f.bytes());
            outcomes.add(o);
            DeliveryFile d = f.delivery();
            if (d != null) {
                o.source = d.source();
                o.extract = d.extract();
                o.asOf = d.asOf();
            }
            if (f.rejection() != null) {
                o.reject(f.rejection().name(), f.message());
                continue;
            }
            deliveries.add(d);
            outcomeOf.put(d, o);
        }
        rejectAmbiguous(deliveries, outcomeOf);
        // the text to parse (a gzip file holds about six times its size)
        CodeGeneration.fit(
                spark,
                deliveries.stream().mapToLong(d -> d.gzip() ? 6 * d.bytes() : d.bytes()).sum());
        Map<DeliveryFile, Preflight.Result> preflights =
                preflight(streams, deliveries, outcomeOf, options.charset());
        log.create();
        Map<String, IngestLog.Loaded> current = log.currentDeliveries();

        Map<ExtractSchema, List<RawRecords.FileTask>> plan = new LinkedHashMap<>();
        for (ExtractSchema schema : contract.extracts().values()) {
            List<DeliveryFile> files =
                    deliveries.stream()
                            .filter(
                                    d ->
                                            d.schemaName().equals(schema.name())
                                                    && outcomeOf.get(d).status == null)
                            .sorted(Comparator.comparing(DeliveryFile::asOf))
                            .toList();
            List<RawRecords.FileTask> tasks = new ArrayList<>();
            for (DeliveryFile d : files) {
                FileOutcome o = outcomeOf.get(d);
                Preflight.Result p = preflights.get(d);
                String key = IngestLog.key(d.source(), d.extract(), d.asOf());
                IngestLog.Loaded same = current.get(key);
                if (same != null && same.sha256().equals(p.sha256())) {
                    o.skip("byte-identical to the delivery loaded by " + same.batchId());
                    continue;
                }
                if (schema.isSnapshot()
                        && !shrinkAllowed(d, p, o, current, options.allowShrink())) {
                    continue;
                }
                tasks.add(new RawRecords.FileTask(d, p.sha256(), p.charset(), p.header()));
                current.put(
                        key,
                        new IngestLog.Loaded(
                                p.sha256(), p.records(), p.lines(), batchId)); // as it will be
            }
            if (!tasks.isEmpty()) {
                plan.put(schema, tasks);
            }
        }
        if (!plan.isEmpty()) {
            BronzeWriter.createQuarantine(lake);
        }
        loadAll(plan, outcomeOf, streams, log, batchId, started);
        Set<FileOutcome> planned = new HashSet<>();
        plan.values().forEach(ts -> ts.forEach(t -> planned.add(outcomeOf.get(t.file()))));
        List<FileOutcome> rest = outcomes.stream().filter(o -> !planned.contains(o)).toList();
        if (!rest.isEmpty()) {
            log.append(batchId, started, rest);
        }
        return new Result(batchId, started, Instant.now(), outcomes);
    }

    /**
     * Loads the extracts concurrently: each extract's commits touch only its own bronze table, its
     * own quarantine partition and appends to the log, so they never conflict; Spark shares the
     * cores.
     */
    private void loadAll(
            Map<ExtractSchema, List<RawRecords.FileTask>> plan,
            Map<DeliveryFile, FileOutcome> outcomeOf,
            FileStreams streams,
            IngestLog log,
            String batchId,
            Instant started) {
        List<Runnable> tasks = new ArrayList<>();
        // largest first: the biggest extract is the critical path, so it must not wait for a free
        // slot
        List<Map.Entry<ExtractSchema, List<RawRecords.FileTask>>> largestFirst =
                new ArrayList<>(plan.entrySet());
        largestFirst.sort(
                Comparator.comparingLong(
                                (Map.Entry<ExtractSchema, List<RawRecords.FileTask>> e) ->
                                        e.getValue().stream()
                                                .mapToLong(t -> t.file().bytes())
                                                .sum())
                        .reversed());
        for (Map.Entry<ExtractSchema, List<RawRecords.FileTask>> e : largestFirst) {
            tasks.add(
                    () -> {
                        ExtractSchema schema = e.getKey();
                        long t0 = System.nanoTime();
                        load(schema, e.getValue(), outcomeOf, streams, batchId, started);
                        List<FileOutcome> done =
                                e.getValue().stream().map(t -> outcomeOf.get(t.file())).toList();
                        log.append(batchId, started, done);
                        List<FileOutcome> loaded =
                                done.stream()
                                        .filter(o -> o.status == FileOutcome.Status.LOADED)
                                        .toList();
                        progress.accept(
                                String.format(
                                        "loaded bronze.%s: %d file(s), %d rows in %.1f s",
                                        schema.name(),
                                        loaded.size(),
                                        loaded.stream().mapToLong(o -> o.read).sum(),
                                        Timings.since(t0)));
                    });
        }
        Parallel.runAll("ingest", PARALLEL_EXTRACTS, tasks);
    }

    /**
     * Two files in one inbox for the same extract and date: neither is loaded (no guessing which is
     * meant).
     */
    private static void rejectAmbiguous(
            List<DeliveryFile> deliveries, Map<DeliveryFile, FileOutcome> outcomeOf) {
        Map<String, List<DeliveryFile>> byKey = new LinkedHashMap<>();
        for (DeliveryFile d : deliveries) {
            byKey.computeIfAbsent(
                            IngestLog.key(d.source(), d.extract(), d.asOf()),
                            k -> new ArrayList<>())
                    .add(d);
        }
        for (List<DeliveryFile> same : byKey.values()) {
            if (same.size() > 1) {
                for (DeliveryFile d : same) {
                    outcomeOf
                            .get(d)
                            .reject(
                                    FileRejection.AMBIGUOUS_DELIVERY.name(),
                                    "another file in this inbox ("
                                            + same.stream()
                                                    .filter(x -> x != d)
                                                    .map(DeliveryFile::relative)
                                                    .toList()
                                            + ") delivers the same extract and as-of date");
                }
            }
        }
    }

    /**
     * Checks every file on the driver, concurrently. A file whose preflight failed in any way is
     * rejected with the cause; a file that changed while it was read (its size or modification
     * time, or the bytes read, differ from the listing) is skipped, whatever the preflight found:
     * it is still being uploaded.
     */
    private Map<DeliveryFile, Preflight.Result> preflight(
            FileStreams streams,
            List<DeliveryFile> deliveries,
            Map<DeliveryFile, FileOutcome> outcomeOf,
            Charset charset) {
        ExecutorService pool =
                Executors.newFixedThreadPool(
                        Math.max(1, Runtime.getRuntime().availableProcessors()));
        try {
            Map<DeliveryFile, Future<Preflight.Result>> futures = new LinkedHashMap<>();
            for (DeliveryFile d : deliveries) {
                if (outcomeOf.get(d).status == null) {
                    ExtractSchema schema = contract.extract(d.source(), d.extract()).orElseThrow();
                    futures.put(
                            d,
                            pool.submit(
                                    () ->
                                            Preflight.run(
                                                    streams,
                                                    d,
                                                    schema,
                                                    charset,
                                                    contract.columnNames())));
                }
            }
            Map<DeliveryFile, Preflight.Result> results = new HashMap<>();
            for (Map.Entry<DeliveryFile, Future<Preflight.Result>> e : futures.entrySet()) {
                DeliveryFile d = e.getKey();
                Preflight.Result p;
                try {
                    p = e.getValue().get();
                } catch (ExecutionException failed) {
                    p =
                            Preflight.Result.rejected(
                                    null,
                                    -1,
                                    FileRejection.UNREADABLE,
                                    "reading the file failed: "
                                            + RejectedFileException.describe(failed.getCause()));
                }
                FileOutcome o = outcomeOf.get(d);
                o.sha256 = p.sha256();
                o.charset = p.charset();
                o.blankLines = p.blankLines();
                if (stillChanging(streams, d, p.rawBytes())) {
                    o.skip(STILL_CHANGING);
                    continue;
                }
                if (p.header() != null) {
                    listExtraColumns(o, p.header().extraColumns());
                    o.missingOptionalColumns = p.header().missingOptional();
                }
                if (p.rejection() != null) {
                    o.reject(p.rejection().name(), p.message());
                } else {
                    o.read = p.records();
                    o.lines = p.lines();
                }
                results.put(d, p);
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the inbox", e);
        } finally {
            pool.shutdownNow();
        }
    }

    static final String STILL_CHANGING =
            "the file changed while it was read (size or modification time): it is"
                    + " still being written, and is left for a later run";

    /**
     * True when the file no longer looks as it did when the inbox was listed, or {@code bytesRead}
     * (when known, not -1) differ from its listed size: it is being written (or replaced) now.
     */
    private static boolean stillChanging(FileStreams streams, DeliveryFile d, long bytesRead) {
        if (bytesRead >= 0 && bytesRead != d.bytes()) {
            return true;
        }
        try {
            return !streams.stamp(d.path()).equals(d.stamp());
        } catch (IOException gone) {
            return true;
        }
    }

    /**
     * A CSV file's drift: its header's extra columns (all column names: the header passed that
     * check), listed up to the limit and counted beyond it.
     */
    private void listExtraColumns(FileOutcome o, List<String> names) {
        int listed = Math.min(names.size(), contract.fileLimits().maxListedExtraColumns());
        o.extraColumns = List.copyOf(names.subList(0, listed));
        o.extraColumnsUnlisted = names.size() - listed;
    }

    /**
     * A snapshot with fewer than half the rows of the previous snapshot of its extract is rejected
     * unless the operator allowed it for that file; an empty snapshot never replaces a non-empty
     * one of the same date. Rows are counted as records and as the physical lines they span: fewer
     * than half the lines of the previous snapshot is a shrink too, and so is a snapshot whose
     * records are fewer than half its lines in proportion to the previous snapshot's (lines merged
     * into records: a stray quote swallowing rows shrinks the records, not the file).
     */
    private static boolean shrinkAllowed(
            DeliveryFile d,
            Preflight.Result p,
            FileOutcome o,
            Map<String, IngestLog.Loaded> current,
            Set<String> allow) {
        IngestLog.Loaded sameDate = current.get(IngestLog.key(d.source(), d.extract(), d.asOf()));
        if (p.records() == 0 && sameDate != null && sameDate.rowsRead() > 0) {
            o.reject(
                    FileRejection.EMPTY_SNAPSHOT.name(),
                    "an empty snapshot never replaces the non-empty delivery ("
                            + sameDate.rowsRead()
                            + " rows) loaded by "
                            + sameDate.batchId());
            return false;
        }
        IngestLog.Loaded previous = null;
        LocalDate previousDate = null;
        String prefix = d.source() + "/" + d.extract() + "/";
        for (Map.Entry<String, IngestLog.Loaded> e : current.entrySet()) {
            if (!e.getKey().startsWith(prefix)) {
                continue;
            }
            LocalDate date = LocalDate.parse(e.getKey().substring(prefix.length()));
            if (!date.isAfter(d.asOf()) && (previousDate == null || date.isAfter(previousDate))) {
                previousDate = date;
                previous = e.getValue();
            }
        }
        if (previous == null) {
            return true;
        }
        String shrink = null;
        String was =
                previous.rowsRead()
                        + " records"
                        + (previous.lines() == null ? "" : " on " + previous.lines() + " lines");
        if (p.records() * 2 < previous.rowsRead()) {
            shrink =
                    p.records()
                            + " rows, fewer than half the "
                            + previous.rowsRead()
                            + " of the snapshot of "
                            + previousDate
                            + " (a truncated export?)";
        } else if (previous.lines() != null && p.lines() * 2 < previous.lines()) {
            shrink =
                    p.lines()
                            + " lines, fewer than half the "
                            + previous.lines()
                            + " of the snapshot of "
                            + previousDate
                            + " (a truncated export?)";
        } else if (previous.lines() != null
                && previous.lines() > 0
                && p.records() * previous.lines() * 2 < previous.rowsRead() * p.lines()) {
            shrink =
                    p.records()
                            + " records on "
                            + p.lines()
                            + " lines, where the snapshot of "
                            + previousDate
                            + " had "
                            + was
                            + ": lines were merged into records (a stray quote swallowing rows?)";
        }
        if (shrink == null) {
            return true;
        }
        if (allow.contains(d.relative())) {
            o.message =
                    "allowed by the operator to shrink from "
                            + was
                            + " ("
                            + previousDate
                            + ") to "
                            + p.records()
                            + " records on "
                            + p.lines()
                            + " lines";
            return true;
        }
        o.reject(
                FileRejection.SNAPSHOT_SHRANK.name(),
                shrink + "; pass --allow-shrink " + d.relative() + " if it is right");
        return false;
    }

    /**
     * Reads and validates the extract's files in one Spark job, then writes the files that read as
     * the preflight saw them: a file whose read failed is rejected, a file that changed since it
     * was listed is skipped, and neither has anything committed (the writes replace only the dates
     * of the files written).
     */
    private void load(
            ExtractSchema schema,
            List<RawRecords.FileTask> tasks,
            Map<DeliveryFile, FileOutcome> outcomeOf,
            FileStreams streams,
            String batchId,
            Instant started) {
        SparkSession spark = lake.spark();
        Dataset<Row> raw = RawRecords.read(spark, tasks, streams);
        Dataset<Row> flagged =
                IngestTransforms.flagDuplicates(IngestTransforms.validate(raw, schema), schema)
                        .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            Map<String, FileCounts> counts = countPerFile(flagged);
            List<RawRecords.FileTask> written = new ArrayList<>();
            for (RawRecords.FileTask t : tasks) {
                FileOutcome o = outcomeOf.get(t.file());
                FileCounts c = counts.getOrDefault(o.path, FileCounts.NONE);
                if (stillChanging(streams, t.file(), -1)) {
                    o.skip(STILL_CHANGING);
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
                    written.add(t);
                }
            }
            if (written.isEmpty()) {
                return;
            }
            Dataset<Row> rows =
                    flagged.filter(
                            col("_source_file")
                                    .isin(
                                            written.stream()
                                                    .map(t -> t.file().relative())
                                                    .toArray()));
            if (written.stream().anyMatch(t -> t.file().jsonl())) {
                jsonlDrift(rows, written, outcomeOf);
            }
            List<LocalDate> dates = written.stream().map(t -> t.file().asOf()).toList();
            BronzeWriter writer = new BronzeWriter(lake, schema);
            writer.writeQuarantine(
                    IngestTransforms.quarantineRows(rows, schema, batchId, started), dates);
            long version =
                    writer.writeBronze(
                            IngestTransforms.bronzeRows(rows, schema, batchId, started), dates);
            CrashPoints.reached("ingest:bronze:" + schema.name());
            reconcile(schema, writer, written, outcomeOf, version);
        } finally {
            flagged.unpersist();
        }
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
     * Per file: rows read, quarantined and by reason, or its failure, as Spark saw them (one small
     * aggregation).
     */
    private static Map<String, FileCounts> countPerFile(Dataset<Row> flagged) {
        Map<String, Long> read = new HashMap<>();
        Map<String, Long> quarantined = new HashMap<>();
        Map<String, Map<String, Long>> reasons = new HashMap<>();
        Map<String, String[]> failures = new HashMap<>();
        Column failure = when(col("_record_number").equalTo(RawRecords.FAILURE), col("_raw"));
        for (Row r :
                flagged.groupBy(
                                col("_source_file"),
                                col(IngestTransforms.REASONS),
                                failure.as("_failure"))
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
                    reasons.computeIfAbsent(file, k -> new java.util.TreeMap<>())
                            .merge(code, n, Long::sum);
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
                            reasons.getOrDefault(f, new java.util.TreeMap<>()),
                            failed == null ? null : failed[0],
                            failed == null ? null : failed[1]));
        }
        return out;
    }

    /**
     * JSONL drift: the keys outside the contract, per file (a CSV file's drift is its header's, at
     * preflight).
     */
    private void jsonlDrift(
            Dataset<Row> rows,
            List<RawRecords.FileTask> written,
            Map<DeliveryFile, FileOutcome> outcomeOf) {
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
        for (RawRecords.FileTask t : written) {
            if (t.file().jsonl()) {
                FileOutcome o = outcomeOf.get(t.file());
                o.extraColumns = List.copyOf(names.getOrDefault(o.path, List.of()));
                o.extraColumnsUnlisted = unlisted.getOrDefault(o.path, 0L);
            }
        }
    }

    /**
     * Reads both tables back: each file's rows must all be in bronze or quarantine, none twice,
     * none lost.
     */
    private static void reconcile(
            ExtractSchema schema,
            BronzeWriter writer,
            List<RawRecords.FileTask> tasks,
            Map<DeliveryFile, FileOutcome> outcomeOf,
            long version) {
        Map<LocalDate, Long> bronze =
                writer.bronzeCounts(tasks.stream().map(t -> t.file().asOf()).toList());
        Map<LocalDate, Long> quarantine =
                writer.quarantineCounts(tasks.stream().map(t -> t.file().asOf()).toList());
        Set<String> problems = new HashSet<>();
        for (RawRecords.FileTask t : tasks) {
            FileOutcome o = outcomeOf.get(t.file());
            long b = bronze.getOrDefault(o.asOf, 0L);
            long q = quarantine.getOrDefault(o.asOf, 0L);
            if (b != o.accepted || q != o.quarantined || !o.reconciles()) {
                problems.add(
                        o.path
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
            o.bronzeVersion = version;
        }
        if (!problems.isEmpty()) {
            throw new ReconciliationException(
                    "bronze."
                            + schema.name()
                            + " does not reconcile: "
                            + String.join("; ", problems));
        }
    }
}
