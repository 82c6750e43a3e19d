package org.povlake.assess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * Opens the report in headless Chromium (when a chromium binary is on the PATH; skipped otherwise):
 * a screenshot of the first A4-sized screen and a PDF print. The files stay in
 * target/assessment-html/ to be looked at.
 */
class AssessmentHtmlScreenshotTest {
    private static final Path OUT = Path.of("target", "assessment-html");

    static Optional<Path> chromium() {
        String path = System.getenv("PATH");
        for (String name : List.of("chromium", "chromium-browser")) {
            for (String dir : (path == null ? "" : path).split(File.pathSeparator)) {
                Path p = Path.of(dir.isEmpty() ? "." : dir, name);
                if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    private static void run(Path chromium, Path profile, Path log, String... args)
            throws Exception {
        List<String> cmd =
                new ArrayList<>(
                        List.of(
                                chromium.toString(),
                                "--headless",
                                "--no-sandbox",
                                "--disable-gpu",
                                "--no-first-run",
                                "--disable-dev-shm-usage",
                                "--hide-scrollbars",
                                "--user-data-dir=" + profile.toAbsolutePath()));
        cmd.addAll(List.of(args));
        Process p =
                new ProcessBuilder(cmd)
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile())
                        .start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish in 180 s: " + cmd);
        }
    }

    @Test
    void rendersInChromiumAsAScreenshotAndAMultiPagePdf() throws Exception {
        Optional<Path> chromium = chromium();
        assumeTrue(chromium.isPresent(), "no chromium on the PATH");
        Files.createDirectories(OUT);
        Path html = OUT.resolve("assessment_2019.html").toAbsolutePath();
        Files.writeString(
                html,
                AssessmentHtml.render(AssessmentFixtures.report(true)),
                StandardCharsets.UTF_8);
        Path png = OUT.resolve("assessment_2019.png").toAbsolutePath();
        Path pdf = OUT.resolve("assessment_2019.pdf").toAbsolutePath();
        Files.deleteIfExists(png);
        Files.deleteIfExists(pdf);
        Path profile = Files.createTempDirectory("povlake-chromium");
        try {
            String url = html.toUri().toString();
            run(
                    chromium.get(),
                    profile,
                    OUT.resolve("chromium-screenshot.log"),
                    "--window-size=1240,1754",
                    "--screenshot=" + png,
                    url);
            run(
                    chromium.get(),
                    profile,
                    OUT.resolve("chromium-pdf.log"),
                    "--no-pdf-header-footer",
                    "--print-to-pdf=" + pdf,
                    url);
        } finally {
            deleteTree(profile);
        }

        assertTrue(
                Files.isRegularFile(png),
                "no screenshot; see " + OUT.resolve("chromium-screenshot.log"));
        BufferedImage image = ImageIO.read(png.toFile());
        assertNotNull(image, "not a readable PNG");
        assertEquals(1240, image.getWidth());
        assertEquals(1754, image.getHeight());
        assertTrue(colours(image) > 20, "the screenshot is (nearly) one colour");

        assertTrue(Files.isRegularFile(pdf), "no PDF; see " + OUT.resolve("chromium-pdf.log"));
        String text = new String(Files.readAllBytes(pdf), StandardCharsets.ISO_8859_1);
        assertTrue(text.startsWith("%PDF-"));
        int pages = count(text, "/Type\\s*/Page(?!s)");
        assertTrue(pages > 1, "the PDF has " + pages + " page(s)");
    }

    /** Distinct colours on a grid of samples. */
    private static int colours(BufferedImage image) {
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 7) {
            for (int x = 0; x < image.getWidth(); x += 7) {
                seen.add(image.getRGB(x, y));
            }
        }
        return seen.size();
    }

    private static int count(String s, String regex) {
        return (int) Pattern.compile(regex).matcher(s).results().count();
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
