package org.povlake.contract;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * One column of an extract, as declared in {@code schemas/extracts/*.json}.
 *
 * @param min inclusive lower bound (Long for int, BigDecimal for dec) or null
 * @param max inclusive upper bound, or null; {@code maxIsAsOfYear} when the bound is the as-of year
 * @param requiredWhenColumn with {@code requiredWhenCodes}: the column is required when that
 *     column's code is listed
 * @param levelByColumn with {@code levelByMap}: for a {@code region} column, the enum column
 *     deciding its level
 */
public record ColumnSpec(
        String name,
        ColumnType type,
        String enumName,
        String separator,
        boolean required,
        String requiredWhenColumn,
        List<String> requiredWhenCodes,
        Object min,
        Object max,
        boolean maxIsAsOfYear,
        boolean notAfterAsOf,
        String minColumn,
        String maxColumn,
        String matchesId,
        String levelByColumn,
        Map<String, String> levelByMap,
        boolean pii)
        implements Serializable {

    public Long minLong() {
        return min == null ? null : (Long) min;
    }

    public Long maxLong() {
        return max == null ? null : (Long) max;
    }

    public BigDecimal minDec() {
        return min == null ? null : (BigDecimal) min;
    }

    public BigDecimal maxDec() {
        return max == null ? null : (BigDecimal) max;
    }
}
