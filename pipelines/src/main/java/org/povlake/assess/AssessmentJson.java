package org.povlake.assess;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.Map;

/**
 * {@code assessment_<Y>.json} exactly as METRICS.md's output contract shows it, streamed (an
 * unpublished Gansu assessment has ~770,000 indicator cells): one region per line, numbers printed
 * as they are stored without trailing zeros (counts as integers, rates with up to 6 decimals, the
 * composite with up to 4), null as null. Beside the contract's fields: {@code catalogue_version},
 * and in published mode {@code suppression} (rules version, cells suppressed, footnote, the
 * disclosure audit's summary). Deterministic: the same assessment gives the same bytes.
 */
public final class AssessmentJson implements ReportFormat {
    public static final ReportFormat FORMAT = new AssessmentJson();

    private AssessmentJson() {}

    @Override
    public String fileName(int year) {
        return "assessment_" + year + ".json";
    }

    @Override
    public boolean needsReport() {
        return false;
    }

    @Override
    public void write(Inputs in, OutputStream out) throws IOException {
        write(in.assessment(), in.publication(), out);
    }

    public static void write(Assessment a, PublicationSummary suppression, OutputStream out)
            throws IOException {
        try (JsonGenerator g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeNumberField("year", a.year());
            g.writeStringField("generated_at", a.generatedAt());
            g.writeObjectFieldStart("inputs");
            for (Map.Entry<String, Long> e : a.inputs().entrySet()) {
                g.writeNumberField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
            g.writeStringField("code_version", a.codeVersion());
            g.writeStringField("catalogue_version", a.catalogueVersion());
            g.writeBooleanField("published", a.published());
            if (suppression != null) {
                g.writeObjectFieldStart("suppression");
                g.writeStringField("rules_version", suppression.rulesVersion());
                g.writeNumberField("cells_suppressed", suppression.cells());
                g.writeStringField("footnote_zh", suppression.footnoteZh());
                g.writeStringField("footnote_en", suppression.footnoteEn());
                if (suppression.audit() != null) {
                    g.writeFieldName("audit");
                    audit(g, suppression.audit());
                }
                g.writeEndObject();
            }
            g.writeArrayFieldStart("regions");
            for (RegionResult r : a.regions()) {
                g.writeRaw('\n');
                region(g, r);
            }
            g.writeRaw('\n');
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }

    private static void region(JsonGenerator g, RegionResult r) throws IOException {
        g.writeStartObject();
        g.writeStringField("code", r.code());
        g.writeStringField("name", r.name());
        g.writeStringField("level", r.level());
        g.writeStringField("parent", r.parent());
        number(g, "composite", r.composite());
        g.writeStringField("grade", r.grade());
        if (r.rank() == null) {
            g.writeNullField("rank");
        } else {
            g.writeNumberField("rank", r.rank());
        }
        g.writeObjectFieldStart("pillars");
        for (Map.Entry<String, BigDecimal> p : r.pillars().entrySet()) {
            number(g, p.getKey(), p.getValue());
        }
        g.writeEndObject();
        g.writeArrayFieldStart("indicators");
        for (IndicatorResult i : r.indicators()) {
            g.writeStartObject();
            g.writeStringField("id", i.id());
            number(g, "numerator", i.numerator());
            number(g, "denominator", i.denominator());
            number(g, "value", i.value());
            number(g, "target", i.target());
            bool(g, "met", i.met());
            number(g, "achievement", i.achievement());
            number(g, "change", i.change());
            g.writeBooleanField("stale", i.stale());
            g.writeBooleanField("missing", i.missing());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /** The disclosure audit's summary (also written into the manifest). */
    static void audit(JsonGenerator g, DisclosureControl.Summary a) throws IOException {
        g.writeStartObject();
        g.writeBooleanField("passed", a.passed());
        g.writeNumberField("rounds", a.rounds());
        g.writeObjectFieldStart("cells_hidden");
        for (Map.Entry<String, Integer> e : a.cellsHidden().entrySet()) {
            g.writeNumberField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
        g.writeNumberField("pillar_scores_hidden", a.pillarScoresHidden());
        g.writeObjectFieldStart("composites");
        for (Map.Entry<String, Map<String, Integer>> level : a.composites().entrySet()) {
            g.writeObjectFieldStart(level.getKey());
            for (Map.Entry<String, Integer> e : level.getValue().entrySet()) {
                g.writeNumberField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
        }
        g.writeEndObject();
        g.writeNumberField("hidden_numerators_audited", a.audited());
        g.writeNumberField(
                "min_interval", BigDecimal.valueOf(a.minInterval()).stripTrailingZeros());
        number(
                g,
                "narrowest_interval",
                a.narrowestInterval() == null
                        ? null
                        : new BigDecimal(DisclosureAudit.fmt(a.narrowestInterval())));
        g.writeNumberField("spanning_whole_denominator", a.spanningDenominator());
        g.writeEndObject();
    }

    private static void number(JsonGenerator g, String field, BigDecimal v) throws IOException {
        g.writeFieldName(field);
        if (v == null) {
            g.writeNull();
        } else {
            g.writeNumber(Numbers.plain(v));
        }
    }

    private static void bool(JsonGenerator g, String field, Boolean v) throws IOException {
        g.writeFieldName(field);
        if (v == null) {
            g.writeNull();
        } else {
            g.writeBoolean(v);
        }
    }
}
