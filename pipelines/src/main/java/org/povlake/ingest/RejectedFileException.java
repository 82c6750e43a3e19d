package org.povlake.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.povlake.contract.FileRejection;

/**
 * Reading a file broke a per-file rule (a runaway quote, a gzip member expanding too far, a file
 * that is not a regular file any more): the file is rejected with {@link #code()}, the run goes on.
 * The message names lines, counts and limits only, never a value the file holds.
 */
public final class RejectedFileException extends IOException {
    private final FileRejection code;

    public RejectedFileException(FileRejection code, String message) {
        super(message);
        this.code = code;
    }

    public FileRejection code() {
        return code;
    }

    /**
     * The rejection a failure while reading a file stands for: its own code, else {@code
     * UNREADABLE}.
     */
    static FileRejection codeOf(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RejectedFileException r) {
                return r.code();
            }
        }
        return FileRejection.UNREADABLE;
    }

    /**
     * What went wrong, for a rejection message: a rule this class stands for says so in its own
     * words; any other failure is its exception's class and first message line (the JDK's and
     * Hadoop's messages name paths and counts, never file content), at most 300 characters.
     */
    static String describe(Throwable e) {
        Throwable t = e;
        while ((t instanceof UncheckedIOException || t.getClass() == RuntimeException.class)
                && t.getCause() != null) {
            t = t.getCause();
        }
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof RejectedFileException r) {
                return r.getMessage();
            }
        }
        String message =
                t.getMessage() == null ? "" : t.getMessage().lines().findFirst().orElse("").strip();
        String text = t.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }
}
