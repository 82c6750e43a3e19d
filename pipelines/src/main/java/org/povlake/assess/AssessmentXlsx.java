package org.povlake.assess;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ConditionalFormattingRule;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IgnoredErrorType;
import org.apache.poi.ss.usermodel.PatternFormatting;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.SheetConditionalFormatting;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.povlake.contract.Catalogue;
import org.povlake.lake.DisplayWidth;
import org.povlake.lake.OutputFiles;

/**
 * The assessment workbook ({@code assessment_<Y>.xlsx}) that an evaluation office opens: one sheet
 * per level present in the assessment ("省 province" … "村 village"; a published assessment has no
 * village rows, so no village sheet), then "说明 methods".
 *
 * <p>A level sheet has three header rows — ids (or English), 中文 names, and the targets row — frozen
 * with the code and name columns, an autofilter whose buttons sit on the targets row, then one row
 * per region in the assessment's order: code, name, parent, composite, grade, rank, one score per
 * pillar, one value per indicator existing at the level (catalogue order).
 *
 * <p>Numbers: every rate, indicator value and pillar score is the exact printed (6-decimal) value
 * as a number, shown as {@code 0.0000%} (so all six decimals are visible: 0.978049 → 97.8049%); the
 * composite as {@code 0.0000}; rank and Delta versions as integers. A target is a number too, shown
 * as {@code "≥ "0%}: the met / not-met colouring is conditional formatting against the targets row
 * ({@code AND(ISNUMBER(v), ISNUMBER(t), v >= t)}, ≤ for lower-is- better), so an office that edits
 * a target sees the colours follow. Null value → empty cell; suppressed (published) → "—" and the
 * report's footnote under the sheet; missing input → "缺 missing"; stale → italic grey.
 *
 * <p>Written with SXSSF (streaming; the village sheet has ~17,700 rows) into a temp file beside the
 * target, then moved into place atomically: a reader never sees half a workbook. The content
 * depends only on the report (the document's creation date is the assessment's generated_at).
 */
public final class AssessmentXlsx implements ReportFormat {
    public static final ReportFormat FORMAT = new AssessmentXlsx();

    private AssessmentXlsx() {}

    @Override
    public String fileName(int year) {
        return "assessment_" + year + ".xlsx";
    }

    @Override
    public boolean needsReport() {
        return true;
    }

    @Override
    public void write(Inputs in, OutputStream out) throws IOException {
        render(in.report(), out);
    }

    /** Sheet name of each level: 中文 + English. */
    public static final Map<String, String> LEVEL_SHEETS =
            Map.of(
                    "province",
                    "省 province",
                    "city",
                    "市 city",
                    "county",
                    "县 county",
                    "township",
                    "乡镇 township",
                    "village",
                    "村 village");

    public static final String METHODS_SHEET = "说明 methods";

    /** Header rows of a level sheet: ids, 中文 names, targets; data starts below. */
    public static final int ID_ROW = 0;

    public static final int ZH_ROW = 1;
    public static final int TARGET_ROW = 2;
    public static final int FIRST_DATA_ROW = 3;

    /** code, name, parent, composite, grade, rank; the pillars follow, then the indicators. */
    public static final int FIXED_COLUMNS = 6;

    public static final String SUPPRESSED = "—";
    public static final String MISSING = "缺 missing";
    public static final String UNSCORED = "不计分 unscored";
    public static final String VALUE_FORMAT = "0.0000%";
    public static final String COMPOSITE_FORMAT = "0.0000";

    static final byte[] MET_FILL = {(byte) 0xC6, (byte) 0xEF, (byte) 0xCE};
    static final byte[] NOT_MET_FILL = {(byte) 0xFF, (byte) 0xC7, (byte) 0xCE};
    private static final byte[] HEADER_FILL = {(byte) 0xD9, (byte) 0xE1, (byte) 0xF2};
    private static final byte[] TARGET_FILL = {(byte) 0xFF, (byte) 0xF2, (byte) 0xCC};
    private static final byte[] STALE_GREY = {(byte) 0x80, (byte) 0x80, (byte) 0x80};

    /**
     * Writes the workbook to {@code file} (its folder created if needed), atomically ({@link
     * OutputFiles}).
     */
    public static void write(AssessmentReport report, Path file) {
        try {
            OutputFiles.write(file, out -> render(report, out));
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot write the assessment workbook " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes the workbook to {@code out} (not closed). */
    static void render(AssessmentReport report, OutputStream out) throws IOException {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
            // POI's default (Zip64 fields on every entry, for workbooks past 4 GB) makes a zip that
            // some readers
            // refuse (java.util.zip.ZipInputStream, and tools built on it); ours is a few MB
            wb.setZip64Mode(Zip64Mode.AsNeeded);
            Styles st = new Styles(wb);
            Assessment a = report.assessment();
            for (String level : Assessment.LEVELS_TOP_DOWN) {
                List<RegionResult> rows = a.atLevel(level).toList();
                if (!rows.isEmpty()) {
                    levelSheet(wb, st, report, level, rows);
                }
            }
            methodsSheet(wb, st, report);
            wb.setActiveSheet(0);
            properties(wb, report);
            wb.write(out);
        }
    }

    // ---------------------------------------------------------------------------------------------- level sheets

    private static void levelSheet(
            SXSSFWorkbook wb,
            Styles st,
            AssessmentReport report,
            String level,
            List<RegionResult> regions) {
        Catalogue cat = report.catalogue();
        SXSSFSheet sh = wb.createSheet(LEVEL_SHEETS.get(level));
        List<Catalogue.Pillar> pillars = cat.pillars();
        List<Catalogue.Indicator> indicators =
                cat.indicators().stream().filter(i -> i.existsAt(level)).toList();
        int firstIndicator = FIXED_COLUMNS + pillars.size();
        int lastCol = firstIndicator + indicators.size() - 1;
        Map<String, Integer> column = new HashMap<>();
        for (int k = 0; k < indicators.size(); k++) {
            column.put(indicators.get(k).id(), firstIndicator + k);
        }

        // widths (1/256 of a character; a Chinese character is about two)
        sh.setColumnWidth(0, 15 * 256);
        sh.setColumnWidth(1, 16 * 256);
        sh.setColumnWidth(2, 13 * 256);
        sh.setColumnWidth(3, 11 * 256);
        sh.setColumnWidth(4, 8 * 256);
        sh.setColumnWidth(5, 7 * 256);
        for (int c = FIXED_COLUMNS; c <= lastCol; c++) {
            sh.setColumnWidth(c, 17 * 256);
        }

        Row ids = sh.createRow(ID_ROW);
        Row zh = sh.createRow(ZH_ROW);
        Row targets = sh.createRow(TARGET_ROW);
        ids.setHeightInPoints(40);
        zh.setHeightInPoints(45);
        targets.setHeightInPoints(30);
        String[][] fixed = {
            {"code", "代码"},
            {"name", "名称"},
            {"parent", "上级"},
            {"composite", "综合得分"},
            {"grade", "等级"},
            {"rank", "排名"}
        };
        for (int c = 0; c < FIXED_COLUMNS; c++) {
            text(ids, c, fixed[c][0], st.headerId);
            text(zh, c, fixed[c][1], st.headerZh);
            text(targets, c, c == 0 ? "目标 target" : null, st.targetLabel);
        }
        for (int k = 0; k < pillars.size(); k++) {
            Catalogue.Pillar p = pillars.get(k);
            text(ids, FIXED_COLUMNS + k, p.id() + " score", st.headerId);
            text(zh, FIXED_COLUMNS + k, p.nameZh() + " 得分", st.headerZh);
            text(targets, FIXED_COLUMNS + k, null, st.targetLabel);
        }
        for (int k = 0; k < indicators.size(); k++) {
            Catalogue.Indicator i = indicators.get(k);
            int c = firstIndicator + k;
            text(ids, c, i.id(), st.headerId);
            text(zh, c, i.nameZh(), st.headerZh);
            if (i.scored()) {
                Cell t = targets.createCell(c);
                t.setCellValue(i.target().doubleValue());
                t.setCellStyle(st.target(i.direction(), i.target()));
            } else {
                text(targets, c, UNSCORED, st.targetLabel);
            }
        }

        int r = FIRST_DATA_ROW;
        boolean anySuppressed = false;
        for (RegionResult region : regions) {
            Row row = sh.createRow(r++);
            text(row, 0, region.code(), st.text);
            text(row, 1, region.name(), st.text);
            text(row, 2, region.parent(), st.text);
            number(row, 3, region.composite(), st.composite);
            text(row, 4, region.grade(), st.center);
            if (region.rank() != null) {
                Cell c = row.createCell(5);
                c.setCellValue(region.rank());
                c.setCellStyle(st.integer);
            }
            for (int k = 0; k < pillars.size(); k++) {
                number(row, FIXED_COLUMNS + k, region.pillars().get(pillars.get(k).id()), st.value);
            }
            for (IndicatorResult ind : region.indicators()) {
                Integer c = column.get(ind.id());
                if (c == null) {
                    continue;
                }
                if (ind.suppressed()) {
                    text(row, c, SUPPRESSED, ind.stale() ? st.markerStale : st.marker);
                    anySuppressed = true;
                } else if (ind.missing()) {
                    text(row, c, MISSING, ind.stale() ? st.markerStale : st.marker);
                } else {
                    number(row, c, ind.value(), ind.stale() ? st.valueStale : st.value);
                }
            }
        }
        int lastDataRow = r - 1;

        if (anySuppressed && report.footnoteZh() != null) {
            r++;
            // merged across the sheet: a long line is not cut at the next column or at the frozen
            // pane
            for (String line :
                    report.footnoteEn() == null
                            ? List.of(report.footnoteZh())
                            : List.of(report.footnoteZh(), report.footnoteEn())) {
                text(sh.createRow(r), 0, line, st.footnote);
                sh.addMergedRegion(new CellRangeAddress(r, r, 0, lastCol));
                r++;
            }
        }

        sh.createFreezePane(2, FIRST_DATA_ROW);
        // printed: landscape A4, every page with the header rows and the code and name columns
        sh.getPrintSetup().setLandscape(true);
        sh.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
        sh.setRepeatingRows(new CellRangeAddress(ID_ROW, TARGET_ROW, -1, -1));
        sh.setRepeatingColumns(new CellRangeAddress(-1, -1, 0, 1));
        sh.setAutoFilter(
                new CellRangeAddress(TARGET_ROW, Math.max(lastDataRow, TARGET_ROW), 0, lastCol));
        // codes are text on purpose (12-digit village codes are not numbers to add up)
        wb.getXSSFWorkbook()
                .getSheet(sh.getSheetName())
                .addIgnoredErrors(
                        new CellRangeAddress(
                                FIRST_DATA_ROW, Math.max(lastDataRow, FIRST_DATA_ROW), 0, 2),
                        IgnoredErrorType.NUMBER_STORED_AS_TEXT);

        if (lastDataRow >= FIRST_DATA_ROW) {
            SheetConditionalFormatting cf = sh.getSheetConditionalFormatting();
            for (int k = 0; k < indicators.size(); k++) {
                Catalogue.Indicator i = indicators.get(k);
                if (i.scored()) {
                    metColouring(cf, firstIndicator + k, lastDataRow, i.direction());
                }
            }
        }
    }

    /**
     * Two formula rules on one indicator column: green where the value meets the target of the
     * targets row, red where it does not; text ("—", "缺 missing"), empty cells and an emptied
     * target get no colour.
     */
    private static void metColouring(
            SheetConditionalFormatting cf, int col, int lastDataRow, String direction) {
        String letter = CellReference.convertNumToColString(col);
        String v = letter + (FIRST_DATA_ROW + 1);
        String t = letter + "$" + (TARGET_ROW + 1);
        String meets = "<=".equals(direction) ? "<=" : ">=";
        String fails = "<=".equals(direction) ? ">" : "<";
        String both = "ISNUMBER(" + v + "),ISNUMBER(" + t + ")";
        ConditionalFormattingRule met =
                cf.createConditionalFormattingRule("AND(" + both + "," + v + meets + t + ")");
        fill(met, MET_FILL);
        ConditionalFormattingRule notMet =
                cf.createConditionalFormattingRule("AND(" + both + "," + v + fails + t + ")");
        fill(notMet, NOT_MET_FILL);
        cf.addConditionalFormatting(
                new CellRangeAddress[] {
                    new CellRangeAddress(FIRST_DATA_ROW, lastDataRow, col, col)
                },
                new ConditionalFormattingRule[] {met, notMet});
    }

    private static void fill(ConditionalFormattingRule rule, byte[] rgb) {
        PatternFormatting p = rule.createPatternFormatting();
        p.setFillBackgroundColor(new XSSFColor(rgb, null));
        p.setFillPattern(PatternFormatting.SOLID_FOREGROUND);
    }

    // ---------------------------------------------------------------------------------------------- methods sheet

    /**
     * The methods appendix ({@link MethodsAppendix}, as the HTML report prints it) and the run's
     * particulars.
     */
    private static void methodsSheet(SXSSFWorkbook wb, Styles st, AssessmentReport report) {
        Assessment a = report.assessment();
        MethodsAppendix md = MethodsAppendix.of(report);
        SXSSFSheet sh = wb.createSheet(METHODS_SHEET);
        int[] widths = {34, 26, 44, 12, DEFINITION_WIDTH, 12, 9, 10, 20};
        for (int c = 0; c < widths.length; c++) {
            sh.setColumnWidth(c, widths[c] * 256);
        }
        sh.getPrintSetup().setLandscape(true);
        sh.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
        sh.setFitToPage(true);
        sh.getPrintSetup().setFitWidth((short) 1);
        sh.getPrintSetup().setFitHeight((short) 0);
        int r = 0;
        Row title = sh.createRow(r++);
        title.setHeightInPoints(24);
        text(
                title,
                0,
                a.year() + " 年度网络扶贫评估 · assessment of " + a.year() + " — 说明 methods",
                st.title);
        r++;

        r = section(sh, st, r, "评估 assessment");
        r = pair(sh, st, r, "评估年度 assessment year", a.year());
        r = pair(sh, st, r, "生成时间 generated at", a.generatedAt());
        r = pair(sh, st, r, "代码版本 code version", a.codeVersion());
        r = pair(sh, st, r, "指标目录版本 catalogue version", a.catalogueVersion());
        r =
                pair(
                        sh,
                        st,
                        r,
                        "发布版 published",
                        a.published()
                                ? "是 yes — 无村级数据，小数值已抑制 (no village rows; small cells suppressed)"
                                : "否 no — 内部版，含村级数据 (internal, with village rows)");
        if (a.published()) {
            r = pair(sh, st, r, "抑制单元格 suppressed cells", report.suppressedCells());
        }
        r = pair(sh, st, r, "地区 regions", a.regions().size());
        r++;

        r = section(sh, st, r, "输入 inputs (湖仓表 → Delta 版本 lakehouse table → Delta version)");
        r = header(sh, st, r, "表 table", "版本 version");
        for (MethodsAppendix.InputRow in : md.inputs()) {
            r =
                    pair(
                            sh,
                            st,
                            r,
                            in.table(),
                            in.deltaVersion() == null ? in.version() : in.deltaVersion());
        }
        r++;

        r = section(sh, st, r, "指标 indicators (" + md.indicators().size() + ")");
        text(sh.createRow(r++), 0, md.indicatorNotes(), st.text);
        r =
                header(
                        sh,
                        st,
                        r,
                        "id",
                        "中文",
                        "English",
                        "pillar",
                        "定义 definition",
                        "目标 target",
                        "方向 dir",
                        "下限 floor",
                        "最低层级 lowest level");
        for (MethodsAppendix.IndicatorRow i : md.indicators()) {
            Row row = sh.createRow(r++);
            text(row, 0, i.id(), st.text);
            text(row, 1, i.nameZh(), st.text);
            text(row, 2, i.nameEn(), st.text);
            text(row, 3, i.pillar(), st.text);
            text(row, 4, i.definition(), st.wrapped);
            // no spreadsheet fits the height of a wrapped row written by a stream: estimate the
            // lines
            int width =
                    i.definition() == null
                            ? 0
                            : DisplayWidth.columns(i.definition()); // a CJK character counts two
            int lines = (int) Math.ceil(width / (DEFINITION_WIDTH * 1.15));
            if (lines > 1) {
                row.setHeightInPoints(lines * 15f);
            }
            if (i.targetValue() != null) {
                number(row, 5, i.targetValue(), st.percent(i.targetValue()));
            } else {
                text(row, 5, i.target(), st.text);
            }
            text(row, 6, i.direction(), st.center);
            if (i.floorValue() != null) {
                number(row, 7, i.floorValue(), st.percent(i.floorValue()));
            } else {
                text(row, 7, i.floor(), st.text);
            }
            text(row, 8, i.lowestLevel(), st.text);
        }
        r++;

        r = section(sh, st, r, "支柱权重 pillar weights");
        r = header(sh, st, r, "pillar", "中文", "English", "权重 weight", "占比 share");
        for (MethodsAppendix.PillarRow p : md.pillars()) {
            Row row = sh.createRow(r++);
            text(row, 0, p.id(), st.text);
            text(row, 1, p.nameZh(), st.text);
            text(row, 2, p.nameEn(), st.text);
            number(row, 3, p.weightValue(), st.plain);
            text(row, 4, p.share(), st.text);
        }
        r++;

        r = section(sh, st, r, "等级 grades (综合得分 composite)");
        r = header(sh, st, r, "等级 grade", "综合得分 composite");
        for (MethodsAppendix.GradeRow g : md.grades()) {
            r = pair(sh, st, r, g.grade(), g.range());
        }
        r = pair(sh, st, r, "排名 ranked levels", String.join(", ", md.rankedLevels()));
        r++;

        r = section(sh, st, r, "计分方法 scoring");
        for (String rule : md.scoring()) {
            text(sh.createRow(r++), 0, rule, st.text);
        }
        r++;

        r = section(sh, st, r, "多维贫困 MPI (k = " + md.mpiCutoff() + ")");
        r = header(sh, st, r, "MPI 维度 dimension", "权重 weight");
        for (MethodsAppendix.WeightRow w : md.mpiWeights()) {
            r = pair(sh, st, r, w.dimension(), w.weight());
        }
        r++;

        r = section(sh, st, r, "图例 legend");
        r =
                legend(
                        sh,
                        st,
                        r,
                        0.978049,
                        st.legendMet,
                        "绿色：达到目标 (按目标行计算，修改目标颜色随之变化) · green: meets the target "
                                + "of the targets row (edit a target and the colours follow)");
        r = legend(sh, st, r, 0.912, st.legendNotMet, "红色：未达到目标 · red: does not meet the target");
        r =
                legend(
                        sh,
                        st,
                        r,
                        0.881234,
                        st.valueStale,
                        "灰色斜体：数据过期 (所需快照早于评估年度) · italic grey: stale "
                                + "(a needed snapshot predates the year)");
        r =
                legend(
                        sh,
                        st,
                        r,
                        MISSING,
                        st.marker,
                        "缺少输入数据，计分为 0 · missing input: the indicator scores 0");
        r =
                legend(
                        sh,
                        st,
                        r,
                        SUPPRESSED,
                        st.marker,
                        "不予公布 (小数值抑制，见脚注) · suppressed in the published report "
                                + "(small cells, see the footnote)");
        r =
                legend(
                        sh,
                        st,
                        r,
                        null,
                        st.text,
                        "空白：无值 (分母为 0 或无法计算) · empty: no value (denominator 0, or not "
                                + "computable)");
        r = legend(sh, st, r, UNSCORED, st.targetLabel, "只报告，不计分 · reported, not scored");
        r =
                legend(
                        sh,
                        st,
                        r,
                        0.5,
                        st.value,
                        "比率、指标值与支柱得分按百分比显示，单元格保留 6 位小数的原值 · rates, "
                                + "values and pillar scores show as percent; each cell holds the exact 6-decimal value");

        if (a.published() && report.footnoteZh() != null) {
            r++;
            r = section(sh, st, r, "脚注 footnote");
            text(sh.createRow(r++), 0, report.footnoteZh(), st.footnote);
            if (report.footnoteEn() != null) {
                text(sh.createRow(r), 0, report.footnoteEn(), st.footnote);
            }
        }
    }

    private static int section(SXSSFSheet sh, Styles st, int r, String title) {
        text(sh.createRow(r), 0, title, st.section);
        return r + 1;
    }

    private static int header(SXSSFSheet sh, Styles st, int r, String... cells) {
        Row row = sh.createRow(r);
        for (int c = 0; c < cells.length; c++) {
            text(row, c, cells[c], st.headerZh);
        }
        return r + 1;
    }

    private static int pair(SXSSFSheet sh, Styles st, int r, String label, Object value) {
        Row row = sh.createRow(r);
        text(row, 0, label, st.label);
        if (value instanceof Number n) {
            Cell c = row.createCell(1);
            c.setCellValue(n.doubleValue());
            c.setCellStyle(st.integerLeft);
        } else {
            text(row, 1, value == null ? null : value.toString(), st.text);
        }
        return r + 1;
    }

    /**
     * A legend line: a sample cell (a number, a text or nothing) in its style, and what it means.
     */
    private static int legend(
            SXSSFSheet sh, Styles st, int r, Object sample, CellStyle style, String meaning) {
        Row row = sh.createRow(r);
        Cell c = row.createCell(0);
        if (sample instanceof Double d) {
            c.setCellValue(d);
        } else if (sample instanceof String t) {
            c.setCellValue(t);
        }
        c.setCellStyle(style);
        text(row, 1, meaning, st.text);
        return r + 1;
    }

    // ---------------------------------------------------------------------------------------------- cells, styles

    private static void text(Row row, int col, String value, CellStyle style) {
        Cell c = row.createCell(col);
        if (value != null) {
            c.setCellValue(value);
        }
        c.setCellStyle(style);
    }

    private static void number(Row row, int col, BigDecimal value, CellStyle style) {
        Cell c = row.createCell(col);
        if (value != null) {
            c.setCellValue(value.doubleValue());
        }
        c.setCellStyle(style);
    }

    private static final int DEFINITION_WIDTH = 60;

    static String symbol(String direction) {
        return "<=".equals(direction) ? "≤" : "≥";
    }

    /** Percent decimals that show {@code v} exactly (0.98 → 0, 0.955 → 1). */
    static int percentDecimals(BigDecimal v) {
        return Math.max(0, v.movePointRight(2).stripTrailingZeros().scale());
    }

    private static void properties(SXSSFWorkbook wb, AssessmentReport report) {
        Assessment a = report.assessment();
        var core = wb.getXSSFWorkbook().getProperties().getCoreProperties();
        core.setTitle("网络扶贫评估 " + a.year() + " assessment" + (a.published() ? " (published)" : ""));
        core.setCreator("povlake " + a.codeVersion());
        core.setDescription("catalogue " + a.catalogueVersion() + ", generated " + a.generatedAt());
        Date created;
        try {
            created = Date.from(Instant.parse(a.generatedAt()));
        } catch (DateTimeParseException | NullPointerException e) {
            created = new Date(0); // deterministic all the same
        }
        core.setCreated(Optional.of(created));
        core.setModified(Optional.of(created));
    }

    /** The few styles the workbook uses (a style per cell would swell the file and slow Excel). */
    private static final class Styles {
        final SXSSFWorkbook wb;
        final DataFormat formats;
        final CellStyle headerId;
        final CellStyle headerZh;
        final CellStyle targetLabel;
        final CellStyle text;
        final CellStyle wrapped;
        final CellStyle center;
        final CellStyle label;
        final CellStyle composite;
        final CellStyle integer;
        final CellStyle integerLeft;
        final CellStyle plain;
        final CellStyle value;
        final CellStyle valueStale;
        final CellStyle marker;
        final CellStyle markerStale;
        final CellStyle footnote;
        final CellStyle title;
        final CellStyle section;
        final CellStyle legendMet;
        final CellStyle legendNotMet;
        private final Map<String, CellStyle> cache = new HashMap<>();

        Styles(SXSSFWorkbook wb) {
            this.wb = wb;
            formats = wb.createDataFormat();
            Font bold = wb.createFont();
            bold.setBold(true);
            Font italicGrey = wb.createFont();
            italicGrey.setItalic(true);
            ((XSSFFont) italicGrey).setColor(new XSSFColor(STALE_GREY, null));
            Font italic = wb.createFont();
            italic.setItalic(true);
            Font big = wb.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 14);

            headerId = style(null, bold, HEADER_FILL, HorizontalAlignment.CENTER, true);
            headerZh = style(null, bold, HEADER_FILL, HorizontalAlignment.CENTER, true);
            targetLabel = style(null, null, TARGET_FILL, HorizontalAlignment.CENTER, true);
            text = style(null, null, null, null, false);
            wrapped = style(null, null, null, null, true);
            center = style(null, null, null, HorizontalAlignment.CENTER, false);
            label = style(null, bold, null, null, false);
            composite = style(COMPOSITE_FORMAT, null, null, null, false);
            integer = style("0", null, null, HorizontalAlignment.CENTER, false);
            integerLeft = style("0", null, null, HorizontalAlignment.LEFT, false);
            plain = style("General", null, null, HorizontalAlignment.LEFT, false);
            value = style(VALUE_FORMAT, null, null, null, false);
            valueStale = style(VALUE_FORMAT, italicGrey, null, null, false);
            marker = style(null, null, null, HorizontalAlignment.CENTER, false);
            markerStale = style(null, italicGrey, null, HorizontalAlignment.CENTER, false);
            footnote = style(null, italic, null, null, false);
            title = style(null, big, null, null, false);
            section = style(null, bold, null, null, false);
            legendMet = style(VALUE_FORMAT, null, MET_FILL, null, false);
            legendNotMet = style(VALUE_FORMAT, null, NOT_MET_FILL, null, false);
        }

        /** The targets-row style of a direction and a target: the number shows as e.g. "≥ 98%". */
        CellStyle target(String direction, BigDecimal target) {
            String f = "\"" + symbol(direction) + " \"" + percentFormat(target);
            return cache.computeIfAbsent(
                    "target " + f,
                    k -> style(f, null, TARGET_FILL, HorizontalAlignment.CENTER, true));
        }

        /** A percent that shows {@code v} exactly, e.g. 0% or 0.5%. */
        CellStyle percent(BigDecimal v) {
            String f = percentFormat(v);
            return cache.computeIfAbsent(
                    f, k -> style(f, null, null, HorizontalAlignment.LEFT, false));
        }

        private static String percentFormat(BigDecimal v) {
            int d = percentDecimals(v);
            return d == 0 ? "0%" : "0." + "0".repeat(d) + "%";
        }

        private CellStyle style(
                String format, Font font, byte[] fill, HorizontalAlignment align, boolean wrap) {
            XSSFCellStyle s = (XSSFCellStyle) wb.createCellStyle();
            if (format != null) {
                s.setDataFormat(formats.getFormat(format));
            }
            if (font != null) {
                s.setFont(font);
            }
            if (fill != null) {
                s.setFillForegroundColor(new XSSFColor(fill, null));
                s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
                s.setBorderBottom(BorderStyle.THIN);
                s.setBottomBorderColor(
                        new XSSFColor(new byte[] {(byte) 0xBF, (byte) 0xBF, (byte) 0xBF}, null));
            }
            if (align != null) {
                s.setAlignment(align);
            }
            s.setVerticalAlignment(VerticalAlignment.CENTER);
            s.setWrapText(wrap);
            return s;
        }
    }
}
