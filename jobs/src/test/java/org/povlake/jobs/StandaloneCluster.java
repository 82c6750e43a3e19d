package org.povlake.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A Spark standalone cluster on this machine, for tests: a SPARK_HOME made of the jars of {@code
 * jobs/target/spark-classpath.txt} (what {@code mvn -Pcluster package} says the cluster provides),
 * a Master and a Worker (2 cores, 2 GB) as child JVMs bound to 127.0.0.1, and {@link #submit}
 * running {@code spark-submit}'s own main class on that SPARK_HOME, as a real spark-submit would.
 * Every child's output goes to a file of the folder. {@link #close()} stops every process it
 * started (and their children, the executors) and waits for them.
 */
public final class StandaloneCluster implements AutoCloseable {
    /**
     * What a spark-submit gave: exit code, its stdout (the CLI's output) and stderr (Spark's log),
     * wall time.
     */
    public record Result(int exitCode, String stdout, String stderr, Duration wallTime) {
        /** For assertion messages: the exit code and the tails of both streams. */
        public String describe() {
            return "exit "
                    + exitCode
                    + " after "
                    + wallTime.toMillis()
                    + " ms\n--- stdout\n"
                    + tail(stdout, 4000)
                    + "\n--- stderr\n"
                    + tail(stderr, 8000);
        }
    }

    private static final String SPARK_SUBMIT = "org.apache.spark.deploy.SparkSubmit";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final Path sparkHome;
    private final Path workDir;
    private final List<String> jvmFlags;
    private final int masterPort;
    private final int masterUiPort;
    private final List<Process> daemons = new ArrayList<>();
    private final AtomicInteger submits = new AtomicInteger();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private StandaloneCluster(Path dir, Path sparkHome, List<String> jvmFlags) throws IOException {
        this.dir = dir;
        this.sparkHome = sparkHome;
        this.workDir = dir.resolve("worker-work");
        this.jvmFlags = jvmFlags;
        this.masterPort = freePort();
        this.masterUiPort = freePort();
    }

    /**
     * Makes {@code dir/spark-home} of the jars listed in {@code sparkClasspath} (a path-separated
     * list, as the cluster profile writes it), starts a master and a worker, and returns once the
     * worker has registered.
     *
     * @throws IllegalStateException when the worker has not registered within {@code timeout} (with
     *     the logs' tails)
     */
    public static StandaloneCluster start(Path dir, Path sparkClasspath, Duration timeout)
            throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path sparkHome = makeSparkHome(dir.resolve("spark-home"), sparkClasspath);
        StandaloneCluster c = new StandaloneCluster(dir, sparkHome, PovlakeProcess.jvmOptions());
        try {
            c.startDaemons(timeout);
            return c;
        } catch (IOException | InterruptedException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    /** {@code spark://127.0.0.1:PORT}. */
    public String masterUrl() {
        return "spark://127.0.0.1:" + masterPort;
    }

    /** The master's web UI, {@code http://127.0.0.1:PORT} (its state as JSON at {@code /json/}). */
    public String masterWebUi() {
        return "http://127.0.0.1:" + masterUiPort;
    }

    public Path sparkHome() {
        return sparkHome;
    }

    /** The worker's work dir: {@code <app-id>/<executor-id>/stderr} is an executor's log. */
    public Path workerWorkDir() {
        return workDir;
    }

    /** The master's state ({@code aliveworkers}, {@code activeapps}, {@code completedapps}, …). */
    public JsonNode masterState() throws IOException, InterruptedException {
        HttpResponse<String> r =
                http.send(
                        HttpRequest.newBuilder(URI.create(masterWebUi() + "/json/"))
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException("GET " + masterWebUi() + "/json/: HTTP " + r.statusCode());
        }
        return JSON.readTree(r.body());
    }

    /**
     * Runs {@code spark-submit --master <this> --deploy-mode client --class
     * org.povlake.jobs.PovlakeCli <appJar> <povlakeArgs>} in a child JVM on SPARK_HOME/jars/* with
     * 1 GB for the driver and each executor. {@code env} is added to the child's environment;
     * {@code POVLAKE_*} variables of this JVM are not passed on.
     *
     * @throws IllegalStateException when it has not ended within {@code timeout} (it is killed; the
     *     logs' tails said)
     */
    public Result submit(
            Path appJar, Map<String, String> env, Duration timeout, String... povlakeArgs)
            throws IOException, InterruptedException {
        String opts = String.join(" ", jvmFlags);
        List<String> cmd = new ArrayList<>(javaCommand("-Xmx2g"));
        cmd.addAll(
                List.of(
                        SPARK_SUBMIT,
                        "--master",
                        masterUrl(),
                        "--deploy-mode",
                        "client",
                        "--class",
                        PovlakeCli.class.getName(),
                        "--driver-memory",
                        "2g",
                        "--executor-memory",
                        "1g",
                        "--conf",
                        "spark.driver.host=127.0.0.1",
                        "--conf",
                        "spark.driver.bindAddress=127.0.0.1",
                        "--conf",
                        "spark.driver.extraJavaOptions=" + opts,
                        "--conf",
                        "spark.executor.extraJavaOptions=" + opts,
                        appJar.toAbsolutePath().toString()));
        cmd.addAll(Arrays.asList(povlakeArgs));
        int n = submits.incrementAndGet();
        Path out = dir.resolve("submit-" + n + ".out");
        Path err = dir.resolve("submit-" + n + ".err");
        ProcessBuilder pb = processBuilder(cmd, out, err);
        pb.environment().keySet().removeIf(k -> k.startsWith("POVLAKE_"));
        pb.environment().putAll(env);
        long t0 = System.nanoTime();
        Process p = pb.start();
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            stop(p);
            throw new IllegalStateException(
                    "spark-submit "
                            + String.join(" ", povlakeArgs)
                            + " did not end within "
                            + timeout
                            + "\n--- "
                            + err
                            + "\n"
                            + tail(read(err), 8000)
                            + logTails());
        }
        return new Result(
                p.exitValue(), read(out), read(err), Duration.ofNanos(System.nanoTime() - t0));
    }

    /**
     * Waits until the master lists at least {@code n} completed applications; false after {@code
     * timeout}.
     */
    public boolean awaitCompletedApps(int n, Duration timeout)
            throws IOException, InterruptedException {
        return await(s -> s.path("completedapps").size() >= n, timeout);
    }

    @Override
    public void close() {
        for (int i = daemons.size() - 1;
                i >= 0;
                i--) { // the worker (and its executors) first, then the master
            stop(daemons.get(i));
        }
        daemons.clear();
    }

    private void startDaemons(Duration timeout) throws IOException, InterruptedException {
        List<String> master = new ArrayList<>(javaCommand("-Xmx512m"));
        master.addAll(
                List.of(
                        "org.apache.spark.deploy.master.Master",
                        "--host",
                        "127.0.0.1",
                        "--port",
                        String.valueOf(masterPort),
                        "--webui-port",
                        String.valueOf(masterUiPort)));
        daemons.add(
                processBuilder(master, dir.resolve("master.log"), dir.resolve("master.log"))
                        .start());

        Files.createDirectories(workDir);
        List<String> worker = new ArrayList<>(javaCommand("-Xmx512m"));
        worker.addAll(
                List.of(
                        "org.apache.spark.deploy.worker.Worker",
                        "--host",
                        "127.0.0.1",
                        "--cores",
                        "2",
                        "--memory",
                        "2g",
                        "--webui-port",
                        String.valueOf(freePort()),
                        "--work-dir",
                        workDir.toString(),
                        masterUrl()));
        daemons.add(
                processBuilder(worker, dir.resolve("worker.log"), dir.resolve("worker.log"))
                        .start());

        if (!await(s -> s.path("aliveworkers").asInt() >= 1, timeout)) {
            throw new IllegalStateException(
                    "the worker did not register with "
                            + masterUrl()
                            + " within "
                            + timeout
                            + logTails());
        }
    }

    /**
     * Polls the master's JSON until {@code done}; false after {@code timeout} or when a daemon has
     * died.
     */
    private boolean await(Predicate<JsonNode> done, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (daemons.stream().anyMatch(p -> !p.isAlive())) {
                return false;
            }
            try {
                if (done.test(masterState())) {
                    return true;
                }
            } catch (IOException e) {
                // not up yet
            }
            Thread.sleep(250);
        }
        return false;
    }

    private List<String> javaCommand(String heap) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmFlags);
        cmd.addAll(List.of(heap, "-XX:+UseSerialGC", "-cp", sparkHome.resolve("jars") + "/*"));
        return cmd;
    }

    private ProcessBuilder processBuilder(List<String> cmd, Path out, Path err) {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().put("SPARK_HOME", sparkHome.toString());
        pb.environment().put("SPARK_SCALA_VERSION", "2.13");
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        pb.environment().remove("SPARK_CONF_DIR");
        pb.environment().remove("HADOOP_CONF_DIR");
        pb.environment().remove("YARN_CONF_DIR");
        if (out.equals(err)) {
            pb.redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(out.toFile()));
        } else {
            pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        }
        return pb;
    }

    /**
     * SIGTERM to the process and its descendants (a worker's executors), SIGKILL after 20 s, and
     * waits.
     */
    private static void stop(Process p) {
        List<ProcessHandle> tree = new ArrayList<>(p.descendants().toList());
        tree.add(p.toHandle());
        tree.forEach(ProcessHandle::destroy);
        for (ProcessHandle h : tree) {
            try {
                h.onExit().get(20, TimeUnit.SECONDS);
            } catch (Exception e) {
                h.destroyForcibly();
                try {
                    h.onExit().get(10, TimeUnit.SECONDS);
                } catch (Exception ignored) {
                    // nothing more to do
                }
            }
        }
    }

    private static Path makeSparkHome(Path home, Path sparkClasspath) throws IOException {
        Path jars = home.resolve("jars");
        Files.createDirectories(jars);
        try (Stream<Path> old = Files.list(jars)) {
            for (Path p : old.toList()) {
                Files.delete(p);
            }
        }
        String cp = Files.readString(sparkClasspath).strip();
        Set<String> names = new LinkedHashSet<>();
        for (String entry : cp.split(java.io.File.pathSeparator)) {
            Path jar = Path.of(entry);
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(
                        "not a jar: " + entry + " (of " + sparkClasspath + ")");
            }
            String name = jar.getFileName().toString();
            if (!names.add(name)) {
                throw new IllegalStateException("two jars named " + name + " in " + sparkClasspath);
            }
            Files.createSymbolicLink(jars.resolve(name), jar.toAbsolutePath());
        }
        return home;
    }

    private String logTails() {
        StringBuilder sb = new StringBuilder();
        for (String log : List.of("master.log", "worker.log")) {
            sb.append("\n--- ")
                    .append(dir.resolve(log))
                    .append('\n')
                    .append(tail(read(dir.resolve(log)), 4000));
        }
        return sb.toString();
    }

    private static String read(Path p) {
        try {
            return Files.exists(p) ? new String(Files.readAllBytes(p), StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String tail(String s, int chars) {
        return s.length() <= chars ? s : "…" + s.substring(s.length() - chars);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
