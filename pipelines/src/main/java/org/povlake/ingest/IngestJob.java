package org.povlake.ingest;

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

import java.io.IOException;
import java.nio.charset.Charset;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import static org.apache.spark.sql.functions.col;

/**
 * {@code povlake ingest}: every file of the inbox into bronze (or quarantine), loss-free and idempotent.
 * Per extract: preflight every file → read and validate on Spark → quarantine commit → bronze commit →
 * reconcile by reading both back → ingest-log commit. A crash between commits is repaired by the next run:
 * a file without its log row is loaded again, and every write replaces exactly its own delivery.
 */
public final class IngestJob {
    public static final String BRONZE_QUARANTINE = "bronze.quarantine";
    public static final String INGEST_LOG = "ops.ingest_log";
    /** Extracts loaded at once: most of a small extract's time is Delta's commit latency, not CPU. */
    static final int PARALLEL_EXTRACTS = 4;

    /** The run's options. {@code allowShrink}: inbox-relative paths of snapshots allowed to shrink by half. */
    public record Options(String inbox, Charset charset, Set<String> allowShrink) {
    }

    /** The run's outcome. */
    public record Result(String batchId, Instant startedAt, Instant finishedAt, List<FileOutcome> files) {
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

    public Result run(Options options) throws IOException {
        Instant started = Instant.now();
        String batchId = "ingest-" + DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC)
                .format(started) + "-" + UUID.randomUUID().toString().substring(0, 8);
        SparkSession spark = lake.spark();
        FileStreams streams = new FileStreams(spark.sparkContext().hadoopConfiguration());
        IngestLog log = new IngestLog(lake);

        List<InboxScanner.Found> found = InboxScanner.scan(options.inbox(), streams.configuration(), contract);
        List<FileOutcome> outcomes = new ArrayList<>();
        List<DeliveryFile> deliveries = new ArrayList<>();
        Map<DeliveryFile, FileOutcome> outcomeOf = new HashMap<>();
        for (InboxScanner.Found f : found) {
            FileOutcome o = FileOutcome.of(f.relative(), f.bytes());
            outcomes.add(o);
            if (f.rejection() != null) {
                o.reject(f.rejection().name(), f.message());
                continue;
            }
            DeliveryFile d = f.delivery();
            o.source = d.source();
            o.extract = d.extract();
            o.asOf = d.asOf();
            deliveries.add(d);
            outcomeOf.put(d, o);
        }
        rejectAmbiguous(deliveries, outcomeOf);
        Map<DeliveryFile, Preflight.Result> preflights = preflight(streams, deliveries, outcomeOf, options.charset());
        Map<String, IngestLog.Loaded> current = log.currentDeliveries();

        Map<ExtractSchema, List<RawRecords.FileTask>> plan = new LinkedHashMap<>();
        for (ExtractSchema schema : contract.extracts().values()) {
            List<DeliveryFile> files = deliveries.stream()
                    .filter(d -> d.schemaName().equals(schema.name()) && outcomeOf.get(d).status == null)
                    .sorted(Comparator.comparing(DeliveryFile::asOf)).toList();
            List<RawRecords.FileTask> tasks = new ArrayList<>();
            for (DeliveryFile d : files) {
                FileOutcome o = outcomeOf.get(d);
                Preflight.Result p = preflights.get(d);
                String key = IngestLog.key(d.source(), d.extract(), d.asOf());
                IngestLog.Loaded same = current.get(key);
                if (same != null && same.sha256().equals(p.sha256())) {
                    o.status = FileOutcome.Status.SKIPPED;
                    o.message = "byte-identical to the delivery loaded by " + same.batchId();
                    continue;
                }
                if (schema.isSnapshot() && !shrinkAllowed(d, p, o, current, options.allowShrink())) {
                    continue;
                }
                tasks.add(new RawRecords.FileTask(d, p.sha256(), p.charset(), p.header()));
                current.put(key, new IngestLog.Loaded(p.sha256(), p.records(), batchId)); // as it will be
            }
            if (!tasks.isEmpty()) {
                plan.put(schema, tasks);
            }
        }
        log.create();
        if (!plan.isEmpty()) {
            BronzeWriter.createQuarantine(lake);
        }
        loadAll(plan, outcomeOf, streams, log, batchId, started);
        List<FileOutcome> rest = outcomes.stream().filter(o -> o.status != FileOutcome.Status.LOADED).toList();
        if (!rest.isEmpty()) {
            log.append(batchId, started, rest);
        }
        return new Result(batchId, started, Instant.now(), outcomes);
    }

    /**
     * Loads the extracts concurrently: each extract's commits touch only its own bronze table, its own
     * quarantine partition and appends to the log, so they never conflict; Spark shares the cores.
     */
    private void loadAll(Map<ExtractSchema, List<RawRecords.FileTask>> plan, Map<DeliveryFile, FileOutcome> outcomeOf,
                         FileStreams streams, IngestLog log, String batchId, Instant started) {
        List<Runnable> tasks = new ArrayList<>();
        // largest first: the biggest extract is the critical path, so it must not wait for a free slot
        List<Map.Entry<ExtractSchema, List<RawRecords.FileTask>>> largestFirst = new ArrayList<>(plan.entrySet());
        largestFirst.sort(Comparator.comparingLong((Map.Entry<ExtractSchema, List<RawRecords.FileTask>> e) ->
                e.getValue().stream().mapToLong(t -> t.file().bytes()).sum()).reversed());
        for (Map.Entry<ExtractSchema, List<RawRecords.FileTask>> e : largestFirst) {
            tasks.add(() -> {
                ExtractSchema schema = e.getKey();
                long t0 = System.nanoTime();
                load(schema, e.getValue(), outcomeOf, streams, batchId, started);
                log.append(batchId, started, e.getValue().stream().map(t -> outcomeOf.get(t.file())).toList());
                long rows = e.getValue().stream().mapToLong(t -> outcomeOf.get(t.file()).read).sum();
                progress.accept(String.format("loaded bronze.%s: %d file(s), %d rows in %.1f s", schema.name(),
                        e.getValue().size(), rows, (System.nanoTime() - t0) / 1e9));
            });
        }
        Parallel.runAll("ingest", PARALLEL_EXTRACTS, tasks);
    }

    /** Two files in one inbox for the same extract and date: neither is loaded (no guessing which is meant). */
    private static void rejectAmbiguous(List<DeliveryFile> deliveries, Map<DeliveryFile, FileOutcome> outcomeOf) {
        Map<String, List<DeliveryFile>> byKey = new LinkedHashMap<>();
        for (DeliveryFile d : deliveries) {
            byKey.computeIfAbsent(IngestLog.key(d.source(), d.extract(), d.asOf()), k -> new ArrayList<>()).add(d);
        }
        for (List<DeliveryFile> same : byKey.values()) {
            if (same.size() > 1) {
                for (DeliveryFile d : same) {
                    outcomeOf.get(d).reject(FileRejection.AMBIGUOUS_DELIVERY.name(), "another file in this inbox ("
                            + same.stream().filter(x -> x != d).map(DeliveryFile::relative).toList()
                            + ") delivers the same extract and as-of date");
                }
            }
        }
    }

    private Map<DeliveryFile, Preflight.Result> preflight(FileStreams streams, List<DeliveryFile> deliveries,
                                                          Map<DeliveryFile, FileOutcome> outcomeOf, Charset charset) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()));
        try {
            Map<DeliveryFile, Future<Preflight.Result>> futures = new LinkedHashMap<>();
            for (DeliveryFile d : deliveries) {
                if (outcomeOf.get(d).status == null) {
                    ExtractSchema schema = contract.extract(d.source(), d.extract()).orElseThrow();
                    futures.put(d, pool.submit(() -> Preflight.run(streams, d, schema, charset)));
                }
            }
            Map<DeliveryFile, Preflight.Result> results = new HashMap<>();
            for (Map.Entry<DeliveryFile, Future<Preflight.Result>> e : futures.entrySet()) {
                Preflight.Result p = e.getValue().get();
                FileOutcome o = outcomeOf.get(e.getKey());
                o.sha256 = p.sha256();
                o.charset = p.charset();
                o.blankLines = p.blankLines();
                if (p.header() != null) {
                    o.extraColumns = p.header().extraColumns();
                    o.missingOptionalColumns = p.header().missingOptional();
                }
                if (p.rejection() != null) {
                    o.reject(p.rejection().name(), p.message());
                } else {
                    o.read = p.records();
                }
                results.put(e.getKey(), p);
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the inbox", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("reading the inbox failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * A snapshot with fewer than half the rows of the previous snapshot of its extract is rejected unless the
     * operator allowed it for that file; an empty snapshot never replaces a non-empty one of the same date.
     */
    private static boolean shrinkAllowed(DeliveryFile d, Preflight.Result p, FileOutcome o,
                                         Map<String, IngestLog.Loaded> current, Set<String> allow) {
        IngestLog.Loaded sameDate = current.get(IngestLog.key(d.source(), d.extract(), d.asOf()));
        if (p.records() == 0 && sameDate != null && sameDate.rowsRead() > 0) {
            o.reject(FileRejection.EMPTY_SNAPSHOT.name(), "an empty snapshot never replaces the non-empty delivery ("
                    + sameDate.rowsRead() + " rows) loaded by " + sameDate.batchId());
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
        if (previous != null && p.records() * 2 < previous.rowsRead()) {
            if (allow.contains(d.relative())) {
                o.message = "allowed by the operator to shrink from " + previous.rowsRead() + " rows (" + previousDate
                        + ") to " + p.records();
                return true;
            }
            o.reject(FileRejection.SNAPSHOT_SHRANK.name(), p.records() + " rows, fewer than half the "
                    + previous.rowsRead() + " of the snapshot of " + previousDate
                    + " (a truncated export?); pass --allow-shrink " + d.relative() + " if it is right");
            return false;
        }
        return true;
    }

    private void load(ExtractSchema schema, List<RawRecords.FileTask> tasks, Map<DeliveryFile, FileOutcome> outcomeOf,
                      FileStreams streams, String batchId, Instant started) {
        SparkSession spark = lake.spark();
        Dataset<Row> raw = RawRecords.read(spark, tasks, streams);
        Dataset<Row> flagged = IngestTransforms.flagDuplicates(IngestTransforms.validate(raw, schema), schema)
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            Map<String, FileOutcome> byPath = new HashMap<>();
            tasks.forEach(t -> byPath.put(t.file().relative(), outcomeOf.get(t.file())));
            countPerFile(flagged, byPath);
            List<LocalDate> dates = tasks.stream().map(t -> t.file().asOf()).toList();
            BronzeWriter writer = new BronzeWriter(lake, schema);
            writer.writeQuarantine(IngestTransforms.quarantineRows(flagged, schema, batchId, started), dates);
            long version = writer.writeBronze(IngestTransforms.bronzeRows(flagged, schema, batchId, started), dates);
            CrashPoints.reached("ingest:bronze:" + schema.name());
            reconcile(schema, writer, tasks, outcomeOf, version);
        } finally {
            flagged.unpersist();
        }
    }

    /** Per file: rows read, accepted, quarantined and by reason, as Spark saw them (one small aggregation). */
    private static void countPerFile(Dataset<Row> flagged, Map<String, FileOutcome> byPath) {
        Map<String, Long> read = new HashMap<>();
        Map<String, Long> quarantined = new HashMap<>();
        Map<String, Map<String, Long>> reasons = new HashMap<>();
        for (Row r : flagged.groupBy(col("_source_file"), col(IngestTransforms.REASONS)).count().collectAsList()) {
            String file = r.getString(0);
            List<String> codes = r.getList(1);
            long n = r.getLong(2);
            read.merge(file, n, Long::sum);
            if (!codes.isEmpty()) {
                quarantined.merge(file, n, Long::sum);
                for (String code : codes) {
                    reasons.computeIfAbsent(file, k -> new java.util.TreeMap<>()).merge(code, n, Long::sum);
                }
            }
        }
        for (Map.Entry<String, FileOutcome> e : byPath.entrySet()) {
            FileOutcome o = e.getValue();
            long sparkRead = read.getOrDefault(e.getKey(), 0L);
            if (sparkRead != o.read) {
                throw new ReconciliationException(e.getKey() + ": the preflight counted " + o.read
                        + " records but Spark read " + sparkRead + "; nothing of this extract was written");
            }
            o.quarantined = quarantined.getOrDefault(e.getKey(), 0L);
            o.accepted = o.read - o.quarantined;
            o.byReason = reasons.getOrDefault(e.getKey(), new java.util.TreeMap<>());
        }
    }

    /** Reads both tables back: each file's rows must all be in bronze or quarantine, none twice, none lost. */
    private static void reconcile(ExtractSchema schema, BronzeWriter writer, List<RawRecords.FileTask> tasks,
                                  Map<DeliveryFile, FileOutcome> outcomeOf, long version) {
        Map<LocalDate, Long> bronze = writer.bronzeCounts(tasks.stream().map(t -> t.file().asOf()).toList());
        Map<LocalDate, Long> quarantine = writer.quarantineCounts(tasks.stream().map(t -> t.file().asOf()).toList());
        Set<String> problems = new HashSet<>();
        for (RawRecords.FileTask t : tasks) {
            FileOutcome o = outcomeOf.get(t.file());
            long b = bronze.getOrDefault(o.asOf, 0L);
            long q = quarantine.getOrDefault(o.asOf, 0L);
            if (b != o.accepted || q != o.quarantined || !o.reconciles()) {
                problems.add(o.path + ": read " + o.read + ", accepted " + o.accepted + " but bronze holds " + b
                        + ", quarantined " + o.quarantined + " but quarantine holds " + q);
            }
            o.status = FileOutcome.Status.LOADED;
            o.bronzeVersion = version;
        }
        if (!problems.isEmpty()) {
            throw new ReconciliationException("bronze." + schema.name() + " does not reconcile: "
                    + String.join("; ", problems));
        }
    }
}
