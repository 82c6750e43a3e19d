package org.povlake.assess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;
import org.povlake.contract.Catalogue;

class AssessmentHtmlTest {
    private static final AssessmentReport INTERNAL = AssessmentFixtures.report(false);
    private static final AssessmentReport PUBLISHED = AssessmentFixtures.report(true);
    private static final String HTML = AssessmentHtml.render(INTERNAL);
    private static final String PUBLISHED_HTML = AssessmentHtml.render(PUBLISHED);
    private final Document doc = Jsoup.parse(HTML);
    private final Document pub = Jsoup.parse(PUBLISHED_HTML);
    private final Catalogue cat = INTERNAL.catalogue();
    private final RegionResult province = INTERNAL.assessment().province();

    private List<Catalogue.Indicator> scored() {
        return cat.indicators().stream().filter(Catalogue.Indicator::scored).toList();
    }

    private List<RegionResult> citiesByRank(AssessmentReport r) {
        return r.assessment()
                .atLevel("city")
                .sorted(Comparator.comparing(RegionResult::rank))
                .toList();
    }

    /** "97.80%" → 0.978 */
    private static double percent(String text) {
        assertTrue(text.endsWith("%"), text);
        return Double.parseDouble(text.substring(0, text.length() - 1)) / 100;
    }

    private static List<String> texts(Elements es) {
        return es.stream().map(Element::text).toList();
    }

    @Test
    void headerHasTitleVersionsAndNoBadgeWhenInternal() {
        assertEquals("甘肃省网络扶贫年度考核评估报告 2019 · Annual assessment 2019", doc.selectFirst("h1").text());
        String meta = doc.selectFirst("dl.meta").text();
        assertTrue(meta.contains("2026-11-29T08:00:00Z"), meta);
        assertTrue(meta.contains("v0.1.0-3-gabcdef0"), meta);
        assertTrue(meta.contains(cat.version()), meta);
        assertTrue(doc.select(".badge.published").isEmpty());
        assertNotNull(doc.selectFirst(".badge.internal"));
        assertEquals(null, doc.getElementById("footnote"));
    }

    @Test
    void summaryHasOneRowPerScoredIndicatorWithTheProvincesValueAndTarget() {
        Elements rows = doc.select("table.summary tbody tr");
        assertEquals(scored().size(), rows.size());
        for (int k = 0; k < rows.size(); k++) {
            Catalogue.Indicator i = scored().get(k);
            Element row = rows.get(k);
            Elements td = row.select("td");
            assertEquals(i.id(), td.get(0).text());
            assertEquals(i.nameZh(), td.get(1).text());
            assertEquals(i.nameEn(), td.get(2).text());
            IndicatorResult r = province.indicator(i.id());
            if (r.missing()) {
                assertEquals("缺 missing", td.get(3).text());
            } else {
                assertEquals(
                        "value "
                                + r.value().toPlainString()
                                + " = "
                                + r.numerator().toPlainString()
                                + " / "
                                + r.denominator().toPlainString(),
                        td.get(3).attr("title"));
                assertEquals(
                        r.value().doubleValue(), percent(td.get(3).ownText()), 0.00005, i.id());
                assertEquals(r.met() ? "达标 met" : "未达标 not met", td.get(6).text(), i.id());
                assertTrue(td.get(3).hasClass(r.met() ? "met" : "notmet"));
            }
            assertEquals(i.target().doubleValue(), percent(td.get(4).text()), 1e-9, i.id());
            assertEquals(i.target().toPlainString(), td.get(4).attr("title"));
            assertEquals(i.direction().equals(">=") ? "≥" : "≤", td.get(5).text());
        }
        Element stale = doc.selectFirst("table.summary tr[data-id=HEALTH_BASIC_INSURANCE]");
        assertNotNull(stale.selectFirst("sup.mk.stale"));
        assertNotNull(stale.selectFirst(".flag.stale"));
        Element missing = doc.selectFirst("table.summary tr[data-id=ECOM_TRADE_GROWTH]");
        assertNotNull(missing.selectFirst(".flag.missing"));
        assertEquals("0.0%", missing.select("td").get(7).text(), "a missing indicator achieves 0");
        // unscored indicators follow, value only
        List<String> unscored =
                cat.indicators().stream()
                        .filter(i -> !i.scored())
                        .map(Catalogue.Indicator::id)
                        .toList();
        assertEquals(unscored, doc.select("table.unscored tbody tr").eachAttr("data-id"));
        Element h = doc.selectFirst("table.unscored tr[data-id=MPI_H] td.n");
        assertEquals(province.indicator("MPI_H").value().doubleValue(), percent(h.text()), 0.00005);
    }

    @Test
    void leagueListsTheCitiesInRankOrderWithCompositeAndGrade() {
        Elements rows = doc.select("table.league tbody tr");
        List<RegionResult> cities = citiesByRank(INTERNAL);
        assertEquals(3, rows.size());
        for (int k = 0; k < 3; k++) {
            RegionResult c = cities.get(k);
            Elements td = rows.get(k).select("td");
            assertEquals(String.valueOf(c.rank()), td.get(0).text());
            assertEquals(c.name(), td.get(1).text());
            assertEquals(c.code(), td.get(2).text());
            assertEquals(c.composite().doubleValue(), Double.parseDouble(td.get(3).text()), 0.005);
            assertEquals(c.composite().toPlainString(), td.get(3).attr("title"));
            assertEquals(c.grade(), td.get(4).text());
            assertEquals(5 + cat.pillars().size(), td.size(), "one column per pillar");
        }
        assertTrue(doc.selectFirst("table.league tfoot").text().contains("甘肃省"));
    }

    @Test
    void chartsOfCompositesTargetsTrendAndMpi() {
        Elements composites = doc.select("svg.composites");
        assertEquals(1, composites.size());
        assertEquals(3, composites.select("rect.bar").size());
        assertEquals(
                citiesByRank(INTERNAL).stream().map(RegionResult::name).toList(),
                texts(composites.select("text.label")),
                "bars in rank order");

        List<String> atCity =
                scored().stream()
                        .filter(i -> i.existsAt("city"))
                        .map(Catalogue.Indicator::id)
                        .toList();
        Elements small = doc.select("figure.small");
        assertEquals(atCity, small.eachAttr("data-id"));
        for (Element f : small) {
            Element svg = f.selectFirst("svg.target-chart");
            assertEquals(1, svg.select("line.target").size(), f.attr("data-id"));
            assertEquals(3, svg.select("text.label").size(), f.attr("data-id"));
        }
        Element trade = doc.selectFirst("figure.small[data-id=ECOM_TRADE_GROWTH] svg");
        assertEquals(0, trade.select("rect").size(), "missing everywhere: no bar");
        assertEquals(List.of("缺", "缺", "缺"), texts(trade.select("text.empty")));
        Element poor = doc.selectFirst("figure.small[data-id=NET_POOR_VILLAGE_BROADBAND] svg");
        assertEquals(2, poor.select("rect.bar").size(), "6203 has a zero denominator");

        Element trend = doc.selectFirst("svg.trend");
        assertEquals(4, trend.select("g.s0 circle").size());
        assertEquals(1, trend.select("g.s0 polyline").size());
        assertEquals(4, trend.select("g.s0 polyline").attr("points").split(" ").length);
        assertEquals(1 + cat.pillars().size(), trend.select("g.series").size());
        assertEquals(
                List.of("2016", "2017", "2018", "2019"),
                texts(trend.select("text.tick")).subList(6, 10));

        Element mpi = doc.selectFirst("svg.mpi");
        long mpiIndicators =
                cat.indicators().stream().filter(i -> i.id().startsWith("MPI_")).count();
        assertEquals(mpiIndicators, mpi.select("rect.bar").size());
        assertEquals(3, mpi.select("rect.mpi-main").size());
        assertTrue(texts(mpi.select("text.label")).contains("收入 income"));
    }

    @Test
    void aSingleYearTrendShowsPointsWithoutLines() {
        AssessmentReport one =
                new AssessmentReport(
                        INTERNAL.assessment(),
                        cat,
                        List.of(INTERNAL.provinceTrend().get(3)),
                        INTERNAL.quality(),
                        0,
                        null,
                        null);
        Element trend = Jsoup.parse(AssessmentHtml.render(one)).selectFirst("svg.trend");
        assertEquals(1, trend.select("g.s0 circle").size());
        assertEquals(0, trend.select("polyline").size());
    }

    @Test
    void onePagePerCityListingItsCountiesNeverVillages() {
        Elements pages = doc.select("section.city-page");
        assertEquals(List.of("6201", "6202", "6203"), pages.eachAttr("data-code"));
        for (Element page : pages) {
            List<String> counties =
                    INTERNAL.assessment()
                            .childrenOf(page.attr("data-code"))
                            .sorted(Comparator.comparing(RegionResult::rank))
                            .map(RegionResult::code)
                            .toList();
            assertEquals(2, counties.size());
            assertEquals(counties, page.select("table.counties tbody tr").eachAttr("data-code"));
            Elements lines = page.select("table.matrix tbody tr");
            assertEquals(scored().stream().filter(i -> i.existsAt("county")).count(), lines.size());
            assertEquals(
                    2 + 1 + 2,
                    lines.get(0).select("td").size(),
                    "indicator, target, the city, 2 counties");
        }
        assertFalse(doc.select("table.matrix td.met").isEmpty());
        assertFalse(doc.select("table.matrix td.notmet").isEmpty());
        INTERNAL.assessment()
                .atLevel("village")
                .forEach(v -> assertFalse(HTML.contains(v.code()), v.code()));
        assertFalse(HTML.contains("第1镇"), "townships are not listed");
    }

    @Test
    void methodsAppendixListsEveryIndicatorWeightsGradesAndInputs() {
        Element appendix = doc.getElementById("appendix");
        assertEquals(
                cat.indicators().stream().map(Catalogue.Indicator::id).toList(),
                appendix.select("table.indicators tbody tr").eachAttr("data-id"));
        Element first = appendix.selectFirst("table.indicators tr[data-id=NET_VILLAGE_BROADBAND]");
        assertTrue(first.text().contains(cat.indicators().get(0).definition()));
        assertEquals(
                List.of("30", "25", "15", "15", "15"),
                texts(appendix.select("table.pillars tbody td:eq(3)")));
        assertEquals(
                List.of("优秀", "良好", "一般", "较差"),
                texts(appendix.select("table.grades tbody td:eq(1)")));
        assertEquals(
                List.of(
                        "gold.indicators 7",
                        "gold.pillar_scores 7",
                        "gold.region_scores 7",
                        "ops.ingest_log 12"),
                texts(appendix.select("table.inputs tbody tr")));
        assertEquals(
                "povlake assess --year 2019 --as-of manifest.json",
                appendix.selectFirst("pre").text());
        assertTrue(appendix.text().contains("k = 1/3"));
    }

    @Test
    void publishedShowsTheFootnoteAndDashesForSuppressedCells() {
        assertNotNull(pub.selectFirst(".badge.published"));
        Element foot = pub.getElementById("footnote");
        assertTrue(foot.text().contains(PUBLISHED.footnoteZh()));
        assertTrue(foot.text().contains(PUBLISHED.footnoteEn()));
        assertTrue(foot.text().contains("suppressed cells: " + PUBLISHED.suppressedCells()));
        Element row =
                pub.selectFirst("#city-6201 table.matrix tr[data-id=TARGET_RETURN_TO_POVERTY]");
        Elements cells = row.select("td");
        for (Element county : List.of(cells.get(3), cells.get(4))) {
            assertEquals("—", county.ownText());
            assertEquals("*", county.selectFirst("sup.mk").text());
            assertTrue(county.hasClass("suppressed"));
        }
        assertFalse(cells.get(2).hasClass("suppressed"), "the city itself is published");
        assertEquals(0, pub.select("#city-6202 td.suppressed").size());
        assertTrue(PUBLISHED_HTML.contains("不予公布 suppressed"));
    }

    @Test
    void selfContained() {
        for (String html : List.of(HTML, PUBLISHED_HTML)) {
            String lower = html.toLowerCase();
            for (String ref :
                    List.of(
                            "<script",
                            "<link",
                            "http://",
                            "https://",
                            "src=",
                            "url(",
                            "@import",
                            "<img",
                            "<iframe",
                            "//cdn")) {
                assertFalse(lower.contains(ref), ref);
            }
            assertTrue(html.contains("<style>"));
            assertTrue(html.contains("size: A4"));
            assertTrue(html.contains("print-color-adjust: exact"));
        }
    }

    @Test
    void wellFormedXmlAndDeterministic() throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        for (String html : List.of(HTML, PUBLISHED_HTML)) {
            f.newDocumentBuilder()
                    .parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
        }
        assertEquals(HTML, AssessmentHtml.render(AssessmentFixtures.report(false)));
    }

    @Test
    void escapesRegionNamesFromTheData() {
        String evil = "<script>alert('x')</script>兰州市";
        List<RegionResult> regions = new ArrayList<>();
        for (RegionResult r : INTERNAL.assessment().regions()) {
            regions.add(
                    r.code().equals("6201")
                            ? new RegionResult(
                                    r.code(),
                                    evil,
                                    r.level(),
                                    r.parent(),
                                    r.composite(),
                                    r.grade(),
                                    r.rank(),
                                    r.pillars(),
                                    r.indicators())
                            : r);
        }
        Assessment a = INTERNAL.assessment();
        AssessmentReport report =
                new AssessmentReport(
                        new Assessment(
                                a.year(),
                                a.generatedAt(),
                                a.inputs(),
                                a.codeVersion(),
                                a.catalogueVersion(),
                                a.published(),
                                regions),
                        cat,
                        INTERNAL.provinceTrend(),
                        INTERNAL.quality(),
                        0,
                        null,
                        null);
        String html = AssessmentHtml.render(report);
        assertFalse(html.contains("<script"), "no script element");
        assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;兰州市"));
        Document d = Jsoup.parse(html);
        assertTrue(d.select("script").isEmpty());
        assertEquals(evil, d.selectFirst("table.league tr[data-code=6201] td.name").text());
        assertEquals(evil, d.selectFirst("#city-6201 h2").ownText().trim());
    }

    @Test
    void dataQualitySummaryWithoutExamples() {
        Element q = doc.getElementById("quality");
        Elements agencies = q.select("table.agencies tbody tr[data-source]");
        assertEquals(
                INTERNAL.quality().agencies().stream().map(a -> a.source()).toList(),
                agencies.eachAttr("data-source"));
        Element registry = agencies.get(0);
        assertTrue(registry.text().contains("省扶贫办"));
        assertTrue(registry.text().contains("2019-12-31"));
        // households: the latest delivery that counts is the 2019 one (the skipped re-delivery does
        // not count)
        assertEquals(List.of("1000", "978", "22"), texts(registry.select("td.n")));
        assertEquals(
                INTERNAL.quality().problems().size(), q.select("table.problems tbody tr").size());
        assertFalse(HTML.contains("6201020010010001"), "no example key");
        assertFalse(HTML.contains("record 17"), "no record number");
        assertFalse(HTML.contains("<script>alert"), "the rejection message is escaped");

        AssessmentReport noLog =
                new AssessmentReport(
                        INTERNAL.assessment(), cat, INTERNAL.provinceTrend(), null, 0, null, null);
        Element none = Jsoup.parse(AssessmentHtml.render(noLog)).getElementById("quality");
        assertTrue(none.text().contains("no ingest log"), none.text());
    }

    @Test
    void numbersFollowTheHouseRules() {
        assertEquals("97.80%", Fmt.percent(new BigDecimal("0.978049"), 2));
        assertEquals("98%", Fmt.percentShort(new BigDecimal("0.98")));
        assertEquals("0%", Fmt.percentShort(new BigDecimal("0.000000")));
        assertEquals("+1.23", Fmt.points(new BigDecimal("0.012300")));
        assertEquals("-0.50", Fmt.points(new BigDecimal("-0.005")));
        assertEquals("0.00", Fmt.points(new BigDecimal("-0.00001")));
        assertEquals("1203", Fmt.count(new BigDecimal("1203.000")));
        assertEquals("87.25", Fmt.score(new BigDecimal("87.2512")));
        assertEquals("—", Fmt.score(null));
        assertEquals(0, new BigDecimal("0.05").compareTo(Scale.niceCeil(0.031)));
        assertEquals(0, BigDecimal.ONE.compareTo(Scale.niceCeil(0.93)));
        assertEquals(0, new BigDecimal("2.5").compareTo(Scale.niceCeil(2.2)));
        assertEquals("嘉峪关", AssessmentCharts.shortName("嘉峪关市"));
        assertEquals("临夏", AssessmentCharts.shortName("临夏回族自治州"));
    }

    @Test
    void emptyAssessmentStillRenders() {
        AssessmentReport r = AssessmentFixtures.report(false);
        Assessment a = r.assessment();
        String html =
                AssessmentHtml.render(
                        new AssessmentReport(
                                new Assessment(a.year(), null, null, null, null, false, List.of()),
                                r.catalogue(),
                                List.of(),
                                null,
                                0,
                                null,
                                null));
        assertTrue(html.contains("no ingest log"));
        assertNull(Jsoup.parse(html).selectFirst("section.city-page"));
    }
}
