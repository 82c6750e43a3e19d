package org.povlake.silver;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_extract_all;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delta.tables.DeltaTable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.povlake.assess.Assess;
import org.povlake.contract.Catalogue;
import org.povlake.contract.Contract;
import org.povlake.contract.PovertyLines;
import org.povlake.gold.GoldBuild;
import org.povlake.ingest.IngestJob;
import org.povlake.lake.Lakehouse;
import org.povlake.testing.TestSpark;

/**
 * Rotating the pseudonymisation key retires the old pseudonyms: after {@code build-silver --rebuild
 * --retire-old-pseudonyms} under a new key, no version of any silver or gold table that time travel
 * can read holds a pseudonym of the old key, and no byte of the lakehouse's silver, gold and ops
 * folders holds 32 consecutive digits of one (Delta's log keeps the first 32 characters of each
 * file's smallest and largest value of a column, in {@code _delta_log} and its checkpoints: a
 * prefix matches a pseudonym as well as the whole). A lakehouse of the sample's 2020 deliveries is
 * built under key A and assessed; a rotation without the confirmation is refused; then it is
 * rotated to key B.
 */
@Tag("end-to-end")
class KeyRotationTest {
    static final PseudonymKey KEY_A =
            PseudonymKey.fromHex(
                    "974f1c70fb6d42f88d4e8fbb792695a957a3865c7aa239605f7a03c5fe20bba1",
                    "test key A");
    static final PseudonymKey KEY_B =
            PseudonymKey.fromHex(
                    "7bdebf997f3ef9cf57e9bcfeb5186fd5c2c39d37a365c58dfc4b6433f1e54dd3",
                    "test key B");

    @TempDir static Path tmp;
    static Lakehouse lake;
    static Path root;

    /** Every pseudonym key A gave to an ID of bronze. */
    static Set<String> oldPseudonyms;

    /** The 2020 assessment (JSON, CSV and HTML) written before the rotation. */
    static Assess.Result before;

    static List<String> foundBeforeInVersions;
    static List<String> foundBeforeInBytes;
    static SilverBuild.SilverBuildException unconfirmed;
    static Map<String, Long> versionsBeforeRefusal;
    static Map<String, Long> versionsAfterRefusal;
    static SilverBuild.Result rotation;

    @BeforeAll
    static void buildAssessAndRotate() throws IOException {
        root = tmp.resolve("lake");
        lake = new Lakehouse(TestSpark.get(), root.toString());
        Path inbox = tmp.resolve("inbox");
        SilverBuildTest.copySample(inbox, "20201231");
        new IngestJob(lake, Contract.get(), m -> {})
                .run(new IngestJob.Options(inbox.toString(), null, Set.of()));
        new SilverBuild(lake, KEY_A).run(false);
        new GoldBuild(lake, Catalogue.get(), PovertyLines.load()).run(null, null, false);
        before =
                Assess.run(
                        lake,
                        options(
                                tmp.resolve("before"),
                                EnumSet.of(
                                        Assess.Format.JSON, Assess.Format.CSV, Assess.Format.HTML),
                                null));
        oldPseudonyms = pseudonymsOfBronzeIds(KEY_A);
        // the scans find key A's pseudonyms while they are there: they can fail
        foundBeforeInVersions = inReadableVersions(oldPseudonyms, List.of("silver"));
        foundBeforeInBytes = inFiles(oldPseudonyms, List.of("silver"));

        versionsBeforeRefusal = versions();
        unconfirmed =
                assertThrows(
                        SilverBuild.SilverBuildException.class,
                        () -> new SilverBuild(lake, KEY_B).run(true));
        versionsAfterRefusal = versions();
        rotation = new SilverBuild(lake, KEY_B).run(true, true);
    }

    static Map<String, Long> versions() {
        Map<String, Long> out = new TreeMap<>();
        lake.tables().forEach(t -> out.put(t, lake.version(t)));
        return out;
    }

    static Assess.Options options(Path out, EnumSet<Assess.Format> formats, Path asOf) {
        return new Assess.Options(
                2020, out, formats, false, asOf, Catalogue.get(), PovertyLines.load(), "test-code");
    }

    /** The pseudonym under {@code key} of every resident ID and helper id of every bronze table. */
    static Set<String> pseudonymsOfBronzeIds(PseudonymKey key) {
        Pseudonyms p = new Pseudonyms(key);
        Set<String> out = new HashSet<>();
        for (String t : lake.tables()) {
            if (!t.startsWith("bronze.")) {
                continue;
            }
            List<String> columns = Arrays.asList(lake.read(t).columns());
            for (String[] pair : BronzeProjection.PSEUDONYMISED) {
                if (columns.contains(pair[0])) {
                    lake.read(t)
                            .select(pair[0])
                            .distinct()
                            .collectAsList()
                            .forEach(r -> out.add(p.of(r.getString(0))));
                }
            }
        }
        out.remove(null);
        assertTrue(out.size() > 20, "the sample has resident IDs: " + out.size());
        return out;
    }

    /**
     * The 32-character pieces of {@code pseudonyms}: Delta keeps string statistics as 32-character
     * prefixes, and a piece of a pseudonym identifies it as well as the whole.
     */
    static Set<String> pieces(Set<String> pseudonyms) {
        Set<String> out = new HashSet<>();
        pseudonyms.forEach(
                p -> {
                    for (int i = 0; i + PIECE <= p.length(); i++) {
                        out.add(p.substring(i, i + PIECE));
                    }
                });
        return out;
    }

    static final int PIECE = 32;

    /**
     * "table@version" of every version of every table of {@code layers}, read by time travel,
     * holding a piece.
     */
    static List<String> inReadableVersions(Set<String> pseudonyms, List<String> layers) {
        Set<String> pieces = pieces(pseudonyms);
        List<String> found = new ArrayList<>();
        for (String t : lake.tables()) {
            if (!layers.contains(t.substring(0, t.indexOf('.')))) {
                continue;
            }
            List<Long> versions =
                    DeltaTable.forPath(lake.spark(), lake.path(t))
                            .history()
                            .select("version")
                            .collectAsList()
                            .stream()
                            .map(r -> r.getLong(0))
                            .toList();
            for (long v : versions) {
                Dataset<Row> d =
                        lake.spark()
                                .read()
                                .format("delta")
                                .option("versionAsOf", v)
                                .load(lake.path(t));
                if (hexRuns(d).stream().anyMatch(run -> holdsOne(run, pieces))) {
                    found.add(t + "@" + v);
                }
            }
        }
        return found;
    }

    /**
     * Every file under the lakehouse's {@code layers} folders holding a piece of one (Parquet
     * decoded too).
     */
    static List<String> inFiles(Set<String> pseudonyms, List<String> layers) throws IOException {
        Set<String> pieces = pieces(pseudonyms);
        List<String> found = new ArrayList<>();
        for (String layer : layers) {
            try (Stream<Path> files = Files.walk(root.resolve(layer))) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    String bytes = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                    boolean hit = holdsOne(bytes, pieces);
                    if (!hit && f.getFileName().toString().endsWith(".parquet")) {
                        // compressed pages: look at the decoded values too
                        hit =
                                hexRuns(lake.spark().read().parquet(f.toUri().toString())).stream()
                                        .anyMatch(run -> holdsOne(run, pieces));
                    }
                    if (hit) {
                        found.add(root.relativize(f).toString());
                    }
                }
            }
        }
        return found;
    }

    /**
     * The runs of 32 or more lower-case hex digits anywhere in the frame's rows: in every column
     * that can hold text (strings, and arrays, maps and structs, nested ones too; numbers, booleans
     * and dates cannot).
     */
    static Set<String> hexRuns(Dataset<Row> d) {
        Column[] text =
                Arrays.stream(d.schema().fields())
                        .filter(
                                f ->
                                        !(f.dataType() instanceof NumericType
                                                || f.dataType() instanceof BooleanType
                                                || f.dataType() instanceof DateType
                                                || f.dataType() instanceof TimestampType
                                                || f.dataType() instanceof TimestampNTZType))
                        .map(f -> col("`" + f.name() + "`"))
                        .toArray(Column[]::new);
        Set<String> runs = new TreeSet<>();
        if (text.length > 0) {
            d.select(
                            explode(
                                            regexp_extract_all(
                                                    to_json(struct(text)),
                                                    lit("[0-9a-f]{" + PIECE + ",}"),
                                                    lit(0)))
                                    .as("run"))
                    .distinct()
                    .collectAsList()
                    .forEach(r -> runs.add(r.getString(0)));
        }
        return runs;
    }

    /**
     * Whether any {@value #PIECE}-character window of a lower-case hex run of {@code text} is one
     * of {@code pieces}.
     */
    static boolean holdsOne(String text, Set<String> pieces) {
        int i = 0;
        while (i < text.length()) {
            int start = i;
            while (i < text.length() && isHex(text.charAt(i))) {
                i++;
            }
            for (int w = start; w + PIECE <= i; w++) {
                if (pieces.contains(text.substring(w, w + PIECE))) {
                    return true;
                }
            }
            i++;
        }
        return false;
    }

    static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
    }

    @Test
    void theScansFindTheOldPseudonymsWhileTheyAreThere() {
        assertTrue(
                foundBeforeInVersions.stream().anyMatch(s -> s.startsWith("silver.members@")),
                foundBeforeInVersions.toString());
        assertTrue(
                foundBeforeInBytes.stream().anyMatch(f -> f.contains("_delta_log")),
                "the log's statistics hold them: " + foundBeforeInBytes);
    }

    @Test
    void noReadableVersionOfAnySilverOrGoldTableHoldsAnOldPseudonym() {
        assertEquals(List.of(), inReadableVersions(oldPseudonyms, List.of("silver", "gold")));
    }

    @Test
    void noByteOfTheSilverGoldAndOpsFoldersHoldsAnOldPseudonym() throws IOException {
        assertEquals(List.of(), inFiles(oldPseudonyms, List.of("silver", "gold", "ops")));
    }

    @Test
    void aRotationWithoutTheConfirmationIsRefusedSayingWhatItDeletesAndChangesNothing() {
        String m = unconfirmed.getMessage();
        assertTrue(
                m.contains("--retire-old-pseudonyms")
                        && m.contains("silver.members")
                        && m.contains("time travel")
                        && m.contains(KEY_A.id())
                        && m.contains(KEY_B.id()),
                m);
        assertEquals(versionsBeforeRefusal, versionsAfterRefusal);
    }

    @Test
    void theTablesDeletedAreThoseWhoseSchemaMarksAPseudonymAndTheOthersKeepTheirHistory() {
        assertEquals(
                List.of(
                        "silver.enrollment",
                        "silver.households",
                        "silver.inpatient_claims",
                        "silver.insurance_enrollment",
                        "silver.member_signals",
                        "silver.members",
                        "silver.orphans",
                        "silver.training"),
                rotation.retiredTables());
        assertEquals(KEY_A.id(), rotation.retiredKeyId());
        Instant retiredAt =
                lake.read(SilverBuild.BUILDS)
                        .where(col("build_id").equalTo(rotation.buildId()))
                        .first()
                        .getAs("retired_at");
        for (String t : lake.tables()) {
            Row oldest =
                    DeltaTable.forPath(lake.spark(), lake.path(t))
                            .history()
                            .orderBy("version")
                            .first();
            Instant since = oldest.<Instant>getAs("timestamp");
            if (rotation.retiredTables().contains(t)) {
                // (a commit's time is its log file's, at the file system's precision)
                assertFalse(
                        since.isBefore(retiredAt.minusSeconds(1)),
                        t
                                + ": its history starts at the rotation ("
                                + since
                                + ", retired at "
                                + retiredAt
                                + ")");
            } else if (versionsBeforeRefusal.containsKey(t)) {
                assertEquals(0L, oldest.<Long>getAs("version"), t + " keeps its history");
                assertTrue(since.isBefore(retiredAt), t + " keeps its history");
            }
        }
    }

    @Test
    void aSecondConfirmationUnderTheSameKeyRetiresNothing() {
        SilverBuild.Result again = new SilverBuild(lake, KEY_B).run(false, true);
        assertEquals(null, again.retiredKeyId());
        assertTrue(again.upToDate());
    }

    @Test
    void theNewKeysPseudonymsAreThere() {
        Set<String> current = pseudonymsOfBronzeIds(KEY_B);
        assertTrue(
                lake.read("silver.members").select("person_key").collectAsList().stream()
                        .allMatch(r -> current.contains(r.getString(0))));
    }

    @Test
    void theRotationIsRecordedInTheBuildLog() {
        Row last = lake.read(SilverBuild.BUILDS).orderBy(col("started_at").desc()).first();
        assertEquals(KEY_B.id(), last.getAs("key_id"));
        assertEquals(KEY_A.id(), last.getAs("retired_key_id"));
        assertTrue(
                last.getList(last.fieldIndex("retired_tables")).contains("silver.members"),
                last.toString());
    }

    @Test
    void anAssessmentOfBeforeTheRotationSaysItsSilverVersionsWereRetired() {
        IllegalStateException e =
                assertThrows(
                        IllegalStateException.class,
                        () ->
                                Assess.run(
                                        lake,
                                        options(
                                                tmp.resolve("again"),
                                                EnumSet.of(
                                                        Assess.Format.JSON,
                                                        Assess.Format.CSV,
                                                        Assess.Format.HTML),
                                                before.manifest())));
        assertTrue(
                e.getMessage().contains("retired by the key rotation")
                        && e.getMessage().contains(rotation.buildId())
                        && e.getMessage().contains("--format json,csv"),
                e.getMessage());
        assertFalse(
                Files.exists(tmp.resolve("again").resolve("assessment_2020.json")),
                "nothing written");
    }

    @Test
    void itsJsonAndCsvAreStillReproducedFromGoldsKeptHistory() throws IOException {
        Assess.Result again =
                Assess.run(
                        lake,
                        options(
                                tmp.resolve("again-json"),
                                EnumSet.of(Assess.Format.JSON, Assess.Format.CSV),
                                before.manifest()));
        assertTrue(
                Arrays.equals(
                        Files.readAllBytes(before.file(".csv")),
                        Files.readAllBytes(again.file(".csv"))));
    }
}
