package org.povlake.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.povlake.lake.Lakehouse;
import org.povlake.testing.TestSpark;

/**
 * {@code povlake serve} on loopback with a token, and {@code povlake sql} through it as bin/povlake
 * runs it when a server is up: the Connect client's jars before the rest, without the server's.
 * Real Delta tables in a temporary lakehouse; the server and each client are processes.
 */
@Tag("end-to-end")
class ServeTest {
    static final String RESIDENT_ID = "620102198503141234";
    static final String NAME = "欧阳明珠";
    static final String LEAGUE =
            "SELECT region_code, composite, rank FROM gold.region_scores ORDER BY rank, region_code";

    @TempDir static Path tmp;
    static Path lake;
    static Path logs;
    static Process server;

    @BeforeAll
    static void serve() throws Exception {
        lake = tmp.resolve("lakehouse");
        logs = tmp.resolve("logs");
        writeTables(lake);
        server = startServer(lake, "serve");
    }

    @AfterAll
    static void stop() throws Exception {
        server.destroy(); // SIGTERM: the shutdown hook removes the discovery file
        server.waitFor();
        assertFalse(Files.exists(lake.resolve("_serve/server.json")));
    }

    /** gold.region_scores (with a tie) and bronze.registry_households (personal data). */
    static void writeTables(Path root) {
        SparkSession spark = TestSpark.get();
        Lakehouse l = new Lakehouse(spark, root.toString());
        StructType scores =
                new StructType()
                        .add("region_code", DataTypes.StringType)
                        .add("composite", DataTypes.createDecimalType(7, 4))
                        .add("rank", DataTypes.IntegerType);
        List<Row> rows =
                List.of(
                        RowFactory.create("620102", new java.math.BigDecimal("91.5000"), 1),
                        RowFactory.create("620103", new java.math.BigDecimal("80.2500"), 2),
                        RowFactory.create("620101", new java.math.BigDecimal("80.2500"), 2));
        spark.createDataFrame(rows, scores)
                .write()
                .format("delta")
                .save(l.path("gold.region_scores"));
        StructType households =
                new StructType()
                        .add("household_id", DataTypes.StringType)
                        .add("id_number", DataTypes.StringType)
                        .add("name", DataTypes.StringType);
        spark.createDataFrame(
                        List.of(RowFactory.create("6201020010010001", RESIDENT_ID, NAME)),
                        households)
                .write()
                .format("delta")
                .save(l.path("bronze.registry_households"));
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static Process startServer(Path root, String name, String... more) throws Exception {
        List<String> args =
                new java.util.ArrayList<>(
                        List.of(
                                "serve",
                                "--lakehouse",
                                root.toString(),
                                "--port",
                                String.valueOf(freePort())));
        args.addAll(List.of(more));
        Process p =
                PovlakeProcess.start(
                        logs, name, serverClasspath(), Map.of(), args.toArray(String[]::new));
        Path info = root.resolve("_serve/server.json");
        for (int i = 0; i < 240 && !Files.exists(info); i++) {
            assertTrue(p.isAlive(), () -> "the server stopped: " + read(logs, name));
            Thread.sleep(500);
        }
        assertTrue(Files.exists(info), () -> "no server after 2 min: " + read(logs, name));
        assertEquals(
                "rw-------",
                PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(root.resolve("_serve/token"))));
        return p;
    }

    static String read(Path dir, String name) {
        try {
            return Files.readString(dir.resolve(name + ".out"))
                    + Files.readString(dir.resolve(name + ".err"));
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** The test classpath: it holds the Connect server's jars (provided scope). */
    static String serverClasspath() {
        return PovlakeProcess.classpath();
    }

    /** As bin/povlake with a server up: the client's jars first, the server's left out. */
    static String clientClasspath() {
        return Path.of("target/connect-client").toAbsolutePath()
                + "/*"
                + java.io.File.pathSeparator
                + Arrays.stream(PovlakeProcess.classpath().split(java.io.File.pathSeparator))
                        .filter(
                                e ->
                                        !e.contains("spark-connect_")
                                                && !e.contains("spark-pipelines_"))
                        .collect(Collectors.joining(java.io.File.pathSeparator));
    }

    static PovlakeProcess.Result viaServer(String name, Map<String, String> props, String... args) {
        Map<String, String> p = new HashMap<>(props);
        p.put("povlake.connect", "true");
        return PovlakeProcess.run(logs, name, clientClasspath(), p, Duration.ofMinutes(3), args);
    }

    static String firstLine(String s) {
        return s.lines().findFirst().orElse("");
    }

    @Test
    void aQueryThroughTheServerAnswersAsALocalSessionDoes() {
        PovlakeProcess.Result remote =
                viaServer("league-remote", Map.of(), "sql", "--lakehouse", lake.toString(), LEAGUE);
        PovlakeProcess.Result local =
                PovlakeProcess.run(
                        logs,
                        "league-local",
                        Map.of(),
                        Duration.ofMinutes(3),
                        "sql",
                        "--lakehouse",
                        lake.toString(),
                        LEAGUE);
        assertEquals(0, remote.exit(), remote::all);
        assertEquals(0, local.exit(), local::all);
        assertEquals(local.out(), remote.out());
        // the JVM options bin/povlake uses print no warning before a command's output
        assertFalse(
                local.err().contains("WARNING:") || remote.err().contains("WARNING:"), local::err);
        assertTrue(remote.out().contains("620101       80.25      2"), remote::out);
    }

    @Test
    void aClientWithoutTheServersTokenIsRefused() {
        PovlakeProcess.Result r =
                viaServer(
                        "wrong-token",
                        Map.of("povlake.serve.token", "not-the-token-0123456789"),
                        "sql",
                        "--lakehouse",
                        lake.toString(),
                        "SELECT 1");
        assertEquals(2, r.exit(), r::all);
        assertTrue(
                firstLine(r.err())
                        .startsWith(
                                "povlake sql: the server of "
                                        + lake
                                        + " refused the token (UNAUTHENTICATED: Invalid"
                                        + " authentication token)"),
                r::err);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "INSERT INTO gold.region_scores SELECT * FROM gold.region_scores"
                        + "|povlake sql: refused: a write (INSERT)",
                "DELETE FROM gold.region_scores|povlake sql: refused: a write (DELETE)",
                "DROP TABLE gold.region_scores|povlake sql: refused: DDL (DROP)",
                "CREATE TABLE gold.copy AS SELECT * FROM gold.region_scores"
                        + "|povlake sql: refused: DDL (CREATE)",
                "SET spark.sql.ansi.enabled=false"
                        + "|povlake sql: refused: a configuration change (SET / USE)",
                "SELECT * FROM json.`/etc/hostname`|povlake sql: refused: a file read by path",
                "SELECT * FROM read_files('/etc/hostname')"
                        + "|povlake sql: refused: the table function read_files",
                "SELECT reflect('java.lang.System', 'getenv', 'HOME')"
                        + "|povlake sql: refused: the function reflect",
                "SELECT count(*) FROM bronze.registry_households"
                        + "|povlake sql: refused: bronze.registry_households — bronze",
            })
    void theServerRefusesWhatIsNotAReadOfAVisibleTable(String sql, String firstLine) {
        PovlakeProcess.Result r =
                viaServer("refused", Map.of(), "sql", "--lakehouse", lake.toString(), sql);
        assertEquals(2, r.exit(), r::all);
        assertTrue(firstLine(r.err()).startsWith(firstLine), r::err);
        assertFalse(r.all().contains(RESIDENT_ID) || r.all().contains(NAME), r::all);
        // nothing was changed
        assertEquals(
                3L,
                TestSpark.get().read().format("delta").load(lake + "/gold/region_scores").count());
    }

    @Test
    void personalDataIsServedOnlyWhenAskedAndEveryStatementIsLoggedWithoutValues()
            throws Exception {
        Path other = tmp.resolve("personal");
        writeTables(other);
        Process personal = startServer(other, "serve-personal", "--personal-data");
        try {
            PovlakeProcess.Result r =
                    viaServer(
                            "bronze-remote",
                            Map.of(),
                            "sql",
                            "--lakehouse",
                            other.toString(),
                            "SELECT count(*) AS n FROM bronze.registry_households WHERE id_number = '"
                                    + RESIDENT_ID
                                    + "'");
            assertEquals(0, r.exit(), r::all);
            assertEquals("1", r.out().lines().skip(2).findFirst().orElse("").strip(), r::out);
        } finally {
            personal.destroy(); // the shutdown hook writes what is queued
            personal.waitFor();
        }
        List<Row> log =
                TestSpark.get()
                        .read()
                        .format("delta")
                        .load(other + "/ops/access_log")
                        .where("statement LIKE '%bronze.registry_households%'")
                        .collectAsList();
        assertEquals(1, log.size(), log::toString);
        Row row = log.get(0);
        assertEquals(System.getProperty("user.name"), row.getAs("os_user"));
        assertEquals("serve", row.getAs("command"));
        assertEquals("ok", row.getAs("outcome"));
        assertEquals(
                "SELECT count(*) AS n FROM bronze.registry_households WHERE id_number = '?'",
                row.getAs("statement"));
        assertFalse(row.toString().contains(RESIDENT_ID), row::toString);
    }

    @Test
    void theShellRunsStatementsAndCommandsOnOneSessionThroughTheServer() throws IOException {
        Path script = tmp.resolve("statements.sql");
        Files.writeString(
                script,
                "\\tables\n"
                        + "SELECT region_code, rank\n"
                        + "  FROM gold.region_scores\n"
                        + " ORDER BY rank, region_code;\n"
                        + "\\x\n"
                        + "SELECT region_code, composite FROM gold.region_scores WHERE rank = 1;\n"
                        + "\\d gold.region_scores\n"
                        + "DROP TABLE gold.region_scores;\n");
        PovlakeProcess.Result r =
                viaServer(
                        "shell",
                        Map.of(),
                        "shell",
                        "--lakehouse",
                        lake.toString(),
                        "--file",
                        script.toString());
        assertEquals(2, r.exit(), r::all); // the DROP was refused
        String out = r.out();
        assertTrue(out.contains("table\n------------------\ngold.region_scores\n(1 row)"), out);
        assertFalse(out.contains("bronze."), out);
        assertTrue(out.contains("620102       1\n620101       2\n620103       2\n(3 rows)"), out);
        assertTrue(out.contains("region_code: 620102\ncomposite:   91.5\n(1 row)"), out);
        assertTrue(out.contains("composite    decimal(7,4)"), out);
        assertTrue(out.contains("refused: DDL (DROP)"), out);
    }

    @Test
    void historyThroughTheServerShowsTheTablesLogAsALocalSessionDoes() {
        PovlakeProcess.Result remote =
                viaServer(
                        "history-remote",
                        Map.of(),
                        "history",
                        "--lakehouse",
                        lake.toString(),
                        "gold.region_scores");
        PovlakeProcess.Result local =
                PovlakeProcess.run(
                        logs,
                        "history-local",
                        Map.of(),
                        Duration.ofMinutes(3),
                        "history",
                        "--lakehouse",
                        lake.toString(),
                        "gold.region_scores");
        assertEquals(0, remote.exit(), remote::all);
        assertEquals(0, local.exit(), local::all);
        assertTrue(remote.out().startsWith("version:    0\n"), remote::out);
        assertTrue(remote.out().contains("numOutputRows=3"), remote::out);
        // the same log; only the commit time's last digit may differ (Delta's two readers of it)
        assertEquals(
                local.out().replaceAll("timestamp: .*", ""),
                remote.out().replaceAll("timestamp: .*", ""));
        PovlakeProcess.Result bronze =
                viaServer(
                        "history-bronze",
                        Map.of(),
                        "history",
                        "--lakehouse",
                        lake.toString(),
                        "bronze.registry_households");
        assertEquals(2, bronze.exit(), bronze::all);
        assertTrue(
                firstLine(bronze.err())
                        .startsWith("povlake history: refused: bronze.registry_households"),
                bronze::err);
    }
}
