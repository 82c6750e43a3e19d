package org.povlake.ingest;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * A file of the inbox whose name parsed: {@code INBOX/<source>/<extract>_<YYYYMMDD>.<csv|jsonl>[.gz]}.
 *
 * @param path     the file's full URI or path (as Hadoop's FileSystem reads it)
 * @param relative the path relative to the inbox, as reports print it
 */
public record DeliveryFile(String path, String relative, String source, String extract, LocalDate asOf,
                           boolean jsonl, boolean gzip, long bytes) implements Serializable {

    public String schemaName() {
        return source + "_" + extract;
    }
}
