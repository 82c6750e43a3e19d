package org.povlake.silver;

import static org.apache.spark.sql.functions.col;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.povlake.contract.Contract;
import org.povlake.contract.ExtractSchema;
import org.povlake.contract.TableSchemas;
import org.povlake.lake.LakeSchemas;
import org.povlake.lake.Lakehouse;

/**
 * Each silver table's step: read the bronze deliveries in scope, transform (the pure functions of
 * this package), write through {@link SilverWriter}. The one place to look for how a silver table
 * is made.
 */
final class SilverSteps {
    private final Lakehouse lake;
    private final SparkSession spark;
    private final Pseudonyms pseudonyms;
    private final SilverWriter writer;
    private List<Delivery> deliveries = List.of();
    private List<Delivery> built = List.of();
    private Plan plan;

    SilverSteps(Lakehouse lake, Pseudonyms pseudonyms, SilverWriter writer) {
        this.lake = lake;
        this.spark = lake.spark();
        this.pseudonyms = pseudonyms;
        this.writer = writer;
    }

    /** The build's plan and deliveries: those loaded now, and those the last build was made of. */
    void setBuild(Plan plan, List<Delivery> loaded, List<Delivery> built) {
        this.plan = plan;
        this.deliveries = loaded;
        this.built = built;
    }

    // ---- reading
    // ------------------------------------------------------------------------------------------------

    /**
     * All rows of {@code bronze.<extract>} (an extract never delivered reads as an empty table).
     */
    Dataset<Row> bronze(String extract) {
        String table = "bronze." + extract;
        if (!lake.exists(table)) {
            return spark.createDataFrame(
                    List.of(), TableSchemas.bronze(SilverBuild.extract(extract)));
        }
        return spark.read().format("delta").load(lake.path(table));
    }

    Dataset<Row> bronze(String extract, Scope scope) {
        Dataset<Row> all = bronze(extract);
        return scope.all() ? all : all.filter(SilverWriter.datesIn("_as_of_date", scope.dates()));
    }

    Dataset<Row> projected(String extract, Scope scope) {
        return BronzeProjection.project(bronze(extract, scope), pseudonyms);
    }

    /** Distinct household ids of any households delivery, as {@code parent_key}. */
    private Dataset<Row> householdKeys() {
        return bronze("registry_households")
                .select(col("household_id").as("parent_key"))
                .distinct();
    }

    private Dataset<Row> shopKeys() {
        return bronze("ecommerce_shops").select(col("shop_id").as("parent_key")).distinct();
    }

    /** The registry's member rows (silver.members, read after the first wave built it). */
    private Dataset<Row> registered() {
        return silver("silver.members");
    }

    private Dataset<Row> silver(String table) {
        writer.create(table);
        return spark.read().format("delta").load(lake.path(table));
    }

    private List<LocalDate> deliveryDates(String extract) {
        return deliveries.stream()
                .filter(d -> d.extract().equals(extract))
                .map(Delivery::asOfDate)
                .sorted()
                .toList();
    }

    /**
     * Whether the changed deliveries of an event extract are all new (never built) and later than
     * every other delivery of it: then their rows are the latest versions of their keys and no
     * earlier row was replaced.
     */
    private boolean onlyNewLatestDeliveries(String extract, Scope scope) {
        Set<LocalDate> builtDates = new HashSet<>();
        built.stream()
                .filter(d -> d.extract().equals(extract))
                .forEach(d -> builtDates.add(d.asOfDate()));
        LocalDate first = scope.dates().stream().min(LocalDate::compareTo).orElseThrow();
        return scope.dates().stream().noneMatch(builtDates::contains)
                && deliveryDates(extract).stream()
                        .filter(d -> !scope.dates().contains(d))
                        .allMatch(d -> d.isBefore(first));
    }

    // ---- writing
    // ------------------------------------------------------------------------------------------------

    private String writeSnapshot(
            String table, String extract, ReferentialIntegrity.Split split, Scope scope) {
        if (scope.all()) {
            writer.overwrite(table, split.kept());
            if (split.orphans() != null) {
                writer.replaceWhere(
                        ReferentialIntegrity.ORPHANS,
                        split.orphans(),
                        "extract = '" + extract + "'");
            }
        } else {
            writer.replaceWhere(
                    table, split.kept(), SilverWriter.datesIn("snapshot_date", scope.dates()));
            if (split.orphans() != null) {
                writer.replaceWhere(
                        ReferentialIntegrity.ORPHANS,
                        split.orphans(),
                        "extract = '"
                                + extract
                                + "' AND "
                                + SilverWriter.datesIn("as_of_date", scope.dates()));
            }
        }
        return scope.describe("deliveries");
    }

    /**
     * An event table: each key in its latest version. In full, from every delivery; otherwise only
     * the keys the changed deliveries touch (now, or before a re-delivery replaced them) are
     * recomputed and merged.
     */
    private String writeEvents(
            String table,
            String extract,
            Scope scope,
            Function<Dataset<Row>, ReferentialIntegrity.Split> conform) {
        if (scope.none()) {
            return skipped(table);
        }
        ExtractSchema schema = SilverBuild.extract(extract);
        if (schema.primaryKey().size() != 1) {
            throw new IllegalStateException(extract + ": event keys are single columns");
        }
        String pk = schema.primaryKey().get(0);
        if (scope.all()) {
            ReferentialIntegrity.Split split =
                    conform.apply(LatestEvents.latest(projected(extract, Scope.ALL), List.of(pk)));
            writer.overwrite(table, split.kept());
            writer.replaceWhere(
                    ReferentialIntegrity.ORPHANS, split.orphans(), "extract = '" + extract + "'");
            return "full";
        }
        Dataset<Row> affected;
        Dataset<Row> candidates;
        boolean appendOnly = onlyNewLatestDeliveries(extract, scope);
        if (appendOnly) {
            // the nightly case: new deliveries later than every other, so their rows are the latest
            // versions of
            // their keys and nothing earlier was removed: no pass over the extract's history is
            // needed
            candidates = bronze(extract, scope);
            affected = candidates.select(col(pk).as("_key")).distinct().cache();
        } else {
            String dates = SilverWriter.datesIn("as_of_date", scope.dates());
            affected =
                    bronze(extract, scope)
                            .select(col(pk).as("_key"))
                            .union(silver(table).filter(dates).select(col(pk).as("_key")))
                            .union(
                                    silver(ReferentialIntegrity.ORPHANS)
                                            .filter("extract = '" + extract + "' AND " + dates)
                                            .select(col("row_key").as("_key")))
                            .distinct()
                            .cache();
            candidates =
                    bronze(extract)
                            .join(affected, col(pk).equalTo(affected.col("_key")), "left_semi");
        }
        Dataset<Row> kept = null;
        Dataset<Row> orphans = null;
        try {
            long keys = affected.count();
            ReferentialIntegrity.Split split =
                    conform.apply(
                            LatestEvents.latest(
                                    BronzeProjection.project(candidates, pseudonyms), List.of(pk)));
            // computed once: each MERGE reads its source twice
            kept = LakeSchemas.conform(split.kept(), table).persist();
            orphans = split.orphans().persist();
            kept.count();
            writer.mergeKeys(table, pk, kept, affected, null);
            boolean orphansBefore =
                    !silver(ReferentialIntegrity.ORPHANS)
                            .filter("extract = '" + extract + "'")
                            .join(
                                    affected,
                                    col("row_key").equalTo(affected.col("_key")),
                                    "left_semi")
                            .isEmpty();
            if (orphansBefore || !orphans.isEmpty()) {
                writer.mergeKeys(
                        ReferentialIntegrity.ORPHANS,
                        "row_key",
                        orphans,
                        affected,
                        "t.extract = '" + extract + "'");
            }
            return "keys "
                    + keys
                    + " of "
                    + (appendOnly ? "new " : "")
                    + "deliveries "
                    + scope.dates();
        } finally {
            affected.unpersist();
            if (kept != null) {
                kept.unpersist();
            }
            if (orphans != null) {
                orphans.unpersist();
            }
        }
    }

    /**
     * A step with nothing to do: its table still exists (empty before its extract's first
     * delivery).
     */
    private String skipped(String table) {
        writer.create(table);
        return "skipped";
    }

    private static ReferentialIntegrity.Split noLinks(Dataset<Row> rows) {
        return new ReferentialIntegrity.Split(rows, null);
    }

    private ReferentialIntegrity.Split noOrphans(Dataset<Row> rows) {
        return new ReferentialIntegrity.Split(
                rows,
                spark.createDataFrame(List.of(), LakeSchemas.schema(ReferentialIntegrity.ORPHANS)));
    }

    // ---- the tables
    // ---------------------------------------------------------------------------------------------

    String regions(Scope scope) {
        if (scope.none() && lake.exists(Regions.TABLE)) {
            return "skipped";
        }
        writer.overwrite(Regions.TABLE, Regions.build(spark, Contract.get().divisions()));
        return "full";
    }

    /**
     * The household history: in full, or, when the deliveries before the first changed one are
     * unchanged, the table exists and the estimate says it reads less ({@link
     * HouseholdHistory#foldFromPays}), from the delivery before it on ({@link
     * HouseholdHistory#rebuildFrom}).
     */
    String households(Scope scope) {
        if (scope.none()) {
            return skipped(HouseholdHistory.TABLE);
        }
        List<LocalDate> all = deliveryDates("registry_households");
        int first = scope.all() ? -1 : all.indexOf(Collections.min(scope.dates()));
        if (first <= 0 || !lake.exists(HouseholdHistory.TABLE)) {
            writer.overwrite(
                    HouseholdHistory.TABLE,
                    HouseholdHistory.build(
                            projected("registry_households", Scope.ALL), dates(all)));
            return "full";
        }
        LocalDate from = all.get(first);
        List<LocalDate> tail = all.subList(first - 1, all.size());
        Dataset<Row> before = silver(HouseholdHistory.TABLE);
        long tailRows = rowsLoaded("registry_households", tail);
        long allRows = rowsLoaded("registry_households", all);
        long historyRows = before.count();
        if (!HouseholdHistory.foldFromPays(tailRows, allRows, historyRows)) {
            writer.overwrite(
                    HouseholdHistory.TABLE,
                    HouseholdHistory.build(
                            projected("registry_households", Scope.ALL), dates(all)));
            return "full (cheaper than folding from "
                    + all.get(first - 1)
                    + ": "
                    + allRows
                    + " snapshot rows against "
                    + tailRows
                    + " and "
                    + historyRows
                    + " periods read "
                    + HouseholdHistory.HISTORY_READ_WEIGHT
                    + " times)";
        }
        Dataset<Row> rows =
                HouseholdHistory.rebuildFrom(
                        before,
                        projected("registry_households", Scope.of(new HashSet<>(tail))),
                        dates(tail),
                        all.get(first - 1),
                        from);
        // one overwrite of the periods kept and the new ones: a replaceWhere would delete the
        // touched periods first, rewriting nearly every file (most hold a current period)
        writer.overwrite(
                HouseholdHistory.TABLE,
                before.filter("NOT (" + HouseholdHistory.touchedFrom(from) + ")")
                        .unionByName(rows));
        return "from delivery " + from + " (folded from " + all.get(first - 1) + ")";
    }

    /** Rows loaded by the deliveries of {@code extract} as of {@code dates}. */
    private long rowsLoaded(String extract, List<LocalDate> dates) {
        return deliveries.stream()
                .filter(d -> d.extract().equals(extract) && dates.contains(d.asOfDate()))
                .mapToLong(Delivery::rowsLoaded)
                .sum();
    }

    /** Dates as a one-column frame, {@code snapshot_date}. */
    private Dataset<Row> dates(List<LocalDate> dates) {
        List<Row> rows = new ArrayList<>();
        dates.forEach(d -> rows.add(RowFactory.create(d)));
        return spark.createDataFrame(
                rows, new StructType().add("snapshot_date", DataTypes.DateType));
    }

    String members(Scope scope) {
        if (scope.none()) {
            return skipped("silver.members");
        }
        Dataset<Row> members =
                projected("registry_members", scope)
                        .withColumn("sex", col("id_sex"))
                        .withColumn("birth_date", col("id_birth_date"));
        Dataset<Row> households =
                bronze("registry_households", scope)
                        .select(
                                col("_as_of_date").as("snapshot_date"),
                                col("household_id").as("parent_key"))
                        .distinct();
        ReferentialIntegrity.Split split =
                ReferentialIntegrity.split(
                        members,
                        "registry_members",
                        ReferentialIntegrity.rowKey("household_id", "person_key"),
                        List.of(
                                new ReferentialIntegrity.Link(
                                        "household", "household_id", households, true)));
        return writeSnapshot("silver.members", "registry_members", split, scope);
    }

    /** A snapshot extract silver takes as it is (typed, pseudonymised). */
    String snapshot(SilverTable table, Scope scope) {
        if (scope.none()) {
            return skipped(table.name());
        }
        return writeSnapshot(
                table.name(), table.extract(), noLinks(projected(table.extract(), scope)), scope);
    }

    String villageNetwork(Scope scope) {
        if (scope.none()) {
            return skipped(VillageNetwork.TABLE);
        }
        Dataset<Row> combined = VillageNetwork.combine(projected("telecom_village_network", scope));
        return writeSnapshot(
                VillageNetwork.TABLE, "telecom_village_network", noLinks(combined), scope);
    }

    String shops(Scope scope) {
        if (scope.none()) {
            return skipped("silver.shops");
        }
        ReferentialIntegrity.Split split =
                ReferentialIntegrity.clearMissing(
                        projected("ecommerce_shops", scope),
                        "ecommerce_shops",
                        col("shop_id"),
                        new ReferentialIntegrity.Link(
                                "operator_household",
                                "operator_household_id",
                                householdKeys(),
                                false));
        return writeSnapshot("silver.shops", "ecommerce_shops", split, scope);
    }

    String links(Scope scope) {
        if (scope.none()) {
            return skipped("silver.shop_household_links");
        }
        ReferentialIntegrity.Split split =
                ReferentialIntegrity.split(
                        projected("ecommerce_shop_household_links", scope),
                        "ecommerce_shop_household_links",
                        ReferentialIntegrity.rowKey("shop_id", "household_id"),
                        List.of(
                                new ReferentialIntegrity.Link("shop", "shop_id", shopKeys(), false),
                                new ReferentialIntegrity.Link(
                                        "household", "household_id", householdKeys(), false)));
        return writeSnapshot(
                "silver.shop_household_links", "ecommerce_shop_household_links", split, scope);
    }

    String assistance(Scope scope) {
        return writeEvents(
                "silver.assistance",
                "registry_assistance",
                scope,
                latest ->
                        ReferentialIntegrity.split(
                                latest,
                                "registry_assistance",
                                col("measure_id"),
                                List.of(
                                        new ReferentialIntegrity.Link(
                                                "household",
                                                "household_id",
                                                householdKeys(),
                                                false))));
    }

    String orders(Scope scope) {
        Dataset<Row> shops =
                bronze("ecommerce_shops")
                        .select(
                                col("_as_of_date").as("snapshot_date"),
                                col("shop_id"),
                                col("village_code"));
        return writeEvents(
                OrderPlacement.TABLE,
                "ecommerce_orders",
                scope,
                latest -> {
                    ReferentialIntegrity.Split split =
                            ReferentialIntegrity.split(
                                    latest,
                                    "ecommerce_orders",
                                    col("order_id"),
                                    List.of(
                                            new ReferentialIntegrity.Link(
                                                    "shop", "shop_id", shopKeys(), false)));
                    return new ReferentialIntegrity.Split(
                            OrderPlacement.place(split.kept(), shops), split.orphans());
                });
    }

    /** Claims and training: events of persons, marked in_registry. */
    String markedEvents(SilverTable table, Scope scope) {
        return writeEvents(
                table.name(),
                table.extract(),
                scope,
                latest -> noOrphans(RegistryMarks.mark(latest, registered())));
    }

    String enrollment(Scope scope) {
        if (scope.none()) {
            return skipped("silver.enrollment");
        }
        return writeSnapshot(
                "silver.enrollment",
                "education_enrollment",
                noLinks(RegistryMarks.mark(projected("education_enrollment", scope), registered())),
                scope);
    }

    String householdSignals(Scope scope) {
        if (scope.none()) {
            return skipped(ConsistencySignals.HOUSEHOLDS);
        }
        Dataset<Row> households =
                bronze("registry_households", scope)
                        .select(
                                col("_as_of_date").as("snapshot_date"),
                                col("household_id"),
                                col("household_size"));
        Dataset<Row> members = silver("silver.members");
        if (!scope.all()) {
            members = members.filter(SilverWriter.datesIn("snapshot_date", scope.dates()));
        }
        return writeSnapshot(
                ConsistencySignals.HOUSEHOLDS,
                "registry_households",
                noLinks(ConsistencySignals.households(households, members)),
                scope);
    }

    /**
     * The member signals of each registry snapshot: of every snapshot in a full build; otherwise of
     * the snapshots of its same-date inputs' changed dates and of those whose year resolves to a
     * changed delivery of a {@link SilverTable.Check#LATEST_OF_YEAR} input (the insurance).
     */
    String memberSignals(SilverTable table, Scope scope) {
        if (scope.none()) {
            return skipped(ConsistencySignals.MEMBERS);
        }
        Dataset<Row> insurance = silver("silver.insurance_enrollment");
        List<Row> resolution = insuranceResolution(insurance);
        if (scope.all()) {
            writer.overwrite(
                    ConsistencySignals.MEMBERS,
                    ConsistencySignals.members(
                            silver("silver.members"), insurance, resolutionFrame(resolution)));
            return "full";
        }
        Set<LocalDate> sameDate = new TreeSet<>();
        Set<LocalDate> resolvedTo = new TreeSet<>();
        for (SilverTable.Input in : table.inputs()) {
            (in.check() == SilverTable.Check.LATEST_OF_YEAR ? resolvedTo : sameDate)
                    .addAll(plan.scope(SilverTables.get(in.name())).dates());
        }
        Set<LocalDate> snapshots = new TreeSet<>();
        Set<LocalDate> insuranceDates = new TreeSet<>();
        for (Row r : resolution) {
            LocalDate snapshot = r.getLocalDate(0);
            LocalDate chosen = r.isNullAt(1) ? null : r.getLocalDate(1);
            if (sameDate.contains(snapshot) || (chosen != null && resolvedTo.contains(chosen))) {
                snapshots.add(snapshot);
                if (chosen != null) {
                    insuranceDates.add(chosen);
                }
            }
        }
        if (snapshots.isEmpty()) {
            return skipped(ConsistencySignals.MEMBERS);
        }
        Dataset<Row> members =
                silver("silver.members").filter(SilverWriter.datesIn("snapshot_date", snapshots));
        Dataset<Row> read =
                insuranceDates.isEmpty()
                        ? insurance.limit(0)
                        : insurance.filter(SilverWriter.datesIn("snapshot_date", insuranceDates));
        writer.replaceWhere(
                ConsistencySignals.MEMBERS,
                ConsistencySignals.members(members, read, resolutionFrame(resolution)),
                SilverWriter.datesIn("snapshot_date", snapshots));
        return Scope.of(snapshots).describe("snapshots");
    }

    /**
     * For each members delivery date S: the insurance snapshot of S's year Y (latest insurance
     * delivery on or before Y-12-31) and whether it holds any row for Y (METRICS.md: an undelivered
     * year is not "nobody insured"). Rows of snapshot_date, insurance_date (null when none),
     * year_known.
     */
    private List<Row> insuranceResolution(Dataset<Row> insurance) {
        List<LocalDate> insuranceDates = deliveryDates("health_insurance_enrollment");
        Set<String> yearsHeld = new HashSet<>();
        insurance
                .select("snapshot_date", "year")
                .distinct()
                .collectAsList()
                .forEach(r -> yearsHeld.add(r.get(0) + "/" + r.getInt(1)));
        List<Row> rows = new ArrayList<>();
        for (LocalDate s : deliveryDates("registry_members")) {
            LocalDate yearEnd = LocalDate.of(s.getYear(), 12, 31);
            LocalDate chosen =
                    insuranceDates.stream()
                            .filter(d -> !d.isAfter(yearEnd))
                            .reduce((a, b) -> b)
                            .orElse(null);
            rows.add(
                    RowFactory.create(
                            s,
                            chosen,
                            chosen != null && yearsHeld.contains(chosen + "/" + s.getYear())));
        }
        return rows;
    }

    private Dataset<Row> resolutionFrame(List<Row> resolution) {
        return spark.createDataFrame(
                resolution,
                new StructType()
                        .add("snapshot_date", DataTypes.DateType)
                        .add("insurance_date", DataTypes.DateType)
                        .add("year_known", DataTypes.BooleanType));
    }
}
