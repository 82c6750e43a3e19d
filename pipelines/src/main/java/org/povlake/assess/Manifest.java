package org.povlake.assess;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import org.povlake.lake.OutputFiles;

/**
 * {@code manifest.json} of an assessment folder: per year assessed into the folder, what the run
 * read (every input table → Delta version), the code, catalogue and publication-rules versions,
 * when, each file written with its SHA-256, and for a published release the disclosure audit's
 * summary. {@code povlake assess --as-of} takes this file (or an {@code assessment_<Y>.json}, whose
 * {@code inputs} say the same) and reads exactly those table versions again.
 */
public final class Manifest {
    public static final String FILE = "manifest.json";

    private Manifest() {}

    /**
     * One year's entry; {@code audit}: the disclosure audit's summary of a published release (else
     * null).
     */
    public record Entry(
            int year,
            String generatedAt,
            String codeVersion,
            String catalogueVersion,
            String publicationRules,
            boolean published,
            String lakehouse,
            Map<String, Long> inputs,
            Map<String, String> files,
            String asOf,
            DisclosureControl.Summary audit) {}

    /**
     * The pins of an assessment JSON, or of a manifest's newest year (for reading the lakehouse as
     * it read it).
     */
    public static Entry newestPins(Path file) {
        JsonNode root = readJson(file);
        int year = root.path("year").asInt();
        for (Iterator<String> it = root.path("assessments").fieldNames(); it.hasNext(); ) {
            year = Math.max(year, Integer.parseInt(it.next()));
        }
        return pinsFor(file, year);
    }

    private static JsonNode readJson(Path file) {
        try {
            return new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "--as-of " + file + " cannot be read as JSON: " + e.getMessage());
        }
    }

    /**
     * What {@code --as-of FILE} pins for {@code year}: a manifest's entry, or an assessment JSON's
     * inputs.
     */
    public static Entry pinsFor(Path file, int year) {
        JsonNode root = readJson(file);
        JsonNode entry;
        if (root.has("assessments")) {
            entry = root.path("assessments").path(Integer.toString(year));
            if (entry.isMissingNode()) {
                throw new IllegalArgumentException(
                        "--as-of "
                                + file
                                + " has no assessment of "
                                + year
                                + " (it has: "
                                + String.join(
                                        ", ",
                                        (Iterable<String>) root.path("assessments")::fieldNames)
                                + ")");
            }
        } else if (root.has("inputs") && root.has("year")) {
            if (root.path("year").asInt() != year) {
                throw new IllegalArgumentException(
                        "--as-of "
                                + file
                                + " is the assessment of "
                                + root.path("year").asInt()
                                + ", not of "
                                + year);
            }
            entry = root;
        } else {
            throw new IllegalArgumentException(
                    "--as-of " + file + " is neither a manifest.json nor an assessment JSON");
        }
        Map<String, Long> inputs = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = entry.path("inputs").fields();
                it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().canConvertToLong()) {
                throw new IllegalArgumentException(
                        "--as-of " + file + ": input " + e.getKey() + " has no version");
            }
            inputs.put(e.getKey(), e.getValue().asLong());
        }
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException(
                    "--as-of " + file + " lists no input tables for " + year);
        }
        return new Entry(
                year,
                text(entry, "generated_at"),
                text(entry, "code_version"),
                text(entry, "catalogue_version"),
                text(entry, "publication_rules"),
                entry.path("published").asBoolean(false),
                text(entry, "lakehouse"),
                inputs,
                Map.of(),
                null,
                null);
    }

    /** Adds or replaces {@code entry} in {@code dir}/manifest.json (written atomically). */
    public static Path record(Path dir, Entry entry) throws IOException {
        Path file = dir.resolve(FILE);
        ObjectMapper mapper =
                new ObjectMapper()
                        .enable(SerializationFeature.INDENT_OUTPUT)
                        .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
        ObjectNode root;
        if (Files.exists(file)) {
            JsonNode existing = mapper.readTree(file.toFile());
            root =
                    existing instanceof ObjectNode o && o.has("assessments")
                            ? o
                            : mapper.createObjectNode();
        } else {
            root = mapper.createObjectNode();
        }
        root.put(
                "manifest",
                "povlake assessment manifest: what each assessment in this folder read; "
                        + "reproduce one with: povlake assess --year Y --as-of manifest.json --out DIR");
        ObjectNode all =
                root.has("assessments")
                        ? (ObjectNode) root.get("assessments")
                        : root.putObject("assessments");
        ObjectNode e = mapper.createObjectNode();
        e.put("year", entry.year());
        e.put("generated_at", entry.generatedAt());
        e.put("code_version", entry.codeVersion());
        e.put("catalogue_version", entry.catalogueVersion());
        e.put("publication_rules", entry.publicationRules());
        e.put("published", entry.published());
        e.put("lakehouse", entry.lakehouse());
        ObjectNode in = e.putObject("inputs");
        new TreeMap<>(entry.inputs()).forEach(in::put);
        ObjectNode files = e.putObject("files");
        new TreeMap<>(entry.files()).forEach(files::put);
        if (entry.asOf() != null) {
            e.put("as_of", entry.asOf());
        }
        if (entry.audit() != null) {
            java.io.ByteArrayOutputStream json = new java.io.ByteArrayOutputStream();
            try (com.fasterxml.jackson.core.JsonGenerator g =
                    mapper.getFactory().createGenerator(json)) {
                AssessmentJson.audit(g, entry.audit());
            }
            e.set("disclosure_audit", mapper.readTree(json.toByteArray()));
        }
        // years in order
        TreeMap<String, JsonNode> years = new TreeMap<>();
        all.fields().forEachRemaining(f -> years.put(f.getKey(), f.getValue()));
        years.put(Integer.toString(entry.year()), e);
        all.removeAll();
        years.forEach(all::set);
        OutputFiles.write(file, mapper.writeValueAsBytes(root));
        return file;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
