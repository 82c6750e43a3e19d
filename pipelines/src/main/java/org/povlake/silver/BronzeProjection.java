package org.povlake.silver;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.try_to_date;
import static org.apache.spark.sql.functions.when;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.povlake.contract.Contract;
import org.povlake.lake.LakeSchemas;

/**
 * The one place where bronze columns become silver columns: lineage columns are renamed, resident
 * IDs and other personal identifiers are replaced by their pseudonyms, and names are dropped (by
 * never being selected). Birth date, sex and county of registration are derived from the resident
 * ID before it is dropped ({@code id_birth_date}, {@code id_sex}, {@code id_county_code}).
 * Everything else is selected by name by {@link LakeSchemas#conform}.
 */
public final class BronzeProjection {
    private BronzeProjection() {}

    /** Personal columns of bronze → the pseudonym column silver carries instead. */
    static final List<String[]> PSEUDONYMISED =
            List.of(
                    new String[] {"id_number", "person_key"},
                    new String[] {"head_id_number", "head_person_key"},
                    new String[] {"helper_cadre_id", "helper_key"});

    /**
     * Adds silver's lineage and pseudonym columns to a bronze frame and drops the personal columns
     * (ids and names). The result still has bronze's other columns; {@link LakeSchemas#conform}
     * then picks the table's columns.
     */
    public static Dataset<Row> project(Dataset<Row> bronze, Pseudonyms pseudonyms) {
        List<String> have = Arrays.asList(bronze.columns());
        Dataset<Row> df =
                bronze.withColumn("snapshot_date", col("_as_of_date"))
                        .withColumn("as_of_date", col("_as_of_date"))
                        .withColumn("source_file", col("_source_file"))
                        .withColumn("record_number", col("_record_number"));
        if (have.contains("id_number")) {
            Column id = col("id_number");
            df =
                    df.withColumn("id_birth_date", try_to_date(substring(id, 7, 8), "yyyyMMdd"))
                            .withColumn(
                                    "id_sex",
                                    when(substring(id, 17, 1).cast("int").mod(2).equalTo(1), "M")
                                            .otherwise("F"))
                            .withColumn("id_county_code", substring(id, 1, 6));
        }
        for (String[] p : PSEUDONYMISED) {
            if (have.contains(p[0])) {
                df = df.withColumn(p[1], pseudonyms.column(col(p[0])));
            }
        }
        return df.drop(personalColumns(have));
    }

    /**
     * Bronze columns that are personal data: the contract's PII columns (and, as a safety net, any
     * *name).
     */
    static String[] personalColumns(List<String> columns) {
        Set<String> pii = new HashSet<>();
        Contract.get().extracts().values().forEach(e -> pii.addAll(e.piiColumns()));
        return columns.stream()
                .filter(c -> pii.contains(c) || c.endsWith("name"))
                .toArray(String[]::new);
    }
}
