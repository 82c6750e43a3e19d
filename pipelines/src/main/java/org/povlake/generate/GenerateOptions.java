package org.povlake.generate;

import java.nio.file.Path;

/**
 * The arguments of {@code povlake generate}: where, how many households, which delivery years, the
 * seed and the share of rows that get an injected fault. {@code scale} is only recorded (it has
 * already set the households).
 */
public record GenerateOptions(
        Path out,
        long households,
        int firstYear,
        int lastYear,
        long seed,
        double errorRate,
        String scale) {
    public static final long SMALL = 2_000;
    public static final long GANSU = 1_400_000;
    public static final long DEFAULT_HOUSEHOLDS = 10_000;
    public static final String DEFAULT_YEARS = "2016-2020";

    public GenerateOptions {
        if (out == null) {
            throw new IllegalArgumentException("--out is required");
        }
        if (households < 1) {
            throw new IllegalArgumentException("--households must be at least 1");
        }
        if (!(errorRate >= 0 && errorRate <= 1)) {
            throw new IllegalArgumentException("--error-rate must be between 0 and 1");
        }
        new Years(firstYear, lastYear); // validates the range
    }

    /**
     * Households for a named scale: small (2,000) or gansu (1,400,000, Gansu's registered poor
     * households).
     */
    public static long householdsOf(String scale) {
        return switch (scale) {
            case "small" -> SMALL;
            case "gansu" -> GANSU;
            default ->
                    throw new IllegalArgumentException(
                            "--scale must be small or gansu, not '" + scale + "'");
        };
    }

    /** Parses "2016-2020" or "2019" into {first, last}. */
    public static int[] parseYears(String text) {
        Years y = Years.parse(text);
        return new int[] {y.first(), y.last()};
    }

    Years years() {
        return new Years(firstYear, lastYear);
    }
}
