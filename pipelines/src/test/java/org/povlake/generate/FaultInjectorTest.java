package org.povlake.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.povlake.contract.Contract;
import org.povlake.contract.ExtractSchema;
import org.povlake.contract.ReasonCode;
import org.povlake.ingest.RawRecord;
import org.povlake.ingest.RecordValidator;

/**
 * Without Spark: every generated row passes every row rule of the ingest's validator, and every
 * fault the injector can make, on every extract, gives exactly its one reason code (or, for
 * DUPLICATE_ROW and CONFLICTING_KEY, two valid rows that are an exact copy / share the key and
 * differ).
 */
class FaultInjectorTest {
    static final Contract C = Contract.get();
    static final int YEAR = 2019;
    static final LocalDate AS_OF = LocalDate.of(YEAR, 12, 31);

    @TempDir static Path tmp;

    @BeforeAll
    static void generate() {
        Generated.generate(tmp, 400, YEAR, YEAR, 7, 0);
    }

    static EnumSet<ReasonCode> reasons(RecordValidator v, String[] row) {
        return v.validate(new RawRecord(1, String.join(",", row), row, null, Map.of(), null), AS_OF)
                .reasons();
    }

    @Test
    void everyGeneratedRowPassesEveryRowRule() {
        Extracts extracts = new Extracts(C);
        for (Extract e : extracts.all()) {
            RecordValidator v = new RecordValidator(e.schema, C);
            Path file = tmp.resolve(Generator.INBOX).resolve(e.fileName(YEAR));
            assertEquals(e.header, Generated.header(file), file.toString());
            List<String[]> rows = Generated.rows(file);
            assertFalse(rows.isEmpty(), file + " has rows");
            for (String[] row : rows) {
                assertEquals(
                        EnumSet.noneOf(ReasonCode.class),
                        reasons(v, row),
                        file + ": " + String.join(",", row));
            }
        }
    }

    @Test
    void everyFaultGivesExactlyItsCode() {
        Extracts extracts = new Extracts(C);
        Vocabulary vocab = new Vocabulary(C);
        EnumSet<ReasonCode> covered = EnumSet.noneOf(ReasonCode.class);
        for (Extract e : extracts.all()) {
            ExtractSchema s = e.schema;
            RecordValidator v = new RecordValidator(s, C);
            FaultInjector faults = new FaultInjector(s, vocab, C);
            List<String[]> rows =
                    Generated.rows(tmp.resolve(Generator.INBOX).resolve(e.fileName(YEAR)));
            rows = rows.subList(0, Math.min(60, rows.size()));
            SplittableRandom r = new SplittableRandom(42);
            for (ReasonCode code : faults.applicable()) {
                covered.add(code);
                for (String[] row : rows) {
                    for (int k = 0; k < 3; k++) {
                        FaultInjector.Injected f = faults.inject(row, AS_OF, r.split(), code);
                        String where = s.name() + " " + code + " on " + String.join(",", row);
                        assertEquals(code, f.code(), where);
                        if (code == ReasonCode.DUPLICATE_ROW
                                || code == ReasonCode.CONFLICTING_KEY) {
                            assertEquals(2, f.rows().size(), where);
                            String[] a = f.rows().get(0);
                            String[] b = f.rows().get(1);
                            assertTrue(
                                    reasons(v, a).isEmpty() && reasons(v, b).isEmpty(),
                                    where + " both rows valid");
                            if (code == ReasonCode.DUPLICATE_ROW) {
                                assertArrayEquals(a, b, where);
                                assertEquals(1, f.quarantined());
                            } else {
                                assertFalse(Arrays.equals(a, b), where);
                                for (String k2 : s.primaryKey()) {
                                    int i = s.columnIndex().get(k2);
                                    assertEquals(a[i], b[i], where + " same key");
                                }
                                assertEquals(2, f.quarantined());
                            }
                        } else {
                            assertEquals(1, f.rows().size(), where);
                            assertEquals(
                                    EnumSet.of(code),
                                    reasons(v, f.rows().get(0)),
                                    where + " → " + String.join(",", f.rows().get(0)));
                        }
                    }
                }
            }
        }
        assertEquals(
                EnumSet.range(ReasonCode.MISSING_REQUIRED, ReasonCode.CONFLICTING_KEY), covered);
    }
}
