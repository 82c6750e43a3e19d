package org.povlake.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The contract as data: everything under {@code schemas/}, loaded from the classpath ({@code
 * povlake/schemas/}). Java repeats none of it.
 */
public final class Contract implements Serializable {
    public static final String ROOT = "povlake/schemas/";

    /**
     * The system property naming the counties a lakehouse covers, as comma-separated county codes
     * (a city's own deployment, a pilot): the regions are then those counties with their cities,
     * townships and villages, and the province. Unset: all of the shipped divisions.
     */
    public static final String COUNTIES_PROPERTY = "povlake.counties";

    private static volatile Contract instance;

    private final String version;
    private final Map<String, List<String>> sources;
    private final Map<String, ExtractSchema> extracts;
    private final Enumerations enums;
    private final NullTokens nullTokens;
    private final Divisions divisions;
    private final ColumnNames columnNames;
    private final FileLimits fileLimits;

    private Contract(
            String version,
            Map<String, List<String>> sources,
            Map<String, ExtractSchema> extracts,
            Enumerations enums,
            NullTokens nullTokens,
            Divisions divisions,
            ColumnNames columnNames,
            FileLimits fileLimits) {
        this.version = version;
        this.sources = sources;
        this.extracts = extracts;
        this.enums = enums;
        this.nullTokens = nullTokens;
        this.divisions = divisions;
        this.columnNames = columnNames;
        this.fileLimits = fileLimits;
    }

    /**
     * The contract of this build, loaded once per JVM (drivers and executors alike), with the
     * divisions the {@value #COUNTIES_PROPERTY} property names (all of them when it is unset).
     */
    public static Contract get() {
        Contract c = instance;
        if (c == null) {
            synchronized (Contract.class) {
                c = instance;
                if (c == null) {
                    c = load(System.getProperty(COUNTIES_PROPERTY));
                    instance = c;
                }
            }
        }
        return c;
    }

    /**
     * Loads the contract from the classpath; {@code counties} (comma-separated county codes, or
     * null for all) cuts the divisions down to those counties ({@link Divisions#covering}).
     */
    static Contract load(String counties) {
        ObjectMapper json = new ObjectMapper();
        JsonNode index = readJson(json, "contract.json");
        Map<String, List<String>> sources = new LinkedHashMap<>();
        index.get("sources")
                .fields()
                .forEachRemaining(
                        e -> {
                            List<String> names = new ArrayList<>();
                            e.getValue().forEach(n -> names.add(n.asText()));
                            sources.put(e.getKey(), names);
                        });
        Enumerations enums = loadEnums(readJson(json, "enums.json"));
        Map<String, ExtractSchema> extracts = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> s : sources.entrySet()) {
            for (String extract : s.getValue()) {
                String file = "extracts/" + s.getKey() + "_" + extract + ".json";
                ExtractSchema schema = SchemaParser.parse(readJson(json, file), file, enums);
                if (!schema.source().equals(s.getKey()) || !schema.extract().equals(extract)) {
                    throw new ContractException(file + " declares " + schema.name());
                }
                extracts.put(schema.name(), schema);
            }
        }
        JsonNode nt = readJson(json, "null_tokens.json");
        Set<String> tokens = new HashSet<>();
        nt.get("tokens").forEach(t -> tokens.add(t.asText()));
        NullTokens nullTokens =
                new NullTokens(nt.get("version").asInt(), Collections.unmodifiableSet(tokens));
        JsonNode rules = readJson(json, "file_rules.json");
        JsonNode limits = rules.get("limits");
        FileLimits fileLimits =
                new FileLimits(
                        limits.get("max_record_bytes").asInt(),
                        limits.get("kept_record_bytes").asInt(),
                        limits.get("max_quoted_line_breaks").asInt(),
                        limits.get("max_gzip_ratio").asInt(),
                        limits.get("max_unzipped_bytes").asLong(),
                        limits.get("max_listed_extra_columns").asInt());
        Divisions divisions = loadDivisions();
        if (counties != null) {
            divisions = divisions.covering(List.of(counties.trim().split("\\s*,\\s*")));
        }
        return new Contract(
                index.get("version").asText(),
                sources,
                extracts,
                enums,
                nullTokens,
                divisions,
                new ColumnNames(rules.get("column_name").get("pattern").asText()),
                fileLimits);
    }

    private static Enumerations loadEnums(JsonNode root) {
        Map<String, Map<String, String>> all = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = root.get("enums").fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            Map<String, String> table = Enumerations.newTable();
            for (JsonNode entry : e.getValue()) {
                table.put(entry.get("label").asText(), entry.get("code").asText());
            }
            all.put(e.getKey(), table);
        }
        return new Enumerations(root.path("version").asText(""), all);
    }

    private static Divisions loadDivisions() {
        Map<String, String> cities = new LinkedHashMap<>();
        Map<String, String> counties = new LinkedHashMap<>();
        Map<String, String> townships = new LinkedHashMap<>();
        Map<String, String> villages = new LinkedHashMap<>();
        Map<String, String> parent = new HashMap<>();
        for (String[] r : readCsv("reference/gansu_counties.csv", 4)) {
            cities.put(r[0], r[1]);
            counties.put(r[2], r[3]);
            parent.put(r[0], Divisions.PROVINCE_CODE);
            parent.put(r[2], r[0]);
        }
        for (String[] r : readCsv("reference/gansu_townships.csv", 3)) {
            townships.put(r[1], r[2]);
            parent.put(r[1], r[0]);
        }
        for (String[] r : readCsv("reference/gansu_villages.csv", 3)) {
            villages.put(r[1], r[2]);
            parent.put(r[1], r[0]);
        }
        return new Divisions(cities, counties, townships, villages, parent);
    }

    /** The reference CSVs are plain (no quoting): codes and names only. */
    private static List<String[]> readCsv(String file, int fields) {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader r =
                new BufferedReader(new InputStreamReader(open(file), StandardCharsets.UTF_8))) {
            String line = r.readLine(); // header
            int n = 1;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isEmpty()) {
                    continue;
                }
                String[] parts = line.split(",", -1);
                if (parts.length != fields) {
                    throw new ContractException(
                            file + " line " + n + ": expected " + fields + " fields");
                }
                rows.add(parts);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(file, e);
        }
        return rows;
    }

    static JsonNode readJson(ObjectMapper json, String file) {
        try (InputStream in = open(file)) {
            return json.readTree(in);
        } catch (IOException e) {
            throw new ContractException("schemas/" + file + " does not load: " + e.getMessage(), e);
        }
    }

    private static InputStream open(String file) {
        InputStream in = Contract.class.getClassLoader().getResourceAsStream(ROOT + file);
        if (in == null) {
            throw new ContractException("schemas/" + file + " is not on the classpath");
        }
        return in;
    }

    public String version() {
        return version;
    }

    /** Source → its extracts, in contract order. */
    public Map<String, List<String>> sources() {
        return Collections.unmodifiableMap(sources);
    }

    public Map<String, ExtractSchema> extracts() {
        return Collections.unmodifiableMap(extracts);
    }

    public Optional<ExtractSchema> extract(String source, String extract) {
        return Optional.ofNullable(extracts.get(source + "_" + extract));
    }

    /** The source an extract belongs to, if any source has it. */
    public Optional<String> sourceOf(String extract) {
        return sources.entrySet().stream()
                .filter(e -> e.getValue().contains(extract))
                .map(Map.Entry::getKey)
                .findFirst();
    }

    public Enumerations enums() {
        return enums;
    }

    public NullTokens nullTokens() {
        return nullTokens;
    }

    public Divisions divisions() {
        return divisions;
    }

    /**
     * What a column name looks like (a header field, an extra column or JSONL key that may be
     * printed).
     */
    public ColumnNames columnNames() {
        return columnNames;
    }

    /**
     * The per-file limits, as the contract sets them (a run may override some: {@link FileLimits}).
     */
    public FileLimits fileLimits() {
        return fileLimits;
    }

    static BigDecimal decimal(JsonNode n) {
        return new BigDecimal(n.asText());
    }
}
