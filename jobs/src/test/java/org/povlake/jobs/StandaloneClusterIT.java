package org.povlake.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The application jar on a real (one-machine) Spark standalone cluster, through spark-submit: run by failsafe in the
 * cluster profile ({@code mvn -Pcluster -pl jobs -am verify}) after {@code target/povlake-app.jar} and
 * {@code target/spark-classpath.txt} are built. Everything (SPARK_HOME, logs, the lakehouse) is kept in
 * {@code target/cluster-it/} for inspection.
 */
class StandaloneClusterIT {
    private static final Duration SUBMIT_TIMEOUT = Duration.ofMinutes(5);
    private static Path dir;
    private static Path appJar;
    private static StandaloneCluster cluster;

    @BeforeAll
    static void startCluster() throws Exception {
        appJar = Path.of(System.getProperty("povlake.appJar", "target/povlake-app.jar")).toAbsolutePath();
        Path sparkClasspath = Path.of(System.getProperty("povlake.sparkClasspath", "target/spark-classpath.txt"));
        assertTrue(Files.isRegularFile(appJar), appJar + " is missing: mvn -Pcluster package");
        dir = appJar.getParent().resolve("cluster-it");
        deleteTree(dir);
        long t0 = System.nanoTime();
        cluster = StandaloneCluster.start(dir, sparkClasspath, Duration.ofMinutes(2));
        System.out.printf("standalone cluster %s up in %d ms; app jar %.1f MB%n", cluster.masterUrl(),
                (System.nanoTime() - t0) / 1_000_000, Files.size(appJar) / 1e6);
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void theCliRunsOnTheCluster() throws Exception {
        String lake = dir.resolve("lakehouse").toString();
        String inbox = PovlakeCliTest.SAMPLE.resolve("file-faults").toAbsolutePath().normalize().toString();

        // Delta writes from the app jar: the executors read the inbox, the driver commits bronze and the ingest log
        StandaloneCluster.Result ingest = submit("ingest", "--inbox", inbox, "--lakehouse", lake);
        assertEquals(PovlakeCli.REJECTED_FILES, ingest.exitCode(), ingest::describe);
        assertTrue(ingest.stdout().contains("1 loaded, 0 skipped, 10 rejected"), ingest::describe);

        StandaloneCluster.Result tables = submit("tables", "--lakehouse", lake, "--format", "csv");
        assertEquals(0, tables.exitCode(), tables::describe);
        assertTrue(tables.stdout().startsWith("table,rows,version,last_update"), tables::describe);
        assertTrue(tables.stdout().contains("ops.ingest_log,11,"), tables::describe);

        StandaloneCluster.Result sql = submit("sql", "--lakehouse", lake, "--format", "csv",
                "SELECT status, count(*) AS files FROM ops.ingest_log GROUP BY status ORDER BY status");
        assertEquals(0, sql.exitCode(), sql::describe);
        assertEquals("status,files\nloaded,1\nrejected,10\n", sql.stdout(), sql::describe);

        // it ran on the cluster: the master lists the three applications as finished, and the sql's tasks ran on an
        // executor the worker started (its log is in the worker's work dir)
        assertTrue(cluster.awaitCompletedApps(3, Duration.ofSeconds(30)), () -> "completed apps: "
                + state().path("completedapps"));
        String lastApp = "";
        for (JsonNode app : state().path("completedapps")) {
            assertEquals("povlake", app.path("name").asText(), app::toString);
            assertEquals("FINISHED", app.path("state").asText(), app::toString);
            lastApp = app.path("id").asText().compareTo(lastApp) > 0 ? app.path("id").asText() : lastApp;
        }
        try (Stream<Path> logs = Files.find(cluster.workerWorkDir().resolve(lastApp), 2,
                (p, a) -> p.getFileName().toString().equals("stderr"))) {
            assertTrue(logs.anyMatch(StandaloneClusterIT::ranTasks), "no executor of " + lastApp + " ran a task");
        }
    }

    private static boolean ranTasks(Path executorLog) {
        try {
            return Files.readString(executorLog).contains("Finished task");
        } catch (IOException e) {
            return false;
        }
    }

    private static StandaloneCluster.Result submit(String... args) throws IOException, InterruptedException {
        StandaloneCluster.Result r = cluster.submit(appJar, Map.of(), SUBMIT_TIMEOUT, args);
        System.out.printf("spark-submit %s: exit %d in %d ms%n", args[0], r.exitCode(), r.wallTime().toMillis());
        return r;
    }

    private static JsonNode state() {
        try {
            return cluster.masterState();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) { // symlinks are not followed: SPARK_HOME's jars stay in ~/.m2
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
