package org.povlake.generate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.povlake.contract.Contract;
import org.povlake.contract.ExtractSchema;
import org.povlake.contract.PovertyLines;

/**
 * {@code povlake generate}: a synthetic inbox in the contract's delivery layout — for every year of
 * the range, a snapshot of each snapshot extract and that year's events of each event extract, as
 * of 31 December — on the real Gansu divisions, with optional injected faults and a manifest of
 * what the ingest must report.
 *
 * <p>Nothing is held in memory beyond one county: counties are generated in parallel (a thread per
 * core) into part files, which are then concatenated in county order, so the bytes do not depend on
 * scheduling.
 */
public final class Generator {
    static final String PARTS = ".generate-parts";

    /**
     * The delivery files go to DIR/inbox (what `povlake ingest --inbox` reads); the manifest stays
     * beside it.
     */
    public static final String INBOX = "inbox";

    /** The outcome: per delivery file (relative path) what the ingest must report, and totals. */
    public record Result(
            Path out,
            Map<String, FileStats> files,
            long rows,
            long bytes,
            Duration elapsed,
            List<String> warnings) {}

    /** Everything the county tasks share (read-only). */
    static final class Run {
        final Years years;
        final long seed;
        final double errorRate;
        final Path partsDir;
        final Model model;
        final Extracts extracts;
        final FaultInjector[] faults;
        final RegistryRows registry;
        final HealthRows health;
        final EducationRows education;
        final NetworkRows network;
        final EcommerceRows ecommerce;
        final Progress progress;

        /** In-memory county parts: at most this many bytes in all (the rest go to part files). */
        final Part.Budget budget = new Part.Budget(256L << 20);

        Run(GenerateOptions o, Contract contract, Path partsDir, Progress progress) {
            this.years = o.years();
            this.seed = o.seed();
            this.errorRate = o.errorRate();
            this.partsDir = partsDir;
            this.progress = progress;
            PovertyLines lines = PovertyLines.load();
            for (int y : years.list()) {
                lines.line(y); // a delivery year without a poverty line is an error, not a guess
            }
            Vocabulary vocab = new Vocabulary(contract);
            this.model = new Model(vocab, lines);
            this.extracts = new Extracts(contract);
            this.registry = new RegistryRows(extracts, model);
            this.health = new HealthRows(extracts, model);
            this.education = new EducationRows(extracts, model);
            this.network = new NetworkRows(extracts, model);
            this.ecommerce = new EcommerceRows(extracts, model);
            extracts.checkFilled();
            this.faults =
                    extracts.all().stream()
                            .map(e -> new FaultInjector(e.schema, vocab, contract))
                            .toArray(FaultInjector[]::new);
        }
    }

    private Generator() {}

    public static Result run(GenerateOptions options, Consumer<String> messages)
            throws IOException {
        long t0 = System.nanoTime();
        Contract contract = Contract.get();
        PovertyLines lines = PovertyLines.load();
        for (int y : options.years().list()) {
            lines.line(y); // a delivery year without a poverty line is an error, not a guess
        }
        Path out = options.out();
        prepare(out);
        Path partsDir = out.resolve(PARTS);
        World world = World.build(contract.divisions(), options.seed(), options.households());
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        List<String> warnings = new ArrayList<>();
        Map<String, FileStats> files = new TreeMap<>();
        long bytes = 0;
        long rows;
        ExecutorService pool =
                Executors.newFixedThreadPool(
                        threads,
                        r -> {
                            Thread t = new Thread(r, "generate");
                            t.setDaemon(true);
                            return t;
                        });
        try (Progress progress = new Progress(options.households(), messages)) {
            Run run = new Run(options, contract, partsDir, progress);
            messages.accept(
                    String.format(
                            "generate: %,d households in %,d administrative villages (%,d poor villages) of %d "
                                    + "counties, years %s, seed %d, error rate %s, %d threads → %s",
                            options.households(),
                            world.counties.stream().mapToLong(c -> c.adminVillages.size()).sum(),
                            world.poorVillages(),
                            world.counties.size(),
                            run.years,
                            options.seed(),
                            options.errorRate(),
                            threads,
                            out));
            List<County> biggestFirst = new ArrayList<>(world.counties);
            biggestFirst.sort(
                    Comparator.comparingLong((County c) -> c.households + 20L * c.villages.size())
                            .reversed()
                            .thenComparing(c -> c.code));
            List<Future<Sinks>> futures = new ArrayList<>();
            for (County c : biggestFirst) {
                futures.add(pool.submit(new CountyTask(run, c)));
            }
            Sinks[] byCounty = new Sinks[world.counties.size()];
            for (int i = 0; i < futures.size(); i++) {
                byCounty[biggestFirst.get(i).index] = get(futures.get(i));
            }
            progress.close();
            progress.report();
            rows = progress.rows();
            messages.accept("generate: concatenating the county parts in county order");
            List<Future<Long>> merges = new ArrayList<>();
            for (Extract e : run.extracts.all()) {
                for (int y : run.years.list()) {
                    FileStats stats = new FileStats();
                    List<Part> parts = new ArrayList<>();
                    for (County c : world.counties) {
                        stats.add(byCounty[c.index].stats(e, y));
                        parts.add(byCounty[c.index].part(e, y));
                    }
                    files.put(e.fileName(y), stats);
                    Path target = out.resolve(INBOX).resolve(e.fileName(y));
                    merges.add(pool.submit(() -> PartMerger.merge(target, e.header, parts)));
                }
            }
            for (Future<Long> f : merges) {
                bytes += get(f);
            }
            checkSnapshotsGrow(run, files, warnings);
        } finally {
            pool.shutdownNow();
        }
        deleteTree(partsDir);
        Manifest.write(out, options, files);
        warnings.forEach(w -> messages.accept("generate: warning: " + w));
        return new Result(
                out, files, rows, bytes, Duration.ofNanos(System.nanoTime() - t0), warnings);
    }

    private static <T> T get(Future<T> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof IOException io) {
                throw io;
            }
            if (c instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(c);
        }
    }

    /**
     * The ingest rejects a snapshot with fewer than half the rows of the previous one: never
     * generate that.
     */
    private static void checkSnapshotsGrow(
            Run run, Map<String, FileStats> files, List<String> warnings) {
        for (Extract e : run.extracts.all()) {
            if (e.schema.kind() != ExtractSchema.Kind.SNAPSHOT) {
                continue;
            }
            for (int y = run.years.first() + 1; y <= run.years.last(); y++) {
                long before = files.get(e.fileName(y - 1)).read();
                long now = files.get(e.fileName(y)).read();
                if (now * 2 < before) {
                    warnings.add(
                            e.fileName(y)
                                    + " has "
                                    + now
                                    + " rows, fewer than half the "
                                    + before
                                    + " of the year before: the ingest will reject it (too few households?)");
                }
            }
        }
    }

    /**
     * The output folder must be new, empty, or a previous generation (its manifest lists its files,
     * which are replaced); anything else is refused rather than mixed into an inbox.
     */
    private static void prepare(Path out) throws IOException {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new IllegalArgumentException("--out " + out + " is not a folder");
        }
        Files.createDirectories(out);
        List<String> previous = Manifest.previousFiles(out);
        if (previous.isEmpty()) {
            try (Stream<Path> s = Files.list(out)) {
                if (s.anyMatch(p -> !p.getFileName().toString().equals(PARTS))) {
                    throw new IllegalArgumentException(
                            "--out "
                                    + out
                                    + " is not empty (and holds no "
                                    + Manifest.FILE
                                    + " of a previous generation)");
                }
            }
        }
        for (String f : previous) {
            Files.deleteIfExists(out.resolve(INBOX).resolve(f));
        }
        Files.deleteIfExists(out.resolve(Manifest.FILE));
        deleteTree(out.resolve(PARTS));
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
