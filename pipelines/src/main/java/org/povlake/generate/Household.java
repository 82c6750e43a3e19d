package org.povlake.generate;

import java.util.ArrayList;
import java.util.List;

/**
 * A registered poor household's whole life, 2013 to the horizon: decided once from its own random
 * stream ({@link HouseholdSimulator}); every year's rows are then read off it ({@link
 * HouseholdYear}).
 */
final class Household {
    final long index;
    final long seed;
    final String id;
    final Village origin;
    String profile;
    String attribute;
    String cause;

    /** False for the few portraits (精准画像) without a recorded primary cause. */
    boolean causeRecorded = true;

    /** Secondary causes as written (labels joined by ';'), empty for none. */
    String secondaryCauses;

    int identificationYear;
    int exitYear = Years.NEVER;
    boolean returns;
    int reExitYear = Years.NEVER;
    int removedYear = Years.NEVER;
    int dissolvedYear = Years.NEVER;
    int relocationYear = Years.NEVER;
    Village relocatedTo;

    /** Income relative to the poverty line while poor. */
    double incomeLevel;

    /** Income relative to the line in the exit year (≥ 1 unless the exit was premature). */
    double exitIncome;

    int housingSafeYear;
    int waterSafeYear;
    int broadbandYear;
    int terminalYear;
    String cadreId;
    int cadreFrom = Years.NEVER;
    final List<Person> people = new ArrayList<>();
    final List<Training> trainings = new ArrayList<>();
    Shop shop;
    final List<Link> links = new ArrayList<>();

    Household(long index, long seed, String id, Village origin) {
        this.index = index;
        this.seed = seed;
        this.id = id;
        this.origin = origin;
    }

    boolean listedIn(int year) {
        return year >= identificationYear;
    }

    String status(int year) {
        if (year >= removedYear) {
            return Codes.REMOVED;
        }
        if (year >= dissolvedYear) {
            return Codes.DISSOLVED;
        }
        if (year >= exitYear) {
            if (returns && year < reExitYear && year >= exitYear + 1) {
                return Codes.RETURNED;
            }
            return Codes.EXITED;
        }
        return Codes.POOR;
    }

    /** The exit year shown in this year's snapshot (for EXITED and RETURNED), else NEVER. */
    int shownExitYear(int year) {
        String s = status(year);
        if (s.equals(Codes.EXITED)) {
            return returns && year >= reExitYear ? reExitYear : exitYear;
        }
        return s.equals(Codes.RETURNED) ? exitYear : Years.NEVER;
    }

    /** In poverty (POOR or RETURNED). */
    boolean poor(int year) {
        String s = status(year);
        return s.equals(Codes.POOR) || s.equals(Codes.RETURNED);
    }

    /** Registered (POOR, RETURNED or EXITED). */
    boolean registered(int year) {
        String s = status(year);
        return !s.equals(Codes.REMOVED) && !s.equals(Codes.DISSOLVED);
    }

    Village village(int year) {
        return year >= relocationYear ? relocatedTo : origin;
    }

    /** The members listed in this year (none once the household is dissolved). */
    boolean lists(Person p, int year) {
        return year < dissolvedYear && p.alive(year);
    }

    Person head() {
        return people.get(0);
    }
}
