package org.povlake.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.povlake.lake.DisplayWidth;

class QualityTextTest {
    private final String text = QualityText.render(Fixtures.report());
    private final List<String> lines = Arrays.asList(text.split("\n"));

    private List<String> section(String title) {
        int start = lines.indexOf(title);
        assertTrue(start >= 0, title + " in\n" + text);
        int end = start + 1;
        while (end < lines.size() && !lines.get(end).isEmpty()) {
            end++;
        }
        return lines.subList(start + 1, end);
    }

    /** The display column where a token ends on its line. */
    private static int endColumn(String line, String token) {
        int i = line.indexOf(token);
        assertTrue(i >= 0, token + " in " + line);
        return DisplayWidth.columns(line.substring(0, i + token.length()));
    }

    @Test
    void oneLinePerExtractForItsLatestDelivery() {
        List<String> rows = section("Latest delivery per extract");
        assertEquals(
                1 + 9, rows.size(), String.join("\n", rows)); // header + the fixture's 9 extracts
        String hh =
                rows.stream()
                        .filter(l -> l.contains("registry/households"))
                        .findFirst()
                        .orElseThrow();
        // the skipped (no-op) re-delivery does not hide the delivery it repeats
        assertTrue(
                hh.contains("loaded")
                        && hh.endsWith("MISSING_REQUIRED×10 BAD_ENUM×9 DUPLICATE_ROW×2"),
                hh);
        String members =
                rows.stream()
                        .filter(l -> l.contains("registry/members "))
                        .findFirst()
                        .orElseThrow();
        assertTrue(
                members.contains("4,000") && members.contains("3,988") && members.contains("12"),
                members);
        String shops =
                rows.stream().filter(l -> l.contains("ecommerce/shops")).findFirst().orElseThrow();
        assertTrue(shops.endsWith("BAD_RECORD×1"), shops);
        assertTrue(
                rows.stream()
                        .anyMatch(
                                l ->
                                        l.contains("registry/assistance")
                                                && l.endsWith("no delivery")));
        assertTrue(
                rows.stream()
                        .anyMatch(
                                l ->
                                        l.contains("health/insurance_enrollment")
                                                && l.endsWith("rejected: SNAPSHOT_SHRANK")));
        // right-aligned numbers: the "silver" column ends at the same column on every row
        int silverEnd = endColumn(rows.get(0), "silver");
        String claims =
                rows.stream()
                        .filter(l -> l.contains("health/inpatient_claims"))
                        .findFirst()
                        .orElseThrow();
        assertEquals(
                silverEnd,
                DisplayWidth.columns(claims),
                claims); // no top reasons: the line ends at silver
    }

    @Test
    void topThreeReasonsLargestFirst() {
        assertEquals(
                "MISSING_REQUIRED×10 BAD_ENUM×9 DUPLICATE_ROW×2",
                QualityText.topReasons(
                        Fixtures.ordered(
                                "MISSING_REQUIRED",
                                10,
                                "BAD_ENUM",
                                9,
                                "BAD_ENCODING",
                                1,
                                "DUPLICATE_ROW",
                                2)));
    }

    @Test
    void freshnessAlignedByDisplayWidthWithChineseNames() {
        List<String> rows = section("Freshness per agency");
        assertEquals(1 + 5, rows.size());
        int behindEnd = endColumn(rows.get(0), "days behind newest");
        for (String r : rows.subList(1, rows.size())) {
            assertTrue(r.contains("省"), r);
            int i = r.indexOf("省");
            // the agency (CJK, double width) comes last, so it never shifts the columns before it
            assertEquals(
                    behindEnd,
                    DisplayWidth.columns(r.substring(0, i).replace("STALE", "").stripTrailing()),
                    r);
        }
        assertTrue(
                rows.stream().anyMatch(r -> r.startsWith("  ecommerce") && r.contains("省商务厅")),
                "agency name from schemas/agencies.json when the report has none");
        assertTrue(
                rows.stream().anyMatch(r -> r.startsWith("  education") && r.contains(" STALE ")));
        assertFalse(rows.stream().anyMatch(r -> r.startsWith("  telecom") && r.contains("STALE")));
    }

    @Test
    void signalsOfEachSnapshot() {
        List<String> rows = section("Consistency of the households snapshots");
        assertEquals(3, rows.size());
        assertTrue(rows.get(2).startsWith("  2019-12-31"));
        assertEquals(endColumn(rows.get(0), "disagree"), endColumn(rows.get(2), "35"));
    }

    @Test
    void problemsWithTheirFileRuleCountAndExamples() {
        assertTrue(text.contains("Problems: 4 errors, 8 warnings, 3 info"), text);
        String missing =
                lines.stream()
                        .filter(l -> l.contains("MISSING_REQUIRED  "))
                        .findFirst()
                        .orElseThrow();
        assertTrue(missing.startsWith("  ERROR"), missing);
        assertTrue(missing.contains("registry/households_20191231.csv"), missing);
        assertTrue(
                missing.endsWith("record 3, record 17, record 20, record 21, record 40"), missing);
        assertTrue(text.contains("education (all extracts)"), text);
        assertFalse(text.contains("more in the HTML/JSON report"));
    }

    @Test
    void onlyTheTopTwentyProblems() {
        String many = QualityText.render(Fixtures.manyProblems(10)); // 15 + 10
        assertTrue(many.contains("Problems: 4 errors, 8 warnings, 13 info (top 20)"), many);
        assertTrue(many.endsWith("  … 5 more in the HTML/JSON report\n"), many);
        long problemRows = many.lines().filter(l -> l.matches("  (ERROR|WARNING|INFO) .*")).count();
        assertEquals(20, problemRows);
    }

    @Test
    void noTrailingSpaces() {
        lines.forEach(l -> assertEquals(l.stripTrailing(), l));
    }

    @Test
    void cjkCellsArePaddedByDisplayWidth() {
        String[] t =
                new TextTable("lrl")
                        .row("省扶贫办", "1", "x")
                        .row("telecom", "1,000", "y")
                        .render("")
                        .split("\n");
        assertEquals("省扶贫办      1  x", t[0]); // 4 characters, 8 cells: one more than "telecom"
        assertEquals("telecom   1,000  y", t[1]);
        assertEquals(DisplayWidth.columns(t[0]), DisplayWidth.columns(t[1]));
    }

    @Test
    void padsByDisplayWidth() {
        assertEquals("省厅  |", TextTable.padRight("省厅", 6) + "|");
        assertEquals("  省厅|", TextTable.padLeft("省厅", 6) + "|");
    }
}
