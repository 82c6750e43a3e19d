package org.povlake.silver;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.povlake.lake.LakeSchemas;

/**
 * The referential-integrity links of EXTRACTS.md, checked when silver is built. A child row whose
 * parent is missing is an orphan: left out of the conformed table and recorded in {@code
 * silver.orphans} (row locator, link, the missing parent key). Because silver recomputes a child
 * whenever its parent's deliveries change, an orphan joins as soon as its parent arrives.
 */
public final class ReferentialIntegrity {
    public static final String ORPHANS = "silver.orphans";

    private ReferentialIntegrity() {}

    /** The rows that stay and the orphans (in {@code silver.orphans}' shape). */
    public record Split(Dataset<Row> kept, Dataset<Row> orphans) {}

    /**
     * One link of a child to its parent's keys.
     *
     * @param childKey the child's column naming the parent (household_id, shop_id,
     *     operator_household_id)
     * @param parentKeys distinct parent keys, in a column named {@code parent_key} (and
     *     snapshot_date when {@code sameSnapshot})
     * @param sameSnapshot the parent must be in the delivery of the child's as-of date (members →
     *     households)
     */
    public record Link(
            String name, String childKey, Dataset<Row> parentKeys, boolean sameSnapshot) {
        Column condition(Dataset<Row> child, Dataset<Row> parents) {
            Column c = child.col(childKey).equalTo(parents.col("parent_key"));
            return sameSnapshot
                    ? c.and(child.col("snapshot_date").equalTo(parents.col("snapshot_date")))
                    : c;
        }
    }

    /**
     * Splits {@code child} (projected bronze rows with extract-level lineage) on its links: a row
     * missing any parent is left out, with one orphan row per missing link.
     *
     * @param rowKey the child's primary key as a string (pseudonymised where it holds a resident
     *     ID)
     */
    public static Split split(Dataset<Row> child, String extract, Column rowKey, List<Link> links) {
        Dataset<Row> kept = child;
        List<Dataset<Row>> orphans = new ArrayList<>();
        for (Link link : links) {
            Dataset<Row> parents = broadcastIfSmall(link.parentKeys(), link.sameSnapshot());
            kept = kept.join(parents, link.condition(kept, parents), "left_semi");
            Dataset<Row> missing =
                    child.filter(child.col(link.childKey()).isNotNull())
                            .join(parents, link.condition(child, parents), "left_anti");
            orphans.add(orphanRows(missing, extract, rowKey, link));
        }
        Dataset<Row> all = orphans.get(0);
        for (int i = 1; i < orphans.size(); i++) {
            all = all.unionByName(orphans.get(i));
        }
        return new Split(kept, LakeSchemas.conform(all, ORPHANS));
    }

    /**
     * An optional link (shops.operator_household_id): the row always stays; a key whose parent is
     * missing is set to null and recorded as an orphan link.
     */
    public static Split clearMissing(Dataset<Row> child, String extract, Column rowKey, Link link) {
        Dataset<Row> parents =
                broadcastIfSmall(link.parentKeys(), link.sameSnapshot())
                        .select(col("parent_key").as("_parent_key"))
                        .withColumn("_found", lit(true));
        Dataset<Row> joined =
                child.join(
                        parents,
                        child.col(link.childKey()).equalTo(parents.col("_parent_key")),
                        "left");
        Dataset<Row> orphans =
                orphanRows(
                        joined.filter(col(link.childKey()).isNotNull().and(col("_found").isNull())),
                        extract,
                        rowKey,
                        link);
        Dataset<Row> kept =
                joined.withColumn(
                                link.childKey(),
                                when(col("_found").isNull(), lit(null).cast("string"))
                                        .otherwise(col(link.childKey())))
                        .drop("_parent_key", "_found");
        return new Split(kept, LakeSchemas.conform(orphans, ORPHANS));
    }

    /** Child rows whose parent is missing, in silver.orphans' columns. */
    private static Dataset<Row> orphanRows(
            Dataset<Row> missing, String extract, Column rowKey, Link link) {
        return missing.select(
                lit(extract).as("extract"),
                col("_as_of_date").as("as_of_date"),
                col("_source_file").as("source_file"),
                col("_record_number").as("record_number"),
                rowKey.as("row_key"),
                lit(link.name()).as("link"),
                col(link.childKey()).as("missing_key"));
    }

    /** The primary key as one string, e.g. {@code household_id|person_key}. */
    public static Column rowKey(String... columns) {
        return columns.length == 1
                ? col(columns[0])
                : concat_ws(
                        "|",
                        java.util.Arrays.stream(columns).map(Column::new).toArray(Column[]::new));
    }

    /**
     * Parent key sets of households and shops are small (≤ a few million strings): broadcast those
     * of any snapshot.
     */
    private static Dataset<Row> broadcastIfSmall(Dataset<Row> parents, boolean sameSnapshot) {
        return sameSnapshot ? parents : broadcast(parents);
    }
}
