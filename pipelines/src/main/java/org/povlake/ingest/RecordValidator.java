package org.povlake.ingest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.povlake.contract.ColumnSpec;
import org.povlake.contract.ColumnType;
import org.povlake.contract.Contract;
import org.povlake.contract.Divisions;
import org.povlake.contract.Enumerations;
import org.povlake.contract.ExtractSchema;
import org.povlake.contract.NullTokens;
import org.povlake.contract.ReasonCode;
import org.povlake.contract.SumCheck;

/**
 * Applies every row-level rule of the contract except the two that need the whole file ({@code
 * DUPLICATE_ROW}, {@code CONFLICTING_KEY}: see {@link IngestTransforms#flagDuplicates}). Pure: a
 * raw record and the as-of date in, typed values and reason codes out.
 */
public final class RecordValidator {

    /**
     * Typed values aligned with the columns (Integer, BigDecimal, LocalDate, LocalDateTime,
     * Boolean, String, List&lt;String&gt;), all reason codes, and per-column details {@code
     * column:CODE} (never a value: quarantine messages must not print personal data).
     */
    public record Result(Object[] values, EnumSet<ReasonCode> reasons, List<String> details) {
        public boolean accepted() {
            return reasons.isEmpty();
        }
    }

    private final ExtractSchema schema;
    private final Enumerations enums;
    private final NullTokens nullTokens;
    private final Divisions divisions;
    private final Map<String, Integer> index;

    public RecordValidator(ExtractSchema schema, Contract contract) {
        this.schema = schema;
        this.enums = contract.enums();
        this.nullTokens = contract.nullTokens();
        this.divisions = contract.divisions();
        this.index = schema.columnIndex();
    }

    public Result validate(RawRecord record, LocalDate asOf) {
        List<ColumnSpec> cols = schema.columns();
        Object[] out = new Object[cols.size()];
        EnumSet<ReasonCode> reasons = EnumSet.noneOf(ReasonCode.class);
        List<String> details = new ArrayList<>();
        if (record.error() != null) {
            ReasonCode code = ReasonCode.valueOf(record.error());
            reasons.add(code);
            details.add("record:" + code);
            if (record.fullLength()
                    != null) { // over the record limit: the raw text is its beginning only
                details.add("record:LENGTH=" + record.fullLength());
            }
            return new Result(out, reasons, details);
        }
        boolean[] failed = new boolean[cols.size()];
        for (int i = 0; i < cols.size(); i++) {
            ColumnSpec c = cols.get(i);
            ReasonCode problem =
                    typed(
                            c,
                            record.values()[i],
                            record.kinds() == null ? '-' : record.kinds().charAt(i),
                            asOf,
                            out,
                            i);
            if (problem != null) {
                failed[i] = true;
                reasons.add(problem);
                details.add(c.name() + ":" + problem);
            }
        }
        for (int i = 0; i < cols.size(); i++) {
            if (failed[i]) {
                continue;
            }
            ReasonCode problem = crossColumn(cols.get(i), out, failed);
            if (problem != null) {
                reasons.add(problem);
                details.add(cols.get(i).name() + ":" + problem);
            }
        }
        for (SumCheck check : schema.checks()) {
            ReasonCode problem = sumCheck(check, out, failed);
            if (problem != null) {
                reasons.add(problem);
                details.add(check.limit() + ":" + problem);
            }
        }
        return new Result(out, reasons, details);
    }

    /** Parses one value into {@code out[i]}; returns the reason code if it breaks a rule. */
    private ReasonCode typed(
            ColumnSpec c, String raw, char kind, LocalDate asOf, Object[] out, int i) {
        if (kind == 'o') {
            return ReasonCode.BAD_TYPE;
        }
        if ((kind == 'n' || kind == 'b') && c.type().isText()) {
            return ReasonCode.BAD_TYPE;
        }
        if (kind == 'b' && c.type() != ColumnType.BOOL) {
            return ReasonCode.BAD_TYPE;
        }
        String v = Values.trim(raw);
        if (v == null || v.isEmpty() || nullTokens.isNull(v)) {
            return c.required() ? ReasonCode.MISSING_REQUIRED : null;
        }
        switch (c.type()) {
            case STR -> out[i] = v;
            case ID -> {
                if (!ResidentId.isValid(v)) {
                    return ReasonCode.BAD_ID_NUMBER;
                }
                out[i] = v;
            }
            case INT -> {
                Long n = Values.parseLong(v);
                if (n == null) {
                    return ReasonCode.BAD_NUMBER;
                }
                Long max = c.maxIsAsOfYear() ? Long.valueOf(asOf.getYear()) : c.maxLong();
                if ((c.minLong() != null && n < c.minLong()) || (max != null && n > max)) {
                    return ReasonCode.OUT_OF_RANGE;
                }
                if (n < Integer.MIN_VALUE || n > Integer.MAX_VALUE) {
                    return ReasonCode.BAD_NUMBER;
                }
                out[i] = n.intValue();
            }
            case DEC -> {
                BigDecimal d = Values.parseDecimal(v);
                if (d == null) {
                    return ReasonCode.BAD_NUMBER;
                }
                if ((c.minDec() != null && d.compareTo(c.minDec()) < 0)
                        || (c.maxDec() != null && d.compareTo(c.maxDec()) > 0)) {
                    return ReasonCode.OUT_OF_RANGE;
                }
                out[i] = d;
            }
            case DATE -> {
                LocalDate d = Values.parseDate(v);
                if (d == null) {
                    return ReasonCode.BAD_DATE;
                }
                if (c.notAfterAsOf() && d.isAfter(asOf)) {
                    return ReasonCode.FUTURE_DATE;
                }
                out[i] = d;
            }
            case TS -> {
                LocalDateTime t = Values.parseTimestamp(v);
                if (t == null) {
                    return ReasonCode.BAD_DATE;
                }
                if (c.notAfterAsOf() && t.isAfter(asOf.atTime(LocalTime.of(23, 59, 59)))) {
                    return ReasonCode.FUTURE_DATE;
                }
                out[i] = t;
            }
            case BOOL -> {
                Boolean b = Values.parseBoolean(v);
                if (b == null) {
                    return ReasonCode.BAD_TYPE;
                }
                out[i] = b;
            }
            case ENUM -> {
                String code = enums.code(c.enumName(), v);
                if (code == null) {
                    return ReasonCode.BAD_ENUM;
                }
                out[i] = code;
            }
            case ENUM_LIST -> {
                List<String> codes = new ArrayList<>();
                for (String part : v.split(java.util.regex.Pattern.quote(c.separator()), -1)) {
                    String p = Values.trim(part);
                    if (p.isEmpty()) {
                        continue;
                    }
                    String code = enums.code(c.enumName(), p);
                    if (code == null) {
                        return ReasonCode.BAD_ENUM;
                    }
                    codes.add(code);
                }
                out[i] = codes.isEmpty() ? null : List.copyOf(codes);
            }
            case VILLAGE, TOWNSHIP, COUNTY -> {
                if (!divisions.isAtLevel(v, c.type().name().toLowerCase(java.util.Locale.ROOT))) {
                    return ReasonCode.UNKNOWN_REGION;
                }
                out[i] = v;
            }
            case REGION -> out[i] = v; // its level is judged with the level column, in crossColumn
            default -> throw new IllegalStateException("unhandled type " + c.type());
        }
        return null;
    }

    private ReasonCode crossColumn(ColumnSpec c, Object[] out, boolean[] failed) {
        Object value = out[index.get(c.name())];
        if (c.type() == ColumnType.REGION && value != null) {
            Object level = out[index.get(c.levelByColumn())];
            String wanted = level == null ? null : c.levelByMap().get(level.toString());
            boolean ok =
                    wanted == null
                            ? divisions.isAnyLevel((String) value)
                            : divisions.isAtLevel((String) value, wanted);
            if (!ok) {
                return ReasonCode.UNKNOWN_REGION;
            }
        }
        if (c.requiredWhenColumn() != null && value == null) {
            Object cond = out[index.get(c.requiredWhenColumn())];
            if (cond != null && c.requiredWhenCodes().contains(cond.toString())) {
                return ReasonCode.MISSING_REQUIRED;
            }
        }
        if (value == null) {
            return null;
        }
        if (c.minColumn() != null && compare(value, out, failed, c.minColumn()) < 0) {
            return ReasonCode.OUT_OF_RANGE;
        }
        if (c.maxColumn() != null && compare(value, out, failed, c.maxColumn()) > 0) {
            return ReasonCode.OUT_OF_RANGE;
        }
        if (c.matchesId() != null) {
            int idCol = index.get(c.matchesId());
            String id = failed[idCol] ? null : (String) out[idCol];
            if (id != null) {
                Object expected =
                        value instanceof LocalDate
                                ? ResidentId.birthDate(id)
                                : ResidentId.sexCode(id);
                if (!value.equals(expected)) {
                    return ReasonCode.ID_MISMATCH;
                }
            }
        }
        return null;
    }

    /**
     * Compares with another column's value; 0 when that value is unknown (no judgement possible).
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private int compare(Object value, Object[] out, boolean[] failed, String other) {
        int j = index.get(other);
        if (failed[j] || out[j] == null) {
            return 0;
        }
        return ((Comparable) value).compareTo(out[j]);
    }

    private ReasonCode sumCheck(SumCheck check, Object[] out, boolean[] failed) {
        int limitCol = index.get(check.limit());
        if (failed[limitCol] || out[limitCol] == null) {
            return null;
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (String col : check.columns()) {
            int j = index.get(col);
            if (failed[j]) {
                return null;
            }
            if (out[j] != null) {
                sum = sum.add((BigDecimal) out[j]);
            }
        }
        return sum.compareTo((BigDecimal) out[limitCol]) > 0 ? check.code() : null;
    }
}
