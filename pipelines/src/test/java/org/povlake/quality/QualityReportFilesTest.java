package org.povlake.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QualityReportFilesTest {
    @TempDir Path tmp;

    @Test
    void writesJsonAndHtmlThatRoundTrip() throws Exception {
        QualityReport report = Fixtures.report();
        Path out = tmp.resolve("reports/2020-03-01");
        List<Path> written = QualityReportFiles.write(report, out);
        assertEquals(
                List.of(out.resolve("quality_report.json"), out.resolve("quality_report.html")),
                written);

        assertEquals(report, QualityReportFiles.read(written.get(0)));
        String json = Files.readString(written.get(0), StandardCharsets.UTF_8);
        assertTrue(json.contains("\"quarantinedByReason\" : {"), json);
        assertTrue(json.contains("\"daysBehindNewestAgency\" : 367"), json);
        assertEquals(
                QualityHtml.render(report),
                Files.readString(written.get(1), StandardCharsets.UTF_8));

        // a second run replaces both and leaves no temporary file behind
        QualityReportFiles.write(Fixtures.manyProblems(3), out);
        assertEquals(Fixtures.manyProblems(3), QualityReportFiles.read(written.get(0)));
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(
                    List.of("quality_report.html", "quality_report.json"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }
}
