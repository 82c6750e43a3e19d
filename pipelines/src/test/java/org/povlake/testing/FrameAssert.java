package org.povlake.testing;

import com.holdenkarau.spark.testing.JavaDataFrameSuiteBase;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * DataFrame assertions of spark-testing-base (schema and rows; order-insensitive), used on the
 * suite's own session: its base class is only the carrier of the assertion methods here.
 */
public final class FrameAssert {
    private static final JavaDataFrameSuiteBase ASSERTIONS = new JavaDataFrameSuiteBase();

    private FrameAssert() {}

    /**
     * Same column names and types and the same rows, in any order (nullability is not compared).
     */
    public static void assertSameRows(Dataset<Row> expected, Dataset<Row> actual) {
        ASSERTIONS.assertDataFrameNoOrderEquals(nullable(expected), nullable(actual));
    }

    /**
     * Same column names and types and the same rows in the same order (nullability is not
     * compared).
     */
    public static void assertEquals(Dataset<Row> expected, Dataset<Row> actual) {
        ASSERTIONS.assertDataFrameEquals(nullable(expected), nullable(actual));
    }

    private static Dataset<Row> nullable(Dataset<Row> df) {
        StructType s = new StructType();
        for (StructField f : df.schema().fields()) {
            s = s.add(f.name(), f.dataType(), true);
        }
        return df.sparkSession().createDataFrame(df.javaRDD(), s);
    }
}
