package org.povlake.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.povlake.contract.Contract;
import org.povlake.contract.ContractException;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/**
 * The poverty line L(Y) of {@code schemas/poverty_lines.json} (yuan per person per year, current prices).
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

    public static PovertyLines load() {
        try (InputStream in = PovertyLines.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new ContractException("schemas/poverty_lines.json is not on the classpath");
            }
            JsonNode root = new ObjectMapper().readTree(in);
            Map<Integer, BigDecimal> lines = new TreeMap<>();
            root.get("lines").fields().forEachRemaining(e ->
                    lines.put(Integer.parseInt(e.getKey()), new BigDecimal(e.getValue().asText())));
            return new PovertyLines(root.path("version").asText(""), lines);
        } catch (IOException e) {
            throw new ContractException("schemas/poverty_lines.json does not load: " + e.getMessage(), e);
        }
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
            throw new IllegalArgumentException("schemas/poverty_lines.json (version " + version + ") has no poverty line for "
                    + year + " (it has " + lines.keySet() + ")");
        }
        return l;
    }

    /** The line in cents. */
    long cents(int year) {
        return line(year).movePointRight(2).longValueExact();
    }
}
