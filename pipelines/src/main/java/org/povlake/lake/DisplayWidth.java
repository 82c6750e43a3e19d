package org.povlake.lake;

/**
 * How many columns of a monospaced terminal or grid a text takes: East Asian wide and full-width
 * characters two, combining marks and the zero-width space none, everything else one. Counted by
 * code point, so a character outside the Basic Multilingual Plane (a CJK Extension B hanzi, which
 * some place names use, or 𝐀) is one character, never the two chars of its surrogate pair. The one
 * measure of text width: terminal tables ({@code quality.TextTable}, {@code jobs.ResultPrinter}),
 * the workbook's row heights and the charts' label widths.
 */
public final class DisplayWidth {
    private DisplayWidth() {}

    /** Columns taken by {@code s}. */
    public static int columns(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            w += columns(cp);
        }
        return w;
    }

    /** Columns taken by one code point: 0, 1 or 2. */
    public static int columns(int codePoint) {
        int type = Character.getType(codePoint);
        if (type == Character.NON_SPACING_MARK
                || type == Character.ENCLOSING_MARK
                || codePoint == 0x200B) {
            return 0;
        }
        return wide(codePoint) ? 2 : 1;
    }

    /**
     * East Asian wide or full-width: Hangul, CJK (with its extensions beyond the BMP), kana,
     * full-width forms.
     */
    private static boolean wide(int cp) {
        return (cp >= 0x1100 && cp <= 0x115F)
                || (cp >= 0x2E80 && cp <= 0x303E)
                || (cp >= 0x3041 && cp <= 0x33FF)
                || (cp >= 0x3400 && cp <= 0x4DBF)
                || (cp >= 0x4E00 && cp <= 0x9FFF)
                || (cp >= 0xA000 && cp <= 0xA4CF)
                || (cp >= 0xAC00 && cp <= 0xD7A3)
                || (cp >= 0xF900 && cp <= 0xFAFF)
                || (cp >= 0xFE30 && cp <= 0xFE4F)
                || (cp >= 0xFF00 && cp <= 0xFF60)
                || (cp >= 0xFFE0 && cp <= 0xFFE6)
                || (cp >= 0x20000 && cp <= 0x3FFFD);
    }
}
