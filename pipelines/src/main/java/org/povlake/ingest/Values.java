package org.povlake.ingest;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parsing of single values by the contract's accepted spellings (EXTRACTS.md, "File format").
 * Each parser returns null when the text is not a value of its type; the caller decides the reason code.
 */
public final class Values {
    /** Decimal scale stored in bronze ({@code decimal(22,4)}); more decimals is BAD_NUMBER. */
    public static final int DEC_SCALE = 4;
    public static final int DEC_PRECISION = 22;

    private static final Pattern INT = Pattern.compile("[+-]?[0-9]{1,18}");
    private static final Pattern DEC = Pattern.compile("[+-]?[0-9]+(\\.[0-9]+)?");
    private static final Pattern DATE_DASH = Pattern.compile("([0-9]{4})-([0-9]{2})-([0-9]{2})");
    private static final Pattern DATE_SLASH = Pattern.compile("([0-9]{4})/([0-9]{2})/([0-9]{2})");
    private static final Pattern DATE_PLAIN = Pattern.compile("([0-9]{4})([0-9]{2})([0-9]{2})");
    private static final Pattern TIME = Pattern.compile("([0-9]{2}):([0-9]{2}):([0-9]{2})");

    private Values() {
    }

    /** Trims ASCII and Unicode white space, the full-width space U+3000 included. */
    public static String trim(String s) {
        return s == null ? null : s.strip();
    }

    public static Long parseLong(String s) {
        if (!INT.matcher(s).matches()) {
            return null;
        }
        return Long.parseLong(s);
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
        Matcher m = DATE_DASH.matcher(s);
        if (!m.matches()) {
            m = DATE_SLASH.matcher(s);
            if (!m.matches()) {
                m = DATE_PLAIN.matcher(s);
                if (!m.matches()) {
                    return null;
                }
            }
        }
        try {
            return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)));
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** An accepted date, one space, then {@code HH:MM:SS}. */
    public static LocalDateTime parseTimestamp(String s) {
        int space = s.indexOf(' ');
        if (space < 0 || space != s.lastIndexOf(' ')) {
            return null;
        }
        LocalDate date = parseDate(s.substring(0, space));
        Matcher t = TIME.matcher(s.substring(space + 1));
        if (date == null || !t.matches()) {
            return null;
        }
        try {
            return LocalDateTime.of(date, LocalTime.of(Integer.parseInt(t.group(1)), Integer.parseInt(t.group(2)),
                    Integer.parseInt(t.group(3))));
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
