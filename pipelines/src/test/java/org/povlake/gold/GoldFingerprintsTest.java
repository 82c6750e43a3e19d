package org.povlake.gold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.povlake.lake.LakeSchemas;
import org.povlake.lake.Lakehouse;
import org.povlake.testing.TestSpark;

/**
 * Fingerprints of a year's frames over a real silver.orders Delta table: they follow the rows in
 * the window (orders of Y and Y−1) and nothing else — not the order of the rows, not where a row
 * came from, not rows outside the window — and a recorded fingerprint whose table version and
 * window are unchanged is reused without reading the table.
 */
class GoldFingerprintsTest {
    @TempDir Path tmp;

    static final String ORDERS =
            "SELECT * FROM VALUES"
                    + " ('O1', 'S1', 2018, 'UPWARD', CAST(100 AS DECIMAL(22,4)), 'f18.csv', 1L),"
                    + " ('O2', 'S1', 2019, 'UPWARD', CAST(200 AS DECIMAL(22,4)), 'f19.csv', 1L),"
                    + " ('O3', 'S2', 2020, CAST(NULL AS STRING), CAST(300 AS DECIMAL(22,4)), 'f20.csv', 1L)"
                    + " AS t(order_id, shop_id, order_year, direction, amount, source_file, record_number)";

    private Lakehouse lake;

    private void write(String sql) {
        Dataset<Row> rows =
                TestSpark.get()
                        .sql(
                                "SELECT order_id, shop_id, '620102001001' AS village_code,"
                                        + " '620102001' AS township_code, '620102' AS county_code, '6201' AS city_code,"
                                        + " CAST(NULL AS TIMESTAMP_NTZ) AS order_time, order_year, direction,"
                                        + " 'FARM_PRODUCE' AS category, amount, 1 AS quantity, 'COMPLETED' AS status,"
                                        + " DATE'2021-01-31' AS as_of_date, source_file, record_number FROM ("
                                        + sql
                                        + ")");
        LakeSchemas.conform(rows, "silver.orders")
                .write()
                .format("delta")
                .mode("overwrite")
                .save(lake.path("silver.orders"));
    }

    private static YearInputs year(int y) {
        return new YearInputs(y, Map.of(), null, Set.of("ecommerce_orders"), true, true);
    }

    private Map<Integer, Map<String, String>> fingerprints(
            Map<Integer, Map<String, String>> prior) {
        return GoldFingerprints.of(new GoldInputs(lake), List.of(year(2019), year(2020)), prior);
    }

    private static String orders(Map<Integer, Map<String, String>> f, int y) {
        return GoldFingerprints.rows(f.get(y).get("ORDERS"));
    }

    @Test
    void aYearsFingerprintFollowsExactlyTheRowsInItsWindow() {
        lake = new Lakehouse(TestSpark.get(), tmp.resolve("lake").toString());
        write(ORDERS);
        Map<Integer, Map<String, String>> first = fingerprints(Map.of());
        assertTrue(orders(first, 2019).startsWith("2:"), first.toString()); // 2018 and 2019
        assertTrue(orders(first, 2020).startsWith("2:"), first.toString()); // 2019 and 2020
        assertEquals(
                "0:0:0",
                GoldFingerprints.rows(first.get(2019).get("CLAIMS")),
                "a table not there: an empty window");
        assertTrue(
                first.get(2019).get("ORDERS").contains(" where "),
                "recorded with its source: " + first);

        // the same rows rewritten, in another order, from other files: nothing changed
        write(ORDERS.replace("'f18.csv', 1L", "'late.csv', 7L") + " ORDER BY order_id DESC");
        Map<Integer, Map<String, String>> rewritten = fingerprints(first);
        assertEquals(orders(first, 2019), orders(rewritten, 2019));
        assertEquals(orders(first, 2020), orders(rewritten, 2020));
        assertNotEquals(
                first.get(2019).get("ORDERS"),
                rewritten.get(2019).get("ORDERS"),
                "a new table version is read again");

        // a 2018 order corrected: 2019 reads it (its growth base), 2020 does not
        write(ORDERS.replace("CAST(100 AS", "CAST(130 AS"));
        Map<Integer, Map<String, String>> corrected = fingerprints(rewritten);
        assertNotEquals(orders(first, 2019), orders(corrected, 2019));
        assertEquals(orders(first, 2020), orders(corrected, 2020));

        // unchanged version and window: the recorded text is taken as it is, the table not read
        Map<Integer, Map<String, String>> forged = new java.util.TreeMap<>();
        corrected.forEach(
                (y, m) -> {
                    Map<String, String> copy = new java.util.TreeMap<>(m);
                    copy.put(
                            "ORDERS",
                            "42:1:2" + m.get("ORDERS").substring(m.get("ORDERS").indexOf(" @ ")));
                    forged.put(y, copy);
                });
        assertEquals("42:1:2", orders(fingerprints(forged), 2019));
    }

    @Test
    void hashSumsPrintInGroupsOfEightSoNoDigitRunLooksLikeAnId() {
        assertEquals("0", GoldFingerprints.text(null));
        assertEquals("de0b6b3_a7640000", GoldFingerprints.text("1000000000000000000"));
        assertEquals("-1", GoldFingerprints.text("-1"));
        assertTrue(
                GoldFingerprints.text("123456789012345678901234567")
                        .matches("[-0-9a-f]{1,8}(_[0-9a-f]{8})*"));
    }
}
