package org.povlake.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.povlake.lake.Lakehouse;
import org.povlake.ops.RunLock;
import org.povlake.testing.ExpectedSilver;

/**
 * {@code povlake demo} on the whole sample inbox (2018–2020), as a new user runs it: ingest, silver
 * with a local key it creates, the data-quality report. Silver must hold what expected-silver.json
 * says; no silver, gold or ops table, report file, console output or log line may hold a resident
 * ID or a name from the input. It runs on the whole shipped reference (all of Gansu), the one
 * end-to-end test that does: the golden files hold every city and county.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("end-to-end")
@Tag("full-reference")
class DemoSilverTest {
    static final Path INBOX = PovlakeCliTest.SAMPLE.resolve("inbox");
    @TempDir static Path tmp;
    Path lake;
    Path reports;
    PovlakeCliTest.Run demo;

    @BeforeAll
    void runDemo() {
        lake = tmp.resolve("lake");
        reports = tmp.resolve("reports");
        demo =
                PovlakeCliTest.run(
                        "demo",
                        "--verbose",
                        "--inbox",
                        INBOX.toString(),
                        "--lakehouse",
                        lake.toString(),
                        "--reports",
                        reports.toString());
    }

    Lakehouse lakehouse() {
        LakehouseOption o = new LakehouseOption();
        o.lakehouse = lake.toString();
        return Spark.lakehouse(o);
    }

    @Test
    void demoBuildsSilverWithALocalKeyAndPrintsTheQualitySummary() throws IOException {
        assertEquals(PovlakeCli.OK, demo.code(), demo.out() + demo.err());
        Path key = lake.resolve(".secrets/pseudonym.key");
        assertTrue(demo.out().contains("created a local pseudonymisation key"), demo.out());
        assertEquals(
                "rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
        assertTrue(demo.out().contains("silver first build"), demo.out());
        assertTrue(demo.out().contains("povlake data-quality report"), demo.out());
        assertTrue(demo.out().contains("Problems: "), demo.out());
        // gold for the sample years, and the province against its targets
        assertTrue(
                demo.out().contains("2018  built")
                        && demo.out().contains("2019  built")
                        && demo.out().contains("2020  built"),
                demo.out());
        assertTrue(demo.out().contains("the province (甘肃省) against the 2020 targets"), demo.out());
        assertTrue(
                demo.out()
                        .lines()
                        .anyMatch(
                                l ->
                                        l.startsWith("TARGET_RETURN_TO_POVERTY")
                                                && l.contains("0.105263")),
                "2020: 2 of the 19 households exited in 2019 returned");
        assertTrue(Files.size(reports.resolve("quality").resolve("quality_report.html")) > 10_000);
        ExpectedSilver.assertMatches(lakehouse(), "all");

        PovlakeCliTest.Run again =
                PovlakeCliTest.run("build-silver", "--lakehouse", lake.toString());
        assertEquals(PovlakeCli.OK, again.code(), again.err());
        assertTrue(again.out().contains("silver is up to date"), again.out());
    }

    @Test
    void theSampleAssessmentsAreWrittenAndMatchTheirGoldenFiles() throws IOException {
        assertTrue(demo.out().contains("== the annual assessments"), demo.out());
        for (int y = 2018; y <= 2020; y++) {
            for (String f :
                    List.of(
                            "assessment_" + y + ".json",
                            "indicators_" + y + ".csv",
                            "assessment_" + y + ".html",
                            "assessment_" + y + ".xlsx")) {
                assertTrue(Files.size(reports.resolve(f)) > 1_000, f);
            }
            GoldenAssessments.assertCsv(
                    reports.resolve("indicators_" + y + ".csv"), "indicators_" + y + ".csv");
        }
        GoldenAssessments.assertJson(
                reports.resolve("assessment_2020.json"), "assessment_2020.json");
        GoldenAssessments.assertCsv(
                reports.resolve("published/indicators_2020.csv"), "published_indicators_2020.csv");
        GoldenAssessments.assertJson(
                reports.resolve("published/assessment_2020.json"),
                "published_assessment_2020.json");
        assertTrue(demo.out().contains("The assessment_2020.html report: file:"), demo.out());
        com.fasterxml.jackson.databind.JsonNode manifest =
                new com.fasterxml.jackson.databind.ObjectMapper()
                        .readTree(reports.resolve("manifest.json").toFile())
                        .get("assessments");
        List<String> years = new ArrayList<>();
        manifest.fieldNames().forEachRemaining(years::add);
        assertEquals(List.of("2018", "2019", "2020"), years);
        assertEquals(BuildInfo.version(), manifest.get("2020").get("code_version").asText());
    }

    @Test
    void analystsReadATablesHistoryAHouseholdsPortraitAndThePast() {
        PovlakeCliTest.Run history =
                PovlakeCliTest.run(
                        "history",
                        "gold.indicators",
                        "--lakehouse",
                        lake.toString(),
                        "--format",
                        "csv");
        assertEquals(PovlakeCli.OK, history.code(), history.err());
        List<String> lines = history.out().lines().toList();
        assertEquals("version,timestamp,operation,parameters,metrics", lines.get(0));
        assertEquals(
                5, lines.size(), "created, then one replaceWhere per gold year: " + history.out());
        assertTrue(
                lines.get(1).startsWith("3,")
                        && lines.get(1).contains("predicate=")
                        && lines.get(1).contains("2020"),
                lines.get(1));
        String yearOneBuilt = lines.get(3).split(",")[1]; // version 1: gold of 2018 only
        assertEquals(
                PovlakeCli.USAGE,
                PovlakeCliTest.run("history", "gold.nope", "--lakehouse", lake.toString()).code());

        // the past: gold.indicators as it was when 2018 had just been built, and as an assessment
        // read it
        PovlakeCliTest.Run then =
                PovlakeCliTest.run(
                        "sql",
                        "--lakehouse",
                        lake.toString(),
                        "--format",
                        "csv",
                        "--as-of",
                        yearOneBuilt,
                        "SELECT DISTINCT year FROM gold.indicators ORDER BY year");
        assertEquals(PovlakeCli.OK, then.code(), then.err());
        assertEquals("year\n2018\n", then.out());
        PovlakeCliTest.Run pinned =
                PovlakeCliTest.run(
                        "sql",
                        "--lakehouse",
                        lake.toString(),
                        "--format",
                        "csv",
                        "--as-of",
                        reports.resolve("assessment_2019.json").toString(),
                        "SELECT count(*) AS cells FROM gold.indicators WHERE year = 2019");
        assertEquals(PovlakeCli.OK, pinned.code(), pinned.err());
        assertEquals("cells\n772075\n", pinned.out());

        // a household's portrait, a column per year; an unknown one is an error
        PovlakeCliTest.Run exited =
                PovlakeCliTest.run(
                        "sql",
                        "--lakehouse",
                        lake.toString(),
                        "--format",
                        "csv",
                        "SELECT household_id FROM gold.household_portrait WHERE year = 2020 AND status = 'EXITED'"
                                + " ORDER BY household_id LIMIT 1");
        String household = exited.out().lines().skip(1).findFirst().orElseThrow();
        PovlakeCliTest.Run portrait =
                PovlakeCliTest.run("portrait", household, "--lakehouse", lake.toString());
        assertEquals(PovlakeCli.OK, portrait.code(), portrait.err());
        assertTrue(
                portrait.out()
                                .lines()
                                .findFirst()
                                .orElseThrow()
                                .matches("field\\s+2018\\s+2019\\s+2020\\s*")
                        || portrait.out()
                                .lines()
                                .findFirst()
                                .orElseThrow()
                                .matches("field\\s+2019\\s+2020\\s*"),
                portrait.out());
        assertTrue(
                portrait.out()
                        .lines()
                        .anyMatch(l -> l.startsWith("status ") && l.trim().endsWith("EXITED")),
                portrait.out());
        PovlakeCliTest.Run json =
                PovlakeCliTest.run(
                        "portrait",
                        household,
                        "--year",
                        "2020",
                        "--format",
                        "json",
                        "--lakehouse",
                        lake.toString());
        assertEquals(1, json.out().lines().count(), json.out());
        assertTrue(json.out().contains("\"exit_all_criteria\""), json.out());
        PovlakeCliTest.Run unknown =
                PovlakeCliTest.run("portrait", "0000", "--lakehouse", lake.toString());
        assertEquals(PovlakeCli.FAILURE, unknown.code());
        assertTrue(unknown.err().contains("no registered household 0000"), unknown.err());
    }

    @Test
    void aNightlyWithNothingNewSaysSoAndOneHoldingTheLockStopsTheNext() throws Exception {
        Lakehouse lh = lakehouse();
        java.util.function.Supplier<java.util.Map<String, Long>> dataVersions =
                () -> {
                    java.util.Map<String, Long> v = new java.util.TreeMap<>();
                    lh.tables().stream()
                            .filter(t -> !t.startsWith("ops."))
                            .forEach(t -> v.put(t, lh.version(t)));
                    return v;
                };
        java.util.Map<String, Long> before = dataVersions.get();
        Path out = tmp.resolve("nightly-reports");
        PovlakeCliTest.Run nothing =
                PovlakeCliTest.run(
                        "nightly",
                        "--inbox",
                        INBOX.toString(),
                        "--lakehouse",
                        lake.toString(),
                        "--out",
                        out.toString());
        assertEquals(PovlakeCli.OK, nothing.code(), nothing.out() + nothing.err());
        assertTrue(
                nothing.out().contains("nothing new: no file loaded, silver and gold up to date"),
                nothing.out());
        assertEquals(before, dataVersions.get(), "no bronze, silver or gold table changed");
        Row logged =
                lh.read(NightlyCommand.RUNS)
                        .orderBy(org.apache.spark.sql.functions.col("started_at").desc())
                        .first();
        assertEquals("nothing_new", logged.getAs("status"));
        assertEquals(0, (int) logged.getAs("exit_code"));
        long inboxFiles;
        try (Stream<Path> files = Files.walk(INBOX)) {
            inboxFiles = files.filter(Files::isRegularFile).count();
        }
        assertEquals(
                inboxFiles,
                (long) logged.getAs("files_skipped"),
                "every file of the inbox, loaded before");
        assertTrue(RunLock.holder(lh).isEmpty(), "the lock is released");

        // a live holder (this test's own process): the next run exits 4 at once and touches nothing
        long runs = lh.read(NightlyCommand.RUNS).count();
        long logVersion = lh.version("ops.ingest_log");
        RunLock.Attempt other = RunLock.acquire(lh, "other", "test", RunLock.DEFAULT_MAX_AGE);
        PovlakeCliTest.Run locked =
                PovlakeCliTest.run(
                        "nightly",
                        "--inbox",
                        INBOX.toString(),
                        "--lakehouse",
                        lake.toString(),
                        "--out",
                        out.toString());
        assertEquals(PovlakeCli.LOCKED, locked.code(), locked.out() + locked.err());
        assertTrue(
                locked.err().contains("another run holds the lakehouse's lock")
                        && locked.err().contains("run other"),
                locked.err());
        assertEquals(runs, lh.read(NightlyCommand.RUNS).count());
        assertEquals(logVersion, lh.version("ops.ingest_log"));
        assertEquals(
                "other",
                RunLock.holder(lh).orElseThrow().runId(),
                "another run's lock is left alone");

        // a holder older than --lock-max-age, alive or not: stale, taken over with a message; the
        // holder then finds
        // the lock is no longer its own, and releasing it leaves it alone
        PovlakeCliTest.Run takeover =
                PovlakeCliTest.run(
                        "nightly",
                        "--inbox",
                        INBOX.toString(),
                        "--lakehouse",
                        lake.toString(),
                        "--out",
                        out.toString(),
                        "--lock-max-age",
                        "0");
        assertEquals(PovlakeCli.OK, takeover.code(), takeover.out() + takeover.err());
        assertTrue(
                takeover.out().contains("took over a stale lock of run other")
                        && takeover.out().contains("older than the maximum age of 0 h"),
                takeover.out());
        assertTrue(RunLock.holder(lh).isEmpty(), "the nightly released the lock");
        assertFalse(other.lock().release(), "taken over: the first holder no longer holds it");
        assertEquals(runs + 1, lh.read(NightlyCommand.RUNS).count());
    }

    @Test
    void oneQueryFindsTheHouseholdsThatExitedIn2019AndReturnedIn2020() throws IOException {
        PovlakeCliTest.Run r =
                PovlakeCliTest.run(
                        "sql",
                        "--lakehouse",
                        lake.toString(),
                        "--format",
                        "csv",
                        DemoCommand.EXITED_AND_RETURNED);
        assertEquals(PovlakeCli.OK, r.code(), r.err());
        List<String> ids =
                r.out().lines().skip(1).map(l -> l.substring(0, l.indexOf(','))).toList();
        List<String> expected = new ArrayList<>();
        ExpectedSilver.scenario("all")
                .get("exited_2019_returned_2020")
                .forEach(n -> expected.add(n.asText()));
        assertEquals(expected, ids);
    }

    @Test
    void noResidentIdOrNameLeavesBronze() throws IOException {
        Lakehouse lh = lakehouse();
        Set<String> ids = new HashSet<>();
        Set<String> names = new HashSet<>();
        collect(lh, "bronze.registry_members", "id_number", ids);
        collect(lh, "bronze.registry_members", "name", names);
        collect(lh, "bronze.registry_households", "head_id_number", ids);
        collect(lh, "bronze.registry_households", "head_name", names);
        collect(lh, "bronze.registry_households", "helper_cadre_id", ids);
        for (String t :
                List.of(
                        "health_insurance_enrollment",
                        "health_inpatient_claims",
                        "education_enrollment",
                        "education_training")) {
            collect(lh, "bronze." + t, "id_number", ids);
        }
        try (Stream<Path> files = Files.walk(INBOX)) { // IDs of quarantined rows too
            for (Path f :
                    files.filter(
                                    p ->
                                            p.toString().endsWith(".csv")
                                                    || p.toString().endsWith(".jsonl"))
                            .toList()) {
                org.povlake.testing.ResidentIdPattern.matches(
                                Files.readString(f, StandardCharsets.ISO_8859_1))
                        .forEach(id -> ids.add(id.toUpperCase()));
            }
        }
        names.removeIf(n -> n.length() < 2);
        assertTrue(
                ids.size() > 200 && names.size() > 200,
                ids.size() + " ids, " + names.size() + " names");

        List<String> findings = new ArrayList<>();
        List<String> scanned = new ArrayList<>();
        for (String t : lh.tables()) {
            if (t.startsWith("bronze.")) {
                continue;
            }
            scanned.add(t);
            // each text-like column's distinct values, all columns of a table in one query (gold
            // has ~800,000 rows a year; numbers, booleans and dates cannot hold a name, and no
            // povlake table keeps an ID in a numeric column), scanned a column at a time
            org.apache.spark.sql.Dataset<Row> table =
                    lh.spark().read().format("delta").load(lh.path(t));
            List<org.apache.spark.sql.Column> values = new ArrayList<>();
            for (org.apache.spark.sql.types.StructField f : table.schema().fields()) {
                if (f.dataType() instanceof org.apache.spark.sql.types.NumericType
                        || f.dataType() instanceof org.apache.spark.sql.types.BooleanType
                        || f.dataType() instanceof org.apache.spark.sql.types.DateType
                        || f.dataType() instanceof org.apache.spark.sql.types.TimestampType
                        || f.dataType() instanceof org.apache.spark.sql.types.TimestampNTZType) {
                    continue;
                }
                values.add(
                        org.apache.spark.sql.functions.struct(
                                org.apache.spark.sql.functions.lit(f.name()).as("c"),
                                org.apache
                                        .spark
                                        .sql
                                        .functions
                                        .to_json(
                                                org.apache.spark.sql.functions.struct(
                                                        org.apache.spark.sql.functions.col(
                                                                f.name())))
                                        .as("v")));
            }
            if (values.isEmpty()) {
                continue;
            }
            java.util.Map<String, StringBuilder> byColumn = new java.util.TreeMap<>();
            for (Row r :
                    table.select(
                                    org.apache
                                            .spark
                                            .sql
                                            .functions
                                            .explode(
                                                    org.apache.spark.sql.functions.array(
                                                            values.toArray(
                                                                    new org.apache.spark.sql.Column
                                                                            [0])))
                                            .as("p"))
                            .select("p.c", "p.v")
                            .distinct()
                            .collectAsList()) {
                byColumn.computeIfAbsent(r.getString(0), k -> new StringBuilder())
                        .append(r.getString(1))
                        .append('\n');
            }
            byColumn.forEach(
                    (column, text) ->
                            scan(t + "." + column, text.toString(), ids, names, findings));
        }
        assertTrue(
                scanned.contains("silver.members")
                        && scanned.contains("silver.orphans")
                        && scanned.contains("gold.household_portrait")
                        && scanned.contains("gold.indicators"),
                scanned.toString());
        try (Stream<Path> files = Files.walk(reports)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                scan(f.toString(), textOf(f), ids, names, findings);
            }
        }
        scan("console output", demo.out() + demo.err(), ids, names, findings);
        Path log = Path.of("target", "test-logs", "povlake.log");
        assertTrue(Files.size(log) > 0, "the test log is written");
        scan("log", Files.readString(log, StandardCharsets.UTF_8), ids, names, findings);
        assertEquals(List.of(), findings);
    }

    /**
     * What a report file says: an xlsx's XML; for the big contract files (every region of Gansu),
     * their distinct strings and numbers, one per line (the same text, scanned once per distinct
     * value); others whole.
     */
    static String textOf(Path f) throws IOException {
        String name = f.getFileName().toString();
        if (name.endsWith(".xlsx")) {
            return unzipText(f);
        }
        if (Files.size(f) < 5_000_000) {
            return Files.readString(f);
        }
        Set<String> distinct = new HashSet<>();
        if (name.endsWith(".json")) {
            try (com.fasterxml.jackson.core.JsonParser p =
                    new com.fasterxml.jackson.core.JsonFactory().createParser(f.toFile())) {
                for (com.fasterxml.jackson.core.JsonToken t; (t = p.nextToken()) != null; ) {
                    if (t == com.fasterxml.jackson.core.JsonToken.FIELD_NAME || t.isScalarValue()) {
                        distinct.add(p.getText());
                    }
                }
            }
        } else {
            try (Stream<String> lines = Files.lines(f)) {
                lines.forEach(l -> distinct.addAll(List.of(l.split(",", -1))));
            }
        }
        return String.join("\n", distinct);
    }

    /** The text of every entry of a zip (an xlsx workbook is XML in a zip). */
    static String unzipText(Path zipFile) throws IOException {
        StringBuilder sb = new StringBuilder();
        try (java.util.zip.ZipInputStream zip =
                new java.util.zip.ZipInputStream(Files.newInputStream(zipFile))) {
            for (java.util.zip.ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                sb.append(new String(zip.readAllBytes(), StandardCharsets.UTF_8)).append('\n');
            }
        }
        return sb.toString();
    }

    static void collect(Lakehouse lh, String table, String column, Set<String> into) {
        lh.spark()
                .read()
                .format("delta")
                .load(lh.path(table))
                .select(column)
                .distinct()
                .collectAsList()
                .forEach(
                        r -> {
                            if (r.get(0) != null) {
                                into.add(r.getString(0).toUpperCase());
                            }
                        });
    }

    static void scan(
            String where, String text, Set<String> ids, Set<String> names, List<String> findings) {
        for (String match : org.povlake.testing.ResidentIdPattern.matches(text)) {
            findings.add(
                    where
                            + ": an 18-character ID pattern"
                            + (ids.contains(match.toUpperCase()) ? " (an input ID)" : ""));
        }
        String upper = text.toUpperCase();
        for (String id : ids) {
            if (upper.contains(id)) {
                findings.add(where + ": an input resident ID");
            }
        }
        for (String n : names) {
            if (text.contains(n)) {
                findings.add(
                        where
                                + ": the name of a person from the input ("
                                + n.length()
                                + " characters)");
            }
        }
    }
}
