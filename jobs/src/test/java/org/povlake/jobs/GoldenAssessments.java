package org.povlake.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The golden files of the sample assessments ({@code sample-data/expected-assessment/}). The full
 * files hold all 19,224 regions of the reference (~100 MB a year), so the golden files keep what
 * carries the sample's data:
 *
 * <ul>
 *   <li>CSV: every row of the province, the cities and the counties, and the township and village
 *       rows with a numerator other than 0 (the sample's few places with data), in the file's
 *       order;
 *   <li>JSON: the province and the cities, whole, and the top-level fields with {@code
 *       generated_at}, {@code code_version} and the input versions blanked (they change with the
 *       day and the commit).
 * </ul>
 *
 * {@code mvn test -Dpovlake.updateGolden=true} rewrites them from the run (then review the diff
 * before committing).
 */
final class GoldenAssessments {
    static final Path DIR = Path.of("..", "sample-data", "expected-assessment");
    static final boolean UPDATE = Boolean.getBoolean("povlake.updateGolden");

    private GoldenAssessments() {}

    static void assertCsv(Path actual, String golden) throws IOException {
        compare(String.join("\n", csvKept(actual)) + "\n", golden);
    }

    /**
     * Numbers exactly as written (BigDecimal, plain), so that the golden file says what the
     * assessment says.
     */
    static final ObjectMapper JSON =
            new ObjectMapper()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .enable(
                            com.fasterxml.jackson.databind.DeserializationFeature
                                    .USE_BIG_DECIMAL_FOR_FLOATS)
                    .enable(
                            com.fasterxml.jackson.core.JsonGenerator.Feature
                                    .WRITE_BIGDECIMAL_AS_PLAIN);

    /**
     * Compared as JSON trees (numbers as exact decimals), region by region for a readable failure.
     */
    static void assertJson(Path actual, String golden) throws IOException {
        JsonNode kept = jsonKept(JSON.readTree(actual.toFile()));
        Path file = DIR.resolve(golden);
        if (UPDATE) {
            Files.createDirectories(DIR);
            Files.writeString(file, JSON.writeValueAsString(kept) + "\n", StandardCharsets.UTF_8);
            return;
        }
        assertTrue(
                Files.exists(file),
                file + " is missing: run the test with -Dpovlake.updateGolden=true and review it");
        JsonNode expected = JSON.readTree(file.toFile());
        for (int i = 0;
                i < Math.min(expected.get("regions").size(), kept.get("regions").size());
                i++) {
            assertEquals(
                    expected.get("regions").get(i),
                    kept.get("regions").get(i),
                    golden + " region " + i);
        }
        assertEquals(expected, kept, golden);
    }

    static List<String> csvKept(Path csv) throws IOException {
        List<String> kept = new ArrayList<>();
        for (String line : Files.readAllLines(csv, StandardCharsets.UTF_8)) {
            String[] f = line.split(",", -1);
            boolean top = f[2].equals("province") || f[2].equals("city") || f[2].equals("county");
            boolean withData = !f[5].isEmpty() && !f[5].equals("0");
            if (kept.isEmpty() || top || withData) {
                kept.add(line);
            }
        }
        return kept;
    }

    static JsonNode jsonKept(JsonNode full) {
        ObjectNode out = ((ObjectNode) full).deepCopy();
        out.put("generated_at", "…");
        out.put("code_version", "…");
        ObjectNode inputs = (ObjectNode) out.get("inputs");
        for (Iterator<Map.Entry<String, JsonNode>> it = full.get("inputs").fields();
                it.hasNext(); ) {
            inputs.put(it.next().getKey(), "…");
        }
        ArrayNode regions = out.putArray("regions");
        for (JsonNode r : full.get("regions")) {
            String level = r.get("level").asText();
            if (level.equals("province") || level.equals("city")) {
                regions.add(r);
            }
        }
        return out;
    }

    private static void compare(String actual, String golden) throws IOException {
        Path file = DIR.resolve(golden);
        if (UPDATE) {
            Files.createDirectories(DIR);
            Files.writeString(file, actual, StandardCharsets.UTF_8);
            return;
        }
        assertTrue(
                Files.exists(file),
                file + " is missing: run the test with -Dpovlake.updateGolden=true and review it");
        String expected = Files.readString(file, StandardCharsets.UTF_8);
        if (!expected.equals(actual)) {
            List<String> e = expected.lines().toList();
            List<String> a = actual.lines().toList();
            for (int i = 0; i < Math.min(e.size(), a.size()); i++) {
                assertEquals(e.get(i), a.get(i), golden + " line " + (i + 1));
            }
            assertEquals(e.size(), a.size(), golden + ": number of lines");
        }
    }
}
