package org.povlake.generate;

import java.time.LocalDate;

/**
 * How values are spelled in the generated files: ISO dates, 是/否, yuan with two decimals, empty for
 * null.
 */
final class Formats {
    static final String NULL = "";
    static final String TRUE = "是";
    static final String FALSE = "否";
    private static final int FIRST_DAY = Days.firstOf(Days.MIN_YEAR);
    private static final String[] DATES = new String[Days.lastOf(Days.MAX_YEAR) - FIRST_DAY + 1];
    private static final String[] SMALL_INTS = new String[10_000];

    static {
        for (int i = 0; i < SMALL_INTS.length; i++) {
            SMALL_INTS[i] = Integer.toString(i).intern();
        }
    }

    private Formats() {}

    /** YYYY-MM-DD (cached: a racy fill of immutable strings is safe). */
    static String date(int epochDay) {
        int i = epochDay - FIRST_DAY;
        String s = DATES[i];
        if (s == null) {
            s = LocalDate.ofEpochDay(epochDay).toString();
            DATES[i] = s;
        }
        return s;
    }

    /** YYYY-MM-DD HH:MM:SS. */
    static String timestamp(int epochDay, int secondOfDay) {
        StringBuilder b = new StringBuilder(19).append(date(epochDay)).append(' ');
        two(b, secondOfDay / 3600);
        b.append(':');
        two(b, secondOfDay / 60 % 60);
        b.append(':');
        two(b, secondOfDay % 60);
        return b.toString();
    }

    private static void two(StringBuilder b, int v) {
        if (v < 10) {
            b.append('0');
        }
        b.append(v);
    }

    static String integer(long v) {
        return v >= 0 && v < SMALL_INTS.length ? SMALL_INTS[(int) v] : Long.toString(v);
    }

    /** Yuan with exactly two decimals, from cents. */
    static String money(long cents) {
        StringBuilder b = new StringBuilder(14);
        if (cents < 0) {
            b.append('-');
            cents = -cents;
        }
        b.append(cents / 100).append('.');
        two(b, (int) (cents % 100));
        return b.toString();
    }

    static String bool(boolean v) {
        return v ? TRUE : FALSE;
    }

    static String bool(Boolean v) {
        return v == null ? NULL : bool(v.booleanValue());
    }
}
