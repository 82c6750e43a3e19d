package org.povlake.jobs;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.spark.sql.SparkSession;
import org.povlake.lake.Lakehouse;
import org.povlake.lake.SparkSessions;
import picocli.CommandLine;

/** The CLI's single SparkSession, started on first use. */
final class Spark {
    private static SparkSession session;

    private Spark() {}

    static synchronized Lakehouse lakehouse(LakehouseOption opt) {
        return lakehouse(opt, java.util.Map.of());
    }

    /** The session with some configuration of its own (set before it starts: povlake serve). */
    static synchronized Lakehouse lakehouse(
            LakehouseOption opt, java.util.Map<String, String> conf) {
        if (opt.verbose) {
            // every logger of the configuration (Spark, Hadoop, Delta and Parquet are at ERROR
            // there) to INFO, before
            // Spark starts: SparkContext.setLogLevel sets the root logger only, which those do not
            // inherit from
            Configurator.setAllLevels(LogManager.ROOT_LOGGER_NAME, Level.INFO);
        }
        if (session == null) {
            SparkSession.Builder b = SparkSessions.builder("povlake");
            for (java.util.Map.Entry<String, String> c : conf.entrySet()) {
                b = b.config(c.getKey(), c.getValue());
            }
            session = b.getOrCreate();
            if (!opt.verbose) {
                session.sparkContext().setLogLevel("ERROR");
            }
        }
        return new Lakehouse(session, opt.lakehouse);
    }

    /**
     * The lakehouse of a command that only reads it ({@code sql}, {@code tables}, {@code history},
     * {@code portrait}): a usage error (exit {@value PovlakeCli#USAGE}) unless the folder is a
     * lakehouse, i.e. holds at least one committed Delta table under bronze, silver, gold or ops
     * ({@link Lakehouse#tables()}) — an empty or mistyped folder is said so, not shown as an empty
     * lakehouse.
     */
    static Lakehouse existingLakehouse(LakehouseOption opt, CommandLine.Model.CommandSpec spec) {
        Lakehouse lake = lakehouse(opt);
        if (lake.tables().isEmpty()) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(),
                    "povlake "
                            + spec.name()
                            + ": no lakehouse at "
                            + opt.lakehouse
                            + " (povlake ingest creates one)");
        }
        return lake;
    }

    static synchronized void stop() {
        if (session != null) {
            session.stop();
            session = null;
        }
    }
}
