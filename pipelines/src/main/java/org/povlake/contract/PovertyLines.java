package org.povlake.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The poverty line L(Y) of {@code schemas/poverty_lines.json} (yuan per person per year, current
 * prices), or of a replacement file given by configuration (a province may set a higher exit line).
 * A year without a line is an error, never a guess (METRICS.md).
 */
public final class PovertyLines {
    public static final String RESOURCE = Contract.ROOT + "poverty_lines.json";
    private final String version;
    private final Map<Integer, BigDecimal> lines;

    private PovertyLines(String version, Map<Integer, BigDecimal> lines) {
        this.version = version;
        this.lines = lines;
    }

    /** The shipped table. */
    public static PovertyLines load() {
        try (InputStream in = PovertyLines.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new ContractException("schemas/poverty_lines.json is not on the classpath");
            }
            return parse(in, "schemas/poverty_lines.json");
        } catch (IOException e) {
            throw new ContractException(
                    "schemas/poverty_lines.json does not load: " + e.getMessage(), e);
        }
    }

    /** A replacement table (same shape as schemas/poverty_lines.json); null → the shipped one. */
    public static PovertyLines load(Path file) {
        if (file == null) {
            return load();
        }
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file.toString());
        } catch (IOException e) {
            throw new ContractException(
                    "poverty lines " + file + " do not load: " + e.getMessage(), e);
        }
    }

    private static PovertyLines parse(InputStream in, String name) throws IOException {
        JsonNode root = new ObjectMapper().readTree(in);
        if (root == null
                || !root.path("lines").isObject()
                || root.path("version").asText("").isEmpty()) {
            throw new ContractException(
                    name
                            + ": a poverty-line table needs a \"version\" and a \"lines\" object"
                            + " (year → yuan per person per year)");
        }
        Map<Integer, BigDecimal> lines = new TreeMap<>();
        root.get("lines")
                .fields()
                .forEachRemaining(
                        e ->
                                lines.put(
                                        Integer.parseInt(e.getKey()),
                                        new BigDecimal(e.getValue().asText())));
        return new PovertyLines(root.path("version").asText(""), lines);
    }

    public String version() {
        return version;
    }

    public boolean has(int year) {
        return lines.containsKey(year);
    }

    public BigDecimal line(int year) {
        BigDecimal l = lines.get(year);
        if (l == null) {
            throw new IllegalArgumentException(
                    "the poverty-line table (version "
                            + version
                            + ") has no line for "
                            + year
                            + " (it has "
                            + lines.keySet()
                            + "): a year without a line is an error, not a guess —"
                            + " add the line to the table or leave the year out");
        }
        return l;
    }

    /** The line in cents. */
    public long cents(int year) {
        return line(year).movePointRight(2).longValueExact();
    }
}
