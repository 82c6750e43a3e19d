package org.povlake.gold;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The silver a year's gold is computed from, already resolved to the snapshot of Y (METRICS.md):
 * snapshot extracts as their snapshot of Y (empty when there is none), event extracts whole (every
 * delivery, latest versions). Each frame is declared once, in {@link Frame}: its silver table and
 * how year Y cuts it. The tables gold pins ({@link #SILVER}), what a build reads ({@link #read})
 * and what a test must give ({@link #of}) all follow from that list.
 */
public final class YearFrames {
    /** How one frame is read for a year. */
    @FunctionalInterface
    interface Cut {
        Dataset<Row> read(GoldInputs in, YearInputs year, String table);
    }

    /** The frames of a year, each with the silver table it is read from. */
    public enum Frame {
        REGIONS("silver.regions", whole()),
        /** The households as of the households snapshot of Y. */
        HOUSEHOLDS(
                "silver.households",
                (in, y, t) -> in.householdsAt(y.snapshot(YearInputs.HOUSEHOLDS).orElse(null))),
        /** The households as of the snapshot of Y−1 (empty when none). */
        HOUSEHOLDS_PREVIOUS(
                "silver.households", (in, y, t) -> in.householdsAt(y.householdsPrevious())),
        /** silver.households, every version (for the portrait's status history). */
        HISTORY("silver.households", whole()),
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
        SHOPS_UP_TO_Y(
                "silver.shops",
                (in, y, t) ->
                        in.table(t)
                                .where(
                                        col("snapshot_date")
                                                .leq(lit(LocalDate.of(y.year(), 12, 31))))),
        LINKS("silver.shop_household_links", snapshotOf("ecommerce_shop_household_links")),
        ASSISTANCE("silver.assistance", whole()),
        CLAIMS("silver.inpatient_claims", whole()),
        TRAINING("silver.training", whole()),
        ORDERS("silver.orders", whole());

        private final String table;
        private final Cut cut;

        Frame(String table, Cut cut) {
            this.table = table;
            this.cut = cut;
        }

        /** The silver table the frame is read from. */
        public String table() {
            return table;
        }

        /** The whole table (event extracts: every delivery, latest versions). */
        private static Cut whole() {
            return (in, y, table) -> in.table(table);
        }

        /** The table's rows of the extract's snapshot of Y (none when Y has no snapshot). */
        private static Cut snapshotOf(String extract) {
            return (in, y, table) -> in.snapshot(table, y.snapshot(extract).orElse(null));
        }
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
            frames.put(f, f.cut.read(in, year, f.table));
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
