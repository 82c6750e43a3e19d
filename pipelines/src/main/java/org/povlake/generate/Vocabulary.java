package org.povlake.generate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.povlake.contract.Contract;
import org.povlake.contract.ContractException;
import org.povlake.contract.Enumerations;

/**
 * The contract's enumerations as the generator uses them: it decides in codes and writes the
 * Chinese labels. A code the generator names that the contract does not have is an error at
 * start-up, not a bad file.
 */
final class Vocabulary {
    private final Enumerations enums;
    private final Map<String, Map<String, String>> codeToLabel = new HashMap<>();

    Vocabulary(Contract contract) {
        this.enums = contract.enums();
    }

    private Map<String, String> table(String enumName) {
        return codeToLabel.computeIfAbsent(
                enumName,
                n -> {
                    Map<String, String> t = new HashMap<>();
                    enums.labels(n).forEach((label, code) -> t.put(code, label));
                    return t;
                });
    }

    /** Codes of an enumeration, in contract order. */
    List<String> codes(String enumName) {
        return new ArrayList<>(enums.labels(enumName).values());
    }

    List<String> labels(String enumName) {
        return new ArrayList<>(enums.labels(enumName).keySet());
    }

    String label(String enumName, String code) {
        String l = table(enumName).get(code);
        if (l == null) {
            throw new ContractException(
                    "the generator uses code "
                            + code
                            + " of enumeration '"
                            + enumName
                            + "', which the contract does not have");
        }
        return l;
    }

    /** The code of a label or code, or null. */
    String code(String enumName, String value) {
        return enums.code(enumName, value);
    }

    void require(String enumName, String... codes) {
        for (String c : codes) {
            label(enumName, c);
        }
    }

    /**
     * A distribution over all codes of an enumeration: the weights name codes (each must exist); a
     * code of the contract without a weight gets {@code otherWeight}.
     */
    Weighted<String> weighted(String enumName, double otherWeight, Object... codeWeightPairs) {
        Map<String, Double> w = new HashMap<>();
        for (int i = 0; i < codeWeightPairs.length; i += 2) {
            String code = (String) codeWeightPairs[i];
            label(enumName, code);
            w.put(code, ((Number) codeWeightPairs[i + 1]).doubleValue());
        }
        List<String> codes = codes(enumName);
        double[] weights = new double[codes.size()];
        for (int i = 0; i < codes.size(); i++) {
            weights[i] = w.getOrDefault(codes.get(i), otherWeight);
        }
        return Weighted.of(codes, weights);
    }

    /** A distribution over some codes only (each must exist). */
    Weighted<String> only(String enumName, Object... codeWeightPairs) {
        for (int i = 0; i < codeWeightPairs.length; i += 2) {
            label(enumName, (String) codeWeightPairs[i]);
        }
        return Weighted.of(codeWeightPairs);
    }
}
