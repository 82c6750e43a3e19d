package org.povlake.ingest;

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

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * The I/O step of ingest: reads delivery files (one Spark task per file, on the executors) into raw
 * records, one row per record. Everything after this is a pure Dataset transform ({@link IngestTransforms}).
 */
public final class RawRecords {
    /** A file to read, with what {@link Preflight} decided about it. */
    public record FileTask(DeliveryFile file, String sha256, String charset, Header header) implements Serializable {
    }

    public static final StructType SCHEMA = new StructType()
            .add("_source_file", DataTypes.StringType, false)
            .add("_as_of_date", DataTypes.DateType, false)
            .add("_file_sha256", DataTypes.StringType, false)
            .add("_record_number", DataTypes.LongType, false)
            .add("_raw", DataTypes.StringType, true)
            .add("_values", DataTypes.createArrayType(DataTypes.StringType, true), true)
            .add("_kinds", DataTypes.StringType, true)
            .add("_extra", DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType, true), true)
            .add("_record_error", DataTypes.StringType, true);

    private RawRecords() {
    }

    public static Dataset<Row> read(SparkSession spark, List<FileTask> tasks, FileStreams streams) {
        JavaRDD<FileTask> files = JavaSparkContext.fromSparkContext(spark.sparkContext())
                .parallelize(tasks, Math.max(1, tasks.size()));
        JavaRDD<Row> rows = files.flatMap(task -> records(task, streams));
        return spark.createDataFrame(rows, SCHEMA);
    }

    private static Iterator<Row> records(FileTask task, FileStreams streams) throws IOException {
        DeliveryFile f = task.file();
        ExtractSchema schema = Contract.get().extract(f.source(), f.extract()).orElseThrow();
        InputStream content = FileStreams.content(streams.openRaw(f.path()), f.gzip(), null);
        RawRecordReader reader = new RawRecordReader(content, f.jsonl(), Charset.forName(task.charset()),
                task.header(), schema);
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                boolean more = reader.hasNext();
                if (!more) {
                    try {
                        reader.close();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                return more;
            }

            @Override
            public Row next() {
                RawRecord r = reader.next();
                return RowFactory.create(f.relative(), f.asOf(), task.sha256(), r.number(), r.raw(),
                        r.values() == null ? null : ScalaValues.seq(Arrays.asList(r.values())), r.kinds(),
                        ScalaValues.map(r.extra()), r.error());
            }
        };
    }
}
