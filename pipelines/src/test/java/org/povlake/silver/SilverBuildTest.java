package org.povlake.silver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.povlake.contract.Contract;
import org.povlake.testing.ExpectedSilver;

/**
 * The sample deliveries of 2018, then those of 2019, built incrementally into silver on real Delta
 * tables: the second build processes only the new deliveries, a third does nothing, and a rebuild
 * from scratch gives the same tables. A build under another key is refused.
 */
@Tag("end-to-end")
class SilverBuildTest {
    static final Path SAMPLE = Path.of("..", "sample-data", "inbox");

    @TempDir Path tmp;

    /** Copies the sample deliveries of one as-of date (e.g. "20181231") into {@code inbox}. */
    static void copySample(Path inbox, String asOf) throws IOException {
        try (Stream<Path> files = Files.walk(SAMPLE)) {
            for (Path f :
                    files.filter(Files::isRegularFile)
                            .filter(f -> f.getFileName().toString().contains("_" + asOf + "."))
                            .toList()) {
                Path to = inbox.resolve(SAMPLE.relativize(f).toString());
                Files.createDirectories(to.getParent());
                Files.copy(f, to);
            }
        }
    }

    @Test
    void incrementalBuildsEqualARebuildAndANoOpWritesNothing() throws IOException {
        SilverTestLake t = new SilverTestLake(tmp.resolve("lake"));
        Path inbox = tmp.resolve("inbox");
        copySample(inbox, "20181231");
        t.ingest(inbox);
        SilverBuild.Result first = t.build();
        assertEquals("first", first.mode());
        int extracts =
                Contract.get().extracts().size(); // the sample delivers every extract each year
        assertEquals(
                extracts, first.changedDeliveries().size(), first.changedDeliveries().toString());

        copySample(inbox, "20191231");
        t.ingest(inbox);
        SilverBuild.Result second = t.build();
        assertEquals("incremental", second.mode());
        assertEquals(extracts, second.changedDeliveries().size());
        Map<String, String> a = second.actions();
        assertTrue(
                a.get("silver.poor_villages").startsWith("deliveries [2019-12-31]"), a.toString());
        assertTrue(a.get("silver.members").startsWith("deliveries [2019-12-31]"), a.toString());
        // folding from 2018 would read both snapshots and the history: the full fold reads less
        assertTrue(
                a.get("silver.households")
                        .startsWith("full (cheaper than folding from 2018-12-31: "),
                a.toString());
        assertTrue(
                a.get("silver.member_signals").startsWith("snapshots [2019-12-31] ("),
                a.toString());
        assertEquals("skipped", a.get("silver.regions"), a.toString());
        // orders only depend on shops, which changed: recomputed in full
        assertTrue(a.get("silver.orders").startsWith("full"), a.toString());

        ExpectedSilver.assertMatches(t.lake, "through_2019");

        Map<String, Long> versions = t.versions();
        SilverBuild.Result third = t.build();
        assertTrue(third.upToDate());
        assertEquals(versions, t.versions(), "a build with nothing new writes nothing");

        SilverBuild.SilverBuildException refused =
                assertThrows(
                        SilverBuild.SilverBuildException.class,
                        () -> new SilverBuild(t.lake, SilverTestLake.OTHER_KEY).run(false));
        assertTrue(refused.getMessage().contains("--rebuild"), refused.getMessage());
        assertEquals(versions, t.versions(), "a refused build writes nothing");

        Map<String, List<String>> incremental = t.silverContents();
        assertEquals(20, incremental.size(), incremental.keySet().toString());
        t.rebuild();
        Map<String, List<String>> rebuilt = t.silverContents();
        for (String table : rebuilt.keySet()) {
            if (!table.equals(
                    "silver.deliveries")) { // batch ids are the same too, but say so table by table
                assertEquals(rebuilt.get(table), incremental.get(table), table);
            }
        }
        assertEquals(rebuilt, incremental);
        assertFalse(incremental.get("silver.members").isEmpty());
    }
}
