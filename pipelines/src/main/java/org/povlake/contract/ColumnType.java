package org.povlake.contract;

import java.util.Locale;

/** The contract's column types (EXTRACTS.md, "Types"). */
public enum ColumnType {
    STR,
    INT,
    DEC,
    DATE,
    TS,
    BOOL,
    ENUM,
    ENUM_LIST,
    VILLAGE,
    TOWNSHIP,
    COUNTY,
    REGION,
    ID;

    public static ColumnType parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ContractException("unknown column type '" + text + "'");
        }
    }

    /** Types whose JSONL value must be a JSON string (a number or boolean there is BAD_TYPE). */
    public boolean isText() {
        return this == STR || this == ID;
    }

    public boolean isRegion() {
        return this == VILLAGE || this == TOWNSHIP || this == COUNTY || this == REGION;
    }
}
