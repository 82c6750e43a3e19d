package org.povlake.ingest;

import java.util.Map;

/**
 * One record of a file before typing: its values aligned with the extract's columns (null where the
 * file has no such column), the JSON kind of each value for JSONL, and any extra columns.
 *
 * @param kinds JSONL only: per column 's' string, 'n' number, 'b' boolean, 'o' object/array, '-'
 *     null or absent
 * @param error BAD_RECORD, BAD_ENCODING or BAD_TYPE when the record could not be read into values
 * @param fullLength a record longer than the limit: its length in bytes ({@code raw} holds only its
 *     beginning); null otherwise
 */
public record RawRecord(
        long number,
        String raw,
        String[] values,
        String kinds,
        Map<String, String> extra,
        String error,
        Long fullLength) {

    public RawRecord(
            long number,
            String raw,
            String[] values,
            String kinds,
            Map<String, String> extra,
            String error) {
        this(number, raw, values, kinds, extra, error, null);
    }
}
