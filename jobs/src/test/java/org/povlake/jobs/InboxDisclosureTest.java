package org.povlake.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.povlake.ingest.ResidentId;
import org.povlake.testing.ResidentIdPattern;

/**
 * A hostile or careless inbox, as the operator runs povlake on it: a CSV without its header (its
 * first row holds a resident ID and a name), a link named like a delivery that points at a file
 * outside the inbox, a JSONL file with a resident ID as a key. No output may repeat the ID or the
 * name: the console, the {@code --report-json} file, the data-quality report (text, JSON, HTML),
 * {@code ops.ingest_log}, the quarantine, the log.
 */
@Tag("end-to-end")
class InboxDisclosureTest {
    static final String ID = "62010219850314123" + ResidentId.checkCharacter("62010219850314123");
    static final String NAME = "欧阳明珠";
    static final String SECRET_ID =
            "62010219790921456" + ResidentId.checkCharacter("62010219790921456");
    static final String SECRET_NAME = "司马文静";
    static final String MEMBERS_HEADER =
            "household_id,id_number,name,relation,sex,birth_date,education,in_school,"
                    + "health,labor_capacity,skill_trained,medical_insurance\n";

    @TempDir Path tmp;

    static String member(String id, String name) {
        return "6201020010010001,"
                + id
                + ","
                + name
                + ",户主,男,"
                + id.substring(6, 10)
                + "-"
                + id.substring(10, 12)
                + "-"
                + id.substring(12, 14)
                + ",初中,否,健康,普通劳动力,否,是\n";
    }

    @Test
    void nothingAFileHoldsIsRepeatedUnlessItIsAColumnName() throws IOException {
        Path inbox = Files.createDirectories(tmp.resolve("inbox"));
        Files.createDirectories(inbox.resolve("registry"));
        Files.createDirectories(inbox.resolve("ecommerce"));
        Files.createDirectories(inbox.resolve("telecom"));
        Files.writeString(inbox.resolve("registry/members_20191231.csv"), member(ID, NAME));
        Path outside =
                Files.writeString(
                        tmp.resolve("someone-elses.csv"),
                        MEMBERS_HEADER + member(SECRET_ID, SECRET_NAME));
        Files.createSymbolicLink(inbox.resolve("registry/members_20181231.csv"), outside);
        Files.writeString(
                inbox.resolve("ecommerce/orders_20191231.jsonl"),
                "{\"order_id\":\"O1\",\"shop_id\":\"S1\",\"order_time\":\"2019-05-01 10:00:00\",\"direction\":\"上行\","
                        + "\"category\":\"农产品\",\"amount\":1,\"status\":\"已完成\",\""
                        + ID
                        + "\":\""
                        + NAME
                        + "\"}\n");
        Files.writeString(
                inbox.resolve("telecom/village_network_20191231.csv"),
                "village_code,operator,fiber_broadband,lte_coverage\n620102001001,CMCC,1,1\n");
        String lake = tmp.resolve("lake").toString();
        Path report = tmp.resolve("out/ingest.json");
        Path quality = tmp.resolve("out/quality");

        List<String> findings = new ArrayList<>();
        PovlakeCliTest.Run ingest =
                PovlakeCliTest.run(
                        "ingest",
                        "--verbose",
                        "--inbox",
                        inbox.toString(),
                        "--lakehouse",
                        lake,
                        "--report-json",
                        report.toString());
        assertEquals(PovlakeCli.REJECTED_FILES, ingest.code(), ingest.out() + ingest.err());
        scan("ingest console", ingest.out() + ingest.err(), findings);
        scan("--report-json", Files.readString(report), findings);

        PovlakeCliTest.Run q =
                PovlakeCliTest.run(
                        "quality", "--verbose", "--lakehouse", lake, "--out", quality.toString());
        assertEquals(PovlakeCli.OK, q.code(), q.out() + q.err());
        scan("quality console", q.out() + q.err(), findings);
        try (Stream<Path> files = Files.list(quality)) {
            for (Path f : files.toList()) {
                scan(f.getFileName().toString(), Files.readString(f), findings);
            }
        }

        for (String table : List.of("ops.ingest_log", "bronze.quarantine")) {
            PovlakeCliTest.Run sql =
                    PovlakeCliTest.run(
                            "sql",
                            "--lakehouse",
                            lake,
                            "--personal-data",
                            "--format",
                            "json",
                            "--max-rows",
                            "1000",
                            "SELECT * FROM " + table);
            assertEquals(PovlakeCli.OK, sql.code(), sql.err());
            scan(table, sql.out(), findings);
        }
        PovlakeCliTest.Run bronze =
                PovlakeCliTest.run(
                        "sql",
                        "--lakehouse",
                        lake,
                        "--personal-data",
                        "--format",
                        "json",
                        "SELECT count(*) AS members FROM bronze.registry_members");
        assertTrue(
                bronze.code() != PovlakeCli.OK || bronze.out().contains("\"members\":0"),
                "nothing of the linked file reached bronze: " + bronze.out());
        Path log = Path.of("target", "test-logs", "povlake.log");
        scan("log", Files.readString(log, StandardCharsets.UTF_8), findings);
        assertEquals(List.of(), findings);
        assertTrue(
                ingest.out().contains("registry/members_20191231.csv")
                        && ingest.out().contains("NO_HEADER"),
                ingest.out());
        assertTrue(
                ingest.out().contains("registry/members_20181231.csv")
                        && ingest.out().contains("NOT_A_REGULAR_FILE"),
                ingest.out());
    }

    static void scan(String where, String text, List<String> findings) {
        for (String s : List.of(ID, NAME, SECRET_ID, SECRET_NAME)) {
            if (text.contains(s)) {
                findings.add(
                        where
                                + ": "
                                + (s.length() == 18 ? "a resident ID" : "a name")
                                + " from the inbox");
            }
        }
        ResidentIdPattern.matches(text).forEach(m -> findings.add(where + ": an ID-shaped number"));
    }
}
