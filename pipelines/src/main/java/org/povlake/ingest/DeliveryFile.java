package org.povlake.ingest;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * A file of the inbox whose name parsed: {@code
 * INBOX/<source>/<extract>_<YYYYMMDD>.<csv|jsonl>[.gz]}.
 *
 * @param path the file's full URI or path (as Hadoop's FileSystem reads it)
 * @param relative the path relative to the inbox, as reports print it
 * @param bytes its size when the inbox was listed
 * @param modified its modification time then, in nanoseconds: with the size, what tells a file
 *     still being written
 */
public record DeliveryFile(
        String path,
        String relative,
        String source,
        String extract,
        LocalDate asOf,
        boolean jsonl,
        boolean gzip,
        long bytes,
        long modified)
        implements Serializable {

    public String schemaName() {
        return source + "_" + extract;
    }

    /** How the file looked when the inbox was listed. */
    public FileStreams.Stamp stamp() {
        return new FileStreams.Stamp(bytes, modified);
    }
}
