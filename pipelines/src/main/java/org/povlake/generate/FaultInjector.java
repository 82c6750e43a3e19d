package org.povlake.generate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.povlake.contract.ColumnSpec;
import org.povlake.contract.ColumnType;
import org.povlake.contract.Contract;
import org.povlake.contract.ExtractSchema;
import org.povlake.contract.NullTokens;
import org.povlake.contract.ReasonCode;
import org.povlake.contract.SumCheck;
import org.povlake.ingest.ResidentId;

/**
 * Injects exactly one row-level fault whose reason code is certain, chosen among those the
 * extract's schema makes possible. Every choice is read from the schema (types, ranges,
 * cross-column rules, key), so a fault never trips a second rule by accident: e.g. an out-of-range
 * value goes into a column whose failure makes the ingest skip the cross-column checks that read
 * it, a member "born" after the as-of date gets an ID encoding that date, and a duplicate or
 * conflicting row is only ever made from a row that passes every rule.
 */
final class FaultInjector {
    /**
     * The rows to write instead of the original (one or two), the code they carry and how many are
     * quarantined.
     */
    record Injected(List<String[]> rows, ReasonCode code, int quarantined) {}

    private record Range(String kind, int column, int other, String value) {}

    private static final String[] NOT_BOOLEANS = {"有", "yes", "2", "对"};
    private static final String[] NOT_LABELS = {"未知", "其它类别", "unknown"};
    private static final String NOT_A_CAUSE = "缺钱";
    private static final String CHECK_CHARACTERS = "0123456789X";

    private final ExtractSchema schema;
    private final Vocabulary vocab;
    private final List<ColumnSpec> cols;
    private final Map<String, Integer> index;
    private final List<Integer> required = new ArrayList<>();
    private final List<Integer> conditional = new ArrayList<>();
    private final List<Integer> booleans = new ArrayList<>();
    private final List<Integer> numbers = new ArrayList<>();
    private final List<Integer> dates = new ArrayList<>();
    private final List<Integer> enums = new ArrayList<>();
    private final List<Range> ranges = new ArrayList<>();
    private final List<Integer> ids = new ArrayList<>();
    private final List<Integer> matching = new ArrayList<>();
    private final List<Integer> regions = new ArrayList<>();
    private final List<Integer> future = new ArrayList<>();
    private int conflictColumn = -1;
    private final List<ReasonCode> applicable = new ArrayList<>();
    private final String invalidBoolean;
    private final Map<String, String> invalidLabel = new java.util.HashMap<>();

    FaultInjector(ExtractSchema schema, Vocabulary vocab, Contract contract) {
        this.schema = schema;
        this.vocab = vocab;
        this.cols = schema.columns();
        this.index = schema.columnIndex();
        NullTokens nulls = contract.nullTokens();
        invalidBoolean = firstNot(NOT_BOOLEANS, nulls, v -> false);
        Set<Integer> referenced = new HashSet<>();
        Set<String> levels = new HashSet<>();
        cols.stream()
                .filter(c -> c.levelByColumn() != null)
                .forEach(c -> levels.add(c.levelByColumn()));
        for (int i = 0; i < cols.size(); i++) {
            ColumnSpec c = cols.get(i);
            // a column that decides another's region level is never blanked or spoiled: without it
            // "a code matching
            // the level" cannot be judged, and a reader might call the region code unknown too
            boolean decidesLevel = levels.contains(c.name());
            if (c.required() && !decidesLevel) {
                required.add(i);
            }
            if (c.requiredWhenColumn() != null) {
                conditional.add(i);
                referenced.add(index.get(c.requiredWhenColumn()));
            }
            if (c.minColumn() != null) {
                referenced.add(index.get(c.minColumn()));
            }
            if (c.maxColumn() != null) {
                referenced.add(index.get(c.maxColumn()));
            }
            if (c.levelByColumn() != null) {
                referenced.add(index.get(c.levelByColumn()));
            }
            if (c.matchesId() != null) {
                referenced.add(index.get(c.matchesId()));
                referenced.add(i);
                matching.add(i);
            }
            switch (c.type()) {
                case BOOL -> booleans.add(i);
                case INT, DEC -> numbers.add(i);
                case DATE, TS -> dates.add(i);
                case ENUM, ENUM_LIST -> {
                    if (!decidesLevel) {
                        enums.add(i);
                    }
                    invalidLabel.put(
                            c.enumName(),
                            firstNot(NOT_LABELS, nulls, v -> vocab.code(c.enumName(), v) != null));
                }
                case ID -> ids.add(i);
                case VILLAGE, TOWNSHIP, COUNTY, REGION -> regions.add(i);
                default -> {}
            }
            if (c.notAfterAsOf()) {
                future.add(i);
            }
            rangesOf(c, i);
        }
        for (SumCheck check : schema.checks()) {
            check.columns().forEach(n -> referenced.add(index.get(n)));
            referenced.add(index.get(check.limit()));
            if (check.code() == ReasonCode.OUT_OF_RANGE) {
                ranges.add(
                        new Range(
                                "sum",
                                index.get(check.columns().get(0)),
                                index.get(check.limit()),
                                null));
            }
        }
        if (vocab.code(Codes.CAUSE, NOT_A_CAUSE) != null) {
            throw new IllegalStateException(NOT_A_CAUSE + " became a cause");
        }
        conflictColumn = conflictColumn(referenced);
        if (!required.isEmpty() || !conditional.isEmpty()) {
            applicable.add(ReasonCode.MISSING_REQUIRED);
        }
        add(ReasonCode.BAD_TYPE, booleans);
        add(ReasonCode.BAD_NUMBER, numbers);
        add(ReasonCode.BAD_DATE, dates);
        add(ReasonCode.BAD_ENUM, enums);
        if (!ranges.isEmpty()) {
            applicable.add(ReasonCode.OUT_OF_RANGE);
        }
        add(ReasonCode.BAD_ID_NUMBER, ids);
        add(ReasonCode.ID_MISMATCH, matching);
        add(ReasonCode.UNKNOWN_REGION, regions);
        add(ReasonCode.FUTURE_DATE, future);
        applicable.add(ReasonCode.DUPLICATE_ROW);
        if (conflictColumn >= 0) {
            applicable.add(ReasonCode.CONFLICTING_KEY);
        }
    }

    private void add(ReasonCode code, List<Integer> candidates) {
        if (!candidates.isEmpty()) {
            applicable.add(code);
        }
    }

    private static String firstNot(
            String[] values, NullTokens nulls, java.util.function.Predicate<String> taken) {
        for (String v : values) {
            if (!nulls.isNull(v) && !taken.test(v)) {
                return v;
            }
        }
        throw new IllegalStateException("no invalid value left among " + List.of(values));
    }

    private void rangesOf(ColumnSpec c, int i) {
        if (c.type() == ColumnType.INT) {
            if (c.maxIsAsOfYear()) {
                ranges.add(new Range("int>asof", i, -1, null));
            } else if (c.maxLong() != null) {
                ranges.add(new Range("int", i, -1, Long.toString(c.maxLong() + 1)));
            }
            if (c.minLong() != null) {
                ranges.add(new Range("int", i, -1, Long.toString(c.minLong() - 1)));
            }
        }
        if (c.type() == ColumnType.DEC) {
            if (c.maxDec() != null) {
                ranges.add(
                        new Range(
                                "dec",
                                i,
                                -1,
                                c.maxDec().add(BigDecimal.ONE).setScale(2).toPlainString()));
            }
            if (c.minDec() != null) {
                ranges.add(
                        new Range(
                                "dec",
                                i,
                                -1,
                                c.minDec().subtract(BigDecimal.ONE).setScale(2).toPlainString()));
            }
        }
        if (c.minColumn() != null && (c.type() == ColumnType.INT || c.type() == ColumnType.DATE)) {
            ranges.add(new Range("below", i, index.get(c.minColumn()), null));
        }
        if (c.maxColumn() != null && c.type() == ColumnType.INT) {
            ranges.add(new Range("above", i, index.get(c.maxColumn()), null));
        }
    }

    /**
     * The non-key column a conflicting row changes: one no rule relates to another column, so both
     * rows pass every other rule and differ only there. Booleans first, then enumerations,
     * decimals, integers and dates.
     */
    private int conflictColumn(Set<Integer> referenced) {
        Set<String> key = new HashSet<>(schema.primaryKey());
        int[] best = {-1, Integer.MAX_VALUE};
        for (int i = 0; i < cols.size(); i++) {
            ColumnSpec c = cols.get(i);
            if (key.contains(c.name())
                    || referenced.contains(i)
                    || c.maxColumn() != null
                    || c.notAfterAsOf()) {
                continue;
            }
            int rank =
                    switch (c.type()) {
                        case BOOL -> 0;
                        case ENUM -> 1;
                        case DEC -> c.maxDec() == null ? 2 : 99;
                        case INT ->
                                c.maxLong() == null && !c.maxIsAsOfYear() && c.minLong() == null
                                        ? 3
                                        : 99;
                        case DATE -> 4;
                        default -> 99;
                    };
            if (rank < best[1]) {
                best[0] = i;
                best[1] = rank;
            }
        }
        return best[1] < 99 ? best[0] : -1;
    }

    List<ReasonCode> applicable() {
        return List.copyOf(applicable);
    }

    /** One fault for this (valid) row, chosen with {@code r}. */
    Injected inject(String[] row, LocalDate asOf, SplittableRandom r) {
        ReasonCode code = applicable.get(r.nextInt(applicable.size()));
        return inject(row, asOf, r, code);
    }

    /** The given fault (it must be applicable). */
    Injected inject(String[] row, LocalDate asOf, SplittableRandom r, ReasonCode code) {
        String[] bad = row.clone();
        switch (code) {
            case MISSING_REQUIRED -> {
                List<Integer> candidates = new ArrayList<>(required);
                for (int i : conditional) {
                    ColumnSpec c = cols.get(i);
                    int cond = index.get(c.requiredWhenColumn());
                    String condCode = vocab.code(cols.get(cond).enumName(), row[cond]);
                    if (condCode != null && c.requiredWhenCodes().contains(condCode)) {
                        candidates.add(i);
                    }
                }
                bad[Draw.oneOf(r, candidates)] = Formats.NULL;
            }
            case BAD_TYPE -> bad[Draw.oneOf(r, booleans)] = invalidBoolean;
            case BAD_NUMBER -> {
                int i = Draw.oneOf(r, numbers);
                bad[i] = cols.get(i).type() == ColumnType.DEC ? "1,234.50" : "1,234";
            }
            case BAD_DATE -> {
                int i = Draw.oneOf(r, dates);
                String d =
                        (asOf.getYear() - r.nextInt(2))
                                + Draw.oneOf(r, new String[] {"-02-30", "-04-31", "-13-01"});
                bad[i] = cols.get(i).type() == ColumnType.TS ? d + " 10:15:00" : d;
            }
            case BAD_ENUM -> {
                int i = Draw.oneOf(r, enums);
                ColumnSpec c = cols.get(i);
                bad[i] =
                        c.type() == ColumnType.ENUM_LIST
                                ? (row[i].isEmpty() ? NOT_A_CAUSE : row[i] + ";" + NOT_A_CAUSE)
                                : invalidLabel.get(c.enumName());
            }
            case OUT_OF_RANGE -> outOfRange(bad, asOf, r);
            case BAD_ID_NUMBER -> {
                int i = Draw.oneOf(r, ids);
                char right = ResidentId.checkCharacter(row[i]);
                char wrong;
                do {
                    wrong = CHECK_CHARACTERS.charAt(r.nextInt(CHECK_CHARACTERS.length()));
                } while (wrong == right);
                bad[i] = row[i].substring(0, 17) + wrong;
            }
            case ID_MISMATCH -> {
                int i = Draw.oneOf(r, matching);
                ColumnSpec c = cols.get(i);
                if (c.type() == ColumnType.DATE) {
                    bad[i] =
                            ResidentId.birthDate(row[index.get(c.matchesId())])
                                    .minusDays(1)
                                    .toString();
                } else {
                    String current = vocab.code(c.enumName(), row[i]);
                    String other =
                            vocab.codes(c.enumName()).stream()
                                    .filter(x -> !x.equals(current))
                                    .findFirst()
                                    .orElseThrow();
                    bad[i] = vocab.label(c.enumName(), other);
                }
            }
            case UNKNOWN_REGION -> {
                int i = Draw.oneOf(r, regions);
                bad[i] = unknownRegion(cols.get(i).type(), row[i], r);
            }
            case FUTURE_DATE -> future(bad, asOf, r);
            case DUPLICATE_ROW -> {
                return new Injected(List.<String[]>of(row, row.clone()), code, 1);
            }
            case CONFLICTING_KEY -> {
                conflict(bad);
                return new Injected(List.<String[]>of(row, bad), code, 2);
            }
            default -> throw new IllegalArgumentException("no fault for " + code);
        }
        return new Injected(List.<String[]>of(bad), code, 1);
    }

    private void outOfRange(String[] bad, LocalDate asOf, SplittableRandom r) {
        List<Range> usable =
                ranges.stream().filter(x -> x.other < 0 || !bad[x.other].isEmpty()).toList();
        Range x = Draw.oneOf(r, usable);
        switch (x.kind) {
            case "int>asof" -> bad[x.column] = Integer.toString(asOf.getYear() + 1);
            case "int", "dec" -> bad[x.column] = x.value;
            case "below" ->
                    bad[x.column] =
                            cols.get(x.column).type() == ColumnType.DATE
                                    ? LocalDate.parse(bad[x.other].substring(0, 10))
                                            .minusDays(1)
                                            .toString()
                                    : Long.toString(Long.parseLong(bad[x.other]) - 1);
            case "above" -> bad[x.column] = Long.toString(Long.parseLong(bad[x.other]) + 1);
            case "sum" ->
                    bad[x.column] =
                            new BigDecimal(bad[x.other])
                                    .add(new BigDecimal("0.01"))
                                    .toPlainString();
            default -> throw new IllegalStateException(x.kind);
        }
    }

    /** A code of no Gansu division: another province's prefix, or a code of the wrong level. */
    private static String unknownRegion(ColumnType type, String code, SplittableRandom r) {
        if (type != ColumnType.REGION && r.nextBoolean()) {
            return switch (type) {
                case VILLAGE -> code.substring(0, 9);
                case TOWNSHIP -> code.substring(0, 6);
                default -> code.substring(0, 4);
            };
        }
        return "61" + code.substring(2);
    }

    private void future(String[] bad, LocalDate asOf, SplittableRandom r) {
        int i = Draw.oneOf(r, future);
        ColumnSpec c = cols.get(i);
        LocalDate day = asOf.plusDays(Draw.between(r, 1, 60));
        if (c.type() == ColumnType.TS) {
            bad[i] = Formats.timestamp((int) day.toEpochDay(), Draw.between(r, 0, 86_399));
            return;
        }
        bad[i] = day.toString();
        if (c.matchesId()
                != null) { // keep the ID in agreement, so the row is FUTURE_DATE and nothing else
            int idCol = index.get(c.matchesId());
            boolean male = true;
            for (int j : matching) {
                if (cols.get(j).type() == ColumnType.ENUM
                        && cols.get(j).matchesId().equals(c.matchesId())) {
                    male = Codes.MALE.equals(vocab.code(cols.get(j).enumName(), bad[j]));
                }
            }
            bad[idCol] =
                    IdAllocator.id(
                            bad[idCol].substring(0, 6),
                            (int) day.toEpochDay(),
                            male ? IdAllocator.FAULT_MALE : IdAllocator.FAULT_FEMALE);
        }
    }

    private void conflict(String[] bad) {
        int i = conflictColumn;
        ColumnSpec c = cols.get(i);
        String v = bad[i];
        switch (c.type()) {
            case BOOL -> bad[i] = Formats.TRUE.equals(v) ? Formats.FALSE : Formats.TRUE;
            case ENUM -> {
                List<String> codes = vocab.codes(c.enumName());
                String current = vocab.code(c.enumName(), v);
                bad[i] =
                        vocab.label(
                                c.enumName(),
                                codes.get((codes.indexOf(current) + 1) % codes.size()));
            }
            case DEC ->
                    bad[i] =
                            v.isEmpty()
                                    ? "1.00"
                                    : new BigDecimal(v).add(BigDecimal.ONE).toPlainString();
            case INT ->
                    bad[i] =
                            !v.isEmpty()
                                    ? Long.toString(Long.parseLong(v) + 1)
                                    : c.minColumn() != null ? bad[index.get(c.minColumn())] : "1";
            case DATE ->
                    bad[i] =
                            !v.isEmpty()
                                    ? LocalDate.parse(v).plusDays(1).toString()
                                    : c.minColumn() != null
                                            ? LocalDate.parse(bad[index.get(c.minColumn())])
                                                    .plusDays(400)
                                                    .toString()
                                            : "2000-01-01";
            default -> throw new IllegalStateException("cannot change " + c.name());
        }
    }
}
