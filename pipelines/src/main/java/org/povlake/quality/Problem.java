package org.povlake.quality;

import java.util.List;

/**
 * One actionable finding: which file, which rule, how many, examples (record numbers, missing
 * parent keys or column names — never personal data) and what the agency should do.
 *
 * @param severity ERROR, WARNING or INFO
 */
public record Problem(
        String severity,
        String source,
        String extract,
        String sourceFile,
        String asOfDate,
        String rule,
        long count,
        String action,
        List<String> examples) {

    public static final String ERROR = "ERROR";
    public static final String WARNING = "WARNING";
    public static final String INFO = "INFO";

    public Problem {
        examples = examples == null ? List.of() : examples;
    }
}
