package org.povlake.silver;

import org.povlake.lake.LakeSchemas;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.povlake.contract.Contract;
import org.povlake.contract.ExtractSchema;
import org.povlake.contract.TableSchemas;
import org.povlake.lake.Lakehouse;
import org.povlake.lake.Parallel;
import org.povlake.lake.ScalaValues;
import org.povlake.ops.CrashPoints;

import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import static org.apache.spark.sql.functions.col;

/**
 * Builds silver from bronze: {@code povlake build-silver}. Incremental by delivery: only the extracts and as-of dates
 * whose delivery is new or changed since the last build ({@link DeliveryLedger}) are processed, and a table is
 * recomputed in full when a parent it is checked against changed (so orphans join as soon as the parent arrives).
 * Re-running with nothing new writes nothing. {@code rebuild} recomputes every table from all of bronze; it gives
 * the same tables as any sequence of incremental builds. Under a key other than silver's it is a key rotation
 * ({@link KeyRotation}), which must be confirmed ({@code retireOldPseudonyms}): it deletes every version of the
 * tables that hold pseudonyms first, and records that in the build log.
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
     * What a build did; {@code retiredKeyId} and {@code retiredTables}: the key whose pseudonyms a rotation retired
     * and the tables it deleted (null and empty for any other build).
     */
    public record Result(String buildId, String mode, boolean upToDate, List<String> changedDeliveries,
                         Map<String, String> actions, double seconds, String retiredKeyId, List<String> retiredTables) {
    }

    /** A build that is not a key rotation (a rotation is refused: it must be confirmed). */
    public Result run(boolean rebuild) {
        return run(rebuild, false);
    }

    /**
     * @param rebuild             recompute every table from all of bronze
     * @param retireOldPseudonyms the confirmation a key rotation needs (a rebuild under a key other than silver's):
     *                            every version of the tables that hold pseudonyms is deleted
     */
    public Result run(boolean rebuild, boolean retireOldPseudonyms) {
        Instant started = Instant.now();
        String buildId = started.toString().replaceAll("[-:]", "").replace(".", "") + "-"
                + UUID.randomUUID().toString().substring(0, 8);
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
        // a key rotation: a rebuild under a key other than silver's (or finishing one that was killed)
        String retiredKeyId = pending.map(KeyRotation.Pending::retiredKeyId)
                .orElse(last != null && !last.keyId().equals(keyId) ? last.keyId() : null);
        List<String> retiredTables = retiredKeyId == null ? List.of() : KeyRotation.tablesWithPseudonyms(lake);
        if (retiredKeyId != null && !retireOldPseudonyms) {
            throw new SilverBuildException(KeyRotation.unconfirmed(retiredKeyId, keyId, retiredTables));
        }
        Instant retiredAt = retiredKeyId == null ? null
                : KeyRotation.retire(lake, new KeyRotation.Pending(buildId, started, retiredKeyId, keyId), retiredTables);
        boolean full = rebuild || last == null;
        List<Delivery> loaded = DeliveryLedger.loaded(lake);
        List<Delivery> before = full ? List.of() : DeliveryLedger.built(lake);
        Map<String, Set<LocalDate>> changed = DeliveryLedger.changes(before, loaded);
        List<String> changedLabels = new ArrayList<>();
        changed.forEach((extract, dates) -> dates.forEach(d -> changedLabels.add(extract + "/" + d)));
        boolean regionsStale = full || !last.referenceVersion().equals(referenceVersion);
        if (!regionsStale && changed.isEmpty()) {
            return new Result(buildId, "incremental", true, List.of(), Map.of(),
                    Duration.between(started, Instant.now()).toMillis() / 1000.0, null, List.of());
        }
        Plan plan = new Plan(full, changed);
        Map<String, String> actions = new ConcurrentHashMap<>();
        steps.setDeliveries(loaded, before);
        Map<String, Supplier<String>> first = new LinkedHashMap<>();
        first.put(Regions.TABLE, () -> steps.regions(regionsStale));
        first.put(HouseholdHistory.TABLE, () -> steps.households(plan.households()));
        first.put("silver.members", () -> steps.members(plan.members()));
        first.put("silver.poor_villages", () -> steps.snapshot("registry_poor_villages", "silver.poor_villages",
                plan.own("registry_poor_villages")));
        first.put(VillageNetwork.TABLE, () -> steps.villageNetwork(plan.own("telecom_village_network")));
        first.put("silver.insurance_enrollment", () -> steps.snapshot("health_insurance_enrollment",
                "silver.insurance_enrollment", plan.own("health_insurance_enrollment")));
        first.put("silver.facilities", () -> steps.snapshot("health_facilities", "silver.facilities",
                plan.own("health_facilities")));
        first.put("silver.schools", () -> steps.snapshot("education_schools", "silver.schools",
                plan.own("education_schools")));
        first.put("silver.service_points", () -> steps.snapshot("ecommerce_service_points", "silver.service_points",
                plan.own("ecommerce_service_points")));
        first.put("silver.shops", () -> steps.shops(plan.dependent("ecommerce_shops", "registry_households")));
        first.put("silver.shop_household_links", () -> steps.links(plan.dependent("ecommerce_shop_household_links",
                "ecommerce_shops", "registry_households")));
        first.put("silver.assistance", () -> steps.assistance(plan.dependent("registry_assistance",
                "registry_households")));
        first.put(OrderPlacement.TABLE, () -> steps.orders(plan.dependent("ecommerce_orders", "ecommerce_shops")));
        runWave(first, actions);
        // second wave: tables that read the first wave's silver.members / silver.insurance_enrollment
        Map<String, Supplier<String>> second = new LinkedHashMap<>();
        second.put("silver.inpatient_claims", () -> steps.markedEvents("health_inpatient_claims",
                "silver.inpatient_claims", plan.registryDependent("health_inpatient_claims")));
        second.put("silver.training", () -> steps.markedEvents("education_training", "silver.training",
                plan.registryDependent("education_training")));
        second.put("silver.enrollment", () -> steps.enrollment(plan.registryDependent("education_enrollment")));
        second.put(ConsistencySignals.HOUSEHOLDS, () -> steps.householdSignals(plan.members()));
        second.put(ConsistencySignals.MEMBERS, () -> steps.memberSignals(plan.memberSignals()));
        runWave(second, actions);
        writer.overwrite(DeliveryLedger.TABLE, spark.createDataFrame(DeliveryLedger.rows(loaded),
                LakeSchemas.schema(DeliveryLedger.TABLE)));
        double seconds = Duration.between(started, Instant.now()).toMillis() / 1000.0;
        String mode = rebuild ? "rebuild" : full ? "first" : "incremental";
        Row log = RowFactory.create(buildId, started, seconds, mode, keyId, FORMAT_VERSION,
                referenceVersion, ScalaValues.seq(changedLabels), ScalaValues.map(new TreeMap<>(actions)), retiredKeyId,
                retiredKeyId == null ? null : ScalaValues.seq(retiredTables), retiredAt);
        writer.append(BUILDS, spark.createDataFrame(List.of(log), TableSchemas.lakehouse("ops_silver_builds")), List.of());
        if (retiredKeyId != null) {
            KeyRotation.end(lake);
        }
        return new Result(buildId, mode, false, changedLabels, new TreeMap<>(actions), seconds, retiredKeyId,
                retiredTables);
    }

    /** Runs a wave's steps, {@value #PARALLEL_STEPS} at a time; records what each did and how long it took. */
    private static void runWave(Map<String, Supplier<String>> steps, Map<String, String> actions) {
        List<Runnable> tasks = new ArrayList<>();
        steps.forEach((table, step) -> tasks.add(() -> {
            long t0 = System.nanoTime();
            String what = step.get();
            CrashPoints.reached("silver:" + table);
            actions.put(table, what.equals("skipped") ? what
                    : String.format("%s (%.1f s)", what, (System.nanoTime() - t0) / 1e9));
        }));
        Parallel.runAll("silver-step", PARALLEL_STEPS, tasks);
    }

    /** SHA-256 of the shipped divisions: silver.regions is rewritten when they change. */
    static String referenceVersion() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String f : List.of("gansu_counties.csv", "gansu_townships.csv", "gansu_villages.csv")) {
                try (var in = Contract.class.getClassLoader().getResourceAsStream(Contract.ROOT + "reference/" + f)) {
                    if (in == null) {
                        throw new IllegalStateException("reference file missing from the classpath: " + f);
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
        List<Row> rows = spark.read().format("delta").load(lake.path(BUILDS))
                .orderBy(col("started_at").desc()).limit(1).collectAsList();
        return rows.isEmpty() ? null
                : new BuildRecord(rows.get(0).getString(4), rows.get(0).getInt(5), rows.get(0).getString(6));
    }

    /** The last build's key, format and reference: an incremental build must match them. */
    record BuildRecord(String keyId, int formatVersion, String referenceVersion) {
        void requireCompatible(String currentKeyId, String currentReference) {
            if (!keyId.equals(currentKeyId)) {
                throw new SilverBuildException("silver was built with pseudonymisation key " + keyId
                        + " but the configured key is " + currentKeyId + ": pseudonyms would not join. Rotating the key"
                        + " is a full rebuild that retires the old pseudonyms: run `povlake build-silver --rebuild"
                        + " --retire-old-pseudonyms` (it says what it deletes; build gold again after it).");
            }
            if (formatVersion != FORMAT_VERSION) {
                throw new SilverBuildException("silver was built by a povlake with silver format " + formatVersion
                        + "; this one writes format " + FORMAT_VERSION + ": run `povlake build-silver --rebuild`.");
            }
        }
    }

    /** Which part of each table this build recomputes. */
    record Plan(boolean full, Map<String, Set<LocalDate>> changed) {
        boolean changed(String extract) {
            return full || changed.containsKey(extract);
        }

        Set<LocalDate> dates(String extract) {
            return changed.getOrDefault(extract, Set.of());
        }

        Scope own(String extract) {
            return full ? Scope.ALL : Scope.of(dates(extract));
        }

        /** Recomputed in full when a parent (checked in any snapshot) changed; else the own changed deliveries. */
        Scope dependent(String extract, String... parents) {
            for (String p : parents) {
                if (changed(p)) {
                    return Scope.ALL;
                }
            }
            return own(extract);
        }

        Scope households() {
            return changed("registry_households") ? Scope.ALL : Scope.NONE;
        }

        /** Members are checked against the households of the same date. */
        Scope members() {
            if (full) {
                return Scope.ALL;
            }
            Set<LocalDate> dates = new HashSet<>(dates("registry_members"));
            dates.addAll(dates("registry_households"));
            return Scope.of(dates);
        }

        /** Marked with in_registry: recomputed in full when the registry's members (or their households) changed. */
        Scope registryDependent(String extract) {
            return dependent(extract, "registry_members", "registry_households");
        }

        Scope memberSignals() {
            return changed("registry_members") || changed("registry_households")
                    || changed("health_insurance_enrollment") ? Scope.ALL : Scope.NONE;
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
