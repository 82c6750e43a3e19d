package org.povlake.lake;

import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * The one place a SparkSession is configured: Delta, small shuffles for a small machine, loopback
 * binding in local mode, and ANSI mode left on. The master is {@code POVLAKE_MASTER} when set, else
 * spark-submit's ({@code spark.master}, never overridden), else {@code local[*]}; the driver binds
 * to 127.0.0.1 in local mode only. What others on the machine could read is closed: Spark's scratch
 * space is this process's private folder ({@link Scratch}), files written through Hadoop (every
 * lakehouse file) are owner-only ({@value #UMASK_ENV}, default {@value #DEFAULT_UMASK}), and the
 * pseudonymisation key's variable is redacted from Spark's UI and event log.
 */
public final class SparkSessions {
    public static final String UMASK_ENV = "POVLAKE_UMASK";
    public static final String DEFAULT_UMASK = "077";

    /** Spark's default redaction pattern (secrets, passwords, tokens, access keys). */
    static final String SPARK_REDACTION = "(?i)secret|password|token|access[.]?key";

    private SparkSessions() {}

    public static SparkSession.Builder builder(String appName) {
        String master =
                System.getenv().getOrDefault("POVLAKE_MASTER", System.getProperty("spark.master"));
        SparkSession.Builder b =
                SparkSession.builder()
                        .appName(appName)
                        // shuffle and spill files hold resident IDs and names: in a folder only
                        // this user can enter
                        .config("spark.local.dir", Scratch.forThisProcess().toString())
                        // Hadoop sets the mode of every file it writes from its own umask, not the
                        // process's
                        .config("spark.hadoop.fs.permissions.umask-mode", umask(System.getenv()))
                        .config(
                                "spark.redaction.regex",
                                redaction(System.getProperty("spark.redaction.regex")))
                        .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
                        .config(
                                "spark.sql.catalog.spark_catalog",
                                "org.apache.spark.sql.delta.catalog.DeltaCatalog")
                        .config("spark.databricks.delta.snapshotPartitions", "2")
                        .config(
                                "spark.sql.shuffle.partitions",
                                System.getenv().getOrDefault("POVLAKE_SHUFFLE_PARTITIONS", "4"))
                        .config("spark.sql.datetime.java8API.enabled", "true")
                        .config("spark.sql.session.timeZone", "UTC")
                        .config(
                                "spark.ui.enabled",
                                System.getenv().getOrDefault("POVLAKE_SPARK_UI", "false"))
                        .config("spark.ui.showConsoleProgress", "false")
                        .config("spark.databricks.delta.schema.autoMerge.enabled", "false")
                        .config("spark.sql.adaptive.enabled", "true")
                        // every table a write creates keeps 10 years of history (as
                        // Lakehouse.TABLE_PROPERTIES)
                        .config(
                                "spark.databricks.delta.properties.defaults.logRetentionDuration",
                                "interval 3653 days")
                        .config(
                                "spark.databricks.delta.properties.defaults.deletedFileRetentionDuration",
                                "interval 3653 days")
                        // a cache lives for one job: compressing it costs CPU (≈10 % of an ingest)
                        // and saves nothing we need
                        .config("spark.sql.inMemoryColumnarStorage.compressed", "false")
                        .config(
                                "spark.sql.warehouse.dir",
                                System.getProperty("java.io.tmpdir") + "/povlake-spark-warehouse");
        if (System.getenv("POVLAKE_MASTER") != null || master == null) {
            b = b.master(master == null ? "local[*]" : master);
        }
        if (master == null || master.startsWith("local")) {
            b =
                    b.config("spark.driver.host", "127.0.0.1")
                            .config("spark.driver.bindAddress", "127.0.0.1");
        }
        return b;
    }

    /** {@value #UMASK_ENV} (three or four octal digits), else {@value #DEFAULT_UMASK}. */
    static String umask(Map<String, String> env) {
        String u = env.getOrDefault(UMASK_ENV, DEFAULT_UMASK).strip();
        if (!u.matches("[0-7]{3,4}")) {
            throw new IllegalArgumentException(
                    UMASK_ENV + " must be an octal umask such as 077 or 027, not '" + u + "'");
        }
        return u;
    }

    /**
     * The redaction pattern: the configured one (else Spark's default) and anything named like the
     * pseudonymisation key ({@code POVLAKE_PSEUDONYM_KEY} as a variable set through {@code
     * spark.yarn.appMasterEnv.*}, {@code spark.kubernetes.driverEnv.*}, {@code
     * spark.executorEnv.*}).
     */
    static String redaction(String configured) {
        return "(?i)pseudonym|(?:"
                + (configured == null || configured.isBlank() ? SPARK_REDACTION : configured)
                + ")";
    }
}
