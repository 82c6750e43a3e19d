package org.povlake.ingest;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Strict per-record decoding, and the contract's UTF-8 / GB18030 decision. */
public final class Decoding {
    public static final Charset GB18030 = Charset.forName("GB18030");

    private final CharsetDecoder strict;
    private final Charset charset;

    public Decoding(Charset charset) {
        this.charset = charset;
        this.strict =
                charset.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** The text, or null when the bytes do not decode in this charset. */
    public String strict(byte[] bytes) {
        try {
            CharBuffer cb = strict.reset().decode(ByteBuffer.wrap(bytes));
            return cb.toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /**
     * The text with U+FFFD for bytes that do not decode: for a quarantined record's raw text only.
     */
    public String lenient(byte[] bytes) {
        return new String(bytes, charset);
    }

    public static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Counts records for the charset decision: a BOM means UTF-8; otherwise UTF-8 unless more than
     * half of the records that contain non-ASCII bytes fail strict UTF-8 decoding, then GB18030.
     */
    public static final class Detector {
        private final Decoding utf8 = new Decoding(StandardCharsets.UTF_8);
        private long nonAscii;
        private long failedUtf8;

        public void add(byte[] record) {
            if (!isAscii(record)) {
                nonAscii++;
                if (utf8.strict(record) == null) {
                    failedUtf8++;
                }
            }
        }

        public Charset decide(boolean bom) {
            if (bom) {
                return StandardCharsets.UTF_8;
            }
            return failedUtf8 * 2 > nonAscii ? GB18030 : StandardCharsets.UTF_8;
        }
    }
}
