package org.povlake.generate;

import java.time.LocalDate;
import java.util.SplittableRandom;

/** Dates as epoch days (ints), with the few calendar operations the models need. */
final class Days {
    static final int MIN_YEAR = 1900;
    static final int MAX_YEAR = 2100;
    private static final int[] YEAR_START = new int[MAX_YEAR - MIN_YEAR + 2];

    static {
        for (int y = MIN_YEAR; y <= MAX_YEAR + 1; y++) {
            YEAR_START[y - MIN_YEAR] = (int) LocalDate.of(y, 1, 1).toEpochDay();
        }
    }

    private Days() {}

    static int firstOf(int year) {
        return YEAR_START[year - MIN_YEAR];
    }

    static int lastOf(int year) {
        return YEAR_START[year + 1 - MIN_YEAR] - 1;
    }

    static int of(int year, int month, int day) {
        return (int) LocalDate.of(year, month, day).toEpochDay();
    }

    static int yearOf(int day) {
        return LocalDate.ofEpochDay(day).getYear();
    }

    static LocalDate date(int day) {
        return LocalDate.ofEpochDay(day);
    }

    /** A uniform day of the year. */
    static int inYear(SplittableRandom r, int year) {
        return Draw.between(r, firstOf(year), lastOf(year));
    }

    /** A uniform day in [from, to]. */
    static int between(SplittableRandom r, int from, int to) {
        return Draw.between(r, from, to);
    }

    /** Completed years on 31 August of {@code year} (the school-entry cut-off of METRICS.md). */
    static int ageOnAug31(int birthYear, int birthMonthDay, int year) {
        return year - birthYear - (birthMonthDay > 831 ? 1 : 0);
    }
}
