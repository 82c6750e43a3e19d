package org.povlake.contract;

/**
 * File-level rejection codes: the whole file is reported and nothing of it is loaded. A rejection's
 * message names the file's problem with column names, counts and line numbers only, never a value
 * the file holds.
 */
public enum FileRejection {
    /**
     * a symbolic link (dangling or not), a device, a FIFO or anything resolving outside the inbox:
     * never opened
     */
    NOT_A_REGULAR_FILE,
    /** not at INBOX/&lt;source&gt;/&lt;file&gt; */
    BAD_LOCATION,
    UNKNOWN_SOURCE,
    UNKNOWN_EXTRACT,
    /** name is not &lt;extract&gt;_&lt;YYYYMMDD&gt;.(csv|jsonl)[.gz], or the date does not exist */
    BAD_FILE_NAME,
    /** the extract belongs to another source */
    WRONG_SOURCE,
    /** empty file, or a first row whose fields are not all column names: no header row */
    NO_HEADER,
    MISSING_REQUIRED_COLUMN,
    DUPLICATE_HEADER,
    /**
     * the stream cannot be read to its end (a truncated gzip, a gzip member expanding more than the
     * limit), the header does not decode, or reading the file failed in any other way
     */
    UNREADABLE,
    /** a quoted CSV field still open after the limit of line breaks, or at the end of the file */
    RUNAWAY_QUOTE,
    /** a snapshot with fewer than half the rows of the previous snapshot, without an override */
    SNAPSHOT_SHRANK,
    /** an empty snapshot would replace a non-empty delivery of the same date */
    EMPTY_SNAPSHOT,
    /** two files in one inbox for the same extract and as-of date */
    AMBIGUOUS_DELIVERY
}
