package org.povlake.silver;

import static org.apache.spark.sql.functions.col;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.povlake.testing.FrameAssert;
import org.povlake.testing.TestSpark;

/**
 * Orphans are left out and recorded, one row per missing link; an optional link is only cleared.
 */
class ReferentialIntegrityTest {
    static final SparkSession SPARK = TestSpark.get();

    static Dataset<Row> keys(String values, boolean withDate) {
        return SPARK.sql(
                "SELECT "
                        + (withDate ? "DATE(d) AS snapshot_date, " : "")
                        + "k AS parent_key FROM VALUES "
                        + values
                        + " AS t("
                        + (withDate ? "d, " : "")
                        + "k)");
    }

    @Test
    void membersNeedTheirHouseholdInTheSameSnapshot() {
        Dataset<Row> members =
                SPARK.sql(
                        "SELECT DATE(d) AS snapshot_date, DATE(d) AS _as_of_date, h AS household_id,"
                                + " p AS person_key, 'members.csv' AS _source_file, CAST(n AS BIGINT) AS _record_number FROM VALUES"
                                + " ('2018-12-31', 'H1', 'p1', 1), ('2019-12-31', 'H1', 'p1', 2), ('2019-12-31', 'H9', 'p2', 3)"
                                + " AS t(d, h, p, n)");
        // H1 is in both snapshots; H9 only in 2018's
        Dataset<Row> households =
                keys("('2018-12-31', 'H1'), ('2019-12-31', 'H1'), ('2018-12-31', 'H9')", true);
        ReferentialIntegrity.Split split =
                ReferentialIntegrity.split(
                        members,
                        "registry_members",
                        ReferentialIntegrity.rowKey("household_id", "person_key"),
                        List.of(
                                new ReferentialIntegrity.Link(
                                        "household", "household_id", households, true)));
        FrameAssert.assertSameRows(
                SPARK.sql("SELECT CAST(n AS BIGINT) AS n FROM VALUES (1), (2) AS t(n)"),
                split.kept().select(col("_record_number").as("n")));
        FrameAssert.assertSameRows(
                SPARK.sql(
                        "SELECT 'registry_members' AS extract, DATE'2019-12-31' AS as_of_date,"
                                + " 'members.csv' AS source_file, 3L AS record_number, 'H9|p2' AS row_key, 'household' AS link,"
                                + " 'H9' AS missing_key"),
                split.orphans());
    }

    @Test
    void aLinkMissingBothParentsIsAnOrphanOfEach() {
        Dataset<Row> links =
                SPARK.sql(
                        "SELECT DATE'2019-12-31' AS _as_of_date, s AS shop_id, h AS household_id,"
                                + " 'links.csv' AS _source_file, CAST(n AS BIGINT) AS _record_number FROM VALUES"
                                + " ('S1', 'H1', 1), ('S9', 'H1', 2), ('S1', 'H9', 3), ('S9', 'H9', 4) AS t(s, h, n)");
        ReferentialIntegrity.Split split =
                ReferentialIntegrity.split(
                        links,
                        "ecommerce_shop_household_links",
                        ReferentialIntegrity.rowKey("shop_id", "household_id"),
                        List.of(
                                new ReferentialIntegrity.Link(
                                        "shop", "shop_id", keys("('S1')", false), false),
                                new ReferentialIntegrity.Link(
                                        "household",
                                        "household_id",
                                        keys("('H1')", false),
                                        false)));
        FrameAssert.assertSameRows(
                SPARK.sql("SELECT 1L AS n"), split.kept().select(col("_record_number").as("n")));
        FrameAssert.assertSameRows(
                SPARK.sql(
                        "SELECT CAST(n AS BIGINT) AS record_number, link, k AS missing_key"
                                + " FROM VALUES (2, 'shop', 'S9'), (4, 'shop', 'S9'), (3, 'household', 'H9'), (4, 'household', 'H9')"
                                + " AS t(n, link, k)"),
                split.orphans().select("record_number", "link", "missing_key"));
    }

    @Test
    void anUnknownOperatorHouseholdIsClearedAndTheShopStays() {
        Dataset<Row> shops =
                SPARK.sql(
                        "SELECT DATE'2019-12-31' AS _as_of_date, s AS shop_id, h AS operator_household_id,"
                                + " 'shops.csv' AS _source_file, CAST(n AS BIGINT) AS _record_number FROM VALUES"
                                + " ('S1', 'H1', 1), ('S2', 'H9', 2), ('S3', NULL, 3) AS t(s, h, n)");
        ReferentialIntegrity.Split split =
                ReferentialIntegrity.clearMissing(
                        shops,
                        "ecommerce_shops",
                        col("shop_id"),
                        new ReferentialIntegrity.Link(
                                "operator_household",
                                "operator_household_id",
                                keys("('H1')", false),
                                false));
        FrameAssert.assertSameRows(
                SPARK.sql(
                        "SELECT s AS shop_id, h AS operator_household_id FROM VALUES"
                                + " ('S1', 'H1'), ('S2', NULL), ('S3', NULL) AS t(s, h)"),
                split.kept().select("shop_id", "operator_household_id"));
        FrameAssert.assertSameRows(
                SPARK.sql(
                        "SELECT 'S2' AS row_key, 'operator_household' AS link, 'H9' AS missing_key"),
                split.orphans().select("row_key", "link", "missing_key"));
    }
}
