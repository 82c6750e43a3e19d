package org.povlake.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class ValuesTest {
    @Test
    void datesInTheThreeFormsAndOnlyRealDays() {
        LocalDate d = LocalDate.of(2019, 12, 31);
        assertEquals(d, Values.parseDate("2019-12-31"));
        assertEquals(d, Values.parseDate("2019/12/31"));
        assertEquals(d, Values.parseDate("20191231"));
        assertNull(Values.parseDate("2019-02-30"));
        assertNull(Values.parseDate("2019-2-3"));
        assertNull(Values.parseDate("2019.12.31"));
        assertEquals(LocalDate.of(2020, 2, 29), Values.parseDate("2020-02-29"));
    }

    @Test
    void timestampsNeedTheTime() {
        assertEquals(
                LocalDateTime.of(2019, 1, 2, 3, 4, 5),
                Values.parseTimestamp("2019/01/02 03:04:05"));
        assertEquals(
                LocalDateTime.of(2019, 1, 2, 23, 59, 59),
                Values.parseTimestamp("20190102 23:59:59"));
        assertNull(Values.parseTimestamp("2019-01-02"));
        assertNull(Values.parseTimestamp("2019-01-02T03:04:05"));
        assertNull(Values.parseTimestamp("2019-01-02 24:00:00"));
    }

    @Test
    void booleans() {
        for (String t : new String[] {"是", "1", "true", "TRUE", "y", "Y"}) {
            assertEquals(Boolean.TRUE, Values.parseBoolean(t), t);
        }
        for (String f : new String[] {"否", "0", "false", "False", "n", "N"}) {
            assertEquals(Boolean.FALSE, Values.parseBoolean(f), f);
        }
        assertNull(Values.parseBoolean("yes"));
        assertNull(Values.parseBoolean("2"));
    }

    @Test
    void numbers() {
        assertEquals(12L, Values.parseLong("+12"));
        assertNull(Values.parseLong("1,200"));
        assertNull(Values.parseLong("12.0"));
        assertEquals("1234.5600", Values.parseDecimal("1234.56").toPlainString());
        assertNull(Values.parseDecimal("1,234.56"));
        assertNull(Values.parseDecimal("1e3"));
        assertNull(Values.parseDecimal(".5"));
        assertNull(Values.parseDecimal("1.23456"), "more than 4 decimals");
    }

    @Test
    void residentIds() {
        String first17 = "11010519491231002";
        char check = ResidentId.checkCharacter(first17);
        assertEquals('X', check, "GB 11643's worked example");
        assertTrue(ResidentId.isValid(first17 + "X"));
        assertTrue(ResidentId.isValid(first17 + "x"));
        assertFalse(ResidentId.isValid(first17 + "1"));
        assertFalse(ResidentId.isValid("1101051949123100"));
        assertFalse(ResidentId.isValid("11010519491231002XX"));
        assertEquals(LocalDate.of(1949, 12, 31), ResidentId.birthDate(first17 + "X"));
        assertEquals("F", ResidentId.sexCode(first17 + "X"));
    }
}
