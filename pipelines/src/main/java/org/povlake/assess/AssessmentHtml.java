package org.povlake.assess;

import freemarker.template.Configuration;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.povlake.templates.HtmlTemplates;

/**
 * The annual assessment as one self-contained HTML page for people (inline CSS and SVG charts,
 * nothing fetched, printable on A4): rendered by FreeMarker from {@code
 * povlake/templates/assessment_report.html.ftlh} with HTML auto-escaping, from the {@link
 * AssessmentView} of the report. Villages are never listed (they are in the JSON, CSV and
 * workbook).
 */
public final class AssessmentHtml implements ReportFormat {
    public static final ReportFormat FORMAT = new AssessmentHtml();

    private AssessmentHtml() {}

    @Override
    public String fileName(int year) {
        return "assessment_" + year + ".html";
    }

    @Override
    public boolean needsReport() {
        return true;
    }

    @Override
    public void write(Inputs in, OutputStream out) throws IOException {
        out.write(render(in.report()).getBytes(StandardCharsets.UTF_8));
    }

    static final String TEMPLATE = "assessment_report.html.ftlh";
    private static final Configuration CONFIG =
            HtmlTemplates.configuration("computer"); // SVG coordinates: no grouping

    public static String render(AssessmentReport report) {
        Map<String, Object> model = Map.of("v", AssessmentView.of(report));
        return HtmlTemplates.render(CONFIG, TEMPLATE, model);
    }
}
