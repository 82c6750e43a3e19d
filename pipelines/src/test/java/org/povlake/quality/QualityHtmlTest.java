package org.povlake.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class QualityHtmlTest {
    private final String html = QualityHtml.render(Fixtures.report());

    private static int count(String s, String regex) {
        return (int) Pattern.compile(regex).matcher(s).results().count();
    }

    @Test
    void wellFormed() throws Exception {
        assertEquals(count(html, "<table[ >]"), count(html, "</table>"));
        assertEquals(count(html, "<tr[ >]"), count(html, "</tr>"));
        assertEquals(count(html, "<svg[ >]"), count(html, "</svg>"));
        // the page is also well-formed XML: parse it with the JDK parser (no DTD or entity is
        // fetched)
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        Document doc =
                f.newDocumentBuilder()
                        .parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
        assertEquals("html", doc.getDocumentElement().getTagName());
        // one trend chart per extract that has deliveries (8 of the fixture's 9)
        assertEquals(8, doc.getElementsByTagName("svg").getLength());
    }

    @Test
    void selfContained() {
        for (String ref :
                List.of(
                        "http://",
                        "https://",
                        "src=",
                        "url(",
                        "@import",
                        "<script",
                        "<link",
                        "//cdn")) {
            assertFalse(html.toLowerCase().contains(ref), ref);
        }
        assertTrue(html.contains("<meta charset=\"utf-8\"/>"));
        assertTrue(html.contains("<style>"));
    }

    @Test
    void escapesTextFromTheData() {
        assertFalse(html.contains("<script>alert"), "the rejection message is escaped");
        assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"), html);
    }

    @Test
    void whatToFixGroupedByAgencyAndFile() {
        int fix = html.indexOf("What to fix");
        int deliveries = html.indexOf("Deliveries per agency and extract");
        assertTrue(fix > 0 && deliveries > fix);
        String fixes = html.substring(fix, deliveries);
        int registry = fixes.indexOf("省扶贫办");
        int households = fixes.indexOf("<h4>registry/households_20191231.csv</h4>");
        int members = fixes.indexOf("<h4>registry/members_20191231.csv</h4>");
        int health = fixes.indexOf("省卫生计生委");
        assertTrue(
                registry >= 0 && registry < households && households < members && members < health,
                fixes);
        assertTrue(fixes.contains("record 3, record 17"));
        assertTrue(
                fixes.contains(
                        "fill the required column(s) or drop the rows; they were not loaded"));
        assertTrue(fixes.contains("6201020010010001"));
        assertTrue(fixes.contains("Nothing to fix."), "telecom has no problem");
    }

    @Test
    void deliveriesChartsAndSignals() {
        assertTrue(html.contains("<td class=\"file\">registry/households_20181231.csv</td>"));
        assertTrue(html.contains("<code>MISSING_REQUIRED</code> 10"));
        assertTrue(html.contains("household 12"));
        assertTrue(
                html.contains(
                        "extra: <code>remark</code><br/>missing: <code>skill_trained</code>"));
        assertTrue(html.contains("class=\"quarantined\""));
        assertTrue(html.contains("class=\"orphans\""));
        assertTrue(html.contains("class=\"rejected\""), "the rejected file");
        assertTrue(
                html.contains("<td class=\"n\">14 (1.4 %)</td>"),
                "size mismatch of the 2019 snapshot");
        assertTrue(html.contains("4,000"));
    }

    @Test
    void missingValuesRender() {
        DeliveryQuality bare =
                new DeliveryQuality(
                        null, null, null, 0, 0, 0, null, null, null, null, 0, 0, null, null, null,
                        null);
        AgencyQuality a =
                new AgencyQuality(
                        "telecom",
                        null,
                        null,
                        null,
                        null,
                        List.of(
                                new ExtractQuality(
                                        "telecom_village_network", null, List.of(bare))));
        Problem p = new Problem("WARNING", "telecom", null, null, null, "X", 1, null, null);
        String out =
                QualityHtml.render(
                        new QualityReport(
                                null, null, null, null, List.of(a), List.of(), List.of(p)));
        assertTrue(out.contains("省通信管理局"), "the agency name from schemas/agencies.json");
        assertTrue(
                QualityText.render(
                                new QualityReport(
                                        null, null, null, null, List.of(a), List.of(), List.of(p)))
                        .contains("telecom (all extracts)"));
    }

    @Test
    void emptyReportRenders() {
        String empty =
                QualityHtml.render(new QualityReport(null, null, null, null, null, null, null));
        assertTrue(empty.contains("No households snapshot yet."));
    }
}
