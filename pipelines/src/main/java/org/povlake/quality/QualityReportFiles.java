package org.povlake.quality;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the report as {@code quality_report.json} and {@code quality_report.html}, each
 * atomically.
 */
public final class QualityReportFiles {
    private QualityReportFiles() {}

    public static final String JSON = "quality_report.json";
    public static final String HTML = "quality_report.html";

    /** Records are (de)serialised by component name. */
    public static ObjectMapper mapper() {
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }

    /**
     * Writes both files into outDir (created if needed) and returns their paths, JSON first, then
     * HTML. Each is written beside its target and moved into place: a reader never sees half a
     * report.
     */
    public static List<Path> write(QualityReport report, Path outDir) throws IOException {
        Files.createDirectories(outDir);
        Path json = outDir.resolve(JSON);
        Path html = outDir.resolve(HTML);
        byte[] jsonBytes = mapper().writeValueAsBytes(report);
        byte[] htmlBytes = QualityHtml.render(report).getBytes(StandardCharsets.UTF_8);
        atomicWrite(json, jsonBytes);
        atomicWrite(html, htmlBytes);
        return List.of(json, html);
    }

    public static QualityReport read(Path json) throws IOException {
        return mapper().readValue(json.toFile(), QualityReport.class);
    }

    static void atomicWrite(Path file, byte[] bytes) throws IOException {
        org.povlake.lake.OutputFiles.write(file, bytes);
    }
}
