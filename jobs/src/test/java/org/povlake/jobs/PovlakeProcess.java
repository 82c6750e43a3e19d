package org.povlake.jobs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.povlake.contract.Contract;

/**
 * Runs {@code povlake …} in a child JVM on the test classpath, as {@code bin/povlake} would: a
 * process a test can kill.
 */
final class PovlakeProcess {
    /** A finished run: exit code (137 = killed by SIGKILL) and what it printed. */
    record Result(int exit, String out, String err, double seconds) {
        String all() {
            return out + err;
        }
    }

    private PovlakeProcess() {}

    /**
     * The JVM flags Spark needs on Java 17 (the {@code --add-opens} list), as the jobs jar ships
     * them.
     */
    static List<String> jvmOptions() {
        try (InputStream in = PovlakeProcess.class.getResourceAsStream("/povlake-jvm.options")) {
            return Arrays.stream(
                            new String(in.readAllBytes(), StandardCharsets.UTF_8)
                                    .trim()
                                    .split("\\s+"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path java() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /** The classpath this test runs on (surefire's, not its booter jar's). */
    static String classpath() {
        return System.getProperty(
                "surefire.test.class.path", System.getProperty("java.class.path"));
    }

    /**
     * Runs {@code povlake args} with the given system properties (and the counties this JVM covers,
     * if it covers some: {@link Contract#COUNTIES_PROPERTY}); its output goes to {@code
     * logs/<name>.out|err}. Fails the test if it runs longer than {@code timeout}.
     */
    static Result run(
            Path logs,
            String name,
            Map<String, String> properties,
            Duration timeout,
            String... args) {
        return run(logs, name, classpath(), properties, timeout, args);
    }

    /** {@link #run} on another classpath (e.g. the Connect client's before the test's). */
    static Result run(
            Path logs,
            String name,
            String classpath,
            Map<String, String> properties,
            Duration timeout,
            String... args) {
        try {
            Process p = start(logs, name, classpath, properties, args);
            Path out = logs.resolve(name + ".out");
            Path err = logs.resolve(name + ".err");
            long t0 = System.nanoTime();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly().waitFor();
                throw new AssertionError(
                        "povlake "
                                + String.join(" ", args)
                                + " ran longer than "
                                + timeout
                                + "; its output: "
                                + Files.readString(out)
                                + Files.readString(err));
            }
            Result r =
                    new Result(
                            p.exitValue(),
                            Files.readString(out),
                            Files.readString(err),
                            (System.nanoTime() - t0) / 1e9);
            System.out.printf(
                    "povlake %s [%s]: exit %d in %.1f s%n",
                    args.length == 0 ? "" : args[0], name, r.exit(), r.seconds());
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /**
     * Starts {@code povlake args} without waiting (e.g. {@code serve}); its output goes to {@code
     * logs/<name>.out|err}.
     */
    static Process start(
            Path logs,
            String name,
            String classpath,
            Map<String, String> properties,
            String... args)
            throws IOException {
        Files.createDirectories(logs);
        List<String> cmd = new ArrayList<>();
        cmd.add(java().toString());
        cmd.addAll(jvmOptions());
        cmd.add("-Xmx2g");
        cmd.add("-XX:+UseParallelGC");
        properties.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        String counties = System.getProperty(Contract.COUNTIES_PROPERTY);
        if (counties != null && !properties.containsKey(Contract.COUNTIES_PROPERTY)) {
            cmd.add(
                    "-D"
                            + Contract.COUNTIES_PROPERTY
                            + "="
                            + counties); // the counties this test JVM covers
        }
        cmd.add("-cp");
        cmd.add(classpath);
        cmd.add(PovlakeCli.class.getName());
        cmd.addAll(List.of(args));
        ProcessBuilder pb =
                new ProcessBuilder(cmd)
                        .redirectOutput(logs.resolve(name + ".out").toFile())
                        .redirectError(logs.resolve(name + ".err").toFile());
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        return pb.start();
    }
}
