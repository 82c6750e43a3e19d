package org.povlake.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads one {@code schemas/extracts/*.json} file and checks it is coherent. */
final class SchemaParser {
    static final String AS_OF_YEAR = "AS_OF_YEAR";
    private static final Set<String> COLUMN_KEYS =
            Set.of(
                    "name",
                    "type",
                    "enum",
                    "separator",
                    "required",
                    "required_when",
                    "min",
                    "max",
                    "not_after_as_of",
                    "min_column",
                    "max_column",
                    "matches_id",
                    "level_by",
                    "pii",
                    "notes");

    private SchemaParser() {}

    static ExtractSchema parse(JsonNode root, String file, Enumerations enums) {
        try {
            List<ColumnSpec> columns = new ArrayList<>();
            Set<String> names = new HashSet<>();
            for (JsonNode c : root.get("columns")) {
                ColumnSpec col = column(c, enums);
                if (!names.add(col.name())) {
                    throw new ContractException("column '" + col.name() + "' is declared twice");
                }
                columns.add(col);
            }
            List<String> pk = strings(root.get("primary_key"));
            for (String k : pk) {
                if (!names.contains(k)) {
                    throw new ContractException("primary key column '" + k + "' is not a column");
                }
            }
            for (ColumnSpec c : columns) {
                for (String ref :
                        new String[] {
                            c.minColumn(),
                            c.maxColumn(),
                            c.matchesId(),
                            c.requiredWhenColumn(),
                            c.levelByColumn()
                        }) {
                    if (ref != null && !names.contains(ref)) {
                        throw new ContractException(
                                "column '" + c.name() + "' refers to unknown column '" + ref + "'");
                    }
                }
            }
            List<SumCheck> checks = new ArrayList<>();
            for (JsonNode ch : root.path("checks")) {
                if (!"sum_le".equals(ch.get("rule").asText())) {
                    throw new ContractException(
                            "unknown check rule '" + ch.get("rule").asText() + "'");
                }
                checks.add(
                        new SumCheck(
                                strings(ch.get("columns")),
                                ch.get("limit").asText(),
                                ReasonCode.valueOf(ch.path("code").asText("OUT_OF_RANGE"))));
            }
            ExtractSchema.Kind kind =
                    ExtractSchema.Kind.valueOf(root.get("kind").asText().toUpperCase());
            String eventDate =
                    root.hasNonNull("event_date") ? root.get("event_date").asText() : null;
            if (kind == ExtractSchema.Kind.EVENT
                    && (eventDate == null || !names.contains(eventDate))) {
                throw new ContractException("an event extract needs an event_date column");
            }
            return new ExtractSchema(
                    root.get("source").asText(),
                    root.get("extract").asText(),
                    root.path("title").asText(""),
                    kind,
                    pk,
                    eventDate,
                    List.copyOf(columns),
                    List.copyOf(checks),
                    strings(root.path("notes")));
        } catch (ContractException e) {
            throw new ContractException("schemas/" + file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new ContractException("schemas/" + file + " is malformed: " + e, e);
        }
    }

    private static ColumnSpec column(JsonNode c, Enumerations enums) {
        c.fieldNames()
                .forEachRemaining(
                        k -> {
                            if (!COLUMN_KEYS.contains(k)) {
                                throw new ContractException(
                                        "column '"
                                                + c.path("name").asText()
                                                + "' has unknown key '"
                                                + k
                                                + "'");
                            }
                        });
        String name = c.get("name").asText();
        ColumnType type = ColumnType.parse(c.get("type").asText());
        String enumName = text(c, "enum");
        if ((type == ColumnType.ENUM || type == ColumnType.ENUM_LIST)) {
            if (enumName == null || !enums.has(enumName)) {
                throw new ContractException(
                        "column '" + name + "' names unknown enumeration '" + enumName + "'");
            }
        }
        Object min = bound(c.get("min"), type, name);
        Object max = bound(c.get("max"), type, name);
        boolean maxAsOfYear = AS_OF_YEAR.equals(max);
        String whenColumn = null;
        List<String> whenCodes = List.of();
        if (c.hasNonNull("required_when")) {
            whenColumn = c.get("required_when").get("column").asText();
            whenCodes = strings(c.get("required_when").get("in"));
        }
        String levelBy = null;
        Map<String, String> levelMap = Map.of();
        if (c.hasNonNull("level_by")) {
            levelBy = c.get("level_by").get("column").asText();
            Map<String, String> m = new LinkedHashMap<>();
            c.get("level_by")
                    .get("map")
                    .fields()
                    .forEachRemaining(e -> m.put(e.getKey(), e.getValue().asText()));
            levelMap = Map.copyOf(m);
        }
        if (type == ColumnType.REGION && levelBy == null) {
            throw new ContractException("region column '" + name + "' needs level_by");
        }
        return new ColumnSpec(
                name,
                type,
                enumName,
                text(c, "separator"),
                c.path("required").asBoolean(false),
                whenColumn,
                whenCodes,
                min,
                maxAsOfYear ? null : max,
                maxAsOfYear,
                c.path("not_after_as_of").asBoolean(false),
                text(c, "min_column"),
                text(c, "max_column"),
                text(c, "matches_id"),
                levelBy,
                levelMap,
                c.path("pii").asBoolean(false));
    }

    private static Object bound(JsonNode n, ColumnType type, String name) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isTextual() && AS_OF_YEAR.equals(n.asText())) {
            if (type != ColumnType.INT) {
                throw new ContractException(
                        "column '" + name + "': AS_OF_YEAR bounds only int columns");
            }
            return AS_OF_YEAR;
        }
        return switch (type) {
            case INT -> {
                if (!n.canConvertToLong() || !n.isIntegralNumber()) {
                    throw new ContractException(
                            "column '" + name + "': int bound must be a whole number");
                }
                yield n.asLong();
            }
            case DEC -> new BigDecimal(n.asText());
            default ->
                    throw new ContractException(
                            "column '" + name + "': only int and dec columns take min/max");
        };
    }

    private static String text(JsonNode n, String key) {
        return n.hasNonNull(key) ? n.get(key).asText() : null;
    }

    private static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n != null) {
            n.forEach(x -> out.add(x.asText()));
        }
        return List.copyOf(out);
    }
}
