package org.povlake.contract;

/**
 * Row-level quarantine reason codes of EXTRACTS.md, in the order they are listed there (a
 * quarantined row lists its codes in this order).
 */
public enum ReasonCode {
    MISSING_REQUIRED,
    BAD_TYPE,
    BAD_NUMBER,
    BAD_DATE,
    BAD_ENUM,
    OUT_OF_RANGE,
    BAD_ID_NUMBER,
    ID_MISMATCH,
    UNKNOWN_REGION,
    FUTURE_DATE,
    DUPLICATE_ROW,
    CONFLICTING_KEY,
    BAD_ENCODING,
    BAD_RECORD
}
