package org.povlake.lake;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Where a reader gets lakehouse tables from: the current versions ({@link Lakehouse}) or pinned
 * ones ({@link PinnedTables}).
 */
public interface TableSource {
    boolean exists(String qualifiedName);

    Dataset<Row> read(String qualifiedName);
}
