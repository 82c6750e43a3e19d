package org.povlake.lake;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.povlake.contract.TableSchemas;

/**
 * The lakehouse tables' schemas (bronze lineage, silver, gold, ops), from {@code
 * schemas/lakehouse/<schema>_<table>.json}: the code never lists columns.
 */
public final class LakeSchemas {
    private LakeSchemas() {}

    /** {@code silver.members} → {@code silver_members}. */
    private static String file(String qualifiedName) {
        return qualifiedName.replace('.', '_');
    }

    public static StructType schema(String qualifiedName) {
        return TableSchemas.lakehouse(file(qualifiedName));
    }

    public static List<String> partitioning(String qualifiedName) {
        return TableSchemas.partitioning(file(qualifiedName));
    }

    public static java.util.Map<String, String> properties(String qualifiedName) {
        return TableSchemas.properties(file(qualifiedName));
    }

    /** The table's key columns (one row per key). */
    public static List<String> key(String qualifiedName) {
        return TableSchemas.key(file(qualifiedName));
    }

    /**
     * Selects exactly the table's columns, in its order and types. A column the frame lacks is a
     * programming error, reported with the table's name.
     */
    public static Dataset<Row> conform(Dataset<Row> frame, String qualifiedName) {
        StructType target = schema(qualifiedName);
        List<String> have = Arrays.asList(frame.columns());
        List<Column> cols = new ArrayList<>();
        for (StructField f : target.fields()) {
            if (!have.contains(f.name())) {
                throw new IllegalStateException(
                        qualifiedName
                                + ": the transform does not produce column "
                                + f.name()
                                + " (has "
                                + have
                                + ")");
            }
            cols.add(col(f.name()).cast(f.dataType()).as(f.name()));
        }
        return frame.select(cols.toArray(new Column[0]));
    }
}
