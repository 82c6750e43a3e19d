package org.povlake.ingest;

import java.time.DateTimeException;
import java.time.LocalDate;

/** GB 11643 resident ID numbers: 17 digits and a check character. */
public final class ResidentId {
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = "10X98765432".toCharArray();

    private ResidentId() {}

    /** The check character for the first 17 digits. */
    public static char checkCharacter(CharSequence first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    /** 18 characters: 17 digits and a correct check character (0-9, X or x). */
    public static boolean isValid(String id) {
        if (id == null || id.length() != 18) {
            return false;
        }
        for (int i = 0; i < 17; i++) {
            char c = id.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        char last = Character.toUpperCase(id.charAt(17));
        return last == checkCharacter(id);
    }

    /** Digits 7–14 as a date, or null if they are not a real date. The ID must be valid. */
    public static LocalDate birthDate(String id) {
        try {
            return LocalDate.of(
                    Integer.parseInt(id.substring(6, 10)),
                    Integer.parseInt(id.substring(10, 12)),
                    Integer.parseInt(id.substring(12, 14)));
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** "M" when digit 17 is odd, else "F". The ID must be valid. */
    public static String sexCode(String id) {
        return (id.charAt(16) - '0') % 2 == 1 ? "M" : "F";
    }
}
