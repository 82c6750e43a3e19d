package org.povlake.ingest;

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
import org.apache.spark.sql.SparkSession;
import org.povlake.contract.Contract;
import org.povlake.contract.ExtractSchema;
import org.povlake.contract.FileLimits;
import org.povlake.contract.FileRejection;
import org.povlake.lake.CodeGeneration;
import org.povlake.lake.Lakehouse;
import org.povlake.ops.RunContext;

/**
 * {@code povlake ingest}: every file of the inbox into bronze (or quarantine), loss-free and
 * idempotent. Every file is preflighted on the driver; then the extracts load in {@link IngestWave
 * waves} (the sample's inbox is one): read and validate on Spark → one quarantine commit → one
 * bronze commit per extract → reconcile by reading both back → one ingest-log commit. A crash
 * between commits is repaired by the next run: a file without its log row is loaded again, and
 * every write replaces exactly its own delivery.
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
        Set<FileOutcome> planned = new HashSet<>();
        plan.values().forEach(ts -> ts.forEach(t -> planned.add(outcomeOf.get(t.file()))));
        List<FileOutcome> rest = outcomes.stream().filter(o -> !planned.contains(o)).toList();
        IngestWave loader =
                new IngestWave(lake, contract, streams, outcomeOf, batchId, started, progress);
        List<List<IngestWave.Extract>> waves =
                IngestWave.plan(
                        plan.entrySet().stream()
                                .map(e -> new IngestWave.Extract(e.getKey(), e.getValue()))
                                .toList(),
                        IngestWave.WAVE_BYTES);
        for (int i = 0; i < waves.size(); i++) {
            List<FileOutcome> done = new ArrayList<>(loader.load(waves.get(i)));
            if (i == waves.size() - 1) {
                done.addAll(rest); // one log commit for the last wave and the files not loaded
            }
            log.append(batchId, started, done);
        }
        if (waves.isEmpty() && !rest.isEmpty()) {
            log.append(batchId, started, rest);
        }
        return new Result(batchId, started, Instant.now(), outcomes);
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
    static boolean stillChanging(FileStreams streams, DeliveryFile d, long bytesRead) {
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
}
