package org.povlake.contract;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The enumerations of {@code schemas/enums.json}: each a label → code table, in contract order. */
public final class Enumerations implements Serializable {
    private final String version;
    private final Map<String, Map<String, String>> labelToCode;

    /** Per enumeration: label → code and code → code, for one lookup per value. */
    private final Map<String, Map<String, String>> accepted = new java.util.HashMap<>();

    public Enumerations(String version, Map<String, Map<String, String>> labelToCode) {
        this.version = version;
        this.labelToCode = labelToCode;
        labelToCode.forEach(
                (name, table) -> {
                    Map<String, String> both = new java.util.HashMap<>(table);
                    table.values().forEach(code -> both.put(code, code));
                    accepted.put(name, both);
                });
    }

    public String version() {
        return version;
    }

    public boolean has(String enumName) {
        return labelToCode.containsKey(enumName);
    }

    /** Label → code of one enumeration, in contract order. */
    public Map<String, String> labels(String enumName) {
        Map<String, String> table = labelToCode.get(enumName);
        if (table == null) {
            throw new ContractException("unknown enumeration '" + enumName + "'");
        }
        return Collections.unmodifiableMap(table);
    }

    /**
     * The code of a value given as the Chinese label or as the English code (both matched exactly);
     * null when it is neither.
     */
    public String code(String enumName, String value) {
        Map<String, String> table = accepted.get(enumName);
        if (table == null) {
            throw new ContractException("unknown enumeration '" + enumName + "'");
        }
        return table.get(value);
    }

    /** The Chinese label of a code, or null. */
    public String label(String enumName, String code) {
        for (Map.Entry<String, String> e : labels(enumName).entrySet()) {
            if (e.getValue().equals(code)) {
                return e.getKey();
            }
        }
        return null;
    }

    static Map<String, String> newTable() {
        return new LinkedHashMap<>();
    }
}
