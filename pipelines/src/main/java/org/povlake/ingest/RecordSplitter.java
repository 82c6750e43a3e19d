package org.povlake.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.povlake.contract.Contract;
import org.povlake.contract.FileLimits;
import org.povlake.contract.FileRejection;

/**
 * Splits a byte stream into records before any decoding, so that each record can be decoded (and
 * fail to decode) on its own. CSV mode follows RFC 4180 quoting: a line break inside a quoted field
 * does not end the record. JSONL mode splits on line feeds. The bytes that matter (quote, comma,
 * CR, LF) never occur inside a multi-byte character of UTF-8 or GB18030, so splitting bytes is safe
 * for both. Line terminators are LF, CRLF or a lone CR (CSV) and are not part of the record. Empty
 * lines are not records; they are counted in {@link #blankLines()}.
 *
 * <p>The limits of EXTRACTS.md apply while splitting, so that no file can make a record unbounded:
 * a record longer than the limit keeps only its first bytes (its full length is counted; it is
 * {@code BAD_RECORD}), and a quoted field still open after the limit of line breaks, or at the end
 * of the stream, rejects the file ({@code RUNAWAY_QUOTE}, a {@link RejectedFileException}): a stray
 * quote would otherwise swallow the rest of the file into one record.
 */
public final class RecordSplitter {
    private static final int FIELD_START = 0;
    private static final int UNQUOTED = 1;
    private static final int QUOTED = 2;
    private static final int QUOTE_IN_QUOTED = 3;

    /**
     * A record's bytes (the first {@code keptRecordBytes} only when it is longer than the limit).
     *
     * @param length its full length in bytes
     * @param line the physical line it starts on (1-based, over the whole stream: the header is
     *     line 1)
     * @param lines the physical lines it spans (more than one when a quoted field holds line
     *     breaks)
     */
    public record Bytes(byte[] bytes, long length, long line, int lines) {
        /** Longer than the record limit: {@link #bytes()} is only its beginning. */
        public boolean truncated() {
            return bytes.length < length;
        }
    }

    private final InputStream in;
    private final boolean csv;
    private final int maxRecordBytes;
    private final int keptRecordBytes;
    private final int maxQuotedLineBreaks;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int len;
    private byte[] rec = new byte[256];
    private int recLen;
    private long length;
    private long line = 1;
    private boolean skipLf;
    private boolean eof;
    private long blankLines;

    /** A splitter with the contract's limits. */
    public RecordSplitter(InputStream in, boolean csv) {
        this(in, csv, Contract.get().fileLimits());
    }

    public RecordSplitter(InputStream in, boolean csv, FileLimits limits) {
        this.in = in;
        this.csv = csv;
        this.maxRecordBytes = limits.maxRecordBytes();
        this.keptRecordBytes = limits.keptRecordBytes();
        this.maxQuotedLineBreaks = limits.maxQuotedLineBreaks();
    }

    public long blankLines() {
        return blankLines;
    }

    /** The next record, or null at the end of the stream. */
    public Bytes next() throws IOException {
        while (true) {
            Bytes r = csv ? nextCsv() : nextLine();
            if (r == null || r.length() > 0) {
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

    /**
     * Counts the byte; keeps it while the record is within the limit, and only the kept beginning
     * once it is not.
     */
    private void append(int b) {
        length++;
        if (length <= maxRecordBytes) {
            if (recLen == rec.length) {
                rec = Arrays.copyOf(rec, (int) Math.min((long) rec.length * 2, maxRecordBytes));
            }
            rec[recLen++] = (byte) b;
        } else if (length == maxRecordBytes + 1L) {
            recLen = Math.min(recLen, keptRecordBytes);
        }
    }

    private Bytes take(long firstLine) {
        Bytes b =
                new Bytes(
                        Arrays.copyOf(rec, recLen),
                        length,
                        firstLine,
                        (int) (line - firstLine + 1));
        recLen = 0;
        length = 0;
        return b;
    }

    private RejectedFileException runaway(long openedOn, String what) {
        return new RejectedFileException(
                FileRejection.RUNAWAY_QUOTE,
                "the quoted field opened on line "
                        + openedOn
                        + " "
                        + what
                        + " (a stray quote?); the file was not loaded rather than lose the rows inside the quote");
    }

    private Bytes nextCsv() throws IOException {
        int state = FIELD_START;
        recLen = 0;
        length = 0;
        boolean any = false;
        long first = line;
        long openedOn = 0;
        int breaks = 0;
        boolean afterCr = false;
        while (true) {
            int b = read();
            if (b < 0) {
                if (!any) {
                    return null;
                }
                if (state == QUOTED) {
                    throw runaway(openedOn, "is never closed: the file ends inside it");
                }
                return take(first);
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
                Bytes r = take(first);
                line++;
                return r;
            }
            if (b == '\r' || (b == '\n' && !afterCr)) { // a line break inside a quoted field
                line++;
                if (++breaks > maxQuotedLineBreaks) {
                    throw runaway(
                            openedOn,
                            "is still open after " + maxQuotedLineBreaks + " line breaks");
                }
            }
            afterCr = b == '\r';
            switch (state) {
                case FIELD_START -> {
                    if (b == '"') {
                        state = QUOTED;
                        openedOn = line;
                        breaks = 0;
                    } else {
                        state = b == ',' ? FIELD_START : UNQUOTED;
                    }
                }
                case UNQUOTED -> state = b == ',' ? FIELD_START : UNQUOTED;
                case QUOTED -> state = b == '"' ? QUOTE_IN_QUOTED : QUOTED;
                default -> state = b == '"' ? QUOTED : b == ',' ? FIELD_START : UNQUOTED;
            }
            append(b);
        }
    }

    private Bytes nextLine() throws IOException {
        recLen = 0;
        length = 0;
        boolean any = false;
        boolean cr = false; // a CR is kept only when no LF follows it (CRLF ends the line)
        long first = line;
        while (true) {
            int b = read();
            if (b < 0) {
                if (cr) {
                    append('\r');
                }
                return any ? take(first) : null;
            }
            any = true;
            if (b == '\n') {
                Bytes r = take(first);
                line++;
                return r;
            }
            if (cr) {
                append('\r');
            }
            cr = b == '\r';
            if (!cr) {
                append(b);
            }
        }
    }

    /**
     * Splits one decoded CSV record into its fields (unquoted, not trimmed); null when the record
     * is malformed (text after a closing quote, or an unterminated quote). A quote inside an
     * unquoted field is a literal character.
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
