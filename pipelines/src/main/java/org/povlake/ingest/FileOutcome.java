package org.povlake.ingest;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What one ingest run did with one file: the ingest log's row and the report's entry. */
public final class FileOutcome {
    public enum Status { LOADED, SKIPPED, REJECTED;
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
    public String rejection;
    public String message;
    public List<String> extraColumns = List.of();
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
        read = 0;
        accepted = 0;
        quarantined = 0;
        byReason = new TreeMap<>();
    }

    /** read = accepted + quarantined: every row is somewhere. */
    public boolean reconciles() {
        return read == accepted + quarantined;
    }
}
