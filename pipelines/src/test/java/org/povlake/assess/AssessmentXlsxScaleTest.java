package org.povlake.assess;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.povlake.contract.Catalogue;

/**
 * The workbook at Gansu's scale (19,224 regions, ~17,700 villages): every village row is written
 * (streaming).
 */
class AssessmentXlsxScaleTest {
    @TempDir Path dir;

    @Test
    void aGansuSizedWorkbookHoldsEveryVillage() throws IOException {
        Catalogue cat = Catalogue.get();
        Random rnd = new Random(7);
        List<RegionResult> province = new ArrayList<>();
        List<RegionResult> cities = new ArrayList<>();
        List<RegionResult> counties = new ArrayList<>();
        List<RegionResult> townships = new ArrayList<>();
        List<RegionResult> villages = new ArrayList<>();
        province.add(
                AssessmentFixtures.region(cat, rnd, "62", "甘肃省", "province", null, false, null));
        for (int c = 1; c <= 14; c++) {
            String city = "62" + String.format("%02d", c);
            cities.add(AssessmentFixtures.region(cat, rnd, city, "市" + c, "city", "62", false, c));
            for (int k = 1; k <= (c <= 2 ? 7 : 6); k++) {
                String county = city + String.format("%02d", k);
                counties.add(
                        AssessmentFixtures.region(
                                cat,
                                rnd,
                                county,
                                "县" + k,
                                "county",
                                city,
                                false,
                                counties.size() + 1));
                for (int t = 1; t <= 16; t++) {
                    String township = county + String.format("%03d", 100 + t);
                    townships.add(
                            AssessmentFixtures.region(
                                    cat, rnd, township, "镇" + t, "township", county, false, null));
                    for (int v = 1; v <= 13; v++) {
                        villages.add(
                                AssessmentFixtures.region(
                                        cat,
                                        rnd,
                                        township + String.format("%03d", 200 + v),
                                        v + "村",
                                        "village",
                                        township,
                                        false,
                                        null));
                    }
                }
            }
        }
        List<RegionResult> all = new ArrayList<>(province);
        all.addAll(cities);
        all.addAll(counties);
        all.addAll(townships);
        all.addAll(villages);
        Assessment a =
                new Assessment(
                        2019,
                        "2026-11-29T08:00:00Z",
                        Map.of("gold.indicators", 7L),
                        "test",
                        cat.version(),
                        false,
                        List.copyOf(all));
        AssessmentReport report = new AssessmentReport(a, cat, List.of(), null, 0, null, null);

        Path file = dir.resolve("assessment_2019.xlsx");
        AssessmentXlsx.write(
                report, file); // how fast: bench/assess.sh (a timed unit test would prove nothing)

        String village = sheet(file, "xl/worksheets/sheet5.xml");
        int lastRow = AssessmentXlsx.FIRST_DATA_ROW + villages.size();
        assertTrue(village.contains("<dimension ref=\"A1:"), "no dimension");
        assertTrue(
                village.contains("<row r=\"" + lastRow + "\""),
                "the village sheet lacks row " + lastRow);
        assertTrue(village.contains(villages.get(villages.size() - 1).code()));
    }

    private static String sheet(Path xlsx, String entry) throws IOException {
        try (ZipInputStream z = new ZipInputStream(Files.newInputStream(xlsx))) {
            for (ZipEntry e; (e = z.getNextEntry()) != null; ) {
                if (e.getName().equals(entry)) {
                    return new String(z.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError(entry + " is not in " + xlsx);
    }
}
