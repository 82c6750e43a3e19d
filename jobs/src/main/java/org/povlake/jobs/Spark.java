package org.povlake.jobs;

import org.apache.spark.sql.SparkSession;
import org.povlake.lake.Lakehouse;
import org.povlake.lake.SparkSessions;

/** The CLI's single SparkSession, started on first use. */
final class Spark {
    private static SparkSession session;

    private Spark() {
    }

    static synchronized Lakehouse lakehouse(LakehouseOption opt) {
        if (session == null) {
            session = SparkSessions.builder("povlake").getOrCreate();
            session.sparkContext().setLogLevel(opt.verbose ? "INFO" : "ERROR");
        }
        return new Lakehouse(session, opt.lakehouse);
    }

    static synchronized void stop() {
        if (session != null) {
            session.stop();
            session = null;
        }
    }
}
