package org.povlake.quality;

import freemarker.ext.beans.ZeroArgumentNonVoidMethodPolicy;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The report as one self-contained HTML page for the agencies (inline CSS and SVG, nothing fetched), rendered by
 * FreeMarker from {@code povlake/templates/quality_report.html.ftlh} with HTML auto-escaping.
 */
public final class QualityHtml {
    private QualityHtml() {
    }

    static final String TEMPLATE = "quality_report.html.ftlh";
    private static final Configuration CONFIG = configuration();

    private static Configuration configuration() {
        Configuration cfg = new Configuration(Configuration.VERSION_2_3_35);
        cfg.setClassLoaderForTemplateLoading(QualityHtml.class.getClassLoader(), "povlake/templates");
        cfg.setRecognizeStandardFileExtensions(true); // .ftlh: HTML output format, auto-escaping on
        cfg.setDefaultEncoding("UTF-8");
        cfg.setOutputEncoding("UTF-8");
        cfg.setLocale(Locale.US);
        cfg.setNumberFormat(",##0");
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

    public static String render(QualityReport report) {
        Map<String, Object> model = new HashMap<>();
        model.put("r", report);
        model.put("agencies", HtmlView.agencies(report));
        model.put("fixes", HtmlView.fixes(report));
        model.put("severities", HtmlView.severities(report));
        model.put("staleDays", Problems.STALE_DAYS);
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
