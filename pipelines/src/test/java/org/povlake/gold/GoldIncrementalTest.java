package org.povlake.gold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.povlake.contract.Catalogue;
import org.povlake.contract.Contract;
import org.povlake.contract.PovertyLines;
import org.povlake.ingest.IngestJob;
import org.povlake.lake.Lakehouse;
import org.povlake.testing.SampleLake;
import org.povlake.testing.TestSpark;

/**
 * The nightly's gold rebuilds only the years whose inputs changed. On a copy of the sample
 * lakehouse (2018–2020), a late correction of one 2018 order — a delivery dated 2021-01-15 — lies
 * in the order windows of 2018 (orders of 2018 and 2017) and 2019 (of 2019 and 2018) and no other:
 * gold rebuilds 2018 and 2019, moves their trade figures by exactly the correction, leaves 2020 as
 * it was except the {@code change} it takes from 2019, and what it left equals a forced rebuild of
 * 2020.
 */
@Tag("end-to-end")
class GoldIncrementalTest {
    @TempDir static Path tmp;

    @Test
    void aLateCorrectionOfA2018OrderRebuilds2018And2019AndRefreshes2020sChange() throws Exception {
        Path copy = tmp.resolve("lake");
        String root = SampleLake.get().root();
        copyTree(
                root.startsWith("file:") ? Path.of(java.net.URI.create(root)) : Path.of(root),
                copy);
        Lakehouse lake = new Lakehouse(TestSpark.get(), copy.toString());
        GoldBuild gold = new GoldBuild(lake, Catalogue.get(), PovertyLines.load());
        gold.run(null, null, false); // other classes may have rebuilt a year with another catalogue
        assertEquals(
                List.of("up to date", "up to date", "up to date"),
                actions(gold.run(null, null, false)),
                "nothing changed: every year's fingerprints are those of its last build");
        BigDecimal upward2018 = province(lake, 2018, "ECOM_UPWARD_SHARE", "numerator");
        BigDecimal base2019 = province(lake, 2019, "ECOM_TRADE_GROWTH", "denominator");
        Map<String, Long> before = versions(lake);

        // order DD2018000001 (UPWARD, COMPLETED, 230.00) corrected to 330.00 in a late delivery
        Path inbox = tmp.resolve("inbox");
        Files.createDirectories(inbox.resolve("ecommerce"));
        List<String> lines =
                Files.readAllLines(
                        SampleLake.INBOX.resolve("ecommerce/orders_20181231.csv"),
                        StandardCharsets.UTF_8);
        String original = lines.get(1);
        assertTrue(original.startsWith("DD2018000001,") && original.contains(",230.00,"), original);
        Files.write(
                inbox.resolve("ecommerce/orders_20210115.csv"),
                List.of(lines.get(0), original.replace(",230.00,", ",330.00,")),
                StandardCharsets.UTF_8);
        new IngestJob(lake, Contract.get(), m -> {})
                .run(new IngestJob.Options(inbox.toString(), null, Set.of()));
        new org.povlake.silver.SilverBuild(lake, SampleLake.KEY).run(false);

        GoldBuild.Result night = gold.run(null, null, false);
        assertEquals(List.of("built", "built", "up to date"), actions(night), night.toString());
        BigDecimal hundred = new BigDecimal("100");
        assertEquals(
                0,
                upward2018
                        .add(hundred)
                        .compareTo(province(lake, 2018, "ECOM_UPWARD_SHARE", "numerator")),
                "2018's upward trade grows by the correction");
        assertEquals(
                0,
                base2019.add(hundred)
                        .compareTo(province(lake, 2019, "ECOM_TRADE_GROWTH", "denominator")),
                "2019's growth base (2018's trade) grows by the correction");

        Map<String, Long> night2020 = versions(lake);
        for (String t : GoldBuild.TABLES) {
            assertEquals(
                    0,
                    differences(lake, t, before.get(t), night2020.get(t), 2020, true),
                    t + ": 2020 is not rebuilt, everything but the change from 2019 is as it was");
        }
        assertTrue(
                differences(
                                lake,
                                "gold.indicators",
                                before.get("gold.indicators"),
                                night2020.get("gold.indicators"),
                                2020,
                                false)
                        > 0,
                "2020's change from 2019 is refreshed");
        gold.run(2020, 2020, true);
        Map<String, Long> forced = versions(lake);
        for (String t : GoldBuild.TABLES) {
            assertEquals(
                    0,
                    differences(lake, t, night2020.get(t), forced.get(t), 2020, false),
                    t + ": what the skip left is what a forced rebuild of 2020 gives");
        }
        assertEquals(
                List.of("up to date", "up to date", "up to date"),
                actions(gold.run(null, null, false)));
    }

    private static List<String> actions(GoldBuild.Result r) {
        return r.years().stream().map(GoldBuild.YearResult::action).toList();
    }

    private static BigDecimal province(Lakehouse lake, int y, String indicator, String column) {
        return lake.spark()
                .read()
                .format("delta")
                .load(lake.path("gold.indicators"))
                .where(
                        "year = "
                                + y
                                + " AND region_code = '62' AND indicator_id = '"
                                + indicator
                                + "'")
                .first()
                .getAs(column);
    }

    private static Map<String, Long> versions(Lakehouse lake) {
        Map<String, Long> out = new TreeMap<>();
        GoldBuild.TABLES.forEach(t -> out.put(t, lake.version(t)));
        return out;
    }

    /**
     * Rows of year Y in one version of a gold table and not in the other, both ways (EXCEPT ALL);
     * without {@code change} when asked.
     */
    private static long differences(
            Lakehouse lake, String table, long a, long b, int y, boolean withoutChange) {
        Dataset<Row> one = at(lake, table, a, y);
        Dataset<Row> two = at(lake, table, b, y);
        if (withoutChange && table.equals("gold.indicators")) {
            one = one.drop("change");
            two = two.drop("change");
        }
        return one.exceptAll(two).count() + two.exceptAll(one).count();
    }

    private static Dataset<Row> at(Lakehouse lake, String table, long version, int y) {
        return lake.spark()
                .read()
                .format("delta")
                .option("versionAsOf", version)
                .load(lake.path(table))
                .where("year = " + y);
    }

    private static void copyTree(Path from, Path to) {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
