package org.povlake.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.povlake.contract.Contract;
import org.povlake.lake.Lakehouse;
import org.povlake.testing.ResidentIdPattern;
import org.povlake.testing.TestInbox;
import org.povlake.testing.TestSpark;

/**
 * The per-file limits of EXTRACTS.md ("File format"): an over-long record is one BAD_RECORD, a
 * runaway quote or a gzip bomb rejects its file, the shrink guard counts physical lines, and
 * whatever one file does, the other files of the inbox load. Every case is a real file in a
 * temporary inbox, ingested into real Delta tables.
 */
@Tag("end-to-end")
class InboxLimitsTest {
    static final String ASSISTANCE_HEADER =
            "measure_id,household_id,measure_type,start_date,amount\n";
    static final String HH = IngestJobTest.V1 + "0001";

    @TempDir Path tmp;
    TestInbox inbox;
    Lakehouse lake;
    List<String> progress;

    @BeforeEach
    void setUp() throws IOException {
        inbox = new TestInbox(Files.createDirectories(tmp.resolve("inbox")));
        lake = new Lakehouse(TestSpark.get(), tmp.resolve("lakehouse").toString());
        progress = new ArrayList<>();
        // a well-behaved file beside every attack: it must load whatever the other file does
        inbox.write(
                "telecom/village_network_20191231.csv",
                "village_code,operator,fiber_broadband,lte_coverage\n"
                        + IngestJobTest.V1
                        + ",CMCC,1,1\n");
    }

    IngestJob.Result ingest(String... allowShrink) throws IOException {
        return new IngestJob(lake, Contract.get(), progress::add)
                .run(new IngestJob.Options(inbox.path(), null, Set.of(allowShrink)));
    }

    void assertTheOtherFileLoaded(IngestJob.Result r) {
        FileOutcome ok = IngestJobTest.file(r, "telecom/village_network_20191231.csv");
        assertEquals(FileOutcome.Status.LOADED, ok.status, ok.message);
        assertEquals(1, ok.accepted);
    }

    static String assistanceRow(int i) {
        return "M" + i + "," + HH + ",产业扶持,2019-03-01," + (100 + i) + "\n";
    }

    static String assistance(int rows) {
        StringBuilder sb = new StringBuilder(ASSISTANCE_HEADER);
        for (int i = 1; i <= rows; i++) {
            sb.append(assistanceRow(i));
        }
        return sb.toString();
    }

    /** A gzip member of {@code bytes}: a file may hold several, read as one stream. */
    static byte[] gzipMember(byte[] bytes) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (GZIPOutputStream g = new GZIPOutputStream(b, 1 << 16)) {
            g.write(bytes);
        }
        return b.toByteArray();
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aTwoGigabyteRecordInATenMegabyteGzipIsOneBadRecordAndTheRestLoads() throws IOException {
        // 64 MiB of a repeated 4 KiB block of letters (no comma, quote or line break): compresses
        // about 170-fold;
        // written 35 times as gzip members, it is one record of 2.35 GB in a file of about 14 MB
        Random random = new Random(14);
        byte[] block = new byte[4096];
        for (int i = 0; i < block.length; i++) {
            block[i] = (byte) ('a' + random.nextInt(16));
        }
        byte[] chunk = new byte[64 << 20];
        for (int i = 0; i < chunk.length; i += block.length) {
            System.arraycopy(block, 0, chunk, i, block.length);
        }
        byte[] member = gzipMember(chunk);
        chunk = null;
        int members = 35;
        long recordBytes = (long) members * (64 << 20);
        assertTrue(recordBytes > (1L << 31));
        Path gz = inbox.root().resolve("registry/assistance_20191231.csv.gz");
        Files.createDirectories(gz.getParent());
        try (OutputStream out = Files.newOutputStream(gz)) {
            out.write(
                    gzipMember(
                            (ASSISTANCE_HEADER + assistanceRow(1))
                                    .getBytes(StandardCharsets.UTF_8)));
            for (int i = 0; i < members; i++) {
                out.write(member);
            }
            out.write(gzipMember(("\n" + assistanceRow(3)).getBytes(StandardCharsets.UTF_8)));
        }
        assertTrue(Files.size(gz) < 20_000_000, Files.size(gz) + " bytes compressed");

        IngestJob.Result r = ingest();
        assertTheOtherFileLoaded(r);
        FileOutcome f = IngestJobTest.file(r, "registry/assistance_20191231.csv.gz");
        assertEquals(FileOutcome.Status.LOADED, f.status, f.message);
        assertEquals(3, f.read);
        assertEquals(2, f.accepted);
        assertEquals(java.util.Map.of("BAD_RECORD", 1L), f.byReason);
        Row q = lake.spark().read().format("delta").load(lake.path("bronze.quarantine")).first();
        assertEquals(2L, q.getLong(q.fieldIndex("record_number")));
        assertEquals(
                64 * 1024,
                q.getString(q.fieldIndex("raw")).length(),
                "the raw text keeps the first 64 KiB");
        assertTrue(
                q.getList(q.fieldIndex("details")).contains("record:LENGTH=" + recordBytes),
                q.getList(q.fieldIndex("details")).toString());
    }

    @Test
    void aRunawayQuoteRejectsItsFileAndTheRestLoads() throws IOException {
        // one stray quote at the start of a field in row 1,807 of 3,012, never closed
        StringBuilder open = new StringBuilder(ASSISTANCE_HEADER);
        for (int i = 1; i <= 3012; i++) {
            open.append(
                    i == 1807 ? assistanceRow(i).replace(",产业扶持", ",\"产业扶持") : assistanceRow(i));
        }
        inbox.write("registry/assistance_20191231.csv", open.toString());
        // a quote closed again, but only 150 lines later
        StringBuilder late = new StringBuilder(ASSISTANCE_HEADER);
        for (int i = 1; i <= 400; i++) {
            String row = assistanceRow(i);
            if (i == 100) {
                row = row.replace(",产业扶持", ",\"产业扶持");
            } else if (i == 250) {
                row = row.replace(",产业扶持", ",产业扶持\"");
            }
            late.append(row);
        }
        inbox.write("registry/assistance_20181231.csv", late.toString());
        // a quoted field over a few lines is fine
        inbox.write(
                "registry/assistance_20201231.csv",
                ASSISTANCE_HEADER
                        + assistanceRow(1)
                        + "\"M2\n(moved\nfrom 2016)\","
                        + HH
                        + ",产业扶持,2017-03-01,5\n"
                        + assistanceRow(3));

        IngestJob.Result r = ingest();
        assertTheOtherFileLoaded(r);
        FileOutcome never = IngestJobTest.file(r, "registry/assistance_20191231.csv");
        assertEquals("RUNAWAY_QUOTE", never.rejection, never.message);
        assertTrue(never.message.contains("line 1808"), never.message);
        FileOutcome tooLate = IngestJobTest.file(r, "registry/assistance_20181231.csv");
        assertEquals("RUNAWAY_QUOTE", tooLate.rejection, tooLate.message);
        assertTrue(tooLate.message.contains("line 101"), tooLate.message);
        FileOutcome fine = IngestJobTest.file(r, "registry/assistance_20201231.csv");
        assertEquals(FileOutcome.Status.LOADED, fine.status, fine.message);
        assertEquals(3, fine.accepted);
        assertEquals(
                0,
                lake.spark()
                        .read()
                        .format("delta")
                        .load(lake.path("bronze.registry_assistance"))
                        .filter("_as_of_date < DATE'2020-12-31'")
                        .count(),
                "nothing of a rejected file is in bronze");
    }

    @Test
    void aGzipBombIsRejectedAndTheRestLoads() throws IOException {
        byte[] zeros = new byte[64 << 20];
        java.util.Arrays.fill(zeros, (byte) '0');
        Path gz = inbox.root().resolve("registry/assistance_20191231.csv.gz");
        Files.createDirectories(gz.getParent());
        try (OutputStream out = Files.newOutputStream(gz)) {
            out.write(
                    gzipMember(
                            (ASSISTANCE_HEADER + assistanceRow(1))
                                    .getBytes(StandardCharsets.UTF_8)));
            out.write(gzipMember(zeros));
        }
        assertTrue(Files.size(gz) < 100_000, Files.size(gz) + " bytes");

        IngestJob.Result r = ingest();
        assertTheOtherFileLoaded(r);
        FileOutcome f = IngestJobTest.file(r, "registry/assistance_20191231.csv.gz");
        assertEquals("UNREADABLE", f.rejection, f.message);
        assertTrue(f.message.contains("1000-fold"), f.message);
        assertFalse(lake.exists("bronze.registry_assistance"));
    }

    @Test
    void theShrinkGuardComparesPhysicalLines() throws IOException {
        List<String> villages =
                Contract.get().divisions().villageCodes().stream().sorted().limit(12).toList();
        StringBuilder before = new StringBuilder(IngestJobTest.PV_HEADER);
        villages.subList(0, 10).forEach(v -> before.append(v).append(",2014,\n"));
        inbox.write("registry/poor_villages_20181231.csv", before.toString());
        IngestJob.Result first = ingest();
        assertTheOtherFileLoaded(first);
        assertEquals(
                FileOutcome.Status.LOADED,
                IngestJobTest.file(first, "registry/poor_villages_20181231.csv").status);

        // 12 lines, but a quote opened in line 3 closes in line 10: 5 records, one of them 8 lines
        // long
        StringBuilder after = new StringBuilder(IngestJobTest.PV_HEADER);
        for (int i = 0; i < 12; i++) {
            String exit = i == 2 ? "\"2019" : i == 9 ? "2019\"" : "";
            after.append(villages.get(i)).append(",2014,").append(exit).append('\n');
        }
        inbox.write("registry/poor_villages_20191231.csv", after.toString());
        FileOutcome f = IngestJobTest.file(ingest(), "registry/poor_villages_20191231.csv");
        assertEquals("SNAPSHOT_SHRANK", f.rejection, f.message);
        assertTrue(f.message.contains("12 lines"), f.message);

        FileOutcome allowed =
                IngestJobTest.file(
                        ingest("registry/poor_villages_20191231.csv"),
                        "registry/poor_villages_20191231.csv");
        assertEquals(FileOutcome.Status.LOADED, allowed.status, allowed.message);
        assertEquals(5, allowed.read);
    }

    @Test
    void anIngestLogOfAnEarlierPovlakeGainsTheNewColumnsAndItsRowsCountRecordsOnly()
            throws IOException {
        org.apache.spark.sql.types.StructType current =
                org.povlake.contract.TableSchemas.lakehouse("ingest_log");
        org.apache.spark.sql.types.StructType earlier =
                new org.apache.spark.sql.types.StructType(
                        java.util.Arrays.stream(current.fields())
                                .filter(
                                        f ->
                                                !f.name().equals("lines")
                                                        && !f.name()
                                                                .equals("extra_columns_unlisted"))
                                .toArray(org.apache.spark.sql.types.StructField[]::new));
        lake.createIfMissing(IngestJob.INGEST_LOG, earlier, List.of());
        Row loaded2018 =
                org.apache.spark.sql.RowFactory.create(
                        "ingest-earlier",
                        java.sql.Timestamp.valueOf("2019-01-05 02:30:00"),
                        "registry/poor_villages_20181231.csv",
                        "registry",
                        "poor_villages",
                        java.sql.Date.valueOf("2018-12-31"),
                        "0".repeat(64),
                        100L,
                        "UTF-8",
                        "loaded",
                        5L,
                        5L,
                        0L,
                        org.povlake.lake.ScalaValues.map(java.util.Map.of()),
                        0L,
                        null,
                        null,
                        org.povlake.lake.ScalaValues.seq(List.of()),
                        org.povlake.lake.ScalaValues.seq(List.of()),
                        0L);
        lake.spark()
                .createDataFrame(List.of(loaded2018), earlier)
                .write()
                .format("delta")
                .mode("append")
                .save(lake.path(IngestJob.INGEST_LOG));

        // 3 records on 3 lines after 5 records of unknown lines: not half, so it loads (records are
        // compared)
        inbox.write(
                "registry/poor_villages_20191231.csv",
                IngestJobTest.poorVillages(
                        IngestJobTest.V1 + ",2014,",
                        IngestJobTest.V2 + ",2014,",
                        IngestJobTest.V3 + ",2014,"));
        FileOutcome f = IngestJobTest.file(ingest(), "registry/poor_villages_20191231.csv");
        assertEquals(FileOutcome.Status.LOADED, f.status, f.message);
        org.apache.spark.sql.Dataset<Row> log =
                lake.spark().read().format("delta").load(lake.path(IngestJob.INGEST_LOG));
        assertEquals(
                current.fieldNames().length,
                log.schema().fieldNames().length,
                log.schema().treeString());
        assertEquals(
                List.of(
                        "registry/poor_villages_20181231.csv|null",
                        "registry/poor_villages_20191231.csv|3",
                        "telecom/village_network_20191231.csv|1"),
                log
                        .selectExpr(
                                "concat_ws('|', source_file, coalesce(cast(lines AS string), 'null'))")
                        .collectAsList()
                        .stream()
                        .map(r -> r.getString(0))
                        .sorted()
                        .toList());
    }

    @Test
    void jsonlFieldsOutsideTheContractAreDriftReportedByNameOrCounted() throws IOException {
        String id = InboxRegularFilesTest.ID;
        inbox.write(
                "ecommerce/orders_20191231.jsonl",
                "{\"order_id\":\"O1\",\"shop_id\":\"S1\",\"order_time\":\"2019-05-01 10:00:00\",\"direction\":\"上行\","
                        + "\"category\":\"农产品\",\"amount\":12.5,\"status\":\"已完成\",\"note\":\"x\","
                        + "\"buyer_id\":\""
                        + id
                        + "\"}\n"
                        + "{\"order_id\":\"O2\",\"shop_id\":\"S1\",\"order_time\":\"2019-05-01 10:00:00\",\"direction\":\"上行\","
                        + "\"category\":\"农产品\",\"amount\":1,\"status\":\"已完成\",\""
                        + id
                        + "\":\"x\",\"a-b\":1}\n");
        IngestJob.Result r = ingest();
        FileOutcome f = IngestJobTest.file(r, "ecommerce/orders_20191231.jsonl");
        assertEquals(FileOutcome.Status.LOADED, f.status, f.message);
        assertEquals(List.of("buyer_id", "note"), f.extraColumns);
        Row log =
                lake.spark()
                        .read()
                        .format("delta")
                        .load(lake.path("ops.ingest_log"))
                        .filter("source_file = 'ecommerce/orders_20191231.jsonl'")
                        .first();
        assertEquals(List.of("buyer_id", "note"), log.getList(log.fieldIndex("extra_columns")));
        assertEquals(
                2L,
                (long) log.getAs("extra_columns_unlisted"),
                "the two keys that are not column names");
        // the value stays in bronze (bronze may hold personal data), the key that is an ID is never
        // printed
        Row b =
                lake.spark()
                        .read()
                        .format("delta")
                        .load(lake.path("bronze.ecommerce_orders"))
                        .filter("order_id = 'O1'")
                        .first();
        assertEquals(id, b.getJavaMap(b.fieldIndex("_extra")).get("buyer_id"));
        assertEquals(
                List.of(),
                ResidentIdPattern.matches(
                        String.join("\n", progress) + f.extraColumns + f.message));
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aFileStillBeingUploadedIsSkippedAndLoadedByTheNextRun() throws Exception {
        Path file = inbox.write("registry/assistance_20191231.csv", assistance(100_000));
        AtomicBoolean uploading = new AtomicBoolean(true);
        int[] appended = {0};
        Thread upload =
                new Thread(
                        () -> {
                            try (OutputStream out =
                                    Files.newOutputStream(file, StandardOpenOption.APPEND)) {
                                while (uploading.get()) {
                                    out.write(
                                            assistanceRow(100_001 + appended[0])
                                                    .getBytes(StandardCharsets.UTF_8));
                                    out.flush();
                                    appended[0]++;
                                    Thread.sleep(1);
                                }
                            } catch (IOException | InterruptedException e) {
                                throw new IllegalStateException(e);
                            }
                        });
        upload.start();
        IngestJob.Result during;
        try {
            during = ingest();
        } finally {
            uploading.set(false);
            upload.join();
        }
        assertTheOtherFileLoaded(during);
        FileOutcome f = IngestJobTest.file(during, "registry/assistance_20191231.csv");
        assertEquals(FileOutcome.Status.SKIPPED, f.status, f.message);
        assertTrue(f.message.contains("changed while"), f.message);
        assertEquals(
                0,
                lake.spark()
                        .read()
                        .format("delta")
                        .load(lake.path("ops.ingest_log"))
                        .filter(
                                "status = 'loaded' AND source_file = 'registry/assistance_20191231.csv'")
                        .count());

        FileOutcome next = IngestJobTest.file(ingest(), "registry/assistance_20191231.csv");
        assertEquals(FileOutcome.Status.LOADED, next.status, next.message);
        assertEquals(100_000 + appended[0], next.read);
        assertEquals(
                next.read,
                lake.spark()
                        .read()
                        .format("delta")
                        .load(lake.path("bronze.registry_assistance"))
                        .count());
    }

    @Test
    void aFileThatFailsWhileSparkReadsItIsAFailureRowNotAFailedJob() throws IOException {
        byte[] whole = IngestJobTest.gzip(assistance(5_000));
        Path cut = tmp.resolve("cut.csv.gz");
        Files.write(cut, java.util.Arrays.copyOf(whole, whole.length / 2));
        Path good = inbox.write("registry/assistance_20191231.csv", assistance(3));
        Header header =
                Header.match(
                        List.of(ASSISTANCE_HEADER.strip().split(",")),
                        Contract.get().extract("registry", "assistance").orElseThrow());
        DeliveryFile cutFile =
                new DeliveryFile(
                        cut.toUri().toString(),
                        "registry/assistance_20181231.csv.gz",
                        "registry",
                        "assistance",
                        java.time.LocalDate.of(2018, 12, 31),
                        false,
                        true,
                        Files.size(cut),
                        0);
        DeliveryFile goodFile =
                new DeliveryFile(
                        good.toUri().toString(),
                        "registry/assistance_20191231.csv",
                        "registry",
                        "assistance",
                        java.time.LocalDate.of(2019, 12, 31),
                        false,
                        false,
                        Files.size(good),
                        0);
        List<Row> rows =
                RawRecords.read(
                                lake.spark(),
                                List.of(
                                        new RawRecords.FileTask(cutFile, "sha", "UTF-8", header),
                                        new RawRecords.FileTask(goodFile, "sha", "UTF-8", header)),
                                new FileStreams(lake.spark().sparkContext().hadoopConfiguration()))
                        .collectAsList();
        assertEquals(
                3,
                rows.stream()
                        .filter(x -> x.getString(0).equals("registry/assistance_20191231.csv"))
                        .count());
        List<Row> failures = rows.stream().filter(x -> x.getLong(3) == RawRecords.FAILURE).toList();
        assertEquals(1, failures.size());
        assertEquals("registry/assistance_20181231.csv.gz", failures.get(0).getString(0));
        assertEquals(
                "UNREADABLE",
                failures.get(0).getString(failures.get(0).fieldIndex("_record_error")));
        assertTrue(failures.get(0).getString(4).contains("EOF"), failures.get(0).getString(4));
    }
}
