package org.povlake.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.povlake.contract.Contract;
import org.povlake.contract.ExtractSchema;
import org.povlake.lake.ScalaValues;
import org.povlake.testing.FrameAssert;
import org.povlake.testing.TestSpark;

/** Given/expected frames for the Spark transforms of ingest. */
class IngestTransformsTest {
    static final ExtractSchema VILLAGES = Contract.get().extracts().get("registry_poor_villages");

    /** Three villages of the reference the tests run on (the sample's counties or all of Gansu). */
    static final List<String> V =
            Contract.get().divisions().villageCodes().stream().sorted().limit(3).toList();

    static final LocalDate AS_OF = LocalDate.of(2019, 12, 31);

    /** A raw poor_villages record: village_code, designated_year, exit_year. */
    static Row raw(String file, long n, String village, String designated, String exit) {
        return RowFactory.create(
                file,
                AS_OF,
                "sha",
                n,
                village + "," + designated + "," + exit,
                ScalaValues.seq(java.util.Arrays.asList(village, designated, exit)),
                null,
                null,
                null,
                null);
    }

    static Dataset<Row> reasons(List<Row> raws) {
        SparkSession spark = TestSpark.get();
        Dataset<Row> raw = spark.createDataFrame(raws, RawRecords.SCHEMA);
        Dataset<Row> flagged =
                IngestTransforms.flagDuplicates(IngestTransforms.validate(raw, VILLAGES), VILLAGES);
        return flagged.select(
                col("_source_file"),
                col("_record_number"),
                concat_ws(" ", col(IngestTransforms.REASONS)).as("reasons"));
    }

    static Dataset<Row> expected(Object[]... rows) {
        List<Row> list = new ArrayList<>();
        for (Object[] r : rows) {
            list.add(RowFactory.create(r));
        }
        StructType s =
                new StructType()
                        .add("_source_file", "string", false)
                        .add("_record_number", "long", false)
                        .add("reasons", "string", true);
        return TestSpark.get().createDataFrame(list, s);
    }

    @Test
    void copiesCollapseFirstThenKeysConflict() {
        String v1 = V.get(0);
        String v2 = V.get(1);
        String v3 = V.get(2);
        List<Row> given =
                List.of(
                        raw("a.csv", 1, v1, "2014", ""),
                        raw("a.csv", 2, v1, " 2014 ", "NULL"), // a copy once parsed: DUPLICATE_ROW
                        raw("a.csv", 3, v2, "2015", ""),
                        raw(
                                "a.csv", 4, v2, "2016",
                                ""), // same key, other value: both CONFLICTING_KEY
                        raw("a.csv", 5, v2, "2016", ""), // a copy of 4: DUPLICATE_ROW only
                        raw(
                                "a.csv", 6, v3, "20x4",
                                ""), // fails typing: never a duplicate or conflict
                        raw("a.csv", 7, v3, "2014", ""),
                        raw("b.csv", 1, v1, "2014", "")); // another file: judged on its own
        FrameAssert.assertSameRows(
                expected(
                        new Object[] {"a.csv", 1L, ""},
                        new Object[] {"a.csv", 2L, "DUPLICATE_ROW"},
                        new Object[] {"a.csv", 3L, "CONFLICTING_KEY"},
                        new Object[] {"a.csv", 4L, "CONFLICTING_KEY"},
                        new Object[] {"a.csv", 5L, "DUPLICATE_ROW"},
                        new Object[] {"a.csv", 6L, "BAD_NUMBER"},
                        new Object[] {"a.csv", 7L, ""},
                        new Object[] {"b.csv", 1L, ""}),
                reasons(given));
    }

    @Test
    void bronzeAndQuarantineSplitEveryRowExactlyOnce() {
        List<Row> given =
                List.of(
                        raw("a.csv", 1, V.get(0), "2014", ""),
                        raw("a.csv", 2, "999999999999", "2014", ""),
                        raw("a.csv", 3, V.get(1), "2014", "2013"));
        Dataset<Row> flagged =
                IngestTransforms.flagDuplicates(
                        IngestTransforms.validate(
                                TestSpark.get().createDataFrame(given, RawRecords.SCHEMA),
                                VILLAGES),
                        VILLAGES);
        java.time.Instant at = java.time.Instant.parse("2020-01-01T00:00:00Z");
        Dataset<Row> bronze = IngestTransforms.bronzeRows(flagged, VILLAGES, "b1", at);
        Dataset<Row> quarantine = IngestTransforms.quarantineRows(flagged, VILLAGES, "b1", at);
        FrameAssert.assertSameRows(
                expected(new Object[] {"a.csv", 1L, V.get(0)}),
                bronze.select(
                        col("_source_file"),
                        col("_record_number"),
                        col("village_code").as("reasons")));
        FrameAssert.assertSameRows(
                expected(
                        new Object[] {"a.csv", 2L, "UNKNOWN_REGION village_code:UNKNOWN_REGION"},
                        new Object[] {"a.csv", 3L, "OUT_OF_RANGE exit_year:OUT_OF_RANGE"}),
                quarantine.select(
                        col("source_file").as("_source_file"),
                        col("record_number").as("_record_number"),
                        concat_ws(
                                        " ",
                                        concat_ws(" ", col("reasons")),
                                        concat_ws(" ", col("details")))
                                .as("reasons")));
    }

    @Test
    void aFileFailureRowCarriesItsCodeAndAnOverlongRecordItsLength() {
        List<Row> given =
                List.of(
                        raw("a.csv", 1, V.get(0), "2014", ""),
                        RowFactory.create(
                                "a.csv",
                                AS_OF,
                                "sha",
                                2L,
                                "6201020",
                                null,
                                null,
                                null,
                                "BAD_RECORD",
                                2_000_000L),
                        RowFactory.create(
                                "b.csv",
                                AS_OF,
                                "sha",
                                RawRecords.FAILURE,
                                "EOFException: Unexpected end of ZLIB input" + " stream",
                                null,
                                null,
                                null,
                                "UNREADABLE",
                                null));
        Dataset<Row> flagged =
                IngestTransforms.flagDuplicates(
                        IngestTransforms.validate(
                                TestSpark.get().createDataFrame(given, RawRecords.SCHEMA),
                                VILLAGES),
                        VILLAGES);
        FrameAssert.assertSameRows(
                expected(
                        new Object[] {"a.csv", 1L, " "}, // accepted: no reasons, no details
                        new Object[] {
                            "a.csv", 2L, "BAD_RECORD record:BAD_RECORD record:LENGTH=2000000"
                        },
                        new Object[] {"b.csv", RawRecords.FAILURE, "UNREADABLE file:UNREADABLE"}),
                flagged.select(
                        col("_source_file"),
                        col("_record_number"),
                        concat_ws(
                                        " ",
                                        concat_ws(" ", col(IngestTransforms.REASONS)),
                                        concat_ws(" ", col(IngestTransforms.DETAILS)))
                                .as("reasons")));
    }
}
