package org.povlake.ingest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import org.povlake.contract.ColumnNames;
import org.povlake.contract.ExtractSchema;
import org.povlake.contract.FileRejection;

/**
 * One pass over a file's bytes, before any row is loaded: its SHA-256, whether the stream reads to
 * the end (a truncated gzip does not), the charset, the header checks and the number of records and
 * of the physical lines they span. Every per-file limit is met here ({@link RecordSplitter}, {@link
 * FileStreams}), so a file that breaks one is rejected before Spark reads it; any other failure
 * rejects the file too ({@code UNREADABLE}, with its cause), never the run.
 */
public final class Preflight {

    /**
     * What the pass found; {@code rejection} is null when the file may be loaded.
     *
     * @param lines the physical lines the data records span (header and blank lines not counted)
     * @param rawBytes the bytes read from the file as stored: not its listed size when it was still
     *     being written
     */
    public record Result(
            String sha256,
            String charset,
            boolean bom,
            Header header,
            long records,
            long lines,
            long blankLines,
            long rawBytes,
            FileRejection rejection,
            String message) {
        static Result rejected(String sha, long rawBytes, FileRejection r, String message) {
            return new Result(sha, null, false, null, 0, 0, 0, rawBytes, r, message);
        }

        Result withRejection(FileRejection r, String why) {
            return new Result(
                    sha256, charset, bom, header, records, lines, blankLines, rawBytes, r, why);
        }
    }

    private Preflight() {}

    public static Result run(
            FileStreams streams,
            DeliveryFile file,
            ExtractSchema schema,
            Charset override,
            ColumnNames names) {
        try {
            return read(streams, file, schema, override, names);
        } catch (RuntimeException e) {
            return Result.rejected(
                    null,
                    -1,
                    FileRejection.UNREADABLE,
                    "reading the file failed: " + RejectedFileException.describe(e));
        }
    }

    private static Result read(
            FileStreams streams,
            DeliveryFile file,
            ExtractSchema schema,
            Charset override,
            ColumnNames names) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        long records = 0;
        long lines = 0;
        byte[] headerBytes = null;
        boolean headerTooLong = false;
        long blank;
        boolean[] bom = new boolean[1];
        Decoding.Detector detector = new Decoding.Detector();
        String digest;
        long rawBytes;
        try (Counted counted = new Counted(streams.openRaw(file.path()));
                DigestInputStream raw = new DigestInputStream(counted, sha)) {
            try {
                InputStream content = streams.content(raw, file.gzip(), bom);
                RecordSplitter splitter =
                        new RecordSplitter(content, !file.jsonl(), streams.limits());
                RecordSplitter.Bytes r;
                while ((r = splitter.next()) != null) {
                    if (!r.truncated()) { // a cut record may end inside a character: not a
                        // charset witness
                        detector.add(r.bytes());
                    }
                    if (headerBytes == null && !file.jsonl()) {
                        headerBytes = r.bytes();
                        headerTooLong = r.truncated();
                    } else {
                        records++;
                        lines += r.lines();
                    }
                }
                blank = splitter.blankLines();
            } catch (RejectedFileException e) {
                return Result.rejected(drain(raw, sha), counted.count, e.code(), e.getMessage());
            } catch (IOException e) {
                return Result.rejected(
                        drain(raw, sha),
                        counted.count,
                        FileRejection.UNREADABLE,
                        "the stream cannot be read to its end ("
                                + RejectedFileException.describe(e)
                                + ")");
            }
            digest = drain(raw, sha);
            rawBytes = counted.count;
        } catch (RejectedFileException e) {
            return Result.rejected(null, -1, e.code(), e.getMessage());
        } catch (IOException e) {
            return Result.rejected(
                    null,
                    -1,
                    FileRejection.UNREADABLE,
                    "cannot open the file: " + RejectedFileException.describe(e));
        }
        Charset charset = override != null ? override : detector.decide(bom[0]);
        Result read =
                new Result(
                        digest,
                        charset.name(),
                        bom[0],
                        null,
                        records,
                        lines,
                        blank,
                        rawBytes,
                        null,
                        null);
        if (file.jsonl()) {
            return read;
        }
        if (headerBytes == null) {
            return read.withRejection(
                    FileRejection.NO_HEADER, "the file is empty: a header row is required");
        }
        if (headerTooLong) {
            return read.withRejection(
                    FileRejection.NO_HEADER,
                    "the first row is longer than the record limit ("
                            + streams.limits().maxRecordBytes()
                            + " bytes): it is not a header row");
        }
        String headerText = new Decoding(charset).strict(headerBytes);
        if (headerText == null) {
            return read.withRejection(
                    FileRejection.UNREADABLE,
                    "the header row does not decode as " + charset.name());
        }
        String[] fields = RecordSplitter.fields(headerText);
        if (fields == null) {
            return read.withRejection(
                    FileRejection.NO_HEADER,
                    "the first row does not parse as CSV (text after a closing quote): it is not a header row");
        }
        for (int i = 0; i < fields.length; i++) {
            if (!names.isName(fields[i])) {
                // the row is data, or a damaged header: its values are not repeated anywhere, only
                // where it failed
                return read.withRejection(
                        FileRejection.NO_HEADER,
                        "the first row is not a header: field "
                                + (i + 1)
                                + " of "
                                + fields.length
                                + " is not a column name (letters, digits, '_' and spaces, not"
                                + " starting with a digit); a header row is required");
            }
        }
        Header header = Header.match(Arrays.asList(fields), schema);
        Result ok =
                new Result(
                        digest,
                        charset.name(),
                        bom[0],
                        header,
                        records,
                        lines,
                        blank,
                        rawBytes,
                        null,
                        null);
        if (!header.duplicates().isEmpty()) {
            return ok.withRejection(
                    FileRejection.DUPLICATE_HEADER,
                    "the header repeats column(s) " + String.join(", ", header.duplicates()));
        }
        if (!header.missingRequired().isEmpty()) {
            return ok.withRejection(
                    FileRejection.MISSING_REQUIRED_COLUMN,
                    "required column(s) missing from the header: "
                            + String.join(", ", header.missingRequired()));
        }
        return ok;
    }

    /** Reads the rest of the stored bytes for the file's SHA-256; null when they cannot be read. */
    private static String drain(InputStream raw, MessageDigest sha) {
        try {
            raw.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(sha.digest());
        } catch (IOException e) {
            return null;
        }
    }

    /** Counts the bytes read through it. */
    private static final class Counted extends FilterInputStream {
        long count;

        Counted(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count += skipped;
            return skipped;
        }
    }
}
