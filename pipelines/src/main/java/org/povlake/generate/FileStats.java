package org.povlake.generate;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import org.povlake.contract.ReasonCode;

/** What the ingest must report for one delivery file: rows read, quarantined, and by reason. */
public final class FileStats {
    long read;
    long quarantined;
    final EnumMap<ReasonCode, Long> byReason = new EnumMap<>(ReasonCode.class);

    public long read() {
        return read;
    }

    public long quarantined() {
        return quarantined;
    }

    public long accepted() {
        return read - quarantined;
    }

    /** Reason code name → rows carrying it (sorted by name, as the ingest reports it). */
    public Map<String, Long> byReason() {
        Map<String, Long> m = new TreeMap<>();
        byReason.forEach((k, v) -> m.put(k.name(), v));
        return m;
    }

    void add(FileStats other) {
        read += other.read;
        quarantined += other.quarantined;
        other.byReason.forEach((k, v) -> byReason.merge(k, v, Long::sum));
    }
}
