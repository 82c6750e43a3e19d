package org.povlake.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same arguments give byte-identical files, whatever the scheduling; a year does not depend on
 * the range.
 */
class GeneratorDeterminismTest {
    @TempDir Path tmp;

    static List<Path> files(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }

    static void assertSameTree(Path a, Path b) throws IOException {
        List<Path> fa = files(a);
        assertEquals(fa, files(b));
        for (Path f : fa) {
            assertArrayEquals(
                    Files.readAllBytes(a.resolve(f)),
                    Files.readAllBytes(b.resolve(f)),
                    f.toString());
        }
    }

    @Test
    void twoRunsAreByteIdentical() throws IOException {
        Generated.generate(tmp.resolve("a"), 600, 2017, 2019, 5, 0.05);
        Generated.generate(tmp.resolve("b"), 600, 2017, 2019, 5, 0.05);
        List<Path> files = files(tmp.resolve("a"));
        assertEquals(15 * 3 + 1, files.size(), files.toString());
        assertSameTree(tmp.resolve("a"), tmp.resolve("b"));

        // regenerating into a previous generation replaces it (and nothing is left of the county
        // parts)
        Generated.generate(tmp.resolve("b"), 600, 2017, 2019, 5, 0.05);
        assertSameTree(tmp.resolve("a"), tmp.resolve("b"));

        // another seed gives other data
        Generated.generate(tmp.resolve("c"), 600, 2017, 2019, 6, 0.05);
        assertFalse(
                java.util.Arrays.equals(
                        Files.readAllBytes(tmp.resolve("a/inbox/registry/members_20181231.csv")),
                        Files.readAllBytes(tmp.resolve("c/inbox/registry/members_20181231.csv"))));
    }

    @Test
    void aYearsFilesDoNotDependOnTheRangeAsked() throws IOException {
        Generated.generate(tmp.resolve("range"), 400, 2016, 2019, 3, 0.03);
        Generated.generate(tmp.resolve("one"), 400, 2018, 2018, 3, 0.03);
        for (Path f : files(tmp.resolve("one"))) {
            if (f.toString().endsWith(".csv")) {
                assertArrayEquals(
                        Files.readAllBytes(tmp.resolve("range").resolve(f)),
                        Files.readAllBytes(tmp.resolve("one").resolve(f)),
                        f.toString());
            }
        }
    }

    @Test
    void aFolderThatIsNotAGenerationIsRefused() throws IOException {
        Path other = Files.createDirectories(tmp.resolve("other"));
        Files.writeString(other.resolve("notes.txt"), "mine");
        assertThrows(
                IllegalArgumentException.class,
                () -> Generated.generate(other, 10, 2019, 2019, 1, 0));
        assertTrue(Files.exists(other.resolve("notes.txt")));
        // a year without a poverty line is an error before anything is written
        Path later = tmp.resolve("later");
        assertThrows(
                IllegalArgumentException.class,
                () -> Generated.generate(later, 10, 2020, 2099, 1, 0));
        assertFalse(Files.exists(later));
    }
}
