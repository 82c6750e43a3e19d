package org.povlake.jobs;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.povlake.lake.Lakehouse;
import org.povlake.lake.ReadOnlyPlans;
import org.povlake.lake.ReadOnlySql;
import org.povlake.lake.TableRegistry;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "serve",
        description = {
            "Keeps one warm Spark driver on the lakehouse and serves it through Spark Connect,",
            "read-only: povlake sql, history and portrait use it while it runs, and so can PySpark",
            "or any Spark Connect client (sc://HOST:PORT/;token=…). Clients must present the token",
            "(generated into LAKEHOUSE/_serve/token unless --token-file gives one). Runs until",
            "stopped (Ctrl-C or SIGTERM)."
        })
public final class ServeCommand implements Callable<Integer> {
    @Mixin LakehouseOption lakeOption;

    @Option(
            names = "--host",
            defaultValue = "127.0.0.1",
            description = "the address to listen on (default ${DEFAULT-VALUE}: this machine only)")
    String host;

    @Option(
            names = "--port",
            defaultValue = "15002",
            description = "the port (default ${DEFAULT-VALUE}, Spark Connect's)")
    int port;

    @Option(
            names = "--token-file",
            paramLabel = "FILE",
            description = "the shared secret clients present (default: a new random one)")
    Path tokenFile;

    @Option(
            names = "--no-token",
            description = "accept clients without a token (refused unless --host is a loopback)")
    boolean noToken;

    @Option(
            names = "--personal-data",
            description = {
                "let clients read bronze and its quarantine (personal data); every statement is",
                "recorded in ops.access_log (the client's user, when, the statement with its",
                "literals masked; never a value)"
            })
    boolean personalData;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (noToken && !InetAddress.getByName(host).isLoopbackAddress()) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(),
                    "--no-token is refused with --host "
                            + host
                            + ": beyond this machine clients must present a token");
        }
        if (ServerInfo.running(lakeOption.lakehouse).isPresent()) {
            spec.commandLine()
                    .getErr()
                    .println(
                            "povlake serve: a server already runs on "
                                    + lakeOption.lakehouse
                                    + " ("
                                    + ServerInfo.dir(lakeOption.lakehouse).resolve("server.json")
                                    + ")");
            return PovlakeCli.LOCKED;
        }
        String token = null;
        if (tokenFile != null) {
            token = Files.readString(tokenFile, StandardCharsets.UTF_8).strip();
            if (token.length() < 16) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(), "the token in " + tokenFile + " is shorter than 16");
            }
        } else if (!noToken) {
            token = ServerInfo.newToken(lakeOption.lakehouse);
        }
        Map<String, String> conf = new LinkedHashMap<>();
        conf.put("spark.plugins", "org.apache.spark.sql.connect.SparkConnectPlugin");
        conf.put("spark.connect.grpc.binding.address", host);
        conf.put("spark.connect.grpc.binding.port", String.valueOf(port));
        conf.put("spark.connect.grpc.interceptor.classes", ConnectGuard.class.getName());
        conf.put(
                "spark.sql.extensions",
                "io.delta.sql.DeltaSparkSessionExtension," + ServeGuard.class.getName());
        if (token != null) {
            conf.put("spark.connect.authenticate.token", token);
        }
        Lakehouse lake = Spark.lakehouse(lakeOption, conf);
        Set<String> layers = ReadOnlySql.visibleLayers(personalData);
        ServeGuard.arm(
                lake.spark(),
                new ReadOnlyPlans(lake.spark(), lake.root(), layers),
                new ReadOnlySql(lake.spark(), layers),
                personalData);
        Set<String> served = new LinkedHashSet<>();
        register(lake, layers, served);
        new ServerInfo(
                        host,
                        port,
                        ProcessHandle.current().pid(),
                        Instant.now().toString(),
                        personalData,
                        BuildInfo.version())
                .write(lakeOption.lakehouse);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    ServerInfo.remove(lakeOption.lakehouse);
                                    if (personalData) {
                                        ServeGuard.drainAccessLog(lake);
                                    }
                                    stopped.countDown();
                                }));
        spec.commandLine()
                .getOut()
                .printf(
                        "povlake serve: sc://%s:%d serves %d tables of %s (%s)%s; stop with"
                                + " Ctrl-C%n",
                        host,
                        port,
                        served.size(),
                        lake.root(),
                        String.join(", ", layers),
                        token == null
                                ? ", no token"
                                : tokenFile != null
                                        ? ", token from " + tokenFile
                                        : ", token in "
                                                + ServerInfo.dir(lakeOption.lakehouse)
                                                        .resolve("token"));
        spec.commandLine().getOut().flush();
        while (stopped.getCount() > 0) {
            // tables a later run creates become queryable; the access log is written as it fills
            register(lake, layers, served);
            if (personalData) {
                // an access log that cannot be written stops the server (fail closed)
                ServeGuard.drainAccessLog(lake);
            }
            stopped.await(5, java.util.concurrent.TimeUnit.SECONDS);
        }
        return PovlakeCli.OK;
    }

    /** Registers the visible tables not served yet (the server's own, trusted session). */
    private static void register(Lakehouse lake, Set<String> layers, Set<String> served) {
        List<String> fresh =
                lake.tables().stream()
                        .filter(t -> layers.contains(t.substring(0, t.indexOf('.'))))
                        .filter(t -> !served.contains(t))
                        .toList();
        if (!fresh.isEmpty()) {
            served.addAll(TableRegistry.register(lake, new LinkedHashSet<>(fresh)));
        }
    }
}
