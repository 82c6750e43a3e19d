package org.povlake.generate;

import java.time.LocalDate;
import java.util.stream.IntStream;

/**
 * The delivery years of a run, and the horizon the lives are simulated to. Lives always run from
 * 2013 (the start of 建档立卡) to the horizon, whatever years are delivered, so a year's files do not
 * depend on the range asked for.
 */
record Years(int first, int last) {
    /** "Does not happen" (never within the simulation). */
    static final int NEVER = 9999;

    /** 建档立卡 began in 2013: the first year a household can be identified. */
    static final int REGISTRY_START = 2013;

    /** The plan's target year: lives are simulated at least to here. */
    static final int PLAN_END = 2020;

    Years {
        if (first > last) {
            throw new IllegalArgumentException("--years: " + first + " is after " + last);
        }
        if (first < REGISTRY_START + 1) {
            throw new IllegalArgumentException(
                    "--years: the first delivery year is "
                            + (REGISTRY_START + 1)
                            + " (建档立卡 began in "
                            + REGISTRY_START
                            + ")");
        }
    }

    /** Parses "2016-2020" or "2019". */
    static Years parse(String text) {
        String t = text.trim();
        try {
            int dash = t.indexOf('-');
            if (dash < 0) {
                int y = Integer.parseInt(t);
                return new Years(y, y);
            }
            return new Years(
                    Integer.parseInt(t.substring(0, dash).trim()),
                    Integer.parseInt(t.substring(dash + 1).trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "--years: expected YYYY-YYYY or YYYY, got '" + text + "'");
        }
    }

    int horizon() {
        return Math.max(last, PLAN_END);
    }

    int count() {
        return last - first + 1;
    }

    int[] list() {
        return IntStream.rangeClosed(first, last).toArray();
    }

    static LocalDate asOf(int year) {
        return LocalDate.of(year, 12, 31);
    }

    @Override
    public String toString() {
        return first == last ? Integer.toString(first) : first + "-" + last;
    }
}
