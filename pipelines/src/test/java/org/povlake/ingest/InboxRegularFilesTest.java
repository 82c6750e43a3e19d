package org.povlake.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
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
 * Only regular files are deliveries: a link, a device or a FIFO in the inbox is one rejected row,
 * never opened or followed, and the rest of the run goes on (EXTRACTS.md, "Delivery layout"). A
 * headerless CSV repeats nothing of its first row anywhere.
 */
@Tag("end-to-end")
class InboxRegularFilesTest {
    /** A resident ID with a correct check character, and a name: what must never be repeated. */
    static final String ID = "62010219850314123" + ResidentId.checkCharacter("62010219850314123");

    static final String NAME = "欧阳明珠";
    static final String KEY = "9f3c2a7be1d04c58a6f2e90b7d3c1a45e8b6f0d2c4a79e13b5d8f6a2c0e4b7d9";
    static final String MEMBERS_HEADER =
            "household_id,id_number,name,relation,sex,birth_date,education,in_school,"
                    + "health,labor_capacity,skill_trained,medical_insurance\n";
    static final String MEMBER_ROW =
            "6201020010010001," + ID + "," + NAME + ",户主,男,1985-03-14,初中,否,健康," + "普通劳动力,否,是\n";

    @TempDir Path tmp;
    TestInbox inbox;
    Lakehouse lake;
    List<String> progress;

    @BeforeEach
    void setUp() throws IOException {
        inbox = new TestInbox(Files.createDirectories(tmp.resolve("inbox")));
        lake = new Lakehouse(TestSpark.get(), tmp.resolve("lakehouse").toString());
        progress = new ArrayList<>();
        inbox.write(
                "registry/poor_villages_20191231.csv",
                IngestJobTest.poorVillages(IngestJobTest.V1 + ",2014,"));
    }

    IngestJob.Result ingest() throws IOException {
        return new IngestJob(lake, Contract.get(), progress::add)
                .run(new IngestJob.Options(inbox.path(), null, Set.of()));
    }

    void link(String relative, Path target) throws IOException {
        Path p = inbox.root().resolve(relative);
        Files.createDirectories(p.getParent());
        Files.createSymbolicLink(p, target);
    }

    static Map<String, String> rejections(IngestJob.Result r) {
        return r.files().stream()
                .filter(f -> f.rejection != null)
                .collect(Collectors.toMap(f -> f.path, f -> f.rejection));
    }

    void assertTheValidFileLoaded(IngestJob.Result r) {
        FileOutcome ok = IngestJobTest.file(r, "registry/poor_villages_20191231.csv");
        assertEquals(FileOutcome.Status.LOADED, ok.status, ok.message);
        assertEquals(1, ok.accepted);
    }

    /**
     * Every table of the lakehouse, every outcome's message and columns, every progress line, as
     * one text.
     */
    String everythingWritten(IngestJob.Result r) {
        StringBuilder all = new StringBuilder();
        for (String t : lake.tables()) {
            for (Row row :
                    lake.spark()
                            .read()
                            .format("delta")
                            .load(lake.path(t))
                            .select(to_json(struct(col("*"))))
                            .collectAsList()) {
                all.append(t).append(": ").append(row.getString(0)).append('\n');
            }
        }
        for (FileOutcome f : r.files()) {
            all.append(f.path)
                    .append(' ')
                    .append(f.message)
                    .append(' ')
                    .append(f.extraColumns)
                    .append('\n');
        }
        progress.forEach(p -> all.append(p).append('\n'));
        return all.toString();
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void linksAreRejectedUnfollowedOneRowEachEvenDanglingOrInALoop() throws IOException {
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Path key = Files.writeString(outside.resolve("pseudonym.key"), KEY + "\n");
        Path members =
                Files.writeString(outside.resolve("members.csv"), MEMBERS_HEADER + MEMBER_ROW);
        link("registry/households_20191231.csv", key); // the key, named like a delivery
        link("registry/members_20191231.csv", members); // a readable CSV outside the inbox
        link("registry/archive", outside); // a folder outside the inbox
        link("education/training_20191231.csv", tmp.resolve("nowhere.csv")); // dangling
        link(
                "ecommerce/shops_20191231.csv",
                inbox.root().resolve("ecommerce/shops_20191231.csv")); // itself
        link("telecom/again", inbox.root()); // a folder loop

        IngestJob.Result r = ingest();
        assertEquals(
                Map.of(
                        "registry/households_20191231.csv", "NOT_A_REGULAR_FILE",
                        "registry/members_20191231.csv", "NOT_A_REGULAR_FILE",
                        "registry/archive", "NOT_A_REGULAR_FILE",
                        "education/training_20191231.csv", "NOT_A_REGULAR_FILE",
                        "ecommerce/shops_20191231.csv", "NOT_A_REGULAR_FILE",
                        "telecom/again", "NOT_A_REGULAR_FILE"),
                rejections(r));
        assertEquals(
                7,
                r.files().size(),
                "one row per path: " + r.files().stream().map(f -> f.path).toList());
        assertTheValidFileLoaded(r);
        assertFalse(lake.exists("bronze.registry_members"), "nothing of the linked CSV was loaded");
        assertEquals(
                7, lake.spark().read().format("delta").load(lake.path("ops.ingest_log")).count());

        String written = everythingWritten(r);
        assertFalse(written.contains(KEY), "the key's content");
        assertFalse(written.contains(ID), "the linked file's resident ID");
        assertFalse(written.contains(NAME), "the linked file's name");
        assertEquals(List.of(), ResidentIdPattern.matches(written));
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void devicesAndFifosAreRejectedWithoutBeingOpenedAndTheRunFinishes() throws Exception {
        link("health/facilities_20191231.csv", Path.of("/dev/urandom"));
        link("health/insurance_enrollment_20191231.csv", Path.of("/dev/zero"));
        Path fifo = inbox.root().resolve("education/schools_20191231.csv");
        Files.createDirectories(fifo.getParent());
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assertEquals(0, mkfifo.waitFor(), "mkfifo");

        IngestJob.Result r = ingest();
        assertEquals(
                Map.of(
                        "health/facilities_20191231.csv", "NOT_A_REGULAR_FILE",
                        "health/insurance_enrollment_20191231.csv", "NOT_A_REGULAR_FILE",
                        "education/schools_20191231.csv", "NOT_A_REGULAR_FILE"),
                rejections(r));
        assertEquals(4, r.files().size());
        assertTheValidFileLoaded(r);
        for (FileOutcome f : r.files()) {
            if (f.rejection != null) {
                assertTrue(
                        f.message.contains("not a regular file") || f.message.contains("link"),
                        f.message);
                assertEquals(null, f.sha256, "never read: " + f.path);
            }
        }
    }

    @Test
    void aHeaderlessCsvIsNoHeaderAndNothingOfItsFirstRowIsRepeated() throws IOException {
        inbox.write(
                "registry/members_20191231.csv", MEMBER_ROW + MEMBER_ROW.replace("0001,", "0002,"));
        IngestJob.Result r = ingest();
        FileOutcome f = IngestJobTest.file(r, "registry/members_20191231.csv");
        assertEquals("NO_HEADER", f.rejection, f.message);
        assertEquals(List.of(), f.extraColumns);
        assertTheValidFileLoaded(r);

        String written = everythingWritten(r);
        assertFalse(written.contains(ID), "the first row's resident ID");
        assertFalse(written.contains(NAME), "the first row's name");
        assertEquals(List.of(), ResidentIdPattern.matches(written));
    }
}
