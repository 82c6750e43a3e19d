package org.povlake.assess;

import freemarker.ext.beans.ZeroArgumentNonVoidMethodPolicy;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;

/**
 * The annual assessment as one self-contained HTML page for people (inline CSS and SVG charts, nothing fetched,
 * printable on A4): rendered by FreeMarker from {@code povlake/templates/assessment_report.html.ftlh} with HTML
 * auto-escaping, from the {@link AssessmentView} of the report. Villages are never listed (they are in the JSON,
 * CSV and workbook).
 */
public final class AssessmentHtml {
    private AssessmentHtml() {
    }

    static final String TEMPLATE = "assessment_report.html.ftlh";
    private static final Configuration CONFIG = configuration();

    private static Configuration configuration() {
        Configuration cfg = new Configuration(Configuration.VERSION_2_3_35);
        cfg.setClassLoaderForTemplateLoading(AssessmentHtml.class.getClassLoader(), "povlake/templates");
        cfg.setRecognizeStandardFileExtensions(true); // .ftlh: HTML output format, auto-escaping on
        cfg.setDefaultEncoding("UTF-8");
        cfg.setOutputEncoding("UTF-8");
        cfg.setLocale(Locale.US);
        cfg.setNumberFormat("computer"); // SVG coordinates: no grouping; every shown number is a string
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setLogTemplateExceptions(false);
        cfg.setWrapUncheckedExceptions(true);
        cfg.setFallbackOnNullLoopVariable(false);
        DefaultObjectWrapperBuilder wrapper = new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_35);
        wrapper.setRecordZeroArgumentNonVoidMethodPolicy(
                ZeroArgumentNonVoidMethodPolicy.BOTH_METHOD_AND_PROPERTY_UNLESS_BEAN_PROPERTY_READ_METHOD);
        cfg.setObjectWrapper(wrapper.build());
        return cfg;
    }

    public static String render(AssessmentReport report) {
        Map<String, Object> model = Map.of("v", AssessmentView.of(report));
        try {
            Template t = CONFIG.getTemplate(TEMPLATE);
            StringWriter out = new StringWriter();
            t.process(model, out);
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(TEMPLATE, e);
        } catch (TemplateException e) {
            throw new IllegalStateException(TEMPLATE + ": " + e.getMessage(), e);
        }
    }
}
