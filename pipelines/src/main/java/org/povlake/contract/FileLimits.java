package org.povlake.contract;

import java.io.Serializable;

/**
 * The per-file limits of {@code schemas/file_rules.json} (EXTRACTS.md, "File format"), as one run
 * applies them: the operator may raise or lower the record length and the gzip size cap for a run.
 * Serializable: the executors that read a file apply the same limits as the preflight that checked
 * it.
 *
 * @param maxRecordBytes a longer record is {@code BAD_RECORD}
 * @param keptRecordBytes the bytes of such a record kept as its raw text
 * @param maxQuotedLineBreaks a quoted field open after more line breaks is {@code RUNAWAY_QUOTE}
 * @param maxGzipRatio a gzip member expanding more than this many times is {@code UNREADABLE}
 * @param maxUnzippedBytes a gzip file expanding beyond this is {@code UNREADABLE}
 * @param maxListedExtraColumns extra columns listed by name per file; more are counted only
 */
public record FileLimits(
        int maxRecordBytes,
        int keptRecordBytes,
        int maxQuotedLineBreaks,
        int maxGzipRatio,
        long maxUnzippedBytes,
        int maxListedExtraColumns)
        implements Serializable {
    /**
     * The largest record length an operator may allow: a record is held in memory up to this
     * length.
     */
    public static final int MAX_RECORD_BYTES_ALLOWED = 256 << 20;

    public FileLimits {
        if (maxRecordBytes < 1 || maxRecordBytes > MAX_RECORD_BYTES_ALLOWED) {
            throw new IllegalArgumentException(
                    "the maximum record length must be 1 to "
                            + MAX_RECORD_BYTES_ALLOWED
                            + " bytes, not "
                            + maxRecordBytes);
        }
        if (maxUnzippedBytes < 1) {
            throw new IllegalArgumentException(
                    "the maximum unzipped size must be positive, not " + maxUnzippedBytes);
        }
        if (keptRecordBytes < 1
                || maxQuotedLineBreaks < 0
                || maxGzipRatio < 1
                || maxListedExtraColumns < 0) {
            throw new IllegalArgumentException("invalid file limits: " + this);
        }
        keptRecordBytes = Math.min(keptRecordBytes, maxRecordBytes);
    }

    public FileLimits withMaxRecordBytes(int bytes) {
        return new FileLimits(
                bytes,
                keptRecordBytes,
                maxQuotedLineBreaks,
                maxGzipRatio,
                maxUnzippedBytes,
                maxListedExtraColumns);
    }

    public FileLimits withMaxUnzippedBytes(long bytes) {
        return new FileLimits(
                maxRecordBytes,
                keptRecordBytes,
                maxQuotedLineBreaks,
                maxGzipRatio,
                bytes,
                maxListedExtraColumns);
    }
}
