package org.povlake.assess;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.ConditionalFormatting;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.SheetConditionalFormatting;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.povlake.contract.Catalogue;

class AssessmentXlsxTest {
    @TempDir Path dir;

    private XSSFWorkbook writeAndOpen(AssessmentReport report, String name) throws IOException {
        Path file = dir.resolve(name);
        AssessmentXlsx.write(report, file);
        assertTrue(Files.isRegularFile(file));
        try (InputStream in = Files.newInputStream(file)) {
            return new XSSFWorkbook(in);
        }
    }

    private static List<String> sheetNames(XSSFWorkbook wb) {
        List<String> names = new ArrayList<>();
        wb.forEach(s -> names.add(s.getSheetName()));
        return names;
    }

    /** Column index of each header id (row 0) of a level sheet. */
    private static Map<String, Integer> columns(XSSFSheet sh) {
        Map<String, Integer> cols = new HashMap<>();
        for (Cell c : sh.getRow(AssessmentXlsx.ID_ROW)) {
            cols.put(c.getStringCellValue(), c.getColumnIndex());
        }
        return cols;
    }

    private static Row rowOf(XSSFSheet sh, String code) {
        for (int r = AssessmentXlsx.FIRST_DATA_ROW; r <= sh.getLastRowNum(); r++) {
            Row row = sh.getRow(r);
            if (row != null
                    && row.getCell(0) != null
                    && row.getCell(0).getCellType() == CellType.STRING
                    && code.equals(row.getCell(0).getStringCellValue())) {
                return row;
            }
        }
        throw new AssertionError("no row for region " + code + " on " + sh.getSheetName());
    }

    @Test
    void sheetsPerLevelAndVillageOnlyWhenUnpublished() throws IOException {
        try (XSSFWorkbook wb = writeAndOpen(AssessmentFixtures.report(false), "internal.xlsx")) {
            assertEquals(
                    List.of(
                            "省 province",
                            "市 city",
                            "县 county",
                            "乡镇 township",
                            "村 village",
                            "说明 methods"),
                    sheetNames(wb));
        }
        try (XSSFWorkbook wb = writeAndOpen(AssessmentFixtures.report(true), "published.xlsx")) {
            assertEquals(
                    List.of("省 province", "市 city", "县 county", "乡镇 township", "说明 methods"),
                    sheetNames(wb));
        }
    }

    @Test
    void headerRowsTargetsRowAndFrozenPanes() throws IOException {
        AssessmentReport report = AssessmentFixtures.report(false);
        Catalogue cat = report.catalogue();
        try (XSSFWorkbook wb = writeAndOpen(report, "a.xlsx")) {
            for (String level : Assessment.LEVELS_TOP_DOWN) {
                XSSFSheet sh = wb.getSheet(AssessmentXlsx.LEVEL_SHEETS.get(level));
                Row ids = sh.getRow(AssessmentXlsx.ID_ROW);
                Row zh = sh.getRow(AssessmentXlsx.ZH_ROW);
                List<String> expectedIds =
                        new ArrayList<>(
                                List.of("code", "name", "parent", "composite", "grade", "rank"));
                cat.pillars().forEach(p -> expectedIds.add(p.id() + " score"));
                List<Catalogue.Indicator> here =
                        cat.indicators().stream().filter(i -> i.existsAt(level)).toList();
                here.forEach(i -> expectedIds.add(i.id()));
                List<String> actualIds = new ArrayList<>();
                ids.forEach(c -> actualIds.add(c.getStringCellValue()));
                assertEquals(expectedIds, actualIds, level);
                assertEquals("代码", zh.getCell(0).getStringCellValue());
                assertEquals("综合得分", zh.getCell(3).getStringCellValue());
                assertEquals(
                        "网络覆盖工程 得分", zh.getCell(AssessmentXlsx.FIXED_COLUMNS).getStringCellValue());

                Map<String, Integer> cols = columns(sh);
                Row targets = sh.getRow(AssessmentXlsx.TARGET_ROW);
                assertEquals("目标 target", targets.getCell(0).getStringCellValue());
                for (Catalogue.Indicator i : here) {
                    Cell t = targets.getCell(cols.get(i.id()));
                    assertEquals(i.nameZh(), zh.getCell(cols.get(i.id())).getStringCellValue());
                    if (i.scored()) {
                        assertEquals(CellType.NUMERIC, t.getCellType(), i.id());
                        assertEquals(
                                i.target().doubleValue(), t.getNumericCellValue(), 1e-12, i.id());
                        assertTrue(
                                t.getCellStyle()
                                        .getDataFormatString()
                                        .startsWith(
                                                "\""
                                                        + AssessmentXlsx.symbol(i.direction())
                                                        + " \""),
                                i.id());
                    } else {
                        assertEquals(AssessmentXlsx.UNSCORED, t.getStringCellValue(), i.id());
                    }
                }

                PaneInformation pane = sh.getPaneInformation();
                assertNotNull(pane, level);
                assertTrue(pane.isFreezePane(), level);
                assertEquals(2, pane.getVerticalSplitPosition(), level);
                assertEquals(
                        AssessmentXlsx.FIRST_DATA_ROW, pane.getHorizontalSplitPosition(), level);
                assertTrue(sh.getCTWorksheet().isSetAutoFilter(), level);
                assertTrue(sh.getCTWorksheet().getAutoFilter().getRef().startsWith("A3:"), level);
            }
            // what "≥ 98%" looks like: NET_VILLAGE_BROADBAND's target
            XSSFSheet province = wb.getSheet("省 province");
            Cell t =
                    province.getRow(AssessmentXlsx.TARGET_ROW)
                            .getCell(columns(province).get("NET_VILLAGE_BROADBAND"));
            assertEquals("\"≥ \"0%", t.getCellStyle().getDataFormatString());
            Cell dropout =
                    province.getRow(AssessmentXlsx.TARGET_ROW)
                            .getCell(columns(province).get("EDU_COMPULSORY_DROPOUT"));
            assertEquals("\"≤ \"0%", dropout.getCellStyle().getDataFormatString());
        }
    }

    @Test
    void rowsInTheAssessmentsOrderWithValuesAndComposite() throws IOException {
        AssessmentReport report = AssessmentFixtures.report(false);
        try (XSSFWorkbook wb = writeAndOpen(report, "a.xlsx")) {
            for (String level : Assessment.LEVELS_TOP_DOWN) {
                XSSFSheet sh = wb.getSheet(AssessmentXlsx.LEVEL_SHEETS.get(level));
                List<String> codes = new ArrayList<>();
                for (int r = AssessmentXlsx.FIRST_DATA_ROW; r <= sh.getLastRowNum(); r++) {
                    codes.add(sh.getRow(r).getCell(0).getStringCellValue());
                }
                assertEquals(
                        report.assessment().atLevel(level).map(RegionResult::code).toList(),
                        codes,
                        level);
            }
            String[][] probes = {
                {"62", "NET_VILLAGE_BROADBAND"},
                {"6201", "EDU_COMPULSORY_DROPOUT"},
                {"620102", "TARGET_RETURN_TO_POVERTY"},
                {"620301100", "NET_TOWNSHIP_CATV"},
                {"620201100202", "HEALTH_ONE_STOP"},
                {"6202", "ECOM_COUNTY_CENTER"},
                {"62", "MPI_M0"}
            };
            for (String[] p : probes) {
                RegionResult region =
                        report.assessment().regions().stream()
                                .filter(x -> x.code().equals(p[0]))
                                .findFirst()
                                .orElseThrow();
                XSSFSheet sh = wb.getSheet(AssessmentXlsx.LEVEL_SHEETS.get(region.level()));
                Row row = rowOf(sh, p[0]);
                Map<String, Integer> cols = columns(sh);
                Cell v = row.getCell(cols.get(p[1]));
                assertEquals(CellType.NUMERIC, v.getCellType(), p[0] + " " + p[1]);
                assertEquals(
                        region.indicator(p[1]).value().doubleValue(),
                        v.getNumericCellValue(),
                        1e-9,
                        p[0] + " " + p[1]);
                assertEquals(AssessmentXlsx.VALUE_FORMAT, v.getCellStyle().getDataFormatString());

                Cell composite = row.getCell(cols.get("composite"));
                assertEquals(
                        region.composite().doubleValue(),
                        composite.getNumericCellValue(),
                        1e-9,
                        p[0]);
                assertEquals(
                        AssessmentXlsx.COMPOSITE_FORMAT,
                        composite.getCellStyle().getDataFormatString());
                assertEquals(region.name(), row.getCell(cols.get("name")).getStringCellValue());
                assertEquals(region.grade(), row.getCell(cols.get("grade")).getStringCellValue());
                Cell net = row.getCell(cols.get("NET score"));
                assertEquals(
                        region.pillars().get("NET").doubleValue(),
                        net.getNumericCellValue(),
                        1e-9,
                        p[0]);
                Cell rank = row.getCell(cols.get("rank"));
                if (region.rank() == null) {
                    assertTrue(rank == null || rank.getCellType() == CellType.BLANK, p[0]);
                } else {
                    assertEquals(region.rank().doubleValue(), rank.getNumericCellValue(), 0, p[0]);
                    assertEquals("0", rank.getCellStyle().getDataFormatString());
                }
            }
            // the parent column, and the province has none
            XSSFSheet county = wb.getSheet("县 county");
            assertEquals(
                    "6201",
                    rowOf(county, "620102")
                            .getCell(columns(county).get("parent"))
                            .getStringCellValue());
            Cell provinceParent = rowOf(wb.getSheet("省 province"), "62").getCell(2);
            assertTrue(provinceParent == null || provinceParent.getCellType() == CellType.BLANK);
        }
    }

    @Test
    void missingNullAndStaleCells() throws IOException {
        AssessmentReport report = AssessmentFixtures.report(false);
        try (XSSFWorkbook wb = writeAndOpen(report, "a.xlsx")) {
            XSSFSheet city = wb.getSheet("市 city");
            Map<String, Integer> cols = columns(city);
            assertEquals(
                    AssessmentXlsx.MISSING,
                    rowOf(city, "6201")
                            .getCell(cols.get("ECOM_TRADE_GROWTH"))
                            .getStringCellValue());
            XSSFSheet village = wb.getSheet("村 village");
            assertEquals(
                    AssessmentXlsx.MISSING,
                    rowOf(village, "620101100201")
                            .getCell(columns(village).get("ECOM_TRADE_GROWTH"))
                            .getStringCellValue());
            // denominator 0: no value, an empty cell
            Cell zero = rowOf(city, "6203").getCell(cols.get("NET_POOR_VILLAGE_BROADBAND"));
            assertTrue(zero == null || zero.getCellType() == CellType.BLANK);
            // stale: the value all the same, italic grey
            Cell stale = rowOf(city, "6202").getCell(cols.get("HEALTH_BASIC_INSURANCE"));
            assertEquals(
                    report.assessment().regions().stream()
                            .filter(r -> r.code().equals("6202"))
                            .findFirst()
                            .orElseThrow()
                            .indicator("HEALTH_BASIC_INSURANCE")
                            .value()
                            .doubleValue(),
                    stale.getNumericCellValue(),
                    1e-9);
            assertTrue(wb.getFontAt(stale.getCellStyle().getFontIndex()).getItalic());
            Cell fresh = rowOf(city, "6202").getCell(cols.get("NET_VILLAGE_BROADBAND"));
            assertFalse(wb.getFontAt(fresh.getCellStyle().getFontIndex()).getItalic());
            // no footnote in an internal workbook: the last row is the last region
            XSSFSheet county = wb.getSheet("县 county");
            assertEquals(
                    AssessmentXlsx.FIRST_DATA_ROW
                            + report.assessment().atLevel("county").count()
                            - 1,
                    county.getLastRowNum());
        }
    }

    @Test
    void publishedWorkbookShowsSuppressedCellsAndTheFootnote() throws IOException {
        AssessmentReport report = AssessmentFixtures.report(true);
        try (XSSFWorkbook wb = writeAndOpen(report, "published.xlsx")) {
            XSSFSheet county = wb.getSheet("县 county");
            Map<String, Integer> cols = columns(county);
            for (String code : List.of("620101", "620102")) {
                assertEquals(
                        AssessmentXlsx.SUPPRESSED,
                        rowOf(county, code)
                                .getCell(cols.get("TARGET_RETURN_TO_POVERTY"))
                                .getStringCellValue());
            }
            assertEquals(
                    CellType.NUMERIC,
                    rowOf(county, "620201")
                            .getCell(cols.get("TARGET_RETURN_TO_POVERTY"))
                            .getCellType());
            List<String> below =
                    texts(county, AssessmentXlsx.FIRST_DATA_ROW + 6, county.getLastRowNum());
            assertTrue(below.contains(report.footnoteZh()), below.toString());
            assertTrue(below.contains(report.footnoteEn()), below.toString());
            // sheets without a suppressed cell carry no footnote
            assertFalse(
                    texts(wb.getSheet("市 city"), 0, wb.getSheet("市 city").getLastRowNum())
                            .contains(report.footnoteZh()));

            List<String> methods =
                    texts(
                            wb.getSheet(AssessmentXlsx.METHODS_SHEET),
                            0,
                            wb.getSheet(AssessmentXlsx.METHODS_SHEET).getLastRowNum());
            assertTrue(methods.contains(report.footnoteZh()));
            assertTrue(methods.contains(report.footnoteEn()));
            assertTrue(methods.stream().anyMatch(t -> t.startsWith("是 yes")), methods.toString());
        }
    }

    @Test
    void conditionalFormattingOnEveryScoredIndicatorColumn() throws IOException {
        AssessmentReport report = AssessmentFixtures.report(false);
        Catalogue cat = report.catalogue();
        try (XSSFWorkbook wb = writeAndOpen(report, "a.xlsx")) {
            for (String level : Assessment.LEVELS_TOP_DOWN) {
                XSSFSheet sh = wb.getSheet(AssessmentXlsx.LEVEL_SHEETS.get(level));
                Map<String, Integer> cols = columns(sh);
                List<Catalogue.Indicator> scored =
                        cat.indicators().stream()
                                .filter(i -> i.existsAt(level) && i.scored())
                                .toList();
                SheetConditionalFormatting scf = sh.getSheetConditionalFormatting();
                assertEquals(scored.size(), scf.getNumConditionalFormattings(), level);
                int last = sh.getLastRowNum();
                Set<Integer> covered = new HashSet<>();
                for (int k = 0; k < scf.getNumConditionalFormattings(); k++) {
                    ConditionalFormatting cf = scf.getConditionalFormattingAt(k);
                    assertEquals(2, cf.getNumberOfRules(), level);
                    assertEquals(1, cf.getFormattingRanges().length);
                    var range = cf.getFormattingRanges()[0];
                    assertEquals(range.getFirstColumn(), range.getLastColumn());
                    assertEquals(AssessmentXlsx.FIRST_DATA_ROW, range.getFirstRow());
                    assertEquals(last, range.getLastRow());
                    covered.add(range.getFirstColumn());
                    Catalogue.Indicator ind =
                            cat.require(
                                    sh.getRow(0)
                                            .getCell(range.getFirstColumn())
                                            .getStringCellValue());
                    String col =
                            org.apache.poi.ss.util.CellReference.convertNumToColString(
                                    range.getFirstColumn());
                    String met = cf.getRule(0).getFormula1();
                    String notMet = cf.getRule(1).getFormula1();
                    String op = "<=".equals(ind.direction()) ? "<=" : ">=";
                    String opNot = "<=".equals(ind.direction()) ? ">" : "<";
                    assertTrue(met.contains(col + "4" + op + col + "$3"), met);
                    assertTrue(notMet.contains(col + "4" + opNot + col + "$3"), notMet);
                    assertTrue(met.contains("ISNUMBER(" + col + "4)"), met);
                    assertNotNull(cf.getRule(0).getPatternFormatting());
                    assertNotNull(cf.getRule(1).getPatternFormatting());
                }
                Set<Integer> expected = new HashSet<>();
                scored.forEach(i -> expected.add(cols.get(i.id())));
                assertEquals(expected, covered, level);
            }
        }
    }

    @Test
    void methodsSheetListsTheWholeCatalogue() throws IOException {
        AssessmentReport report = AssessmentFixtures.report(false);
        Catalogue cat = report.catalogue();
        try (XSSFWorkbook wb = writeAndOpen(report, "a.xlsx")) {
            XSSFSheet m = wb.getSheet(AssessmentXlsx.METHODS_SHEET);
            List<String> texts = texts(m, 0, m.getLastRowNum());
            for (Catalogue.Indicator i : cat.indicators()) {
                assertTrue(texts.contains(i.id()), i.id());
                assertTrue(texts.contains(i.nameZh()), i.nameZh());
            }
            for (Catalogue.Pillar p : cat.pillars()) {
                assertTrue(texts.contains(p.nameZh()), p.nameZh());
            }
            for (Catalogue.Grade g : cat.grades()) {
                assertTrue(texts.contains(g.grade()), g.grade());
            }
            Assessment a = report.assessment();
            for (String s :
                    List.of(
                            a.generatedAt(),
                            a.codeVersion(),
                            a.catalogueVersion(),
                            "gold.indicators",
                            "ops.ingest_log",
                            "≥ 90",
                            "< 60")) {
                assertTrue(texts.contains(s), s);
            }
            assertTrue(texts.stream().anyMatch(t -> t.startsWith("否 no")));
            assertFalse(texts.contains(AssessmentFixtures.report(true).footnoteZh()));
            // the Delta version is a number beside its table
            for (Row row : m) {
                Cell c = row.getCell(0);
                if (c != null
                        && c.getCellType() == CellType.STRING
                        && c.getStringCellValue().equals("ops.ingest_log")) {
                    assertEquals(12, row.getCell(1).getNumericCellValue(), 0);
                }
                if (c != null
                        && c.getCellType() == CellType.STRING
                        && c.getStringCellValue().equals("评估年度 assessment year")) {
                    assertEquals(2019, row.getCell(1).getNumericCellValue(), 0);
                }
            }
        }
    }

    @Test
    void writtenAtomicallyAndDeterministically() throws IOException {
        AssessmentReport report = AssessmentFixtures.report(false);
        Path out = dir.resolve("out");
        Path first = out.resolve("assessment_2019.xlsx");
        AssessmentXlsx.write(report, first);
        Map<String, byte[]> a = entries(first);
        AssessmentXlsx.write(report, first); // over the existing file
        Map<String, byte[]> b = entries(first);
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(
                    List.of("assessment_2019.xlsx"),
                    files.map(p -> p.getFileName().toString()).toList());
        }
        assertEquals(a.keySet(), b.keySet());
        for (String name : a.keySet()) {
            assertArrayEquals(a.get(name), b.get(name), name);
        }
        assertTrue(a.containsKey("xl/worksheets/sheet1.xml"));
    }

    @Test
    void theWorkbookGetsTheFolderDefaultPermissionsNotATempFilesPrivateOnes() throws IOException {
        Path file = dir.resolve("assessment_2019.xlsx");
        AssessmentXlsx.write(AssessmentFixtures.report(true), file);
        Path reference = Files.writeString(dir.resolve("reference.txt"), "x");
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            assertEquals(
                    Files.getPosixFilePermissions(reference), Files.getPosixFilePermissions(file));
        }
    }

    @Test
    void aFailedWriteLeavesNoTempFileAndKeepsTheOldWorkbook() throws IOException {
        Path file = dir.resolve("assessment_2019.xlsx");
        AssessmentXlsx.write(AssessmentFixtures.report(true), file);
        byte[] before = Files.readAllBytes(file);
        AssessmentReport broken = new AssessmentReport(null, null, null, null, 0, null, null);
        try {
            AssessmentXlsx.write(broken, file);
            throw new AssertionError("a report without an assessment was written");
        } catch (NullPointerException expected) {
            // the renderer failed half-way
        }
        assertArrayEquals(before, Files.readAllBytes(file));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(
                    List.of("assessment_2019.xlsx"),
                    files.map(p -> p.getFileName().toString()).toList());
        }
    }

    private static List<String> texts(XSSFSheet sh, int from, int to) {
        List<String> out = new ArrayList<>();
        for (int r = from; r <= to; r++) {
            Row row = sh.getRow(r);
            if (row == null) {
                continue;
            }
            for (Cell c : row) {
                if (c.getCellType() == CellType.STRING) {
                    out.add(c.getStringCellValue());
                }
            }
        }
        return out;
    }

    private static Map<String, byte[]> entries(Path xlsx) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (ZipInputStream z = new ZipInputStream(Files.newInputStream(xlsx))) {
            for (ZipEntry e; (e = z.getNextEntry()) != null; ) {
                out.put(e.getName(), z.readAllBytes());
            }
        }
        return out;
    }
}
