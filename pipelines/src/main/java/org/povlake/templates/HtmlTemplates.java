package org.povlake.templates;

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
 * The FreeMarker set-up of povlake's HTML reports (templates in {@code povlake/templates/}): {@code
 * .ftlh} files render with HTML auto-escaping, errors are thrown (never printed into the page),
 * records' accessors read as properties.
 */
public final class HtmlTemplates {
    private HtmlTemplates() {}

    /**
     * A configuration printing numbers with {@code numberFormat} (e.g. ",##0", or "computer" for
     * SVG coordinates).
     */
    public static Configuration configuration(String numberFormat) {
        Configuration cfg = new Configuration(Configuration.VERSION_2_3_35);
        cfg.setClassLoaderForTemplateLoading(
                HtmlTemplates.class.getClassLoader(), "povlake/templates");
        cfg.setRecognizeStandardFileExtensions(true); // .ftlh: HTML output format, auto-escaping on
        cfg.setDefaultEncoding("UTF-8");
        cfg.setOutputEncoding("UTF-8");
        cfg.setLocale(Locale.US);
        cfg.setNumberFormat(numberFormat);
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setLogTemplateExceptions(false);
        cfg.setWrapUncheckedExceptions(true);
        cfg.setFallbackOnNullLoopVariable(false);
        DefaultObjectWrapperBuilder wrapper =
                new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_35);
        wrapper.setRecordZeroArgumentNonVoidMethodPolicy(
                ZeroArgumentNonVoidMethodPolicy
                        .BOTH_METHOD_AND_PROPERTY_UNLESS_BEAN_PROPERTY_READ_METHOD);
        cfg.setObjectWrapper(wrapper.build());
        return cfg;
    }

    /** {@code template} rendered with {@code model}. */
    public static String render(Configuration cfg, String template, Map<String, Object> model) {
        try {
            Template t = cfg.getTemplate(template);
            StringWriter out = new StringWriter();
            t.process(model, out);
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(template, e);
        } catch (TemplateException e) {
            throw new IllegalStateException(template + ": " + e.getMessage(), e);
        }
    }
}
