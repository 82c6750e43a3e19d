package org.povlake.assess;

import java.util.List;
import org.povlake.contract.Catalogue;
import org.povlake.quality.QualityReport;

/**
 * Everything the human report (HTML and workbook) is built from: the assessment itself, the
 * catalogue (names, definitions, targets, pillars — the methods appendix), the province over every
 * year with data up to Y ({@code provinceTrend}, oldest first, the assessed year last: composite,
 * grade and pillar scores, no indicators), the data-quality summary of the inputs (null when the
 * lakehouse has no ingest log), and in published mode the number of suppressed cells and the
 * footnote that explains them (both in Chinese and English).
 */
public record AssessmentReport(
        Assessment assessment,
        Catalogue catalogue,
        List<YearPoint> provinceTrend,
        QualityReport quality,
        int suppressedCells,
        String footnoteZh,
        String footnoteEn) {

    /** The province in one year. */
    public record YearPoint(int year, RegionResult province) {}
}
