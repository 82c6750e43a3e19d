package org.povlake.ingest;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map_keys;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.povlake.contract.ColumnSpec;
import org.povlake.contract.Contract;
import org.povlake.contract.ExtractSchema;
import org.povlake.contract.ReasonCode;
import org.povlake.contract.TableSchemas;
import org.povlake.lake.ScalaValues;

/**
 * The pure Dataset transforms of ingest: raw records → typed and checked rows → bronze / quarantine
 * rows.
 */
public final class IngestTransforms {
    public static final String REASONS = "_reasons";
    public static final String DETAILS = "_details";
    private static final Object NONE = ScalaValues.seq(List.of());

    private IngestTransforms() {}

    /**
     * Schema of {@link #validate}'s output: lineage, raw text, the typed columns, extras, reasons
     * and details.
     */
    public static StructType validatedSchema(ExtractSchema schema) {
        StructType s =
                new StructType()
                        .add("_source_file", DataTypes.StringType, false)
                        .add("_as_of_date", DataTypes.DateType, false)
                        .add("_file_sha256", DataTypes.StringType, false)
                        .add("_record_number", DataTypes.LongType, false)
                        .add("_raw", DataTypes.StringType, true);
        for (StructField f : TableSchemas.extractColumns(schema).fields()) {
            s = s.add(f);
        }
        return s.add(
                        "_extra",
                        DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType, true),
                        true)
                .add(REASONS, DataTypes.createArrayType(DataTypes.StringType, false), false)
                .add(DETAILS, DataTypes.createArrayType(DataTypes.StringType, false), false);
    }

    /**
     * Types every value and applies every per-row rule ({@link RecordValidator}). A file's failure
     * row ({@link RawRecords#FAILURE}) passes through with its rejection code as its reason, for
     * the driver to reject that file.
     */
    public static Dataset<Row> validate(Dataset<Row> raw, ExtractSchema schema) {
        StructType out = validatedSchema(schema);
        int width = schema.columns().size();
        JavaRDD<Row> rows =
                raw.javaRDD()
                        .mapPartitions(
                                it -> {
                                    RecordValidator validator =
                                            new RecordValidator(schema, Contract.get());
                                    return new java.util.Iterator<Row>() {
                                        @Override
                                        public boolean hasNext() {
                                            return it.hasNext();
                                        }

                                        @Override
                                        public Row next() {
                                            Row r = it.next();
                                            Object[] cells = new Object[5 + width + 3];
                                            for (int i = 0; i < 5; i++) {
                                                cells[i] = r.get(i);
                                            }
                                            if (r.getLong(3) == RawRecords.FAILURE) {
                                                cells[6 + width] =
                                                        ScalaValues.seq(List.of(r.getString(8)));
                                                cells[7 + width] =
                                                        ScalaValues.seq(
                                                                List.of("file:" + r.getString(8)));
                                                return RowFactory.create(cells);
                                            }
                                            List<String> values =
                                                    r.isNullAt(5) ? null : r.getList(5);
                                            RawRecord rec =
                                                    new RawRecord(
                                                            r.getLong(3),
                                                            r.getString(4),
                                                            values == null
                                                                    ? null
                                                                    : values.toArray(new String[0]),
                                                            r.getString(6),
                                                            r.isNullAt(7) ? null : r.getJavaMap(7),
                                                            r.getString(8),
                                                            r.isNullAt(9) ? null : r.getLong(9));
                                            RecordValidator.Result v =
                                                    validator.validate(rec, asLocalDate(r.get(1)));
                                            for (int i = 0; i < width; i++) {
                                                Object value = v.values()[i];
                                                cells[5 + i] =
                                                        value instanceof List<?> l
                                                                ? ScalaValues.seq(l)
                                                                : value;
                                            }
                                            cells[5 + width] = ScalaValues.map(rec.extra());
                                            cells[6 + width] =
                                                    v.accepted()
                                                            ? NONE
                                                            : ScalaValues.seq(
                                                                    v.reasons().stream()
                                                                            .map(Enum::name)
                                                                            .toList());
                                            cells[7 + width] =
                                                    v.accepted()
                                                            ? NONE
                                                            : ScalaValues.seq(v.details());
                                            return RowFactory.create(cells);
                                        }
                                    };
                                });
        return raw.sparkSession().createDataFrame(rows, out);
    }

    static LocalDate asLocalDate(Object value) {
        return value instanceof Date d ? d.toLocalDate() : (LocalDate) value;
    }

    /**
     * Among the rows that pass every other rule, per file: exact copies (parsed values equal) after
     * the first are {@code DUPLICATE_ROW}; then rows still sharing a primary key are all {@code
     * CONFLICTING_KEY}. One shuffle: copies share their key, so both are judged within (file, key).
     */
    public static Dataset<Row> flagDuplicates(Dataset<Row> validated, ExtractSchema schema) {
        List<Column> partition = new ArrayList<>();
        partition.add(col("_source_file"));
        partition.add(col("_passing"));
        schema.primaryKey().forEach(k -> partition.add(col(k)));
        List<Column> order = new ArrayList<>();
        List<String> columns = schema.columns().stream().map(ColumnSpec::name).toList();
        columns.forEach(c -> order.add(col(c).asc_nulls_first()));
        order.add(col("_record_number"));
        WindowSpec byKeyOrdered =
                Window.partitionBy(partition.toArray(new Column[0]))
                        .orderBy(order.toArray(new Column[0]));
        WindowSpec byKey = Window.partitionBy(partition.toArray(new Column[0]));

        Column sameAsPrevious = lit(true);
        for (String c : columns) {
            sameAsPrevious =
                    sameAsPrevious.and(lag(col(c), 1).over(byKeyOrdered).eqNullSafe(col(c)));
        }
        Dataset<Row> marked =
                validated
                        .withColumn("_passing", size(col(REASONS)).equalTo(0))
                        .withColumn(
                                "_copy",
                                col("_passing")
                                        .and(row_number().over(byKeyOrdered).gt(1))
                                        .and(sameAsPrevious))
                        .withColumn(
                                "_firsts",
                                sum(when(col("_passing").and(not(col("_copy"))), 1).otherwise(0))
                                        .over(byKey));
        Column conflict = col("_passing").and(not(col("_copy"))).and(col("_firsts").gt(1));
        return marked.withColumn(
                        REASONS,
                        when(col("_copy"), array(lit(ReasonCode.DUPLICATE_ROW.name())))
                                .when(conflict, array(lit(ReasonCode.CONFLICTING_KEY.name())))
                                .otherwise(col(REASONS)))
                .withColumn(
                        DETAILS,
                        when(col("_copy"), array(lit("record:" + ReasonCode.DUPLICATE_ROW.name())))
                                .when(
                                        conflict,
                                        array(
                                                lit(
                                                        "primary_key:"
                                                                + ReasonCode.CONFLICTING_KEY
                                                                        .name())))
                                .otherwise(col(DETAILS)))
                .drop("_passing", "_copy", "_firsts");
    }

    /**
     * The raw text kept only where it is needed: for quarantined rows (and a file's failure row),
     * which the quarantine keeps verbatim; an accepted row's text is dropped before the rows are
     * cached (bronze holds typed columns only).
     */
    public static Dataset<Row> rawOfQuarantinedOnly(Dataset<Row> flagged) {
        return flagged.withColumn("_raw", when(size(col(REASONS)).gt(0), col("_raw")));
    }

    /**
     * Schema drift of JSONL files, from the keys of {@code _extra}: per file and kind ({@code
     * named}: the key is a column name by {@code nameRegex}, anchored), the first distinct keys in
     * order ({@code i}; at most {@code listed}, and at least one so that the count travels) with
     * {@code keys}, how many distinct keys of that kind the file has. Only named keys may be
     * printed.
     */
    public static Dataset<Row> extraKeys(Dataset<Row> flagged, String nameRegex, int listed) {
        WindowSpec byKind = Window.partitionBy(col("_source_file"), col("named"));
        return flagged.select(col("_source_file"), explode(map_keys(col("_extra"))).as("key"))
                .distinct()
                .withColumn("named", col("key").rlike(nameRegex))
                .withColumn("i", row_number().over(byKind.orderBy(col("key"))))
                .withColumn("keys", count(lit(1)).over(byKind))
                .filter(col("i").leq(Math.max(listed, 1)))
                .select(col("_source_file"), col("key"), col("named"), col("i"), col("keys"));
    }

    /** Accepted rows in the bronze table's shape (typed columns, then lineage). */
    public static Dataset<Row> bronzeRows(
            Dataset<Row> flagged, ExtractSchema schema, String batchId, Instant ingestedAt) {
        Dataset<Row> accepted =
                flagged.filter(size(col(REASONS)).equalTo(0))
                        .withColumn("_batch_id", lit(batchId))
                        .withColumn("_ingested_at", lit(ingestedAt));
        return selectAs(accepted, TableSchemas.bronze(schema));
    }

    /** Quarantined rows in the shape of {@code bronze.quarantine}. */
    public static Dataset<Row> quarantineRows(
            Dataset<Row> flagged, ExtractSchema schema, String batchId, Instant ingestedAt) {
        Dataset<Row> q =
                flagged.filter(size(col(REASONS)).gt(0))
                        .select(
                                lit(schema.source()).as("source"),
                                lit(schema.extract()).as("extract"),
                                col("_as_of_date").as("as_of_date"),
                                col("_source_file").as("source_file"),
                                col("_record_number").as("record_number"),
                                col(REASONS).as("reasons"),
                                col(DETAILS).as("details"),
                                col("_raw").as("raw"),
                                col("_file_sha256").as("file_sha256"),
                                lit(batchId).as("batch_id"),
                                lit(ingestedAt).as("ingested_at"));
        return selectAs(q, TableSchemas.lakehouse("quarantine"));
    }

    /** Selects and casts columns to exactly the target schema's names, order and types. */
    static Dataset<Row> selectAs(Dataset<Row> df, StructType target) {
        List<Column> cols = new ArrayList<>();
        for (StructField f : target.fields()) {
            cols.add(col(f.name()).cast(f.dataType()).as(f.name()));
        }
        return df.select(cols.toArray(new Column[0]));
    }
}
