package org.povlake.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The CLI as a user runs it: exit codes, output, the JSON report, tables and sql. */
@Tag("end-to-end")
class PovlakeCliTest {
    static final Path SAMPLE = Path.of("..", "sample-data");

    @TempDir Path tmp;

    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = PovlakeCli.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void ingestWithRejectedFilesExitsThreeAndWritesTheReport() throws Exception {
        String lake = tmp.resolve("lake").toString();
        Path report = tmp.resolve("out/report.json");
        Run r =
                run(
                        "ingest",
                        "--inbox",
                        SAMPLE.resolve("file-faults").toString(),
                        "--lakehouse",
                        lake,
                        "--report-json",
                        report.toString());
        assertEquals(PovlakeCli.REJECTED_FILES, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("rejected  weather/rain_20191231.csv"), r.out());
        assertTrue(r.out().contains("UNKNOWN_SOURCE"), r.out());
        assertTrue(r.out().contains("1 loaded, 0 skipped, 12 rejected"), r.out());
        JsonNode json = new ObjectMapper().readTree(report.toFile());
        assertEquals(3, json.get("exit_code").asInt());
        assertEquals(13, json.get("files").size());
        JsonNode first = json.get("files").get(0);
        for (String field :
                new String[] {
                    "path", "status", "read", "accepted", "quarantined", "by_reason", "rejection"
                }) {
            assertTrue(first.has(field), field);
        }

        Run again =
                run(
                        "ingest",
                        "--inbox",
                        SAMPLE.resolve("file-faults").toString(),
                        "--lakehouse",
                        lake);
        assertEquals(PovlakeCli.REJECTED_FILES, again.code(), again.out() + again.err());
        assertTrue(again.out().contains("0 loaded, 1 skipped, 12 rejected"), again.out());
        assertTrue(
                again.out().contains("(reconciled)"),
                "a skipped file's rows were reconciled when loaded: " + again.out());

        Run tables = run("tables", "--lakehouse", lake, "--format", "csv");
        assertEquals(0, tables.code(), tables.err());
        assertTrue(
                tables.out()
                        .startsWith("table,layer,rows,rows_from,files,size,version,last_update\n"),
                tables.out());
        assertTrue(
                tables.out().contains("bronze.registry_poor_villages,bronze,0,stats,"),
                tables.out());
        assertTrue(
                tables.out().contains("ops.ingest_log,ops,26,stats,"),
                tables.out()); // two runs of 13 files
        tablesAgreeWithTheirCounts(lake);
        historyPrintsItsValuesWhole(lake, "bronze.registry_poor_villages");
        String ingestHistory = historyPrintsItsValuesWhole(lake, "ops.ingest_log");
        assertTrue(
                ingestHistory
                        .lines()
                        .anyMatch(l -> l.matches("metrics: +numFiles=\\d+ numOutputRows=13")),
                ingestHistory);

        Run sql =
                run(
                        "sql",
                        "--lakehouse",
                        lake,
                        "--format",
                        "csv",
                        "SELECT status, count(*) AS files FROM ops.ingest_log GROUP BY status ORDER BY status");
        assertEquals(0, sql.code(), sql.err());
        assertEquals("status,files\nloaded,1\nrejected,24\nskipped,1\n", sql.out());

        Run bad = run("sql", "--lakehouse", lake, "SELECT nope FROM ops.ingest_log");
        assertEquals(PovlakeCli.USAGE, bad.code());
        assertTrue(bad.err().contains("nope"), bad.err());
        assertFalse(bad.err().contains("\tat "), "no stack trace without --verbose");

        // the read-only door: a syntax error shows Spark's position, a write is refused by kind
        Run typo = run("sql", "--lakehouse", lake, "SELEC * FROM gold.indicators");
        assertEquals(PovlakeCli.USAGE, typo.code());
        String typoLine = typo.err().lines().findFirst().orElse("");
        assertTrue(
                typoLine.startsWith(
                        "povlake sql: [PARSE_SYNTAX_ERROR] Syntax error at or near 'SELEC'"),
                typo.err());
        assertTrue(typoLine.contains("(line 1, pos 0)"), typo.err());
        Run drop = run("sql", "--lakehouse", lake, "DROP TABLE ops.ingest_log");
        assertEquals(PovlakeCli.USAGE, drop.code());
        assertEquals("povlake sql: refused: DDL (DROP) — SQL here only reads\n", drop.err());
        Run still =
                run(
                        "sql",
                        "--lakehouse",
                        lake,
                        "--format",
                        "csv",
                        "SELECT count(*) AS n FROM ops.ingest_log");
        assertEquals("n\n26\n", still.out(), still.err());

        // bronze (personal data) only with --personal-data, and then every statement is logged
        // with its literals masked
        String quarantined =
                "SELECT count(*) AS n FROM bronze.quarantine WHERE source_file <> 'x 620102198001011234'";
        Run hidden = run("sql", "--lakehouse", lake, quarantined);
        assertEquals(PovlakeCli.USAGE, hidden.code());
        assertTrue(
                hidden.err().startsWith("povlake sql: refused: bronze.quarantine — bronze and"),
                hidden.err());
        assertFalse(
                new java.io.File(lake, "ops/access_log").exists(),
                "nothing logged without the option");
        Run shown =
                run("sql", "--lakehouse", lake, "--personal-data", "--format", "csv", quarantined);
        assertEquals(0, shown.code(), shown.err());
        assertTrue(shown.out().startsWith("n\n"), shown.out());
        Run log =
                run(
                        "sql",
                        "--lakehouse",
                        lake,
                        "--format",
                        "csv",
                        "SELECT os_user, command, statement, outcome, rows_returned, more_rows FROM ops.access_log");
        assertEquals(
                "os_user,command,statement,outcome,rows_returned,more_rows\n"
                        + System.getProperty("user.name")
                        + ",sql,SELECT count(*) AS n FROM bronze.quarantine WHERE source_file <> '?',ok,1,false\n",
                log.out(),
                log.err());
        assertFalse(log.out().contains("620102198001011234"));
    }

    /**
     * {@code tables} reads its rows from the Delta log: they are each table's COUNT(*); a table
     * with a file written without statistics is counted, and says so.
     */
    static void tablesAgreeWithTheirCounts(String lake) {
        LakehouseOption o = new LakehouseOption();
        o.lakehouse = lake;
        org.povlake.lake.Lakehouse lh = Spark.lakehouse(o);
        var spark = lh.spark();
        String unstatted = lh.root() + "/ops/no_statistics";
        spark.conf().set("spark.databricks.delta.stats.collect", "false");
        try {
            spark.range(7).write().format("delta").save(unstatted);
        } finally {
            spark.conf().unset("spark.databricks.delta.stats.collect");
        }
        spark.range(3).write().format("delta").mode("append").save(unstatted);
        Run tables = run("tables", "--lakehouse", lake, "--format", "csv");
        assertEquals(0, tables.code(), tables.err());
        java.util.List<String> lines = tables.out().lines().skip(1).toList();
        assertEquals(lh.tables().size(), lines.size(), tables.out());
        for (String line : lines) {
            String[] f = line.split(",");
            long count = lh.read(f[0]).count();
            assertEquals(count, Long.parseLong(f[2]), line);
            assertEquals(f[0].equals("ops.no_statistics") ? "count" : "stats", f[3], line);
            assertTrue(Long.parseLong(f[4]) > 0 || count == 0, line);
            assertEquals(lh.version(f[0]), Long.parseLong(f[6]), line);
        }
        assertTrue(tables.out().contains("ops.no_statistics,ops,10,count,"), tables.out());
        Run shown = run("tables", "--lakehouse", lake);
        assertTrue(
                shown.out()
                        .lines()
                        .anyMatch(
                                l ->
                                        l.matches(
                                                "ops\\.ingest_log +ops +26 +stats +\\d+ +[0-9.]+ kB +.*")),
                shown.out());
        lh.drop("ops.no_statistics");
    }

    /**
     * {@code history}'s table format: a block per version, a field per line, the parameters and
     * metrics whole (as Delta's history has them).
     */
    static String historyPrintsItsValuesWhole(String lake, String table) {
        LakehouseOption o = new LakehouseOption();
        o.lakehouse = lake;
        java.util.List<org.apache.spark.sql.Row> versions =
                Spark.lakehouse(o).table(table).history().collectAsList();
        Run history = run("history", table, "--lakehouse", lake);
        assertEquals(0, history.code(), history.err());
        assertFalse(history.out().contains("…"), history.out());
        java.util.List<String> lines = history.out().lines().toList();
        assertEquals(
                versions.stream()
                        .map(
                                v ->
                                        "parameters: "
                                                + HistoryCommand.compact(
                                                        v.getJavaMap(
                                                                v.fieldIndex(
                                                                        "operationParameters"))))
                        .map(String::stripTrailing)
                        .toList(),
                lines.stream().filter(l -> l.startsWith("parameters:")).toList(),
                history.out());
        assertEquals(
                versions.stream()
                        .map(
                                v ->
                                        "metrics:    "
                                                + HistoryCommand.compact(
                                                        HistoryCommand.metrics(
                                                                v.getJavaMap(
                                                                        v.fieldIndex(
                                                                                "operationMetrics")))))
                        .map(String::stripTrailing)
                        .toList(),
                lines.stream().filter(l -> l.startsWith("metrics:")).toList(),
                history.out());
        return history.out();
    }

    @Test
    void usageErrorsExitTwo() {
        assertEquals(PovlakeCli.USAGE, run("ingest").code());
        assertEquals(
                PovlakeCli.USAGE,
                run("ingest", "--inbox", "x", "--charset", "NO-SUCH-CHARSET").code());
        assertEquals(
                PovlakeCli.USAGE, run("ingest", "--inbox", "x", "--max-record-bytes", "0").code());
        assertEquals(PovlakeCli.USAGE, run("no-such-command").code());
        assertEquals(PovlakeCli.USAGE, run().code());
        // refused before the lock: not even the lakehouse's folder is created
        Path lake = tmp.resolve("untouched");
        for (String command : new String[] {"ingest", "nightly"}) {
            assertEquals(
                    PovlakeCli.USAGE,
                    run(
                                    command,
                                    "--inbox",
                                    "x",
                                    "--lakehouse",
                                    lake.toString(),
                                    "--max-unzipped-bytes",
                                    "0")
                            .code(),
                    command);
            assertFalse(java.nio.file.Files.exists(lake), command + " created " + lake);
        }
    }

    @Test
    void aMissingInboxFailsWithOneClearLine() {
        Run r =
                run(
                        "ingest",
                        "--inbox",
                        tmp.resolve("nowhere").toString(),
                        "--lakehouse",
                        tmp.resolve("l").toString());
        assertEquals(PovlakeCli.FAILURE, r.code());
        assertTrue(r.err().contains("is not a folder"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }

    @Test
    void silverWithoutAUsableKeyFailsWithWhatToDo() throws Exception {
        String lake = tmp.resolve("l").toString();
        Run missing =
                run(
                        "build-silver",
                        "--lakehouse",
                        lake,
                        "--key-file",
                        tmp.resolve("no.key").toString());
        assertEquals(PovlakeCli.FAILURE, missing.code());
        assertTrue(missing.err().contains("does not exist"), missing.err());

        java.nio.file.Path open = tmp.resolve("open.key");
        java.nio.file.Files.writeString(open, "ab".repeat(32));
        java.nio.file.Files.setPosixFilePermissions(
                open, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        Run readable = run("build-silver", "--lakehouse", lake, "--key-file", open.toString());
        assertEquals(PovlakeCli.FAILURE, readable.code());
        assertTrue(readable.err().contains("chmod 600"), readable.err());
        assertFalse(readable.err().contains("ab".repeat(32)), "the key is never printed");
    }

    @Test
    void buildIngestsThenBuildsSilverAndGold() throws Exception {
        String lake = tmp.resolve("b").toString();
        java.nio.file.Path key = tmp.resolve("b.key");
        java.nio.file.Files.writeString(
                key, "e9d8a692158dc52a9b2a5001a6ff540600f3202291b43c57b142c523d115cd5e");
        java.nio.file.Files.setPosixFilePermissions(
                key, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        Run r =
                run(
                        "build",
                        "--lakehouse",
                        lake,
                        "--inbox",
                        SAMPLE.resolve("file-faults").toString(),
                        "--key-file",
                        key.toString());
        assertEquals(PovlakeCli.REJECTED_FILES, r.code(), r.out() + r.err());
        assertTrue(
                r.out().contains("1 loaded, 0 skipped, 12 rejected")
                        && r.out().contains("silver first build"),
                r.out());
        Run again = run("build", "--lakehouse", lake, "--key-file", key.toString());
        assertEquals(PovlakeCli.OK, again.code(), again.err());
        assertTrue(again.out().contains("silver is up to date"), again.out());
        // the faulty inbox delivered no households file: gold has no year to build, which is not an
        // error
        assertTrue(
                r.out().contains("no year has a households delivery yet: nothing to build"),
                r.out());
        // a year without a poverty line: a clear message, exit 1
        Run later = run("build-gold", "--lakehouse", lake, "--years", "2021");
        assertEquals(PovlakeCli.FAILURE, later.code(), later.out() + later.err());
        assertTrue(later.err().contains("no poverty line for 2021"), later.err());
        Run usage = run("build-gold", "--lakehouse", lake, "--years", "20x9");
        assertEquals(PovlakeCli.USAGE, usage.code(), usage.err());

        // assess: no gold yet, a year without a poverty line, usage errors — each one clear line,
        // nothing written
        java.nio.file.Path out = tmp.resolve("assessments");
        Run noGold = run("assess", "--lakehouse", lake, "--year", "2020", "--out", out.toString());
        assertEquals(PovlakeCli.FAILURE, noGold.code(), noGold.out() + noGold.err());
        assertTrue(
                noGold.err().contains("no gold in") && noGold.err().contains("run povlake build"),
                noGold.err());
        Run noLine = run("assess", "--lakehouse", lake, "--year", "2031", "--out", out.toString());
        assertEquals(PovlakeCli.FAILURE, noLine.code(), noLine.err());
        assertTrue(noLine.err().contains("no line for 2031"), noLine.err());
        assertFalse(noLine.err().contains("\tat "), noLine.err());
        Run badFormat =
                run(
                        "assess",
                        "--lakehouse",
                        lake,
                        "--year",
                        "2020",
                        "--out",
                        out.toString(),
                        "--format",
                        "json,pdf");
        assertEquals(PovlakeCli.USAGE, badFormat.code(), badFormat.err());
        assertTrue(badFormat.err().contains("not 'pdf'"), badFormat.err());
        assertEquals(
                PovlakeCli.USAGE,
                run("assess", "--lakehouse", lake, "--out", out.toString()).code());
        Run badAsOf =
                run(
                        "assess",
                        "--lakehouse",
                        lake,
                        "--year",
                        "2020",
                        "--out",
                        out.toString(),
                        "--as-of",
                        tmp.resolve("nope.json").toString());
        assertEquals(PovlakeCli.USAGE, badAsOf.code(), badAsOf.err());
        assertFalse(java.nio.file.Files.exists(out), "nothing written");
    }
}
