package org.povlake.quality;

import freemarker.template.Configuration;
import java.util.HashMap;
import java.util.Map;
import org.povlake.templates.HtmlTemplates;

/**
 * The report as one self-contained HTML page for the agencies (inline CSS and SVG, nothing
 * fetched), rendered by FreeMarker from {@code povlake/templates/quality_report.html.ftlh} with
 * HTML auto-escaping.
 */
public final class QualityHtml {
    private QualityHtml() {}

    static final String TEMPLATE = "quality_report.html.ftlh";
    private static final Configuration CONFIG = HtmlTemplates.configuration(",##0");

    public static String render(QualityReport report) {
        Map<String, Object> model = new HashMap<>();
        model.put("r", report);
        model.put("agencies", HtmlView.agencies(report));
        model.put("fixes", HtmlView.fixes(report));
        model.put("severities", HtmlView.severities(report));
        model.put("staleDays", Problems.STALE_DAYS);
        return HtmlTemplates.render(CONFIG, TEMPLATE, model);
    }
}
