package org.povlake.testing;

import com.holdenkarau.spark.testing.JavaDataFrameSuiteBase;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * DataFrame assertions of spark-testing-base (schema and rows; order-insensitive), used on the suite's
 * own session: its base class is only the carrier of the assertion methods here.
 */
public final class FrameAssert {
    private static final JavaDataFrameSuiteBase ASSERTIONS = new JavaDataFrameSuiteBase();

    private FrameAssert() {
    }

    /** Same schema and the same rows, in any order. */
    public static void assertSameRows(Dataset<Row> expected, Dataset<Row> actual) {
        ASSERTIONS.assertDataFrameNoOrderEquals(expected, actual);
    }

    /** Same schema and the same rows in the same order. */
    public static void assertEquals(Dataset<Row> expected, Dataset<Row> actual) {
        ASSERTIONS.assertDataFrameEquals(expected, actual);
    }
}
