package org.povlake.silver;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.lead;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.when;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * {@code silver.households}: the registry snapshots folded into a history (SCD type 2). A new
 * period starts when a household first appears (IDENTIFIED), when any attribute differs from the
 * previous snapshot (CHANGED), or when it is back after being absent from one or more snapshots
 * (REAPPEARED); a period ends at the first later snapshot that changed it or lacks it. Built from
 * every households delivery at once ({@link #build}), so it is the same whatever order the
 * deliveries arrived in; or, when the deliveries before some date are unchanged and that should
 * read less ({@link #foldFromPays}), from that date on ({@link #rebuildFrom}), giving the same
 * table.
 */
public final class HouseholdHistory {
    public static final String TABLE = "silver.households";

    /** The columns whose values make a period: everything the registry says about the household. */
    static final List<String> ATTRIBUTES =
            List.of(
                    "village_code",
                    "head_person_key",
                    "household_size",
                    "poverty_attribute",
                    "identification_year",
                    "status",
                    "exit_year",
                    "primary_cause",
                    "secondary_causes",
                    "per_capita_net_income",
                    "housing_safe",
                    "drinking_water_safe",
                    "has_broadband",
                    "has_smart_terminal",
                    "helper_key");

    private HouseholdHistory() {}

    /**
     * @param snapshots one row per household per delivery: household_id, snapshot_date, the {@link
     *     #ATTRIBUTES}, source_file, record_number (bronze after {@link BronzeProjection})
     * @param dates column snapshot_date: every households delivery, including one that held no rows
     */
    public static Dataset<Row> build(Dataset<Row> snapshots, Dataset<Row> dates) {
        Dataset<Row> index =
                dates.select("snapshot_date")
                        .distinct()
                        .withColumn("idx", row_number().over(Window.orderBy("snapshot_date")));
        Column attrs = struct(ATTRIBUTES.stream().map(Column::new).toArray(Column[]::new));
        WindowSpec byHousehold = Window.partitionBy("household_id").orderBy("idx");
        WindowSpec wholeHousehold =
                byHousehold.rowsBetween(Window.unboundedPreceding(), Window.unboundedFollowing());

        Dataset<Row> marked =
                snapshots
                        .join(broadcast(index), "snapshot_date")
                        .withColumn("_attrs", attrs)
                        .withColumn("prev_idx", lag("idx", 1).over(byHousehold))
                        .withColumn("prev_attrs", lag("_attrs", 1).over(byHousehold))
                        .withColumn("previous_status", lag("status", 1).over(byHousehold))
                        .withColumn("last_idx_of_household", max("idx").over(wholeHousehold))
                        .withColumn(
                                "change",
                                when(col("prev_idx").isNull(), "IDENTIFIED")
                                        .when(
                                                col("prev_idx").notEqual(col("idx").minus(1)),
                                                "REAPPEARED")
                                        .when(
                                                not(col("_attrs").eqNullSafe(col("prev_attrs"))),
                                                "CHANGED"))
                        .filter(col("change").isNotNull());

        WindowSpec byPeriod = Window.partitionBy("household_id").orderBy("idx");
        Dataset<Row> periods =
                marked.withColumn("version", row_number().over(byPeriod))
                        .withColumn("next_change", lead("change", 1).over(byPeriod))
                        .withColumn("next_prev_idx", lead("prev_idx", 1).over(byPeriod))
                        .withColumn(
                                "last_idx",
                                when(col("next_change").isNull(), col("last_idx_of_household"))
                                        .otherwise(col("next_prev_idx")));
        Dataset<Row> ends =
                index.select(
                        col("idx").minus(1).as("last_idx"), col("snapshot_date").as("valid_to"));
        return periods.join(
                        broadcast(ends),
                        periods.col("last_idx").equalTo(ends.col("last_idx")),
                        "left")
                .drop(ends.col("last_idx"))
                .withColumn("valid_from", col("snapshot_date"))
                .withColumn("is_current", col("valid_to").isNull())
                .withColumn(
                        "previous_status",
                        when(col("change").equalTo("IDENTIFIED"), lit(null))
                                .otherwise(col("previous_status")))
                .withColumn(
                        "end_reason",
                        when(col("valid_to").isNull(), lit(null))
                                .when(col("next_change").equalTo("CHANGED"), "CHANGED")
                                .otherwise("ABSENT"))
                .withColumn("township_code", substring(col("village_code"), 1, 9))
                .withColumn("county_code", substring(col("village_code"), 1, 6))
                .withColumn("city_code", substring(col("village_code"), 1, 4));
    }

    /**
     * The system property that overrides the choice of {@link #foldFromPays}: {@code always} folds
     * from the delivery before the first changed one whenever the table allows it, {@code never}
     * always folds every delivery. Unset (production), the estimate decides.
     */
    public static final String FOLD_PROPERTY = "povlake.silver.householdsFold";

    /**
     * Rows a fold from a delivery reads for every row of the history it keeps: the table is read
     * three times (the periods it keeps, those it continues, each household's earlier periods) and
     * joined twice on household_id. Calibrated on the 1 % and 10 % new-year benches (a fold of two
     * of five snapshots cost 1.39× and 1.24× the full fold, against 1.47× estimated at 1 %).
     */
    static final int HISTORY_READ_WEIGHT = 3;

    /**
     * Whether folding from a delivery ({@link #rebuildFrom}) should cost less than folding every
     * delivery ({@link #build}); both write the whole table, so the estimate compares what each
     * reads: the full fold every snapshot row, the fold from a delivery the snapshot rows from it
     * on plus {@value #HISTORY_READ_WEIGHT} reads of the history. With annual snapshots the full
     * fold wins until the history is long (at five snapshots, a new year: 2 + 3 × ~1.3 against 5
     * rows per household); with monthly deliveries the fold from a delivery wins early.
     *
     * @param tailRows snapshot rows of the deliveries from the one before the first changed one on
     * @param allRows snapshot rows of every delivery
     * @param historyRows rows (periods) of the history table now
     */
    public static boolean foldFromPays(long tailRows, long allRows, long historyRows) {
        String forced = System.getProperty(FOLD_PROPERTY, "");
        if (forced.equals("always")) {
            return true;
        }
        if (forced.equals("never")) {
            return false;
        }
        return tailRows + HISTORY_READ_WEIGHT * historyRows < allRows;
    }

    /**
     * The periods a change of the deliveries from {@code from} on touches: those that begin on or
     * after it and those still open at the delivery before it. A period that ended before {@code
     * from} was closed by deliveries that did not change.
     */
    public static String touchedFrom(LocalDate from) {
        String d = "DATE'" + from + "'";
        return "valid_from >= " + d + " OR valid_to IS NULL OR valid_to >= " + d;
    }

    /**
     * The periods that replace {@link #touchedFrom}{@code (from)} in {@code before}, so that the
     * table equals {@link #build} over every delivery. {@code from} is the first changed delivery
     * and {@code previous} the delivery before it (unchanged, as is every earlier one).
     *
     * <p>The deliveries from {@code previous} on are folded as a history of their own; its periods
     * are then placed in the whole history: a period open at {@code previous} keeps its beginning
     * (version, change, previous status) from {@code before} and takes its end from the new fold; a
     * later period's version counts the earlier ones; a household seen before but absent from
     * {@code previous} is REAPPEARED, not IDENTIFIED, with its last known status as its previous
     * status.
     *
     * @param before the history as built before the change (silver.households)
     * @param snapshots the households deliveries from {@code previous} on, as for {@link #build}
     * @param dates every households delivery date from {@code previous} on
     */
    public static Dataset<Row> rebuildFrom(
            Dataset<Row> before,
            Dataset<Row> snapshots,
            Dataset<Row> dates,
            LocalDate previous,
            LocalDate from) {
        Column fromDate = lit(Date.valueOf(from));
        Column open = col("valid_to").isNull().or(col("valid_to").geq(fromDate));
        Dataset<Row> earlier = before.filter(col("valid_from").lt(fromDate));
        Dataset<Row> known =
                earlier.groupBy("household_id")
                        .agg(
                                count(lit(1)).cast("int").as("_periods"),
                                max(when(open, 1).otherwise(0)).as("_open"),
                                max_by(col("status"), col("valid_from")).as("_last_status"));
        Dataset<Row> tail = build(snapshots, dates);
        Dataset<Row> ends =
                tail.filter(col("valid_from").equalTo(lit(Date.valueOf(previous))))
                        .select("household_id", "valid_to", "is_current", "end_reason");
        Dataset<Row> continued =
                earlier.filter(open)
                        .drop("valid_to", "is_current", "end_reason")
                        .join(ends, "household_id");
        Column reappeared =
                col("change").equalTo("IDENTIFIED").and(coalesce(col("_periods"), lit(0)).gt(0));
        Dataset<Row> later =
                tail.filter(col("valid_from").geq(fromDate))
                        .join(known, "household_id", "left")
                        .withColumn(
                                "version",
                                col("version")
                                        .plus(coalesce(col("_periods"), lit(0)))
                                        .minus(coalesce(col("_open"), lit(0))))
                        .withColumn(
                                "previous_status",
                                when(reappeared, col("_last_status"))
                                        .otherwise(col("previous_status")))
                        .withColumn(
                                "change", when(reappeared, "REAPPEARED").otherwise(col("change")))
                        .drop("_periods", "_open", "_last_status");
        Column[] columns = Arrays.stream(before.columns()).map(Column::new).toArray(Column[]::new);
        return continued.select(columns).unionByName(later.select(columns));
    }
}
