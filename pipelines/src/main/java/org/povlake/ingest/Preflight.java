package org.povlake.ingest;

import org.povlake.contract.ExtractSchema;
import org.povlake.contract.FileRejection;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * One pass over a file's bytes, before any row is loaded: its SHA-256, whether the stream reads to the
 * end (a truncated gzip does not), the charset, the header checks and the number of records.
 */
public final class Preflight {

    /** What the pass found; {@code rejection} is null when the file may be loaded. */
    public record Result(String sha256, String charset, boolean bom, Header header, long records, long blankLines,
                         FileRejection rejection, String message) {
        static Result rejected(String sha, FileRejection r, String message) {
            return new Result(sha, null, false, null, 0, 0, r, message);
        }
    }

    private Preflight() {
    }

    public static Result run(FileStreams streams, DeliveryFile file, ExtractSchema schema, Charset override) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        long records = 0;
        byte[] headerBytes = null;
        long blank;
        boolean[] bom = new boolean[1];
        Decoding.Detector detector = new Decoding.Detector();
        try (DigestInputStream raw = new DigestInputStream(streams.openRaw(file.path()), sha)) {
            try {
                InputStream content = FileStreams.content(raw, file.gzip(), bom);
                RecordSplitter splitter = new RecordSplitter(content, !file.jsonl());
                RecordSplitter.Bytes r;
                while ((r = splitter.next()) != null) {
                    detector.add(r.bytes());
                    if (headerBytes == null && !file.jsonl()) {
                        headerBytes = r.bytes();
                    } else {
                        records++;
                    }
                }
                blank = splitter.blankLines();
            } catch (IOException e) {
                raw.transferTo(java.io.OutputStream.nullOutputStream());
                return Result.rejected(hex(sha), FileRejection.UNREADABLE,
                        "the stream cannot be read to its end (" + e.getClass().getSimpleName()
                                + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
            }
            raw.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (IOException e) {
            return Result.rejected(null, FileRejection.UNREADABLE, "cannot open the file: " + e.getMessage());
        }
        String digest = hex(sha);
        Charset charset = override != null ? override : detector.decide(bom[0]);
        if (file.jsonl()) {
            return new Result(digest, charset.name(), bom[0], null, records, blank, null, null);
        }
        if (headerBytes == null) {
            return Result.rejected(digest, FileRejection.NO_HEADER, "the file is empty: a header row is required");
        }
        String headerText = new Decoding(charset).strict(headerBytes);
        String[] names = headerText == null ? null : RecordSplitter.fields(headerText);
        if (names == null) {
            return Result.rejected(digest, FileRejection.UNREADABLE,
                    "the header row does not " + (headerText == null ? "decode as " + charset.name() : "parse as CSV"));
        }
        Header header = Header.match(Arrays.asList(names), schema);
        Result ok = new Result(digest, charset.name(), bom[0], header, records, blank, null, null);
        if (!header.duplicates().isEmpty()) {
            return withRejection(ok, FileRejection.DUPLICATE_HEADER,
                    "the header repeats column(s) " + String.join(", ", header.duplicates()));
        }
        if (!header.missingRequired().isEmpty()) {
            return withRejection(ok, FileRejection.MISSING_REQUIRED_COLUMN,
                    "required column(s) missing from the header: " + String.join(", ", header.missingRequired()));
        }
        return ok;
    }

    private static Result withRejection(Result r, FileRejection rejection, String message) {
        return new Result(r.sha256(), r.charset(), r.bom(), r.header(), r.records(), r.blankLines(), rejection,
                message);
    }

    private static String hex(MessageDigest sha) {
        return HexFormat.of().formatHex(sha.digest());
    }
}
