package org.povlake.contract;

import java.io.Serializable;
import java.util.regex.Pattern;

/**
 * What a column name looks like ({@code schemas/file_rules.json}: letters of any script, digits,
 * {@code _} and spaces, not starting with a digit). A header field that is not one means the file
 * has no header; an extra column or JSONL key that is not one is counted, never printed: nothing a
 * file holds is repeated unless it is a name.
 */
public final class ColumnNames implements Serializable {
    private final Pattern pattern;

    ColumnNames(String regex) {
        this.pattern = Pattern.compile(regex);
    }

    /**
     * The pattern anchored at both ends, for Spark's {@code rlike} (which finds rather than
     * matches).
     */
    public String anchoredRegex() {
        return "^(?:" + pattern.pattern() + ")\\z";
    }

    /** True when {@code text}, trimmed, is a column name. */
    public boolean isName(String text) {
        return text != null && pattern.matcher(text.strip()).matches();
    }
}
