package org.povlake.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.povlake.contract.Contract;
import org.povlake.lake.Lakehouse;
import org.povlake.testing.TestInbox;
import org.povlake.testing.TestSpark;

/**
 * The ingest job on real Delta tables in a temporary folder: delivery semantics and file-level
 * rules.
 */
@Tag("end-to-end")
class IngestJobTest {
    static final String PV_HEADER = "village_code,designated_year,exit_year\n";

    /** Four villages of the reference the tests run on (the sample's counties or all of Gansu). */
    static final List<String> VILLAGES =
            Contract.get().divisions().villageCodes().stream().sorted().limit(4).toList();

    static final String V1 = VILLAGES.get(0);
    static final String V2 = VILLAGES.get(1);
    static final String V3 = VILLAGES.get(2);
    static final String V4 = VILLAGES.get(3);

    @TempDir Path tmp;
    TestInbox inbox;
    Lakehouse lake;
    List<String> progress;

    @BeforeEach
    void setUp() throws IOException {
        inbox = new TestInbox(Files.createDirectories(tmp.resolve("inbox")));
        lake = new Lakehouse(TestSpark.get(), tmp.resolve("lakehouse").toString());
        progress = new ArrayList<>();
    }

    IngestJob.Result ingest(String... allowShrink) throws IOException {
        return new IngestJob(lake, Contract.get(), progress::add)
                .run(new IngestJob.Options(inbox.path(), null, Set.of(allowShrink)));
    }

    static FileOutcome file(IngestJob.Result r, String path) {
        return r.files().stream().filter(f -> f.path.equals(path)).findFirst().orElseThrow();
    }

    Dataset<Row> table(String name) {
        return lake.spark().read().format("delta").load(lake.path(name));
    }

    List<String> rows(String table, String cols, String where) {
        return table(table)
                .filter(where)
                .selectExpr("concat_ws('|', " + cols + ")")
                .collectAsList()
                .stream()
                .map(r -> r.getString(0))
                .sorted()
                .toList();
    }

    static String poorVillages(String... rows) {
        return PV_HEADER + String.join("\n", rows) + "\n";
    }

    @Test
    void snapshotReDeliveryReplacesOnlyItsOwnDateAndIdenticalBytesAreSkipped() throws IOException {
        inbox.write(
                "registry/poor_villages_20181231.csv", poorVillages(V1 + ",2014,", V2 + ",2015,"));
        inbox.write(
                "registry/poor_villages_20191231.csv",
                poorVillages(V1 + ",2014,2019", V2 + ",2015,", V3 + ",2016,"));
        IngestJob.Result first = ingest();
        assertEquals(
                FileOutcome.Status.LOADED,
                file(first, "registry/poor_villages_20181231.csv").status);
        assertEquals(5, table("bronze.registry_poor_villages").count());

        IngestJob.Result again = ingest();
        assertTrue(again.files().stream().allMatch(f -> f.status == FileOutcome.Status.SKIPPED));
        long version = lake.version("bronze.registry_poor_villages");

        // a corrected 2019 delivery: V3 dropped, V4 added, V2 changed
        inbox.write(
                "registry/poor_villages_20191231.csv",
                poorVillages(V1 + ",2014,2019", V2 + ",2015,2019", V4 + ",2017,"));
        IngestJob.Result corrected = ingest();
        assertEquals(
                FileOutcome.Status.SKIPPED,
                file(corrected, "registry/poor_villages_20181231.csv").status);
        assertEquals(
                FileOutcome.Status.LOADED,
                file(corrected, "registry/poor_villages_20191231.csv").status);
        assertEquals(
                List.of(V1 + "|2014|2019", V2 + "|2015|2019", V4 + "|2017"),
                rows(
                        "bronze.registry_poor_villages",
                        "village_code, designated_year, exit_year",
                        "_as_of_date = DATE'2019-12-31'"));
        assertEquals(
                List.of(V1 + "|2014", V2 + "|2015"),
                rows(
                        "bronze.registry_poor_villages",
                        "village_code, designated_year, exit_year",
                        "_as_of_date = DATE'2018-12-31'"));
        assertEquals(
                version + 1, lake.version("bronze.registry_poor_villages"), "one atomic commit");
    }

    @Test
    void eventReDeliveryMergesByKeyAndReplacesThatDeliverysRows() throws IOException {
        String header = "measure_id,household_id,measure_type,start_date,amount\n";
        String hh = V1 + "0001";
        inbox.write(
                "registry/assistance_20181231.csv",
                header
                        + "M1,"
                        + hh
                        + ",小额信贷,2018-03-01,5000\n"
                        + "M2,"
                        + hh
                        + ",医疗救助,2018-05-01,800\n");
        inbox.write(
                "registry/assistance_20191231.csv",
                header
                        + "M2,"
                        + hh
                        + ",医疗救助,2018-05-01,\n" // a correction: the null clears the amount
                        + "M3,"
                        + hh
                        + ",技能培训,2019-04-01,300\n");
        ingest();
        assertEquals(
                List.of(
                        "M1|2018-12-31|5000.0000",
                        "M2|2018-12-31|800.0000",
                        "M2|2019-12-31",
                        "M3|2019-12-31|300.0000"),
                rows("bronze.registry_assistance", "measure_id, _as_of_date, amount", "true"));

        // the 2019 delivery again, changed: M3 gone, M4 new, M2 corrected again
        inbox.write(
                "registry/assistance_20191231.csv",
                header
                        + "M2,"
                        + hh
                        + ",医疗救助,2018-05-01,900\n"
                        + "M4,"
                        + hh
                        + ",产业扶持,2019-06-01,1000\n");
        IngestJob.Result r = ingest();
        assertEquals(FileOutcome.Status.LOADED, file(r, "registry/assistance_20191231.csv").status);
        assertEquals(
                List.of(
                        "M1|2018-12-31|5000.0000",
                        "M2|2018-12-31|800.0000",
                        "M2|2019-12-31|900.0000",
                        "M4|2019-12-31|1000.0000"),
                rows("bronze.registry_assistance", "measure_id, _as_of_date, amount", "true"));
    }

    @Test
    void aSnapshotHalfTheSizeIsRejectedUnlessAllowedAndAnEmptyOneNeverReplaces()
            throws IOException {
        inbox.write(
                "registry/poor_villages_20181231.csv",
                poorVillages(V1 + ",2014,", V2 + ",2015,", V3 + ",2016,"));
        ingest();
        inbox.write("registry/poor_villages_20191231.csv", poorVillages(V1 + ",2014,"));
        IngestJob.Result shrunk = ingest();
        assertEquals(
                "SNAPSHOT_SHRANK", file(shrunk, "registry/poor_villages_20191231.csv").rejection);
        assertEquals(
                0,
                table("bronze.registry_poor_villages")
                        .filter("_as_of_date = DATE'2019-12-31'")
                        .count());

        IngestJob.Result allowed = ingest("registry/poor_villages_20191231.csv");
        assertEquals(
                FileOutcome.Status.LOADED,
                file(allowed, "registry/poor_villages_20191231.csv").status);

        inbox.write("registry/poor_villages_20181231.csv", PV_HEADER);
        IngestJob.Result empty = ingest("registry/poor_villages_20181231.csv");
        assertEquals(
                "EMPTY_SNAPSHOT", file(empty, "registry/poor_villages_20181231.csv").rejection);
        assertEquals(
                3,
                table("bronze.registry_poor_villages")
                        .filter("_as_of_date = DATE'2018-12-31'")
                        .count());
    }

    @Test
    void fileLevelRejectionsNameTheFileAndTheRestLoads() throws IOException {
        inbox.write("weather/rain_20191231.csv", "a\n1\n");
        inbox.write("README.txt", "notes");
        inbox.write("registry/pets_20191231.csv", "a\n");
        inbox.write("registry/households_20190230.csv", "a\n");
        inbox.write("telecom/households_20191231.csv", "a\n");
        inbox.write("registry/poor_villages_20191231.csv", "village_code,exit_year\n" + V1 + ",\n");
        inbox.write(
                "health/facilities_20191231.csv",
                "facility_code,village_code,level,telemedicine,LEVEL\n");
        inbox.write("education/schools_20191231.csv", "");
        byte[] gz =
                gzip(
                        "school_code,village_code,school_type,broadband,classrooms,multimedia_classrooms\n"
                                .repeat(2000));
        inbox.write("education/training_20191231.csv.gz-part", gz);
        inbox.write("ecommerce/shops_20191231.csv.gz", new byte[0]);
        Files.write(
                inbox.root().resolve("ecommerce/service_points_20191231.csv.gz"),
                java.util.Arrays.copyOf(gz, gz.length / 2));
        inbox.write("registry/poor_villages_20181231.csv", PV_HEADER);
        inbox.write("registry/poor_villages_20181231.jsonl", "");
        inbox.write(
                "telecom/village_network_20191231.csv",
                "village_code,operator,fiber_broadband,lte_coverage\n" + V1 + ",CMCC,1,1\n");

        IngestJob.Result r = ingest();
        Map<String, String> rejections =
                r.files().stream()
                        .filter(f -> f.rejection != null)
                        .collect(Collectors.toMap(f -> f.path, f -> f.rejection));
        assertEquals(
                Map.ofEntries(
                        Map.entry("weather/rain_20191231.csv", "UNKNOWN_SOURCE"),
                        Map.entry("README.txt", "BAD_LOCATION"),
                        Map.entry("registry/pets_20191231.csv", "UNKNOWN_EXTRACT"),
                        Map.entry("registry/households_20190230.csv", "BAD_FILE_NAME"),
                        Map.entry("telecom/households_20191231.csv", "WRONG_SOURCE"),
                        Map.entry("registry/poor_villages_20191231.csv", "MISSING_REQUIRED_COLUMN"),
                        Map.entry("health/facilities_20191231.csv", "DUPLICATE_HEADER"),
                        Map.entry("education/schools_20191231.csv", "NO_HEADER"),
                        Map.entry("education/training_20191231.csv.gz-part", "BAD_FILE_NAME"),
                        Map.entry(
                                "ecommerce/shops_20191231.csv.gz",
                                "NO_HEADER"), // a valid gzip of nothing
                        Map.entry("ecommerce/service_points_20191231.csv.gz", "UNREADABLE"),
                        Map.entry("registry/poor_villages_20181231.csv", "AMBIGUOUS_DELIVERY"),
                        Map.entry("registry/poor_villages_20181231.jsonl", "AMBIGUOUS_DELIVERY")),
                rejections);
        assertTrue(
                file(r, "registry/poor_villages_20191231.csv").message.contains("designated_year"));
        FileOutcome network = file(r, "telecom/village_network_20191231.csv");
        assertEquals(FileOutcome.Status.LOADED, network.status);
        assertEquals(1, network.accepted);
        assertEquals(
                List.of("max_broadband_mbps", "broadband_households", "cable_tv_fiber"),
                network.missingOptionalColumns);
        assertTrue(r.anyRejected());
        // every file has its row in the ingest log
        assertEquals(
                r.files().size(),
                table("ops.ingest_log").filter("batch_id = '" + r.batchId() + "'").count());
    }

    @Test
    void gb18030IsDetectedAndBadBytesAreQuarantinedNotReplaced() throws IOException {
        String header = "facility_code,village_code,level,telemedicine\n";
        inbox.write(
                "health/facilities_20191231.csv",
                header + "F1," + V1 + ",村卫生室,是\nF2," + V2 + ",乡镇卫生院,否\n",
                java.nio.charset.Charset.forName("GB18030"));
        byte[] good = (header + "F3," + V1 + ",村卫生室,是\n").getBytes(StandardCharsets.UTF_8);
        byte[] bad = ("F4," + V2 + ",村卫生室,").getBytes(StandardCharsets.UTF_8);
        byte[] row = new byte[bad.length + 3];
        System.arraycopy(bad, 0, row, 0, bad.length);
        row[bad.length] = (byte) 0xff; // not UTF-8
        row[bad.length + 1] = '\n';
        row[bad.length + 2] = '\n';
        byte[] all = new byte[good.length + row.length];
        System.arraycopy(good, 0, all, 0, good.length);
        System.arraycopy(row, 0, all, good.length, row.length);
        inbox.write("health/facilities_20181231.csv", all);
        IngestJob.Result r = ingest();
        FileOutcome gb = file(r, "health/facilities_20191231.csv");
        assertEquals("GB18030", gb.charset);
        assertEquals(2, gb.accepted);
        assertEquals(
                List.of("VILLAGE_CLINIC", "TOWNSHIP_CENTER"),
                table("bronze.health_facilities")
                        .filter("_as_of_date = DATE'2019-12-31'")
                        .orderBy("facility_code")
                        .select("level")
                        .collectAsList()
                        .stream()
                        .map(x -> x.getString(0))
                        .toList());
        FileOutcome utf = file(r, "health/facilities_20181231.csv");
        assertEquals("UTF-8", utf.charset);
        assertEquals(Map.of("BAD_ENCODING", 1L), utf.byReason);
        assertEquals(1, utf.blankLines);
        Row q =
                table("bronze.quarantine")
                        .filter("source_file = 'health/facilities_20181231.csv'")
                        .first();
        assertEquals(2L, q.getLong(q.fieldIndex("record_number")));
        assertTrue(q.getString(q.fieldIndex("raw")).contains("\uFFFD"));
    }

    @Test
    void jsonlAndGzipLoadWithLineNumbers() throws IOException {
        inbox.write(
                "ecommerce/orders_20191231.jsonl.gz",
                "{\"order_id\":\"O1\",\"shop_id\":\"S1\",\"order_time\":\"2019-05-01 10:00:00\",\"direction\":\"上行\","
                        + "\"category\":\"农产品\",\"amount\":1234.50,\"quantity\":3,\"status\":\"已完成\",\"note\":\"x\"}\n"
                        + "\n"
                        + "[1,2]\n"
                        + "{\"order_id\":2,\"shop_id\":\"S1\",\"order_time\":\"2019-05-01 10:00:00\",\"direction\":\"UPWARD\","
                        + "\"category\":\"FARM_PRODUCE\",\"amount\":\"1.5\",\"status\":\"COMPLETED\"}\n");
        IngestJob.Result r = ingest();
        FileOutcome o = file(r, "ecommerce/orders_20191231.jsonl.gz");
        assertEquals(3, o.read);
        assertEquals(1, o.accepted);
        assertEquals(Map.of("BAD_TYPE", 2L), o.byReason);
        assertEquals(
                List.of(3L, 4L),
                table("bronze.quarantine")
                        .orderBy("record_number")
                        .select("record_number")
                        .collectAsList()
                        .stream()
                        .map(x -> x.getLong(0))
                        .toList());
        Row b = table("bronze.ecommerce_orders").first();
        assertEquals("1234.5000", b.getDecimal(b.fieldIndex("amount")).toPlainString());
        assertEquals("x", b.getJavaMap(b.fieldIndex("_extra")).get("note"));
    }

    @Test
    void reRunningTheSameInboxChangesNoTable() throws IOException {
        inbox.write(
                "registry/poor_villages_20181231.csv",
                poorVillages(V1 + ",2014,", V1 + ",2014,", "bad,2014,"));
        inbox.write(
                "registry/assistance_20181231.csv",
                "measure_id,household_id,measure_type,start_date,amount\nM1,"
                        + V1
                        + "0001,INDUSTRY,2018-03-01,1\n");
        ingest();
        Map<String, Long> versions = new java.util.TreeMap<>();
        for (String t :
                List.of(
                        "bronze.registry_poor_villages",
                        "bronze.registry_assistance",
                        "bronze.quarantine")) {
            versions.put(t, lake.version(t));
        }
        IngestJob.Result again = ingest();
        assertFalse(again.anyRejected());
        for (Map.Entry<String, Long> e : versions.entrySet()) {
            assertEquals(e.getValue(), lake.version(e.getKey()), e.getKey() + " unchanged");
        }
        assertNull(file(again, "registry/poor_villages_20181231.csv").bronzeVersion);
    }

    static byte[] gzip(String text) throws IOException {
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream g = new java.util.zip.GZIPOutputStream(b)) {
            g.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return b.toByteArray();
    }
}
