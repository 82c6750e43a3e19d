package org.povlake.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code schemas/indicators.json} (the versioned catalogue gold reads targets and weights from)
 * says what METRICS.md says: every indicator with its pillar, Chinese name, target, direction and
 * floor; the pillar weights; the MPI's k and weights; the cause → measure mapping.
 */
class IndicatorCatalogueTest {
    static final Path METRICS = Path.of("..", "schemas", "contract", "METRICS.md");

    static JsonNode catalogue() throws IOException {
        try (InputStream in =
                Contract.class
                        .getClassLoader()
                        .getResourceAsStream(Contract.ROOT + "indicators.json")) {
            assertNotNull(in, "indicators.json on the classpath");
            return new ObjectMapper().readTree(in);
        }
    }

    @Test
    void everyIndicatorOfTheContractTablesIsInTheCatalogueAsWritten() throws IOException {
        String md = Files.readString(METRICS, StandardCharsets.UTF_8);
        Map<String, String> expected = new LinkedHashMap<>();
        String pillar = null;
        for (String line : md.split("\n")) {
            Matcher h = Pattern.compile("^### (NET|ECOM|EDU|HEALTH|TARGET|MPI)\\b").matcher(line);
            if (h.find()) {
                pillar = h.group(1);
            }
            Matcher row = Pattern.compile("^\\| ([A-Z0-9_]+) \\|").matcher(line);
            if (row.find() && pillar != null) {
                String[] c = line.substring(1, line.lastIndexOf('|')).split("\\|");
                String target = c[3].strip();
                expected.put(
                        c[0].strip(),
                        pillar
                                + " "
                                + c[1].strip()
                                + " "
                                + ("—".equals(target) ? "null" : target)
                                + " "
                                + (c[4].strip().equals("≥") ? ">=" : "<=")
                                + " "
                                + (c[5].isBlank() ? "null" : c[5].strip()));
            }
        }
        assertEquals(31, expected.size());
        Map<String, String> actual = new LinkedHashMap<>();
        List<String> mpi = new ArrayList<>();
        for (JsonNode i : catalogue().get("indicators")) {
            String id = i.get("id").asText();
            if (id.startsWith("MPI_")) {
                mpi.add(id);
                continue;
            }
            actual.put(
                    id,
                    i.get("pillar").asText()
                            + " "
                            + i.get("name_zh").asText()
                            + " "
                            + i.get("target").asText()
                            + " "
                            + i.get("direction").asText()
                            + " "
                            + i.get("floor").asText());
        }
        assertEquals(expected, actual);
        assertEquals(
                List.of(
                        "MPI_H",
                        "MPI_A",
                        "MPI_M0",
                        "MPI_CH_INCOME",
                        "MPI_CH_SCHOOLING",
                        "MPI_CH_ATTENDANCE",
                        "MPI_CH_INSURANCE",
                        "MPI_CH_SERIOUS_ILLNESS",
                        "MPI_CH_HOUSING",
                        "MPI_CH_WATER",
                        "MPI_CH_BROADBAND",
                        "MPI_CH_TERMINAL"),
                mpi);
    }

    @Test
    void weightsKAndTheCauseMappingAreTheContracts() throws IOException {
        String md = Files.readString(METRICS, StandardCharsets.UTF_8);
        JsonNode c = catalogue();
        StringBuilder weights = new StringBuilder();
        c.get("pillars")
                .forEach(
                        p ->
                                weights.append(p.get("id").asText())
                                        .append(' ')
                                        .append(p.get("weight").asInt())
                                        .append(" · "));
        assertEquals(
                true,
                md.contains(
                        "Default pillar weights: " + weights.substring(0, weights.length() - 3)),
                weights.toString());
        assertEquals("1/3", c.get("mpi").get("k").asText());
        double sum = 0;
        for (var e :
                (Iterable<Map.Entry<String, JsonNode>>)
                        () -> c.get("mpi").get("weights").fields()) {
            String[] f = e.getValue().asText().split("/");
            sum += Double.parseDouble(f[0]) / Double.parseDouble(f[1]);
            assertEquals(true, md.contains("(" + e.getValue().asText() + ")"), e.getKey());
        }
        assertEquals(1.0, sum, 1e-12, "deprivation weights sum to 1");
        for (var e :
                (Iterable<Map.Entry<String, JsonNode>>)
                        () -> c.get("cause_matched_measures").fields()) {
            List<String> measures = new ArrayList<>();
            e.getValue().forEach(m -> measures.add(m.asText()));
            assertEquals(
                    true,
                    md.contains(e.getKey() + " → " + String.join(", ", measures)),
                    e.getKey());
        }
        assertEquals(11, c.get("cause_matched_measures").size());
    }
}
