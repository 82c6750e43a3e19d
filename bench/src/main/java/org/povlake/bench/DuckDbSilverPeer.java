package org.povlake.bench;

import static org.povlake.bench.Peers.lit;
import static org.povlake.bench.Peers.round3;
import static org.povlake.bench.Peers.scalar;
import static org.povlake.bench.Peers.seconds;
import static org.povlake.bench.Peers.timed;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.povlake.lake.LakeSchemas;
import org.povlake.lake.SparkSessions;
import org.povlake.silver.PseudonymKey;

/**
 * The bench's peer for silver: DuckDB SQL over bronze's Parquet files computing the equivalent of
 * silver's two heaviest tables, {@code silver.members} and {@code silver.households}, written to
 * Parquet, timed, and (with {@code --compare}) compared with povlake's tables. It is a peer for
 * timing first: it does two of silver's eighteen tables, the two that hold most rows and all the
 * resident-ID pseudonyms of the registry.
 *
 * <p>What it computes, from what silver's code does ({@code SilverSteps.members}, {@code
 * SilverSteps.households}, {@code BronzeProjection}, {@code HouseholdHistory}):
 *
 * <ul>
 *   <li>{@code members}: every member row of every {@code bronze.registry_members} delivery whose
 *       household is in the {@code bronze.registry_households} delivery of the same as-of date (the
 *       orphans left out, as silver does; silver.members keeps every snapshot, not only the
 *       latest), the resident ID replaced by {@code person_key} and the name dropped; sex, birth
 *       date and county of registration derived from the ID.
 *   <li>{@code households}: the registry snapshots folded into a history (SCD type 2): a period
 *       begins when a household first appears (IDENTIFIED), comes back after missing a snapshot
 *       (REAPPEARED) or has any attribute changed (CHANGED); it ends at the next snapshot that
 *       changes it or lacks it. {@code head_person_key} and {@code helper_key} are pseudonyms.
 * </ul>
 *
 * <p>The pseudonyms: HMAC-SHA256 under the benchmark's key of the trimmed, upper-cased ID, as
 * silver computes them. DuckDB has {@code sha256} but no HMAC function, so the HMAC is built from
 * its definition (RFC 2104): {@code sha256((K ⊕ opad) || sha256((K ⊕ ipad) || m))}, with K padded
 * to the 64-byte block (hashed first if longer). The two padded keys are inserted into a one-row
 * temp table through a prepared statement, so the key never appears in any SQL text. The key comes
 * from the same configuration povlake reads ({@code --key-file}, {@code
 * POVLAKE_PSEUDONYM_KEY_FILE}, {@code POVLAKE_PSEUDONYM_KEY}, the lakehouse's local key) and its id
 * is checked against the one {@code ops.silver_builds} recorded.
 *
 * <p>How it reads bronze: as {@link DuckDbGoldPeer} reads silver — a local Spark session lists each
 * table's live data files (the current snapshot's add actions, checked against {@code
 * inputFiles()}; never a glob, which would include files an overwrite or a MERGE removed), refuses
 * a live file with a deletion vector, and takes the as-of date of each file from its add action's
 * partition values. The listing is timed apart; DuckDB's time is the SQL and the writing of both
 * tables to Parquet.
 *
 * <p>What {@code --compare} checks: the row counts of each table, then, in Spark, every column of
 * silver's schema (pseudonyms included) by EXCEPT ALL both ways between the peer's Parquet and
 * povlake's Delta table; when the two differ it compares again without the pseudonym columns, to
 * tell a pseudonym difference from a data difference, and prints the first differing rows by their
 * non-personal columns (household, date, source file and record number; never a pseudonym).
 *
 * <p>What it does not do or check: silver's sixteen other tables, the orphans table ({@code
 * silver.orphans}), the consistency signals, the delivery ledger, the incremental build, Delta
 * commits (it writes plain Parquet), the key checks povlake makes before a build. The history's
 * snapshot dates are those bronze holds rows for; silver takes them from {@code ops.ingest_log}, so
 * a households delivery that loaded no row at all would only show up here as a difference. The
 * normalisation of an ID before its HMAC is Java's {@code strip()} (its whitespace characters),
 * U+3000 removed, and DuckDB's {@code upper()} for Java's {@code toUpperCase(Locale.ROOT)}: the
 * same for resident IDs; a helper id with a letter whose upper case differs between the two (ß)
 * would show up as a pseudonym difference.
 *
 * <p>Usage: {@code DuckDbSilverPeer --lakehouse DIR [--out DIR] [--threads N] [--memory-limit 4GB]
 * [--key-file FILE] [--json FILE] [--compare]}. Prints one line (and the first differences). Exit 0
 * also when the two disagree (the JSON and the line say so); 1 on an error (e.g. a deletion vector,
 * no key); 2 on a usage error.
 */
public final class DuckDbSilverPeer {
    private static final ObjectMapper JSON =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private static final String HOUSEHOLDS = "registry_households";
    private static final String MEMBERS = "registry_members";

    /** Silver's attributes of a household period (HouseholdHistory.ATTRIBUTES, in its order). */
    private static final List<String> ATTRIBUTES =
            List.of(
                    "village_code",
                    "head_person_key",
                    "household_size",
                    "poverty_attribute",
                    "identification_year",
                    "status",
                    "exit_year",
                    "primary_cause",
                    "secondary_causes",
                    "per_capita_net_income",
                    "housing_safe",
                    "drinking_water_safe",
                    "has_broadband",
                    "has_smart_terminal",
                    "helper_key");

    /** The pseudonym columns of each table (left out of the second comparison). */
    private static final Map<String, List<String>> PSEUDONYMS =
            Map.of(
                    "silver.members",
                    List.of("person_key"),
                    "silver.households",
                    List.of("head_person_key", "helper_key"));

    /** Non-personal columns that locate a row, printed for a difference. */
    private static final Map<String, List<String>> LOCATORS =
            Map.of(
                    "silver.members",
                    List.of("snapshot_date", "household_id", "source_file", "record_number"),
                    "silver.households",
                    List.of("household_id", "valid_from", "version", "change"));

    /**
     * Java's {@code Character.isWhitespace} characters, which {@code String.strip()} removes at
     * both ends (Pseudonyms.of), as DuckDB {@code chr} codes.
     */
    private static final int[] JAVA_WHITESPACE = {
        9, 10, 11, 12, 13, 28, 29, 30, 31, 32, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004,
        0x2005, 0x2006, 0x2008, 0x2009, 0x200A, 0x2028, 0x2029, 0x205F, 0x3000
    };

    private DuckDbSilverPeer() {}

    public static void main(String[] args) throws Exception {
        Peers.Args parsed =
                Peers.parse(
                        args,
                        List.of(
                                "--lakehouse",
                                "--out",
                                "--threads",
                                "--memory-limit",
                                "--key-file",
                                "--json"),
                        DuckDbSilverPeer::usage);
        Map<String, String> opt = parsed.values();
        boolean compare = parsed.compare();
        if (!opt.containsKey("lakehouse")) {
            usage("--lakehouse is required");
        }
        String lake = opt.get("lakehouse");
        String root = lake.endsWith("/") ? lake.substring(0, lake.length() - 1) : lake;
        int threads =
                Integer.parseInt(
                        opt.getOrDefault(
                                "threads",
                                String.valueOf(Runtime.getRuntime().availableProcessors())));
        String memoryLimit = opt.getOrDefault("memory-limit", "4GB");
        Path outDir =
                opt.containsKey("out")
                        ? Path.of(opt.get("out")).toAbsolutePath()
                        : Files.createTempDirectory("silver-peer");
        Files.createDirectories(outDir);
        Map<String, Path> outFiles = new LinkedHashMap<>();
        outFiles.put("silver.members", outDir.resolve("members.parquet"));
        outFiles.put("silver.households", outDir.resolve("households.parquet"));

        Optional<Path> keyFile = Optional.ofNullable(opt.get("key-file")).map(Path::of);
        Path localKey = Path.of(root, PseudonymKey.LOCAL_KEY);
        PseudonymKey key = PseudonymKey.resolve(keyFile, System.getenv(), Optional.of(localKey));
        byte[] keyBytes = keyBytes(keyFile, localKey);

        ObjectNode out = JSON.createObjectNode();
        out.put("lakehouse", lake);
        out.put("threads", threads);
        out.put("key_id", key.id());
        out.put("out", outDir.toString());
        SparkSession spark = SparkSessions.builder("povlake-bench-silver-peer").getOrCreate();
        spark.sparkContext().setLogLevel("ERROR");
        try {
            // 1. Spark: the live files of the two bronze tables (timed on its own)
            long t0 = System.nanoTime();
            ObjectNode listing = out.putObject("tables");
            Map<String, List<DuckDbGoldPeer.LiveFile>> files = new LinkedHashMap<>();
            for (String extract : List.of(HOUSEHOLDS, MEMBERS)) {
                ObjectNode info = listing.putObject("bronze." + extract);
                long t = System.nanoTime();
                files.put(
                        extract,
                        DuckDbGoldPeer.liveFiles(
                                spark, root + "/bronze/" + extract, "bronze." + extract, info));
                info.put("seconds", round3(seconds(t)));
            }
            double listingSeconds = seconds(t0);
            out.put("spark_listing_s", round3(listingSeconds));
            String silverKeyId = silverKeyId(spark, root);
            out.put("silver_key_id", silverKeyId);
            if (silverKeyId != null && !silverKeyId.equals(key.id())) {
                System.out.println(
                        "silver peer: the key ("
                                + key.id()
                                + ", from "
                                + key.origin()
                                + ") is not silver's ("
                                + silverKeyId
                                + "): every pseudonym will differ");
            }

            // 2. DuckDB: the two tables, written to Parquet (timed on its own)
            Map<String, Long> peerRows = new LinkedHashMap<>();
            long bronzeRows;
            double duckdbSeconds;
            ObjectNode steps = out.putObject("duckdb_steps_s");
            try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                    Statement st = c.createStatement()) {
                long t1 = System.nanoTime();
                st.execute("SET threads = " + threads);
                st.execute("SET memory_limit = '" + memoryLimit + "'");
                st.execute("SET preserve_insertion_order = false");
                hmacKey(c, keyBytes);
                bronzeView(st, "b_households", files.get(HOUSEHOLDS));
                bronzeView(st, "b_members", files.get(MEMBERS));
                timed(st, steps, "members", membersSql(outFiles.get("silver.members")));
                timed(st, steps, "households", householdsSql(outFiles.get("silver.households")));
                duckdbSeconds = seconds(t1);
                // not timed: the rows read and written, for the bench's rows/s
                bronzeRows =
                        scalar(st, "SELECT count(*) FROM b_households")
                                + scalar(st, "SELECT count(*) FROM b_members");
                for (Map.Entry<String, Path> e : outFiles.entrySet()) {
                    peerRows.put(
                            e.getKey(),
                            scalar(
                                    st,
                                    "SELECT count(*) FROM read_parquet("
                                            + lit(e.getValue().toString())
                                            + ")"));
                }
            }
            out.put("duckdb_s", round3(duckdbSeconds));
            ObjectNode rows = out.putObject("peer_rows");
            peerRows.forEach(rows::put);
            String line =
                    String.format(
                            Locale.ROOT,
                            "silver peer: members %d rows, households %d periods; Spark listing"
                                    + " %.1f s, DuckDB %.1f s",
                            peerRows.get("silver.members"),
                            peerRows.get("silver.households"),
                            listingSeconds,
                            duckdbSeconds);

            // 3. the comparison with povlake's silver tables (not timed as the peer's work)
            if (compare) {
                long t2 = System.nanoTime();
                ObjectNode cmp = out.putObject("compare");
                boolean agree = true;
                List<String> parts = new ArrayList<>();
                for (Map.Entry<String, Path> e : outFiles.entrySet()) {
                    ObjectNode t = cmp.putObject(e.getKey());
                    compareTable(spark, root, e.getKey(), e.getValue().toString(), t);
                    agree &= t.get("agree").asBoolean();
                    parts.add(
                            e.getKey()
                                    + " "
                                    + (t.get("agree").asBoolean()
                                            ? "agrees (" + t.get("silver_rows").asLong() + " rows)"
                                            : "DIFFERS: " + t.get("summary").asText()));
                }
                cmp.put("agree", agree);
                cmp.put("seconds", round3(seconds(t2)));
                line += "; vs silver: " + String.join(", ", parts);
            }
            out.put("bronze_rows_read", bronzeRows);
            System.out.println(line);
            if (opt.containsKey("json")) {
                Files.writeString(Path.of(opt.get("json")), JSON.writeValueAsString(out) + "\n");
            }
        } finally {
            spark.stop();
        }
    }

    private static void usage(String message) {
        System.err.println("DuckDbSilverPeer: " + message);
        System.err.println(
                "usage: DuckDbSilverPeer --lakehouse DIR [--out DIR] [--threads N] [--memory-limit"
                        + " 4GB] [--key-file FILE] [--json FILE] [--compare]");
        System.exit(2);
    }

    // ---- the key
    // ------------------------------------------------------------------------------------------------

    /**
     * The key's bytes, from the source {@link PseudonymKey#resolve} takes it from (which has
     * already checked it): the key file, else the file named by the environment, else the key in
     * the environment, else the lakehouse's local key.
     */
    private static byte[] keyBytes(Optional<Path> keyFile, Path localKey) throws IOException {
        String hex;
        if (keyFile.isPresent()) {
            hex = Files.readString(keyFile.get());
        } else if (notBlank(System.getenv(PseudonymKey.ENV_FILE))) {
            hex = Files.readString(Path.of(System.getenv(PseudonymKey.ENV_FILE)));
        } else if (notBlank(System.getenv(PseudonymKey.ENV_KEY))) {
            hex = System.getenv(PseudonymKey.ENV_KEY);
        } else {
            hex = Files.readString(localKey);
        }
        return HexFormat.of().parseHex(hex.strip());
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    /**
     * Temp table {@code _k(ipad BLOB, opad BLOB)}: the key padded to SHA-256's 64-byte block and
     * XORed with 0x36 and 0x5c (RFC 2104), through a prepared statement (no key in any SQL text).
     */
    private static void hmacKey(Connection c, byte[] key)
            throws SQLException, NoSuchAlgorithmException {
        byte[] k = key.length > 64 ? MessageDigest.getInstance("SHA-256").digest(key) : key;
        byte[] block = Arrays.copyOf(k, 64);
        byte[] ipad = new byte[64];
        byte[] opad = new byte[64];
        for (int i = 0; i < 64; i++) {
            ipad[i] = (byte) (block[i] ^ 0x36);
            opad[i] = (byte) (block[i] ^ 0x5c);
        }
        try (Statement st = c.createStatement()) {
            st.execute("CREATE OR REPLACE TEMP TABLE _k (ipad BLOB, opad BLOB)");
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO _k VALUES (?, ?)")) {
            ps.setBytes(1, ipad);
            ps.setBytes(2, opad);
            ps.executeUpdate();
        }
        Arrays.fill(block, (byte) 0);
    }

    /**
     * The DuckDB expression of a value's pseudonym: null for null or blank; else the HMAC-SHA256 of
     * its normalised UTF-8 bytes (Pseudonyms.of), as 64 lower-case hex digits. Needs {@code _k}
     * joined as {@code k}.
     */
    static String pseudonym(String column) {
        String ws =
                Arrays.stream(JAVA_WHITESPACE)
                        .mapToObj(cp -> "chr(" + cp + ")")
                        .collect(Collectors.joining(" || "));
        String normalised =
                "nullif(upper(replace(trim(" + column + ", " + ws + "), chr(12288), '')), '')";
        return "CASE WHEN "
                + normalised
                + " IS NULL THEN NULL ELSE lower(sha256(k.opad || unhex(sha256(k.ipad || encode("
                + normalised
                + "))))) END";
    }

    // ---- DuckDB: the two tables
    // ---------------------------------------------------------------------------------

    /**
     * A view over a bronze table's live files with {@code _as_of_date} from each file's partition
     * value (one read_parquet per as-of date).
     */
    private static void bronzeView(Statement st, String view, List<DuckDbGoldPeer.LiveFile> files)
            throws SQLException {
        Map<String, List<String>> byDate = new TreeMap<>();
        for (DuckDbGoldPeer.LiveFile f : files) {
            String d = f.partition().get("_as_of_date");
            if (d == null) {
                throw new IllegalStateException(
                        view + ": live file " + f.path() + " has no _as_of_date partition value");
            }
            byDate.computeIfAbsent(d, x -> new ArrayList<>()).add(f.path());
        }
        if (byDate.isEmpty()) {
            throw new IllegalStateException(view + ": bronze holds no live file");
        }
        String sql =
                byDate.entrySet().stream()
                        .map(
                                e ->
                                        "SELECT *, DATE "
                                                + lit(e.getKey())
                                                + " AS _as_of_date FROM read_parquet(["
                                                + e.getValue().stream()
                                                        .map(Peers::lit)
                                                        .collect(Collectors.joining(", "))
                                                + "])")
                        .collect(Collectors.joining(" UNION ALL "));
        st.execute("CREATE OR REPLACE TEMP VIEW " + view + " AS " + sql);
    }

    /**
     * silver.members: member rows whose household is in the households delivery of the same date,
     * in silver.members' columns.
     */
    static String membersSql(Path file) {
        return "COPY (SELECT m._as_of_date AS snapshot_date, m.household_id, "
                + pseudonym("m.id_number")
                + " AS person_key, m.relation,"
                + " CASE WHEN try_cast(substring(m.id_number, 17, 1) AS INTEGER) % 2 = 1 THEN 'M'"
                + " ELSE 'F' END AS sex,"
                + " CAST(try_strptime(substring(m.id_number, 7, 8), '%Y%m%d') AS DATE) AS birth_date,"
                + " substring(m.id_number, 1, 6) AS id_county_code, m.education, m.in_school,"
                + " m.health, m.labor_capacity, m.skill_trained, m.medical_insurance,"
                + " m._source_file AS source_file, m._record_number AS record_number"
                + " FROM b_members m CROSS JOIN _k k"
                + " SEMI JOIN (SELECT DISTINCT household_id, _as_of_date FROM b_households) h"
                + "   ON h.household_id = m.household_id AND h._as_of_date = m._as_of_date)"
                + " TO "
                + lit(file.toString())
                + " (FORMAT parquet)";
    }

    /** silver.households: the snapshots folded into periods (HouseholdHistory.build). */
    static String householdsSql(Path file) {
        String attrs =
                ATTRIBUTES.stream().map(a -> a + " := " + a).collect(Collectors.joining(", "));
        return "COPY (WITH idx AS ("
                + "  SELECT d AS snapshot_date, row_number() OVER (ORDER BY d) AS idx"
                + "  FROM (SELECT DISTINCT _as_of_date AS d FROM b_households)),"
                + " snap AS ("
                + "  SELECT h.household_id, h._as_of_date AS snapshot_date, h.village_code, "
                + pseudonym("h.head_id_number")
                + " AS head_person_key, h.household_size, h.poverty_attribute,"
                + "   h.identification_year, h.status, h.exit_year, h.primary_cause,"
                + "   h.secondary_causes, h.per_capita_net_income, h.housing_safe,"
                + "   h.drinking_water_safe, h.has_broadband, h.has_smart_terminal, "
                + pseudonym("h.helper_cadre_id")
                + " AS helper_key, h._source_file AS source_file,"
                + "   h._record_number AS record_number"
                + "  FROM b_households h CROSS JOIN _k k),"
                + " marked AS ("
                + "  SELECT *, CASE WHEN prev_idx IS NULL THEN 'IDENTIFIED'"
                + "    WHEN prev_idx <> idx - 1 THEN 'REAPPEARED'"
                + "    WHEN _attrs IS DISTINCT FROM prev_attrs THEN 'CHANGED' END AS change"
                + "  FROM (SELECT s.*, i.idx, struct_pack("
                + attrs
                + ") AS _attrs,"
                + "    lag(i.idx) OVER w AS prev_idx,"
                + "    lag(struct_pack("
                + attrs
                + ")) OVER w AS prev_attrs,"
                + "    lag(s.status) OVER w AS previous_status,"
                + "    max(i.idx) OVER (PARTITION BY s.household_id) AS last_idx_of_household"
                + "   FROM snap s JOIN idx i USING (snapshot_date)"
                + "   WINDOW w AS (PARTITION BY s.household_id ORDER BY i.idx))),"
                + " periods AS ("
                + "  SELECT *, CASE WHEN next_change IS NULL THEN last_idx_of_household"
                + "    ELSE next_prev_idx END AS last_idx"
                + "  FROM (SELECT *, row_number() OVER p AS version, lead(change) OVER p AS next_change,"
                + "    lead(prev_idx) OVER p AS next_prev_idx"
                + "   FROM marked WHERE change IS NOT NULL"
                + "   WINDOW p AS (PARTITION BY household_id ORDER BY idx)))"
                + " SELECT p.household_id, p.snapshot_date AS valid_from, e.snapshot_date AS valid_to,"
                + "  e.snapshot_date IS NULL AS is_current, CAST(p.version AS INTEGER) AS version,"
                + "  p.change,"
                + "  CASE WHEN p.change = 'IDENTIFIED' THEN NULL ELSE p.previous_status END"
                + "    AS previous_status,"
                + "  CASE WHEN e.snapshot_date IS NULL THEN NULL WHEN p.next_change = 'CHANGED'"
                + "    THEN 'CHANGED' ELSE 'ABSENT' END AS end_reason,"
                + "  p.village_code, substring(p.village_code, 1, 9) AS township_code,"
                + "  substring(p.village_code, 1, 6) AS county_code,"
                + "  substring(p.village_code, 1, 4) AS city_code,"
                + "  p.head_person_key, p.household_size, p.poverty_attribute,"
                + "  p.identification_year, p.status, p.exit_year, p.primary_cause,"
                + "  p.secondary_causes, p.per_capita_net_income, p.housing_safe,"
                + "  p.drinking_water_safe, p.has_broadband, p.has_smart_terminal, p.helper_key,"
                + "  p.source_file, p.record_number"
                + " FROM periods p LEFT JOIN idx e ON e.idx - 1 = p.last_idx)"
                + " TO "
                + lit(file.toString())
                + " (FORMAT parquet)";
    }

    // ---- the comparison with povlake's silver tables
    // ------------------------------------------------------------

    /**
     * Compares the peer's Parquet with povlake's silver table (every column of silver's schema,
     * cast to its type) by EXCEPT ALL both ways; on a difference, again without the pseudonyms.
     */
    private static void compareTable(
            SparkSession spark, String root, String table, String peerFile, ObjectNode out) {
        StructType schema = LakeSchemas.schema(table);
        Dataset<Row> silver =
                spark.read()
                        .format("delta")
                        .load(root + "/silver/" + table.substring("silver.".length()));
        Dataset<Row> peer = spark.read().parquet(peerFile);
        List<Column> cols = new ArrayList<>();
        List<Column> plain = new ArrayList<>();
        for (StructField f : schema.fields()) {
            cols.add(functions.col(f.name()).cast(f.dataType()).as(f.name()));
            if (!PSEUDONYMS.get(table).contains(f.name())) {
                plain.add(functions.col(f.name()).cast(f.dataType()).as(f.name()));
            }
        }
        Column[] all = cols.toArray(new Column[0]);
        Dataset<Row> s = silver.select(all).cache();
        Dataset<Row> p = peer.select(all).cache();
        try {
            long silverRows = s.count();
            long peerRows = p.count();
            long onlyPeer = p.exceptAll(s).count();
            long onlySilver = s.exceptAll(p).count();
            out.put("silver_rows", silverRows);
            out.put("peer_rows", peerRows);
            out.put("rows_only_in_peer", onlyPeer);
            out.put("rows_only_in_silver", onlySilver);
            boolean agree = silverRows == peerRows && onlyPeer == 0 && onlySilver == 0;
            out.put("agree", agree);
            out.put("compared", "every column, pseudonyms included (EXCEPT ALL both ways)");
            if (agree) {
                return;
            }
            Column[] nonPersonal = plain.toArray(new Column[0]);
            long plainPeer = p.select(nonPersonal).exceptAll(s.select(nonPersonal)).count();
            long plainSilver = s.select(nonPersonal).exceptAll(p.select(nonPersonal)).count();
            out.put("without_pseudonyms_rows_only_in_peer", plainPeer);
            out.put("without_pseudonyms_rows_only_in_silver", plainSilver);
            out.put(
                    "summary",
                    String.format(
                            Locale.ROOT,
                            "%d rows (peer %d), %d only in the peer, %d only in silver; without"
                                    + " the pseudonyms %d and %d",
                            silverRows,
                            peerRows,
                            onlyPeer,
                            onlySilver,
                            plainPeer,
                            plainSilver));
            Column[] where =
                    LOCATORS.get(table).stream().map(functions::col).toArray(Column[]::new);
            ArrayNode first = out.putArray("first_differences");
            for (String[] side :
                    List.of(new String[] {"peer", "silver"}, new String[] {"silver", "peer"})) {
                Dataset<Row> a = side[0].equals("peer") ? p : s;
                Dataset<Row> b = side[0].equals("peer") ? s : p;
                for (Row r :
                        a.exceptAll(b).select(where).orderBy(where).limit(10).collectAsList()) {
                    ObjectNode d = first.addObject();
                    d.put("only_in", side[0]);
                    for (int i = 0; i < where.length; i++) {
                        d.put(LOCATORS.get(table).get(i), String.valueOf(r.get(i)));
                    }
                    System.out.println("DIFFER " + table + " only in " + side[0] + ": " + d);
                }
            }
        } finally {
            s.unpersist();
            p.unpersist();
        }
    }

    /** The key id of silver's latest build (ops.silver_builds), or null without one. */
    private static String silverKeyId(SparkSession spark, String root) {
        Path log = Path.of(root, "ops", "silver_builds", "_delta_log");
        if (!Files.isDirectory(log)) {
            return null;
        }
        List<Row> r =
                spark.read()
                        .format("delta")
                        .load(root + "/ops/silver_builds")
                        .orderBy(functions.col("started_at").desc())
                        .select("key_id")
                        .limit(1)
                        .collectAsList();
        return r.isEmpty() ? null : r.get(0).getString(0);
    }

    // ---- small helpers
    // ------------------------------------------------------------------------------------------

}
