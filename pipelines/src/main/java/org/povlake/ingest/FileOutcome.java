package org.povlake.ingest;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What one ingest run did with one file: the ingest log's row and the report's entry. */
public final class FileOutcome {
    public enum Status {
        LOADED,
        SKIPPED,
        REJECTED;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public String path;
    public String source;
    public String extract;
    public LocalDate asOf;
    public String sha256;
    public long bytes;
    public String charset;
    public Status status;
    public long read;
    public long accepted;
    public long quarantined;
    public Map<String, Long> byReason = new TreeMap<>();
    public long blankLines;

    /** the physical lines the file's records span (header and blank lines not counted) */
    public long lines;

    public String rejection;
    public String message;

    /**
     * extra columns (CSV header fields, JSONL keys) that are column names, the first of them only
     */
    public List<String> extraColumns = List.of();

    /**
     * extra columns counted, not listed: those that are not column names, and those beyond the
     * listed ones
     */
    public long extraColumnsUnlisted;

    public List<String> missingOptionalColumns = List.of();
    public Long bronzeVersion;

    static FileOutcome of(String path, long bytes) {
        FileOutcome o = new FileOutcome();
        o.path = path;
        o.bytes = bytes;
        return o;
    }

    void reject(String code, String why) {
        status = Status.REJECTED;
        rejection = code;
        message = why;
        clearCounts();
    }

    /**
     * Not read this run: the file was still being written, or is byte-identical to the loaded
     * delivery.
     */
    void skip(String why) {
        status = Status.SKIPPED;
        rejection = null;
        message = why;
        clearCounts();
    }

    private void clearCounts() {
        read = 0;
        lines = 0;
        accepted = 0;
        quarantined = 0;
        byReason = new TreeMap<>();
    }

    /** read = accepted + quarantined: every row is somewhere. */
    public boolean reconciles() {
        return read == accepted + quarantined;
    }
}
