package org.povlake.gold;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The silver a year's gold is computed from, already resolved to the snapshot of Y (METRICS.md).
 * Each frame is declared once, in {@link Frame}: its silver table and its <em>window</em>, the rows
 * of that table year Y reads (the snapshot of Y; the households valid on the snapshot date of Y or
 * Y−1; events by the date the indicators read them: claims discharged, assistance started and
 * certified training completed by Y-12-31, orders of Y and Y−1). A frame is its table cut to the
 * window, without the columns no indicator reads ({@link #UNREAD}: lineage, and the SCD2
 * bookkeeping a later snapshot rewrites). So what a year reads is exactly what {@link
 * GoldFingerprints} hashes, and a year whose windows hold the same rows is up to date. The tables
 * gold pins ({@link #SILVER}), what a build reads ({@link #read}) and what a test must give ({@link
 * #of}) all follow from that list.
 */
public final class YearFrames {
    /** The rows of a frame's table that year Y reads: a predicate over the table's columns. */
    @FunctionalInterface
    interface Window {
        Column rows(YearInputs year);
    }

    /**
     * Columns no indicator reads, left out of every frame (so a read of one fails) and of the
     * fingerprints: where a row came from (a re-delivery of the same values is no change), and in
     * silver.households the bookkeeping a later snapshot rewrites on the version valid before it
     * (its end, whether it is current, why it ended).
     */
    public static final List<String> UNREAD_EVERYWHERE =
            List.of("source_file", "record_number", "as_of_date");

    public static final Map<String, List<String>> UNREAD =
            Map.of("silver.households", List.of("valid_to", "is_current", "end_reason"));

    /** The frames of a year, each with the silver table it is read from and its window. */
    public enum Frame {
        REGIONS("silver.regions", y -> lit(true)),
        /** The households as of the households snapshot of Y. */
        HOUSEHOLDS(
                "silver.households", y -> validOn(y.snapshot(YearInputs.HOUSEHOLDS).orElse(null))),
        /** The households as of the snapshot of Y−1 (empty when none). */
        HOUSEHOLDS_PREVIOUS("silver.households", y -> validOn(y.householdsPrevious())),
        /**
         * Every version of silver.households that began by the snapshot of Y (the portrait's status
         * history).
         */
        HISTORY(
                "silver.households",
                y ->
                        y.snapshot(YearInputs.HOUSEHOLDS)
                                .map(d -> col("valid_from").leq(lit(d)))
                                .orElse(lit(false))),
        MEMBERS("silver.members", snapshotOf("registry_members")),
        ENROLLMENT("silver.enrollment", snapshotOf(YearInputs.ENROLLMENT)),
        INSURANCE("silver.insurance_enrollment", snapshotOf(YearInputs.INSURANCE)),
        VILLAGE_NETWORK("silver.village_network", snapshotOf("telecom_village_network")),
        POOR_VILLAGES("silver.poor_villages", snapshotOf("registry_poor_villages")),
        SCHOOLS("silver.schools", snapshotOf("education_schools")),
        FACILITIES("silver.facilities", snapshotOf("health_facilities")),
        SERVICE_POINTS("silver.service_points", snapshotOf("ecommerce_service_points")),
        SHOPS("silver.shops", snapshotOf("ecommerce_shops")),
        /**
         * Every shops snapshot dated ≤ Y-12-31 (orders are placed by the latest holding the shop).
         */
        SHOPS_UP_TO_Y("silver.shops", y -> col("snapshot_date").leq(lit(end(y)))),
        LINKS("silver.shop_household_links", snapshotOf("ecommerce_shop_household_links")),
        /** Measures started by Y-12-31 (TARGET_CAUSE_MATCHED_AID, the portrait). */
        ASSISTANCE("silver.assistance", y -> col("start_date").leq(lit(end(y)))),
        /**
         * Claims discharged by Y-12-31: the health indicators count those discharged in Y, the
         * medical aid of TARGET_CAUSE_MATCHED_AID those discharged by Y-12-31.
         */
        CLAIMS("silver.inpatient_claims", y -> col("discharge_date").leq(lit(end(y)))),
        /** Certified training completed by Y-12-31 (EDU_LABOR_HOUSEHOLD_SKILL). */
        TRAINING(
                "silver.training",
                y -> col("certified").equalTo(true).and(col("completed_date").leq(lit(end(y))))),
        /** Orders of Y and Y−1 (ECOM_TRADE_GROWTH compares them; ECOM_UPWARD_SHARE reads Y). */
        ORDERS("silver.orders", y -> col("order_year").isin(y.year(), y.year() - 1));

        private final String table;
        private final Window window;

        Frame(String table, Window window) {
            this.table = table;
            this.window = window;
        }

        /** The silver table the frame is read from. */
        public String table() {
            return table;
        }

        /** The rows of {@link #table} year Y reads. */
        public Column window(YearInputs year) {
            return window.rows(year);
        }

        /** The frame of year Y: its table's rows in the window, without the unread columns. */
        Dataset<Row> read(GoldInputs in, YearInputs year) {
            return in.table(table).where(window(year)).drop(unread(table).toArray(new String[0]));
        }

        /** The table's rows of the extract's snapshot of Y (none when Y has no snapshot). */
        private static Window snapshotOf(String extract) {
            return y ->
                    y.snapshot(extract)
                            .map(d -> col("snapshot_date").equalTo(lit(d)))
                            .orElse(lit(false));
        }

        private static LocalDate end(YearInputs y) {
            return LocalDate.of(y.year(), 12, 31);
        }
    }

    /** The SCD2 rows of silver.households valid on d (none when d is null). */
    static Column validOn(LocalDate d) {
        if (d == null) {
            return lit(false);
        }
        return col("valid_from")
                .leq(lit(d))
                .and(col("valid_to").isNull().or(col("valid_to").gt(lit(d))));
    }

    /** The columns of a silver table no frame reads. */
    public static List<String> unread(String table) {
        List<String> out = new ArrayList<>(UNREAD_EVERYWHERE);
        out.addAll(UNREAD.getOrDefault(table, List.of()));
        return out;
    }

    /**
     * The silver tables a year's gold reads (each a table {@code SilverTables} declares): pinned by
     * the build.
     */
    public static final List<String> SILVER =
            Arrays.stream(Frame.values()).map(Frame::table).distinct().toList();

    private final Map<Frame, Dataset<Row>> frames;
    private final LocalDate householdsDate;

    private YearFrames(Map<Frame, Dataset<Row>> frames, LocalDate householdsDate) {
        this.frames = frames;
        this.householdsDate = householdsDate;
    }

    /**
     * The frames given, every one of {@link Frame}.
     *
     * @param householdsDate the households snapshot date of Y (null when none)
     * @throws IllegalArgumentException naming the frames missing
     */
    public static YearFrames of(Map<Frame, Dataset<Row>> frames, LocalDate householdsDate) {
        EnumMap<Frame, Dataset<Row>> all = new EnumMap<>(Frame.class);
        all.putAll(frames);
        Set<Frame> missing = EnumSet.allOf(Frame.class);
        missing.removeAll(all.keySet());
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("year frames missing: " + missing);
        }
        return new YearFrames(all, householdsDate);
    }

    /** Reads year Y's frames from silver (pinned versions). */
    public static YearFrames read(GoldInputs in, YearInputs year) {
        EnumMap<Frame, Dataset<Row>> frames = new EnumMap<>(Frame.class);
        for (Frame f : Frame.values()) {
            frames.put(f, f.read(in, year));
        }
        return new YearFrames(frames, year.snapshot(YearInputs.HOUSEHOLDS).orElse(null));
    }

    /** The frame. */
    public Dataset<Row> get(Frame frame) {
        return frames.get(frame);
    }

    /** The households snapshot date of Y (null when none). */
    public LocalDate householdsDate() {
        return householdsDate;
    }
}
