package org.povlake.assess;

import java.math.BigDecimal;

/**
 * How the assessment prints a stored decimal: exact, without trailing zeros or an exponent
 * (1230.0000 → 1230).
 */
public final class Numbers {
    private Numbers() {}

    public static String plain(BigDecimal v) {
        return v == null ? null : v.stripTrailingZeros().toPlainString();
    }
}
