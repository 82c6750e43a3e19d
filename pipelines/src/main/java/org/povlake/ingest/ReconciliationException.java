package org.povlake.ingest;

/**
 * A file's rows are not all accounted for (read ≠ accepted + quarantined): the run fails loudly.
 */
public class ReconciliationException extends RuntimeException {
    public ReconciliationException(String message) {
        super(message);
    }
}
