package org.povlake.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.povlake.contract.Contract;
import org.povlake.contract.ExtractSchema;
import org.povlake.lake.ScalaValues;

/**
 * The I/O step of ingest: reads delivery files (one Spark task per file, on the executors) into raw
 * records, one row per record. Everything after this is a pure Dataset transform ({@link
 * IngestTransforms}).
 *
 * <p>A file whose reading fails (it cannot be opened, it ends early, it breaks a limit) does not
 * fail the Spark job, which would fail every file of the extract and the run: its task ends with
 * one failure row ({@code _record_number} {@link #FAILURE}, the rejection code in {@code
 * _record_error}, the cause in {@code _raw}, never content), and the driver rejects that file
 * alone.
 */
public final class RawRecords {
    /** The record number of a file's failure row. */
    public static final long FAILURE = -1;

    /** A file to read, with what {@link Preflight} decided about it. */
    public record FileTask(DeliveryFile file, String sha256, String charset, Header header)
            implements Serializable {}

    public static final StructType SCHEMA =
            new StructType()
                    .add("_source_file", DataTypes.StringType, false)
                    .add("_as_of_date", DataTypes.DateType, false)
                    .add("_file_sha256", DataTypes.StringType, false)
                    .add("_record_number", DataTypes.LongType, false)
                    .add("_raw", DataTypes.StringType, true)
                    .add("_values", DataTypes.createArrayType(DataTypes.StringType, true), true)
                    .add("_kinds", DataTypes.StringType, true)
                    .add(
                            "_extra",
                            DataTypes.createMapType(
                                    DataTypes.StringType, DataTypes.StringType, true),
                            true)
                    .add("_record_error", DataTypes.StringType, true)
                    .add("_raw_length", DataTypes.LongType, true);

    private RawRecords() {}

    public static Dataset<Row> read(SparkSession spark, List<FileTask> tasks, FileStreams streams) {
        JavaRDD<FileTask> files =
                JavaSparkContext.fromSparkContext(spark.sparkContext())
                        .parallelize(tasks, Math.max(1, tasks.size()));
        JavaRDD<Row> rows = files.flatMap(task -> records(task, streams));
        return spark.createDataFrame(rows, SCHEMA);
    }

    private static Iterator<Row> records(FileTask task, FileStreams streams) {
        DeliveryFile f = task.file();
        RawRecordReader opened;
        InputStream raw = null;
        try {
            ExtractSchema schema = Contract.get().extract(f.source(), f.extract()).orElseThrow();
            raw = streams.openRaw(f.path());
            opened =
                    new RawRecordReader(
                            streams.content(raw, f.gzip(), null),
                            f.jsonl(),
                            Charset.forName(task.charset()),
                            task.header(),
                            schema,
                            streams.limits());
        } catch (IOException | RuntimeException e) {
            if (raw != null) {
                try {
                    raw.close();
                } catch (IOException ignored) {
                    // the failure being reported is the first one
                }
            }
            return List.of(failure(task, e)).iterator();
        }
        RawRecordReader reader = opened;
        return new Iterator<>() {
            private Row failed;
            private boolean done;

            @Override
            public boolean hasNext() {
                if (failed != null) {
                    return true;
                }
                if (done) {
                    return false;
                }
                try {
                    if (reader.hasNext()) {
                        return true;
                    }
                } catch (RuntimeException e) {
                    failed = failure(task, e);
                }
                done = true;
                try {
                    reader.close();
                } catch (IOException e) {
                    if (failed == null) {
                        failed = failure(task, e);
                    }
                }
                return failed != null;
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                if (failed != null) {
                    Row r = failed;
                    failed = null;
                    return r;
                }
                RawRecord r = reader.next();
                return RowFactory.create(
                        f.relative(),
                        f.asOf(),
                        task.sha256(),
                        r.number(),
                        r.raw(),
                        r.values() == null ? null : ScalaValues.seq(Arrays.asList(r.values())),
                        r.kinds(),
                        ScalaValues.map(r.extra()),
                        r.error(),
                        r.fullLength());
            }
        };
    }

    private static Row failure(FileTask task, Throwable e) {
        DeliveryFile f = task.file();
        return RowFactory.create(
                f.relative(),
                f.asOf(),
                task.sha256(),
                FAILURE,
                RejectedFileException.describe(e),
                null,
                null,
                null,
                RejectedFileException.codeOf(e).name(),
                null);
    }
}
