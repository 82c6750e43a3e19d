package org.povlake.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into records before any decoding, so that each record can be decoded (and fail
 * to decode) on its own. CSV mode follows RFC 4180 quoting: a line break inside a quoted field does not
 * end the record. JSONL mode splits on line feeds. The bytes that matter (quote, comma, CR, LF) never
 * occur inside a multi-byte character of UTF-8 or GB18030, so splitting bytes is safe for both.
 * Line terminators are LF, CRLF or a lone CR (CSV) and are not part of the record.
 * Empty lines are not records; they are counted in {@link #blankLines()}.
 */
public final class RecordSplitter {
    private static final int FIELD_START = 0;
    private static final int UNQUOTED = 1;
    private static final int QUOTED = 2;
    private static final int QUOTE_IN_QUOTED = 3;

    /** A record's bytes; {@code unterminated} when the stream ended inside a quoted field. */
    public record Bytes(byte[] bytes, boolean unterminated) {
    }

    private final InputStream in;
    private final boolean csv;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int len;
    private byte[] rec = new byte[256];
    private int recLen;
    private boolean skipLf;
    private boolean eof;
    private long blankLines;

    public RecordSplitter(InputStream in, boolean csv) {
        this.in = in;
        this.csv = csv;
    }

    public long blankLines() {
        return blankLines;
    }

    /** The next record, or null at the end of the stream. */
    public Bytes next() throws IOException {
        while (true) {
            Bytes r = csv ? nextCsv() : nextLine();
            if (r == null || r.bytes.length > 0 || r.unterminated) {
                return r;
            }
            blankLines++;
        }
    }

    private int read() throws IOException {
        if (pos == len) {
            if (eof) {
                return -1;
            }
            len = in.read(buf, 0, buf.length);
            pos = 0;
            if (len <= 0) {
                len = 0;
                eof = true;
                return -1;
            }
        }
        return buf[pos++] & 0xff;
    }

    private void append(int b) {
        if (recLen == rec.length) {
            rec = Arrays.copyOf(rec, rec.length * 2);
        }
        rec[recLen++] = (byte) b;
    }

    private Bytes take(boolean unterminated) {
        Bytes b = new Bytes(Arrays.copyOf(rec, recLen), unterminated);
        recLen = 0;
        return b;
    }

    private Bytes nextCsv() throws IOException {
        int state = FIELD_START;
        recLen = 0;
        boolean any = false;
        while (true) {
            int b = read();
            if (b < 0) {
                if (!any) {
                    return null;
                }
                return take(state == QUOTED);
            }
            if (skipLf) {
                skipLf = false;
                if (b == '\n') {
                    continue;
                }
            }
            any = true;
            if ((b == '\n' || b == '\r') && state != QUOTED) {
                skipLf = b == '\r';
                return take(false);
            }
            switch (state) {
                case FIELD_START -> state = b == '"' ? QUOTED : b == ',' ? FIELD_START : UNQUOTED;
                case UNQUOTED -> state = b == ',' ? FIELD_START : UNQUOTED;
                case QUOTED -> state = b == '"' ? QUOTE_IN_QUOTED : QUOTED;
                default -> state = b == '"' ? QUOTED : b == ',' ? FIELD_START : UNQUOTED;
            }
            append(b);
        }
    }

    private Bytes nextLine() throws IOException {
        recLen = 0;
        boolean any = false;
        while (true) {
            int b = read();
            if (b < 0) {
                return any ? take(false) : null;
            }
            any = true;
            if (b == '\n') {
                if (recLen > 0 && rec[recLen - 1] == '\r') {
                    recLen--;
                }
                return take(false);
            }
            append(b);
        }
    }

    /**
     * Splits one decoded CSV record into its fields (unquoted, not trimmed); null when the record is
     * malformed (text after a closing quote, or an unterminated quote). A quote inside an unquoted field
     * is a literal character.
     */
    public static String[] fields(String record) {
        java.util.ArrayList<String> out = new java.util.ArrayList<>();
        StringBuilder f = new StringBuilder();
        int state = FIELD_START;
        for (int i = 0; i < record.length(); i++) {
            char c = record.charAt(i);
            switch (state) {
                case FIELD_START -> {
                    if (c == '"') {
                        state = QUOTED;
                    } else if (c == ',') {
                        out.add("");
                    } else {
                        f.append(c);
                        state = UNQUOTED;
                    }
                }
                case UNQUOTED -> {
                    if (c == ',') {
                        out.add(f.toString());
                        f.setLength(0);
                        state = FIELD_START;
                    } else {
                        f.append(c);
                    }
                }
                case QUOTED -> {
                    if (c == '"') {
                        state = QUOTE_IN_QUOTED;
                    } else {
                        f.append(c);
                    }
                }
                default -> {
                    if (c == '"') {
                        f.append('"');
                        state = QUOTED;
                    } else if (c == ',') {
                        out.add(f.toString());
                        f.setLength(0);
                        state = FIELD_START;
                    } else {
                        return null;
                    }
                }
            }
        }
        if (state == QUOTED) {
            return null;
        }
        out.add(f.toString());
        return out.toArray(new String[0]);
    }
}
