package org.povlake.assess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.povlake.contract.Catalogue;
import org.povlake.contract.Contract;
import org.povlake.contract.PovertyLines;
import org.povlake.gold.GoldBuild;
import org.povlake.ingest.IngestJob;
import org.povlake.lake.Lakehouse;
import org.povlake.lake.OutputFiles;
import org.povlake.silver.SilverBuild;
import org.povlake.testing.ReferenceCounts;
import org.povlake.testing.SampleLake;

/**
 * {@code povlake assess} end to end on the sample lakehouse: the contract's JSON and CSV agree with
 * gold and with each other; a published assessment has no village, suppresses exactly by the rules
 * and holds no key or pseudonym; an assessment is reproduced byte for byte (apart from
 * generated_at) by --as-of after more ingests and builds; a year without data or without a poverty
 * line fails clearly and writes nothing.
 */
@Tag("end-to-end")
class AssessSampleTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir static Path tmp;
    static Lakehouse lake;

    /** The 2019 assessment (json, csv) before anything else happened to the lakehouse. */
    static Assess.Result first;

    static Assess.Options options(
            int year, Path out, EnumSet<Assess.Format> formats, boolean publish, Path asOf) {
        return new Assess.Options(
                year,
                out,
                formats,
                publish,
                asOf,
                Catalogue.get(),
                PovertyLines.load(),
                "test-code");
    }

    @BeforeAll
    static void assessFirst() throws IOException {
        lake = SampleLake.get();
        first =
                Assess.run(
                        lake,
                        options(
                                2019,
                                tmp.resolve("first"),
                                EnumSet.of(Assess.Format.JSON, Assess.Format.CSV),
                                false,
                                null));
    }

    @Test
    void theJsonAndCsvFollowTheContractAndAgreeWithGold() throws IOException {
        JsonNode a = JSON.readTree(first.file(".json").toFile());
        List<String> fields = new ArrayList<>();
        a.fieldNames().forEachRemaining(fields::add);
        assertEquals(
                List.of(
                        "year",
                        "generated_at",
                        "inputs",
                        "code_version",
                        "catalogue_version",
                        "published",
                        "regions"),
                fields);
        assertEquals(2019, a.get("year").asInt());
        assertFalse(a.get("published").asBoolean());
        assertEquals("test-code", a.get("code_version").asText());
        // the versions the run pinned (other tests may have written newer ones since)
        Map<String, Long> inputs = new java.util.TreeMap<>();
        a.get("inputs")
                .fields()
                .forEachRemaining(e -> inputs.put(e.getKey(), e.getValue().asLong()));
        assertEquals(this.first().inputs(), inputs);
        assertTrue(inputs.get("gold.indicators") >= 0);
        assertTrue(
                a.get("inputs").has("ops.ingest_log") && a.get("inputs").has("gold.region_scores"));
        assertEquals(
                ReferenceCounts.regions(),
                a.get("regions").size(),
                "every region of the reference");
        JsonNode province = a.get("regions").get(0);
        assertEquals("62", province.get("code").asText());
        assertEquals("province", province.get("level").asText());
        assertTrue(province.get("parent").isNull());
        List<String> regionFields = new ArrayList<>();
        province.fieldNames().forEachRemaining(regionFields::add);
        assertEquals(
                List.of(
                        "code",
                        "name",
                        "level",
                        "parent",
                        "composite",
                        "grade",
                        "rank",
                        "pillars",
                        "indicators"),
                regionFields);
        JsonNode first = province.get("indicators").get(0);
        List<String> indicatorFields = new ArrayList<>();
        first.fieldNames().forEachRemaining(indicatorFields::add);
        assertEquals(
                List.of(
                        "id",
                        "numerator",
                        "denominator",
                        "value",
                        "target",
                        "met",
                        "achievement",
                        "change",
                        "stale",
                        "missing"),
                indicatorFields);
        assertEquals(
                Catalogue.get().indicators().get(0).id(),
                first.get("id").asText(),
                "catalogue order");
        assertEquals(Catalogue.get().indicators().size(), province.get("indicators").size());
        // counts print as integers, rates with up to 6 decimals
        for (JsonNode i : province.get("indicators")) {
            if (i.get("id").asText().startsWith("NET_VILLAGE") && !i.get("numerator").isNull()) {
                assertTrue(i.get("numerator").isIntegralNumber(), i.toString());
            }
            if (!i.get("value").isNull()) {
                assertTrue(i.get("value").decimalValue().scale() <= 6, i.toString());
            }
        }
        // the province against gold, cell by cell
        Map<String, Row> gold = new HashMap<>();
        atVersion("gold.indicators", inputs)
                .where("year = 2019 AND region_code = '62'")
                .collectAsList()
                .forEach(r -> gold.put(r.getAs("indicator_id"), r));
        for (JsonNode i : province.get("indicators")) {
            Row g = gold.get(i.get("id").asText());
            assertDecimal(g.getAs("numerator"), i.get("numerator"));
            assertDecimal(g.getAs("denominator"), i.get("denominator"));
            assertDecimal(g.getAs("value"), i.get("value"));
            assertDecimal(g.getAs("achievement"), i.get("achievement"));
            assertDecimal(g.getAs("change"), i.get("change"));
            assertEquals(g.<Boolean>getAs("stale"), i.get("stale").asBoolean());
        }
        Row score =
                atVersion("gold.region_scores", inputs)
                        .where("year = 2019 AND region_code = '62'")
                        .first();
        assertDecimal(score.getAs("composite"), province.get("composite"));

        // the CSV: the contract's header, one row per region × indicator, the JSON's numbers
        List<String> csv = Files.readAllLines(this.first().file(".csv"), StandardCharsets.UTF_8);
        assertEquals(String.join(",", AssessmentCsv.HEADER), csv.get(0));
        assertEquals(this.first().cells() + 1, csv.size());
        String helper =
                csv.stream()
                        .filter(l -> l.startsWith("2019,62,province,甘肃省,TARGET_HELPER_ASSIGNED,"))
                        .findFirst()
                        .orElseThrow();
        Row h = gold.get("TARGET_HELPER_ASSIGNED");
        assertEquals(
                String.join(
                        ",",
                        "2019",
                        "62",
                        "province",
                        "甘肃省",
                        "TARGET_HELPER_ASSIGNED",
                        plain(h.getAs("numerator")),
                        plain(h.getAs("denominator")),
                        plain(h.getAs("value")),
                        plain(h.getAs("target")),
                        String.valueOf(h.<Boolean>getAs("met")),
                        plain(h.getAs("achievement")),
                        String.valueOf(h.<Boolean>getAs("stale"))),
                helper);
    }

    static org.apache.spark.sql.Dataset<Row> atVersion(String table, Map<String, Long> versions) {
        return lake.spark()
                .read()
                .format("delta")
                .option("versionAsOf", versions.get(table))
                .load(lake.path(table));
    }

    Assess.Result first() {
        return first;
    }

    static String plain(BigDecimal v) {
        return v == null ? "" : v.stripTrailingZeros().toPlainString();
    }

    static void assertDecimal(BigDecimal expected, JsonNode actual) {
        if (expected == null) {
            assertTrue(actual.isNull(), "expected null, got " + actual);
        } else {
            assertEquals(0, expected.compareTo(actual.decimalValue()), expected + " vs " + actual);
        }
    }

    @Test
    void anAssessmentIsReproducedByteForByteAfterMoreIngestsBuildsAndMaintenance()
            throws IOException {
        // more arrives: a later assistance delivery correcting a 2019 measure; silver and gold are
        // rebuilt
        Path later = tmp.resolve("later/registry");
        Files.createDirectories(later);
        Files.writeString(
                later.resolve("assistance_20210115.csv"),
                "measure_id,household_id,measure_type,start_date,amount\n"
                        + "CS201900001,6211211032060004,兜底保障,2019-01-06,3950.00\n",
                StandardCharsets.UTF_8);
        new IngestJob(lake, Contract.get(), m -> {})
                .run(new IngestJob.Options(later.getParent().toString(), null, Set.of()));
        new SilverBuild(lake, SampleLake.KEY).run(false);
        new GoldBuild(lake, Catalogue.get(), PovertyLines.load()).run(null, null, false);
        // and the lakehouse is maintained: compaction (a new version) and VACUUM with the tables'
        // retention
        List<org.povlake.lake.Maintenance.TableResult> maintained =
                org.povlake.lake.Maintenance.run(
                        lake,
                        List.of(
                                "gold.indicators",
                                "gold.pillar_scores",
                                "gold.region_scores",
                                "ops.gold_builds"),
                        true,
                        true,
                        r -> {});
        assertTrue(
                maintained.stream().anyMatch(m -> m.filesRemovedByCompaction() > 0),
                maintained.toString());
        assertTrue(
                maintained.stream().allMatch(m -> m.retentionHours() >= 7 * 365 * 24),
                maintained.toString());
        long goldNow = lake.version("gold.indicators");
        assertTrue(
                goldNow > first.inputs().get("gold.indicators"),
                "gold was rewritten since the first assessment");

        Path again = tmp.resolve("again");
        Assess.Result reproduced =
                Assess.run(
                        lake,
                        options(
                                2019,
                                again,
                                EnumSet.of(Assess.Format.JSON, Assess.Format.CSV),
                                false,
                                first.manifest()));
        assertEquals(first.inputs(), reproduced.inputs());
        assertEquals(
                withoutGeneratedAt(first.file(".json")),
                withoutGeneratedAt(reproduced.file(".json")));
        assertTrue(
                java.util.Arrays.equals(
                        Files.readAllBytes(first.file(".csv")),
                        Files.readAllBytes(reproduced.file(".csv"))),
                "the CSV is byte-identical");
        // the assessment JSON itself is a version file too
        Assess.Result fromJson =
                Assess.run(
                        lake,
                        options(
                                2019,
                                tmp.resolve("again-json"),
                                EnumSet.of(Assess.Format.CSV),
                                false,
                                first.file(".json")));
        assertEquals(
                OutputFiles.sha256(first.file(".csv")), OutputFiles.sha256(fromJson.file(".csv")));

        // today's assessment reads the new versions
        Assess.Result now =
                Assess.run(
                        lake,
                        options(
                                2019,
                                tmp.resolve("now"),
                                EnumSet.of(Assess.Format.JSON),
                                false,
                                null));
        assertEquals(goldNow, now.inputs().get("gold.indicators"));
        assertNotEquals(
                withoutGeneratedAt(first.file(".json")), withoutGeneratedAt(now.file(".json")));

        JsonNode manifest =
                JSON.readTree(reproduced.manifest().toFile()).get("assessments").get("2019");
        assertEquals(
                OutputFiles.sha256(first.file(".csv")),
                manifest.get("files").get("indicators_2019.csv").asText());
        assertTrue(manifest.get("as_of").asText().endsWith("manifest.json"));
    }

    /**
     * The JSON's bytes with the generated_at value blanked (the only field a reproduction may
     * change).
     */
    static String withoutGeneratedAt(Path json) throws IOException {
        String text = Files.readString(json, StandardCharsets.UTF_8);
        String blanked = text.replaceFirst("\"generated_at\":\"[^\"]*\"", "\"generated_at\":\"\"");
        assertNotEquals(text, blanked, "generated_at is there");
        return blanked;
    }

    @Test
    void aYearWithoutDataOrWithoutAPovertyLineFailsAndWritesNothing() {
        Path out = tmp.resolve("nothing");
        IllegalStateException noData =
                assertThrows(
                        IllegalStateException.class,
                        () -> Assess.run(lake, options(2016, out, null, false, null)));
        assertTrue(
                noData.getMessage().contains("no data for 2016")
                        && noData.getMessage().contains("2018–2020"),
                noData.getMessage());
        IllegalArgumentException noLine =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> Assess.run(lake, options(2021, out, null, false, null)));
        assertTrue(noLine.getMessage().contains("no line for 2021"), noLine.getMessage());
        assertFalse(Files.exists(out), "nothing written");
        IllegalArgumentException wrongYear =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                Assess.run(
                                        lake,
                                        options(2020, out, null, false, first.file(".json"))));
        assertTrue(
                wrongYear.getMessage().contains("is the assessment of 2019"),
                wrongYear.getMessage());
    }

    @Test
    void aPublishedAssessmentSuppressesSmallCellsAndHoldsNoVillageKeyOrPseudonym()
            throws IOException {
        Path out = tmp.resolve("published");
        Assess.Result r = Assess.run(lake, options(2020, out, null, true, null));
        JsonNode a = JSON.readTree(r.file(".json").toFile());
        assertTrue(a.get("published").asBoolean());
        assertEquals(r.suppressed(), a.get("suppression").get("cells_suppressed").asLong());
        assertTrue(
                r.suppressed() > 100,
                "the sample's small counties have many small cells: " + r.suppressed());
        PublicationRules rules = PublicationRules.get();
        Catalogue c = Catalogue.get();
        int regions = 0;
        for (JsonNode region : a.get("regions")) {
            regions++;
            assertNotEquals("village", region.get("level").asText());
            for (JsonNode i : region.get("indicators")) {
                String id = i.get("id").asText();
                boolean hidden = i.get("numerator").isNull() && !i.get("missing").asBoolean();
                if (rules.personal(c, id) && !hidden && !i.get("missing").asBoolean()) {
                    BigDecimal n = i.get("numerator").decimalValue();
                    BigDecimal d = i.get("denominator").decimalValue();
                    if (!rules.follow().containsKey(id)) {
                        assertTrue(d.compareTo(BigDecimal.TEN) >= 0, region.get("code") + " " + i);
                        assertFalse(small(n) || small(d.subtract(n)), region.get("code") + " " + i);
                    }
                }
                if (hidden) {
                    assertTrue(rules.personal(c, id), "only personal cells are hidden: " + id);
                    for (String f :
                            List.of("denominator", "value", "met", "achievement", "change")) {
                        assertTrue(i.get(f).isNull(), f + " of a hidden cell");
                    }
                }
            }
        }
        assertEquals(
                ReferenceCounts.regions() - ReferenceCounts.regionsPerLevel().get("village"),
                regions,
                "every region but the villages");
        // the disclosure audit passed; its summary is in the JSON and in the manifest (what each
        // rule hid)
        JsonNode audit = a.get("suppression").get("audit");
        assertTrue(audit.get("passed").asBoolean(), audit.toString());
        assertTrue(audit.get("narrowest_interval").asDouble() >= 5, audit.toString());
        assertTrue(audit.get("hidden_numerators_audited").asInt() > 0, audit.toString());
        assertEquals(
                r.suppressed(),
                audit.get("cells_hidden").get("primary").asLong()
                        + audit.get("cells_hidden").get("complement").asLong()
                        + audit.get("cells_hidden").get("linked").asLong()
                        + audit.get("cells_hidden").get("audit").asLong());
        assertEquals(
                audit,
                JSON.readTree(r.manifest().toFile())
                        .get("assessments")
                        .get("2020")
                        .get("disclosure_audit"));
        // the reimbursement ratio follows the one-stop claims count
        for (JsonNode region : a.get("regions")) {
            JsonNode ratio = find(region, "HEALTH_REIMBURSEMENT_RATIO");
            JsonNode count = find(region, "HEALTH_ONE_STOP");
            assertEquals(
                    count.get("numerator").isNull(),
                    ratio.get("numerator").isNull(),
                    region.get("code").asText());
        }
        assertFalse(Files.readString(r.file(".csv")).contains(",village,"));

        // no household key, pseudonym or resident ID in any file (the workbook is a zip of XML:
        // read its entries)
        Set<String> keys = new HashSet<>();
        lake.read("gold.household_portrait")
                .select("household_id")
                .distinct()
                .collectAsList()
                .forEach(k -> keys.add(k.getString(0)));
        lake.read("silver.members")
                .select("person_key")
                .distinct()
                .collectAsList()
                .forEach(k -> keys.add(k.getString(0)));
        assertTrue(keys.size() > 100);
        for (Path f : r.files()) {
            String text =
                    f.toString().endsWith(".xlsx")
                            ? unzipText(f)
                            : Files.readString(f, StandardCharsets.UTF_8);
            for (String k : keys) {
                assertFalse(text.contains(k), f.getFileName() + " holds the key " + k);
            }
            assertEquals(
                    List.of(),
                    org.povlake.testing.ResidentIdPattern.matches(text),
                    f.getFileName() + " holds something like a resident ID");
        }
    }

    static boolean small(BigDecimal v) {
        return v.compareTo(BigDecimal.ONE) >= 0 && v.compareTo(BigDecimal.valueOf(4)) <= 0;
    }

    static JsonNode find(JsonNode region, String id) {
        for (JsonNode i : region.get("indicators")) {
            if (i.get("id").asText().equals(id)) {
                return i;
            }
        }
        throw new AssertionError(id + " not in " + region.get("code"));
    }

    static String unzipText(Path xlsx) throws IOException {
        StringBuilder sb = new StringBuilder();
        try (InputStream in = Files.newInputStream(xlsx);
                ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                sb.append(new String(zip.readAllBytes(), StandardCharsets.UTF_8)).append('\n');
            }
        }
        return sb.toString();
    }
}
