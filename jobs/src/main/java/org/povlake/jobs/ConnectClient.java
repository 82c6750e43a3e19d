package org.povlake.jobs;

import java.lang.reflect.InvocationTargetException;
import org.apache.spark.sql.SparkSession;

/**
 * An analyst command's session on a running {@code povlake serve} (Spark Connect), used when
 * bin/povlake found one and put the Connect client on the classpath ({@value #PROPERTY}). The
 * client is reached by reflection: this code also compiles and runs without it, where Spark's
 * builder makes a local session.
 */
final class ConnectClient {
    static final String PROPERTY = "povlake.connect";

    private ConnectClient() {}

    /** Whether this command should go through the lakehouse's server. */
    static boolean wanted() {
        return Boolean.getBoolean(PROPERTY);
    }

    /**
     * A Connect session on the lakehouse's server, as the OS user, with the token if there is one.
     */
    static SparkSession session(String lakehouse) {
        ServerInfo info =
                ServerInfo.running(lakehouse)
                        .orElseThrow(
                                () ->
                                        new IllegalStateException(
                                                "the server of "
                                                        + lakehouse
                                                        + " stopped: run the command again"));
        String host =
                info.host().equals("0.0.0.0") || info.host().equals("::")
                        ? "127.0.0.1"
                        : info.host();
        // one server session per user and server: consecutive commands reuse its warm state (a new
        // session costs the server ≈3 s); it expires after the server's idle timeout
        String user = System.getProperty("user.name");
        String sessionId =
                java.util
                        .UUID
                        .nameUUIDFromBytes(
                                (user + "@" + info.pid() + "@" + info.startedAt())
                                        .getBytes(java.nio.charset.StandardCharsets.UTF_8))
                        .toString();
        String url =
                "sc://"
                        + (host.contains(":") ? "[" + host + "]" : host)
                        + ":"
                        + info.port()
                        + "/;user_id="
                        + user
                        + ";session_id="
                        + sessionId;
        try {
            Class<?> clientClass =
                    Class.forName("org.apache.spark.sql.connect.client.SparkConnectClient");
            Object b = clientClass.getMethod("builder").invoke(null);
            b = b.getClass().getMethod("connectionString", String.class).invoke(b, url);
            java.util.Optional<String> token = ServerInfo.clientToken(lakehouse);
            if (token.isPresent()) {
                // the bearer header Spark's token check reads (the client's own token option
                // would force TLS, which a loopback server does not need)
                b =
                        b.getClass()
                                .getMethod("option", String.class, String.class)
                                .invoke(b, "Authorization", "Bearer " + token.get());
            }
            Object client = b.getClass().getMethod("build").invoke(b);
            Object sb =
                    Class.forName("org.apache.spark.sql.connect.SparkSession")
                            .getMethod("builder")
                            .invoke(null);
            sb = sb.getClass().getMethod("client", clientClass).invoke(sb, client);
            return (SparkSession) sb.getClass().getMethod("getOrCreate").invoke(sb);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException r
                    ? r
                    : new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(
                    "the Spark Connect client is not on the classpath (bin/povlake puts it there)",
                    e);
        }
    }

    /**
     * What to tell the analyst about a failure from the server, in one line (null: not theirs to
     * fix, a crash): a refusal by the server's door, Spark's analysis or parse error with its
     * position, or a token the server does not accept.
     */
    static String problem(Exception e, String lakehouse) {
        String m = String.valueOf(e.getMessage());
        int refused = m.indexOf("refused: ");
        if (refused >= 0) {
            return m.substring(refused).strip();
        }
        if (m.contains("UNAUTHENTICATED")) {
            return "the server of "
                    + lakehouse
                    + " refused the token ("
                    + m.substring(m.indexOf("UNAUTHENTICATED")).strip()
                    + "): "
                    + ServerInfo.TOKEN_ENV
                    + " or "
                    + ServerInfo.dir(lakehouse).resolve("token")
                    + " must hold the server's";
        }
        if (e instanceof org.apache.spark.sql.AnalysisException) {
            return m.strip();
        }
        return null;
    }
}
