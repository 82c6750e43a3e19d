package org.povlake.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Test helpers: run the generator into a folder and read back its (fault-free, hence unquoted) CSV
 * files.
 */
final class Generated {
    private Generated() {}

    static Generator.Result generate(
            Path out, long households, int first, int last, long seed, double errorRate) {
        try {
            return Generator.run(
                    new GenerateOptions(out, households, first, last, seed, errorRate, null),
                    quiet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Consumer<String> quiet() {
        return m -> {};
    }

    /** Data rows of a fault-free file, split on commas (such files never need quoting). */
    static List<String[]> rows(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            List<String[]> rows = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                rows.add(line.split(",", -1));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String header(Path file) {
        try (var r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return r.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
