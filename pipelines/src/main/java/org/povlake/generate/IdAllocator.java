package org.povlake.generate;

import org.povlake.ingest.ResidentId;

/**
 * Resident ID numbers (GB 11643) for one county: 6-digit area code (the county), 8-digit birth
 * date, 3-digit sequence (odd for men) and the check character. Sequences are handed out per (birth
 * date, sex) in the order the county's people are created, so every ID of the data set is unique
 * and the same arguments give the same IDs.
 *
 * <p>Ranges: 000–899 members, 900–997 helper cadres, 998/999 only in injected faults (a member
 * "born" after the as-of date), so the three never collide.
 */
final class IdAllocator {
    static final int MEMBER_SLOTS = 450; // 000..899, one parity each
    static final int CADRE_FIRST = 900;
    static final int CADRE_SLOTS = 49; // 900..997
    static final int FAULT_FEMALE = 998;
    static final int FAULT_MALE = 999;
    private static final int FIRST_DAY = Days.firstOf(Days.MIN_YEAR);
    private static final int LAST_DAY = Days.lastOf(2030);

    private final String county;
    private final long countyKey;
    private final short[] members = new short[(LAST_DAY - FIRST_DAY + 1) * 2];
    private final byte[] cadres = new byte[(LAST_DAY - FIRST_DAY + 1) * 2];

    IdAllocator(String countyCode) {
        this.county = countyCode;
        this.countyKey = Long.parseLong(countyCode);
    }

    /**
     * The first day ≥ {@code day} that still has a member sequence for this sex (almost always
     * {@code day}).
     */
    int freeMemberDay(int day, boolean male) {
        int d = day;
        while (members[slot(d, male)] >= MEMBER_SLOTS) {
            d++;
        }
        return d;
    }

    String member(int day, boolean male) {
        int s = slot(day, male);
        int k = members[s];
        if (k >= MEMBER_SLOTS) {
            throw new IllegalStateException(
                    "no member sequence left for " + Formats.date(day) + " in " + county);
        }
        members[s] = (short) (k + 1);
        return id(county, day, 2 * ((offset(s) + k) % MEMBER_SLOTS) + (male ? 1 : 0));
    }

    /**
     * Where the sequences of a (date, sex) start: real numbers are not all 001, 003...; any start
     * is unique.
     */
    private int offset(int slot) {
        return (int) Math.floorMod(Seeds.of(countyKey, slot), (long) MEMBER_SLOTS);
    }

    int freeCadreDay(int day, boolean male) {
        int d = day;
        while (cadres[slot(d, male)] >= CADRE_SLOTS) {
            d++;
        }
        return d;
    }

    String cadre(int day, boolean male) {
        int s = slot(day, male);
        int k = cadres[s];
        if (k >= CADRE_SLOTS) {
            throw new IllegalStateException(
                    "no cadre sequence left for " + Formats.date(day) + " in " + county);
        }
        cadres[s] = (byte) (k + 1);
        return id(county, day, CADRE_FIRST + 2 * k + (male ? 1 : 0));
    }

    private static int slot(int day, boolean male) {
        if (day < FIRST_DAY || day > LAST_DAY) {
            throw new IllegalArgumentException("birth date out of range: " + Formats.date(day));
        }
        return (day - FIRST_DAY) * 2 + (male ? 1 : 0);
    }

    /** The 18-character ID for an area code, birth day and sequence. */
    static String id(String area, int day, int sequence) {
        char[] c = new char[18];
        String date = Formats.date(day);
        area.getChars(0, 6, c, 0);
        date.getChars(0, 4, c, 6);
        date.getChars(5, 7, c, 10);
        date.getChars(8, 10, c, 12);
        c[14] = (char) ('0' + sequence / 100);
        c[15] = (char) ('0' + sequence / 10 % 10);
        c[16] = (char) ('0' + sequence % 10);
        c[17] = ResidentId.checkCharacter(new String(c, 0, 17));
        return new String(c);
    }
}
