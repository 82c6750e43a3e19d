package org.povlake.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.povlake.lake.SparkSessions;
import org.povlake.testing.ReferenceCounts;

/**
 * The application jar on a real (one-machine) Spark standalone cluster, through spark-submit: run
 * by failsafe in the cluster profile ({@code mvn -Pcluster -pl jobs -am verify}) after {@code
 * target/povlake-app.jar} and {@code target/spark-classpath.txt} are built. Everything (SPARK_HOME,
 * logs, the lakehouse) is kept in {@code target/cluster-it/} for inspection.
 */
class StandaloneClusterIT {
    private static final Duration SUBMIT_TIMEOUT = Duration.ofMinutes(10);
    private static Path dir;
    private static Path appJar;
    private static StandaloneCluster cluster;

    @BeforeAll
    static void startCluster() throws Exception {
        appJar =
                Path.of(System.getProperty("povlake.appJar", "target/povlake-app.jar"))
                        .toAbsolutePath();
        Path sparkClasspath =
                Path.of(System.getProperty("povlake.sparkClasspath", "target/spark-classpath.txt"));
        assertTrue(Files.isRegularFile(appJar), appJar + " is missing: mvn -Pcluster package");
        dir = appJar.getParent().resolve("cluster-it");
        deleteTree(dir);
        long t0 = System.nanoTime();
        cluster = StandaloneCluster.start(dir, sparkClasspath, Duration.ofMinutes(2));
        System.out.printf(
                "standalone cluster %s up in %d ms; app jar %.1f MB%n",
                cluster.masterUrl(),
                (System.nanoTime() - t0) / 1_000_000,
                Files.size(appJar) / 1e6);
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    /**
     * The nightly (ingest → silver → gold → assessment → data quality) of the sample's 2020
     * deliveries through spark-submit on the cluster, and the same nightly in local mode: the same
     * tables and the same reports.
     */
    @Test
    void aNightlyOnTheClusterEqualsALocalRun() throws Exception {
        Path inbox = NightlyCrashTest.inboxOf2020(dir.resolve("inbox"));
        Path key = NightlyCrashTest.testKey(dir.resolve("pseudonym.key"));
        Path onCluster = dir.resolve("on-cluster");
        Path local = dir.resolve("local");
        CompletableFuture<PovlakeProcess.Result> localRun =
                CompletableFuture.supplyAsync(
                        () ->
                                PovlakeProcess.run(
                                        dir.resolve("logs"),
                                        "local",
                                        Map.of(),
                                        SUBMIT_TIMEOUT,
                                        "nightly",
                                        "--inbox",
                                        inbox.toString(),
                                        "--lakehouse",
                                        local.resolve("lake").toString(),
                                        "--out",
                                        local.resolve("out").toString(),
                                        "--key-file",
                                        key.toString()));

        StandaloneCluster.Result nightly =
                submit(
                        "nightly",
                        "--inbox",
                        inbox.toString(),
                        "--lakehouse",
                        onCluster.resolve("lake").toString(),
                        "--out",
                        onCluster.resolve("out").toString(),
                        "--key-file",
                        key.toString());
        assertEquals(PovlakeCli.OK, nightly.exitCode(), nightly::describe);
        assertTrue(nightly.stdout().contains("assessed: [2020]"), nightly::describe);
        // an analyst's query on the cluster
        StandaloneCluster.Result sql =
                submit(
                        "sql",
                        "--lakehouse",
                        onCluster.resolve("lake").toString(),
                        "--format",
                        "csv",
                        "SELECT count(DISTINCT region_code) AS regions FROM gold.indicators WHERE year = 2020");
        assertEquals(0, sql.exitCode(), sql::describe);
        assertEquals("regions\n" + ReferenceCounts.regions() + "\n", sql.stdout(), sql::describe);

        PovlakeProcess.Result base = localRun.join();
        assertEquals(PovlakeCli.OK, base.exit(), base.all());
        SparkSession spark = SparkSessions.builder("cluster-it").getOrCreate();
        SameResults.assertSameTables(spark, local.resolve("lake"), onCluster.resolve("lake"));
        SameResults.assertSameReports(local.resolve("out"), onCluster.resolve("out"));

        // it ran on the cluster: the master lists both applications as finished, and the nightly's
        // tasks ran on an
        // executor the worker started (its log is in the worker's work dir)
        assertTrue(
                cluster.awaitCompletedApps(2, Duration.ofSeconds(30)),
                () -> "completed apps: " + state().path("completedapps"));
        List<String> apps = new ArrayList<>();
        for (JsonNode app : state().path("completedapps")) {
            assertEquals("povlake", app.path("name").asText(), app::toString);
            assertEquals("FINISHED", app.path("state").asText(), app::toString);
            apps.add(app.path("id").asText());
        }
        apps.sort(null);
        try (Stream<Path> logs =
                Files.find(
                        cluster.workerWorkDir().resolve(apps.get(0)),
                        2,
                        (p, a) -> p.getFileName().toString().equals("stderr"))) {
            assertTrue(
                    logs.anyMatch(StandaloneClusterIT::ranTasks),
                    "no executor of " + apps.get(0) + " ran a task");
        }
    }

    private static boolean ranTasks(Path executorLog) {
        try {
            return Files.readString(executorLog).contains("Finished task");
        } catch (IOException e) {
            return false;
        }
    }

    private static StandaloneCluster.Result submit(String... args)
            throws IOException, InterruptedException {
        StandaloneCluster.Result r = cluster.submit(appJar, Map.of(), SUBMIT_TIMEOUT, args);
        System.out.printf(
                "spark-submit %s: exit %d in %d ms%n",
                args[0], r.exitCode(), r.wallTime().toMillis());
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
        try (Stream<Path> paths =
                Files.walk(root)) { // symlinks are not followed: SPARK_HOME's jars stay in ~/.m2
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
