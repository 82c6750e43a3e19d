package org.povlake.contract;

/** File-level rejection codes: the whole file is reported and nothing of it is loaded. */
public enum FileRejection {
    /** not at INBOX/&lt;source&gt;/&lt;file&gt; */
    BAD_LOCATION,
    UNKNOWN_SOURCE,
    UNKNOWN_EXTRACT,
    /** name is not &lt;extract&gt;_&lt;YYYYMMDD&gt;.(csv|jsonl)[.gz], or the date does not exist */
    BAD_FILE_NAME,
    /** the extract belongs to another source */
    WRONG_SOURCE,
    /** empty file: no header row */
    NO_HEADER,
    MISSING_REQUIRED_COLUMN,
    DUPLICATE_HEADER,
    /** the stream cannot be read (a truncated gzip), or the header does not decode */
    UNREADABLE,
    /** a snapshot with fewer than half the rows of the previous snapshot, without an override */
    SNAPSHOT_SHRANK,
    /** an empty snapshot would replace a non-empty delivery of the same date */
    EMPTY_SNAPSHOT,
    /** two files in one inbox for the same extract and as-of date */
    AMBIGUOUS_DELIVERY
}
