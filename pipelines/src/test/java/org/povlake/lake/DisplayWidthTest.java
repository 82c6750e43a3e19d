package org.povlake.lake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Columns by code point: wide CJK two (inside the BMP and beyond it), combining marks none, the
 * rest one.
 */
class DisplayWidthTest {

    @Test
    void asciiAndCjkInsideTheBasicPlane() {
        assertEquals(0, DisplayWidth.columns(""));
        assertEquals(4, DisplayWidth.columns("ab中"));
        assertEquals(8, DisplayWidth.columns("省扶贫办"));
        assertEquals(6, DisplayWidth.columns("省扶贫办".substring(0, 3)));
        assertEquals(2, DisplayWidth.columns("０"), "full-width digit");
        assertEquals(1, DisplayWidth.columns("ｱ"), "half-width katakana");
        assertEquals(2, DisplayWidth.columns("한"), "Hangul syllable");
        assertEquals(3, DisplayWidth.columns("≥—·"), "symbols of the reports are narrow");
    }

    @Test
    void supplementaryCharactersAreOneCharacterEach() {
        String extB =
                new String(Character.toChars(0x20BB7)); // 𠮷, CJK Extension B: a surrogate pair
        assertEquals(2, extB.length());
        assertEquals(2, DisplayWidth.columns(extB), "one wide hanzi, not two chars");
        assertEquals(5, DisplayWidth.columns("a" + extB + extB));
        String bold = new String(Character.toChars(0x1D400)); // 𝐀, mathematical bold A
        assertEquals(1, DisplayWidth.columns(bold), "one narrow letter, not two chars");
        assertEquals(2, DisplayWidth.columns(0x20BB7));
        assertEquals(1, DisplayWidth.columns(0x1D400));
    }

    @Test
    void combiningMarksAndTheZeroWidthSpaceTakeNothing() {
        assertEquals(1, DisplayWidth.columns("e\u0301"));
        assertEquals(2, DisplayWidth.columns("a\u200Bb"));
        assertEquals(0, DisplayWidth.columns(0x0301));
    }
}
