package org.povlake.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Spark schemas of the lakehouse's tables, built from {@code schemas/extracts/} and {@code
 * schemas/lakehouse/}.
 */
public final class TableSchemas {
    private TableSchemas() {}

    /** The Spark type of a contract column as stored in bronze (see schemas/README.md). */
    public static DataType sparkType(ColumnType type) {
        return switch (type) {
            case INT -> DataTypes.IntegerType;
            case DEC -> new DecimalType(22, 4);
            case DATE -> DataTypes.DateType;
            case TS -> DataTypes.TimestampNTZType;
            case BOOL -> DataTypes.BooleanType;
            case ENUM_LIST -> DataTypes.createArrayType(DataTypes.StringType, false);
            default -> DataTypes.StringType;
        };
    }

    /** The extract's typed columns, in contract order. */
    public static StructType extractColumns(ExtractSchema schema) {
        List<StructField> fields = new ArrayList<>();
        for (ColumnSpec c : schema.columns()) {
            fields.add(new StructField(c.name(), sparkType(c.type()), true, Metadata.empty()));
        }
        return new StructType(fields.toArray(new StructField[0]));
    }

    /** bronze.&lt;source&gt;_&lt;extract&gt;: the typed columns, then the lineage columns. */
    public static StructType bronze(ExtractSchema schema) {
        StructType s = extractColumns(schema);
        for (StructField f : lakehouse("bronze_lineage").fields()) {
            s = s.add(f);
        }
        return s;
    }

    /** The partition columns of a table of {@code schemas/lakehouse/<name>.json}. */
    public static List<String> partitioning(String name) {
        return strings(name, "partition_by");
    }

    /**
     * Delta table properties a table of {@code schemas/lakehouse/<name>.json} is created with,
     * beyond the defaults.
     */
    public static java.util.Map<String, String> properties(String name) {
        java.util.Map<String, String> props = new java.util.TreeMap<>();
        Contract.readJson(new ObjectMapper(), "lakehouse/" + name + ".json")
                .path("properties")
                .fields()
                .forEachRemaining(e -> props.put(e.getKey(), e.getValue().asText()));
        return props;
    }

    /**
     * The key columns of a table of {@code schemas/lakehouse/<name>.json} (one row per key), if it
     * declares one.
     */
    public static List<String> key(String name) {
        return strings(name, "key");
    }

    /**
     * The columns of a table of {@code schemas/lakehouse/<name>.json} that hold keyed pseudonyms
     * ({@code "pseudonym": true}): a key rotation deletes every earlier version of a table that has
     * one.
     */
    public static List<String> pseudonymColumns(String name) {
        List<String> columns = new ArrayList<>();
        for (JsonNode c :
                Contract.readJson(new ObjectMapper(), "lakehouse/" + name + ".json")
                        .get("columns")) {
            if (c.path("pseudonym").asBoolean(false)) {
                columns.add(c.get("name").asText());
            }
        }
        return columns;
    }

    private static List<String> strings(String name, String field) {
        List<String> values = new ArrayList<>();
        Contract.readJson(new ObjectMapper(), "lakehouse/" + name + ".json")
                .path(field)
                .forEach(n -> values.add(n.asText()));
        return values;
    }

    /** A table of {@code schemas/lakehouse/<name>.json}. */
    public static StructType lakehouse(String name) {
        JsonNode root = Contract.readJson(new ObjectMapper(), "lakehouse/" + name + ".json");
        List<StructField> fields = new ArrayList<>();
        for (JsonNode c : root.get("columns")) {
            fields.add(
                    new StructField(
                            c.get("name").asText(),
                            DataType.fromDDL(c.get("type").asText()),
                            true,
                            Metadata.empty()));
        }
        return new StructType(fields.toArray(new StructField[0]));
    }
}
