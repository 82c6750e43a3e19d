package org.povlake.testing;

import org.apache.spark.sql.SparkSession;
import org.povlake.lake.SparkSessions;

/** One SparkSession for the whole test suite (the production configuration, local[2]). */
public final class TestSpark {
    private static SparkSession session;

    private TestSpark() {}

    public static synchronized SparkSession get() {
        if (session == null) {
            System.setProperty("spark.master", "local[2]");
            session = SparkSessions.builder("povlake-tests").getOrCreate();
            session.sparkContext().setLogLevel("ERROR");
            Runtime.getRuntime().addShutdownHook(new Thread(session::stop));
        }
        return session;
    }
}
