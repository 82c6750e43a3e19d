package org.povlake.silver;

import static org.apache.spark.sql.functions.col;

import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.povlake.contract.Contract;
import org.povlake.contract.ExtractSchema;
import org.povlake.contract.TableSchemas;
import org.povlake.lake.CodeGeneration;
import org.povlake.lake.LakeSchemas;
import org.povlake.lake.Lakehouse;
import org.povlake.lake.Parallel;
import org.povlake.lake.ScalaValues;
import org.povlake.ops.RunContext;
import org.povlake.ops.Timings;

/**
 * Builds silver from bronze: {@code povlake build-silver}. Incremental by delivery: only the
 * extracts and as-of dates whose delivery is new or changed since the last build ({@link
 * DeliveryLedger}) are processed, and a table is recomputed in full when a parent it is checked
 * against changed (so orphans join as soon as the parent arrives). Re-running with nothing new
 * writes nothing. {@code rebuild} recomputes every table from all of bronze; it gives the same
 * tables as any sequence of incremental builds. Under a key other than silver's it is a key
 * rotation ({@link KeyRotation}), which must be confirmed ({@code retireOldPseudonyms}): it deletes
 * every version of the tables that hold pseudonyms first, and records that in the build log.
 */
public final class SilverBuild {
    /** Silver's layout version: a change of it (a new column, a changed rule) needs a rebuild. */
    public static final int FORMAT_VERSION = 1;

    public static final String BUILDS = "ops.silver_builds";
    static final int PARALLEL_STEPS = 4;

    private final Lakehouse lake;
    private final SparkSession spark;
    private final Pseudonyms pseudonyms;
    private final SilverWriter writer;
    private final SilverSteps steps;

    public SilverBuild(Lakehouse lake, PseudonymKey key) {
        this.lake = lake;
        this.spark = lake.spark();
        this.pseudonyms = new Pseudonyms(key);
        this.writer = new SilverWriter(lake);
        this.steps = new SilverSteps(lake, pseudonyms, writer);
    }

    /**
     * What a build did; {@code retiredKeyId} and {@code retiredTables}: the key whose pseudonyms a
     * rotation retired and the tables it deleted (null and empty for any other build).
     */
    public record Result(
            String buildId,
            String mode,
            boolean upToDate,
            List<String> changedDeliveries,
            Map<String, String> actions,
            double seconds,
            String retiredKeyId,
            List<String> retiredTables) {}

    /** A build that is not a key rotation (a rotation is refused: it must be confirmed). */
    public Result run(boolean rebuild) {
        return run(rebuild, false);
    }

    /** A build on its own (its build id is a new run's). */
    public Result run(boolean rebuild, boolean retireOldPseudonyms) {
        return run(rebuild, retireOldPseudonyms, RunContext.start("silver"));
    }

    /**
     * @param rebuild recompute every table from all of bronze
     * @param retireOldPseudonyms the confirmation a key rotation needs (a rebuild under a key other
     *     than silver's): every version of the tables that hold pseudonyms is deleted
     * @param run the run this build is part of: the build id is its id
     */
    public Result run(boolean rebuild, boolean retireOldPseudonyms, RunContext run) {
        Instant started = Instant.now();
        CodeGeneration.fit(spark, CodeGeneration.bronzeAsText(lake));
        String buildId = run.runId();
        String referenceVersion = referenceVersion();
        String keyId = pseudonyms.key().id();
        BuildRecord last = lastBuild();
        Optional<KeyRotation.Pending> pending = KeyRotation.pending(lake);
        if (pending.isPresent() && !(rebuild && retireOldPseudonyms)) {
            throw new SilverBuildException(KeyRotation.unfinished(pending.get(), "a silver build"));
        }
        if (!rebuild && last != null) {
            last.requireCompatible(keyId, referenceVersion);
        }
        // a key rotation: a rebuild under a key other than silver's (or finishing one that was
        // killed)
        String retiredKeyId =
                pending.map(KeyRotation.Pending::retiredKeyId)
                        .orElse(last != null && !last.keyId().equals(keyId) ? last.keyId() : null);
        List<String> retiredTables =
                retiredKeyId == null ? List.of() : KeyRotation.tablesWithPseudonyms(lake);
        if (retiredKeyId != null && !retireOldPseudonyms) {
            throw new SilverBuildException(
                    KeyRotation.unconfirmed(retiredKeyId, keyId, retiredTables));
        }
        Instant retiredAt =
                retiredKeyId == null
                        ? null
                        : KeyRotation.retire(
                                lake,
                                new KeyRotation.Pending(buildId, started, retiredKeyId, keyId),
                                retiredTables);
        boolean full = rebuild || last == null;
        List<Delivery> loaded = DeliveryLedger.loaded(lake);
        List<Delivery> before = full ? List.of() : DeliveryLedger.built(lake);
        Map<String, Set<LocalDate>> changed = DeliveryLedger.changes(before, loaded);
        List<String> changedLabels = new ArrayList<>();
        changed.forEach(
                (extract, dates) -> dates.forEach(d -> changedLabels.add(extract + "/" + d)));
        boolean regionsStale = full || !last.referenceVersion().equals(referenceVersion);
        if (!regionsStale && changed.isEmpty()) {
            return new Result(
                    buildId,
                    "incremental",
                    true,
                    List.of(),
                    Map.of(),
                    Duration.between(started, Instant.now()).toMillis() / 1000.0,
                    null,
                    List.of());
        }
        Plan plan = new Plan(full, changed, regionsStale);
        Map<String, String> actions = new ConcurrentHashMap<>();
        steps.setBuild(plan, loaded, before);
        // a wave's steps run side by side; a table that reads a silver table is in a later wave
        // than it
        for (List<SilverTable> wave : SilverTables.waves()) {
            runWave(wave, plan, actions, run);
        }
        writer.overwrite(
                DeliveryLedger.TABLE,
                spark.createDataFrame(
                        DeliveryLedger.rows(loaded), LakeSchemas.schema(DeliveryLedger.TABLE)));
        double seconds = Duration.between(started, Instant.now()).toMillis() / 1000.0;
        String mode = rebuild ? "rebuild" : full ? "first" : "incremental";
        Row log =
                RowFactory.create(
                        buildId,
                        started,
                        seconds,
                        mode,
                        keyId,
                        FORMAT_VERSION,
                        referenceVersion,
                        ScalaValues.seq(changedLabels),
                        ScalaValues.map(new TreeMap<>(actions)),
                        retiredKeyId,
                        retiredKeyId == null ? null : ScalaValues.seq(retiredTables),
                        retiredAt);
        writer.append(
                BUILDS,
                spark.createDataFrame(List.of(log), TableSchemas.lakehouse("ops_silver_builds")),
                List.of());
        if (retiredKeyId != null) {
            KeyRotation.end(lake);
        }
        return new Result(
                buildId,
                mode,
                false,
                changedLabels,
                new TreeMap<>(actions),
                seconds,
                retiredKeyId,
                retiredTables);
    }

    /**
     * Runs a wave's steps, {@value #PARALLEL_STEPS} at a time; records what each did and how long
     * it took.
     */
    private void runWave(
            List<SilverTable> wave, Plan plan, Map<String, String> actions, RunContext run) {
        List<Runnable> tasks = new ArrayList<>();
        for (SilverTable table : wave) {
            tasks.add(
                    () -> {
                        long t0 = System.nanoTime();
                        String what = table.step().run(steps, table, plan.scope(table));
                        run.reached("silver:" + table.name());
                        actions.put(
                                table.name(),
                                what.equals("skipped")
                                        ? what
                                        : String.format("%s (%.1f s)", what, Timings.since(t0)));
                    });
        }
        Parallel.runAll("silver-step", PARALLEL_STEPS, tasks);
    }

    /** SHA-256 of the shipped divisions: silver.regions is rewritten when they change. */
    static String referenceVersion() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String f :
                    List.of("gansu_counties.csv", "gansu_townships.csv", "gansu_villages.csv")) {
                try (var in =
                        Contract.class
                                .getClassLoader()
                                .getResourceAsStream(Contract.ROOT + "reference/" + f)) {
                    if (in == null) {
                        throw new IllegalStateException(
                                "reference file missing from the classpath: " + f);
                    }
                    sha.update(in.readAllBytes());
                }
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (Exception e) {
            throw new IllegalStateException("cannot fingerprint the reference divisions", e);
        }
    }

    private BuildRecord lastBuild() {
        if (!lake.exists(BUILDS)) {
            return null;
        }
        List<Row> rows =
                spark.read()
                        .format("delta")
                        .load(lake.path(BUILDS))
                        .orderBy(col("started_at").desc())
                        .limit(1)
                        .collectAsList();
        return rows.isEmpty()
                ? null
                : new BuildRecord(
                        rows.get(0).getString(4), rows.get(0).getInt(5), rows.get(0).getString(6));
    }

    /** The last build's key, format and reference: an incremental build must match them. */
    record BuildRecord(String keyId, int formatVersion, String referenceVersion) {
        void requireCompatible(String currentKeyId, String currentReference) {
            if (!keyId.equals(currentKeyId)) {
                throw new SilverBuildException(
                        "silver was built with pseudonymisation key "
                                + keyId
                                + " but the configured key is "
                                + currentKeyId
                                + ": pseudonyms would not join. Rotating the key"
                                + " is a full rebuild that retires the old pseudonyms: run `povlake build-silver --rebuild"
                                + " --retire-old-pseudonyms` (it says what it deletes; build gold again after it).");
            }
            if (formatVersion != FORMAT_VERSION) {
                throw new SilverBuildException(
                        "silver was built by a povlake with silver format "
                                + formatVersion
                                + "; this one writes format "
                                + FORMAT_VERSION
                                + ": run `povlake build-silver --rebuild`.");
            }
        }
    }

    /** A silver build that cannot go on, with what to do. */
    public static final class SilverBuildException extends RuntimeException {
        public SilverBuildException(String message) {
            super(message);
        }
    }

    static ExtractSchema extract(String name) {
        return Contract.get().extracts().get(name);
    }
}
