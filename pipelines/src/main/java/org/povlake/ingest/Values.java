package org.povlake.ingest;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Parsing of single values by the contract's accepted spellings (EXTRACTS.md, "File format"). Each
 * parser returns null when the text is not a value of its type; the caller decides the reason code.
 */
public final class Values {
    /** Decimal scale stored in bronze ({@code decimal(22,4)}); more decimals is BAD_NUMBER. */
    public static final int DEC_SCALE = 4;

    public static final int DEC_PRECISION = 22;

    private static final Pattern DEC = Pattern.compile("[+-]?[0-9]+(\\.[0-9]+)?");

    private Values() {}

    /** Trims ASCII and Unicode white space, the full-width space U+3000 included. */
    public static String trim(String s) {
        return s == null ? null : s.strip();
    }

    public static Long parseLong(String s) {
        int start = s.startsWith("+") || s.startsWith("-") ? 1 : 0;
        int digits = s.length() - start;
        if (digits < 1 || digits > 18 || !allDigits(s, start, s.length())) {
            return null;
        }
        return Long.parseLong(s);
    }

    private static boolean allDigits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static int number(String s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            n = n * 10 + (s.charAt(i) - '0');
        }
        return n;
    }

    /** An exact decimal with '.' as separator and at most {@link #DEC_SCALE} decimals. */
    public static BigDecimal parseDecimal(String s) {
        if (!DEC.matcher(s).matches()) {
            return null;
        }
        BigDecimal d = new BigDecimal(s);
        if (d.scale() > DEC_SCALE) {
            return null;
        }
        d = d.setScale(DEC_SCALE);
        if (d.precision() > DEC_PRECISION) {
            return null;
        }
        return d;
    }

    /** {@code YYYY-MM-DD}, {@code YYYY/MM/DD} or {@code YYYYMMDD}; the day must exist. */
    public static LocalDate parseDate(String s) {
        int y;
        int m;
        int d;
        if (s.length() == 10
                && (s.charAt(4) == '-' || s.charAt(4) == '/')
                && s.charAt(7) == s.charAt(4)
                && allDigits(s, 0, 4)
                && allDigits(s, 5, 7)
                && allDigits(s, 8, 10)) {
            y = number(s, 0, 4);
            m = number(s, 5, 7);
            d = number(s, 8, 10);
        } else if (s.length() == 8 && allDigits(s, 0, 8)) {
            y = number(s, 0, 4);
            m = number(s, 4, 6);
            d = number(s, 6, 8);
        } else {
            return null;
        }
        try {
            return LocalDate.of(y, m, d);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** An accepted date, one space, then {@code HH:MM:SS}. */
    public static LocalDateTime parseTimestamp(String s) {
        int space = s.indexOf(' ');
        if (space < 0 || s.length() != space + 9) {
            return null;
        }
        LocalDate date = parseDate(s.substring(0, space));
        int t = space + 1;
        if (date == null
                || s.charAt(t + 2) != ':'
                || s.charAt(t + 5) != ':'
                || !allDigits(s, t, t + 2)
                || !allDigits(s, t + 3, t + 5)
                || !allDigits(s, t + 6, t + 8)) {
            return null;
        }
        try {
            return LocalDateTime.of(
                    date,
                    LocalTime.of(
                            number(s, t, t + 2), number(s, t + 3, t + 5), number(s, t + 6, t + 8)));
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** 是/否, 1/0, true/false, Y/N (case-insensitive). */
    public static Boolean parseBoolean(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "是", "1", "true", "y" -> Boolean.TRUE;
            case "否", "0", "false", "n" -> Boolean.FALSE;
            default -> null;
        };
    }
}
