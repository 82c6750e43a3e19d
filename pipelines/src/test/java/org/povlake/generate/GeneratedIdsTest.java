package org.povlake.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.povlake.contract.Contract;
import org.povlake.contract.ExtractSchema;
import org.povlake.ingest.ResidentId;

/**
 * Resident IDs: every one valid (GB 11643), of the household's county, agreeing with birth_date and
 * sex, one person per ID across the whole data set; helper cadres are not members; every key of
 * every file is unique (a collision would be a spurious DUPLICATE_ROW or CONFLICTING_KEY).
 */
class GeneratedIdsTest {
    static final int FIRST = 2016;
    static final int LAST = 2020;

    @TempDir static Path out;

    @BeforeAll
    static void generate() {
        Generated.generate(out, 3000, FIRST, LAST, 11, 0);
    }

    static List<String[]> rows(String source, String extract, int year) {
        return Generated.rows(
                out.resolve(
                        Generator.INBOX + "/" + source + "/" + extract + "_" + year + "1231.csv"));
    }

    static int col(String source, String extract, String column) {
        return Contract.get().extract(source, extract).orElseThrow().columnIndex().get(column);
    }

    @Test
    void memberIdsAreValidAgreeWithTheRowAndNameOnePerson() {
        int hh = col("registry", "members", "household_id");
        int id = col("registry", "members", "id_number");
        int sex = col("registry", "members", "sex");
        int birth = col("registry", "members", "birth_date");
        int name = col("registry", "members", "name");
        Map<String, String> person = new HashMap<>();
        for (int y = FIRST; y <= LAST; y++) {
            Set<String> inFile = new HashSet<>();
            for (String[] r : rows("registry", "members", y)) {
                String i = r[id];
                assertTrue(ResidentId.isValid(i), i);
                assertTrue(inFile.add(i), "one household per person in " + y + ": " + i);
                assertEquals(
                        r[hh].substring(0, 6),
                        i.substring(0, 6),
                        "area code = the household's county");
                assertEquals(LocalDate.parse(r[birth]), ResidentId.birthDate(i));
                assertEquals(r[sex].equals("男") ? "M" : "F", ResidentId.sexCode(i));
                assertTrue(
                        Integer.parseInt(i.substring(14, 17)) < IdAllocator.CADRE_FIRST,
                        "member sequence range");
                String who = r[hh] + "|" + r[birth] + "|" + r[sex] + "|" + r[name];
                String before = person.putIfAbsent(i, who);
                assertTrue(
                        before == null || before.equals(who),
                        "the same ID is the same person: " + before + " / " + who);
            }
        }
        assertTrue(person.size() > 10_000, "members: " + person.size());

        // heads are members of their household; helper cadres have valid IDs of the county and are
        // not members
        int head = col("registry", "households", "head_id_number");
        int hid = col("registry", "households", "household_id");
        int helper = col("registry", "households", "helper_cadre_id");
        int status = col("registry", "households", "status");
        Set<String> helpers = new HashSet<>();
        for (int y = FIRST; y <= LAST; y++) {
            for (String[] r : rows("registry", "households", y)) {
                if (!r[status].equals("自然减少")) { // a dissolved household lists no members
                    assertTrue(
                            person.containsKey(r[head])
                                    && person.get(r[head]).startsWith(r[hid] + "|"),
                            r[head]);
                }
                if (!r[helper].isEmpty()) {
                    assertTrue(ResidentId.isValid(r[helper]), r[helper]);
                    assertEquals(r[hid].substring(0, 6), r[helper].substring(0, 6));
                    assertFalse(person.containsKey(r[helper]), "a helper cadre is not a member");
                    helpers.add(r[helper]);
                }
            }
        }
        assertTrue(helpers.size() > 100, "helpers: " + helpers.size());

        // every id_number elsewhere is a member's
        String[][] others = {
            {"health", "insurance_enrollment"},
            {"health", "inpatient_claims"},
            {"education", "enrollment"},
            {"education", "training"}
        };
        for (String[] o : others) {
            int c = col(o[0], o[1], "id_number");
            for (int y = FIRST; y <= LAST; y++) {
                for (String[] r : rows(o[0], o[1], y)) {
                    assertTrue(person.containsKey(r[c]), o[1] + " " + y + ": an ID of no member");
                }
            }
        }
    }

    @Test
    void everyPrimaryKeyIsUniqueInItsFileAndEventKeysAcrossYears() {
        for (ExtractSchema s : Contract.get().extracts().values()) {
            Map<String, Integer> index = s.columnIndex();
            int[] key = s.primaryKey().stream().mapToInt(index::get).toArray();
            Set<String> acrossYears = new HashSet<>();
            for (int y = FIRST; y <= LAST; y++) {
                Set<String> seen = new HashSet<>();
                for (String[] r : rows(s.source(), s.extract(), y)) {
                    StringBuilder k = new StringBuilder();
                    for (int i : key) {
                        k.append(r[i]).append('|');
                    }
                    assertTrue(seen.add(k.toString()), s.name() + " " + y + " key " + k);
                    if (!s.isSnapshot()) {
                        assertTrue(
                                acrossYears.add(k.toString()), s.name() + " event key reused " + k);
                    }
                }
            }
        }
    }
}
