package org.povlake.contract;

import java.io.Serializable;
import java.util.Set;

/**
 * The versioned null tokens of {@code schemas/null_tokens.json}, matched exactly after trimming.
 */
public record NullTokens(int version, Set<String> tokens) implements Serializable {
    public boolean isNull(String trimmed) {
        return trimmed == null || tokens.contains(trimmed);
    }
}
