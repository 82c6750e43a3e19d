package org.povlake.bench;

import static org.povlake.bench.Peers.lit;
import static org.povlake.bench.Peers.round3;
import static org.povlake.bench.Peers.scalar;
import static org.povlake.bench.Peers.seconds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.DeltaLog;
import org.apache.spark.sql.delta.Snapshot;
import org.povlake.lake.SparkSessions;
import scala.Tuple2;

/**
 * The bench's peer for gold: the same indicators as povlake's gold layer for one year, written
 * independently from METRICS.md as DuckDB SQL over silver's Parquet files, and compared cell by
 * cell with {@code gold.indicators}.
 *
 * <p>Indicators: the eight NET_*, EDU_COMPULSORY_DROPOUT, TARGET_EXIT_COMPLIANCE and the MPI
 * (MPI_H, MPI_A, MPI_M0 and the nine MPI_CH_*), for every region of {@code silver.regions} at every
 * level the indicator exists at.
 *
 * <p>How it reads silver: a local Spark session only lists each table's live data files (the
 * current snapshot's {@code add} actions, and {@code inputFiles()} of a read at that version —
 * never a glob, which would include the files a MERGE or an overwrite removed). A live file with a
 * deletion vector stops the peer: DuckDB would read the rows the vector deletes. Partition values
 * (snapshot_date) come from the add actions, not from directory names. DuckDB then reads the files
 * of the partitions it needs; its wall time is measured on its own.
 *
 * <p>Exact arithmetic: numerators and denominators are carried as integers scaled by 10^4 (an MPI
 * numerator Σ n·c is a multiple of 1/16 = 0.0625), and value = numerator / denominator rounded half
 * up to 6 decimals is computed in integers, so the comparison with gold's decimal(38,4) /
 * decimal(38,6) is exact.
 *
 * <p>Usage: {@code DuckDbGoldPeer --lakehouse DIR --year Y [--threads N] [--memory-limit 8GB]
 * [--out CELLS.parquet] [--json FILE] [--csv FILE] [--compare]}. Prints one line (and a line per
 * disagreement, the first 20) and, with {@code --json}, writes its timings and the comparison for
 * bench/summarize_gold.py. Exit 0 also when the two disagree (the JSON says so); 1 on an error,
 * e.g. a deletion vector; 2 on a usage error.
 */
public final class DuckDbGoldPeer {
    private static final ObjectMapper JSON =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private static final List<String> LEVELS =
            List.of("village", "township", "county", "city", "province");
    private static final List<String> MPI_DIMENSIONS =
            List.of(
                    "INCOME",
                    "SCHOOLING",
                    "ATTENDANCE",
                    "INSURANCE",
                    "SERIOUS_ILLNESS",
                    "HOUSING",
                    "WATER",
                    "BROADBAND",
                    "TERMINAL");

    /** Weights in sixteenths (METRICS.md: 1/4, 1/8 ×4, 1/16 ×4; they sum to 16). */
    private static final Map<String, Integer> MPI_WEIGHT_16 =
            Map.of(
                    "INCOME",
                    4,
                    "SCHOOLING",
                    2,
                    "ATTENDANCE",
                    2,
                    "INSURANCE",
                    2,
                    "SERIOUS_ILLNESS",
                    2,
                    "HOUSING",
                    1,
                    "WATER",
                    1,
                    "BROADBAND",
                    1,
                    "TERMINAL",
                    1);

    private static final String HH = "registry_households";
    private static final String MEMBERS = "registry_members";
    private static final String NETWORK = "telecom_village_network";
    private static final String POOR_VILLAGES = "registry_poor_villages";
    private static final String ENROLLMENT = "education_enrollment";
    private static final String INSURANCE = "health_insurance_enrollment";

    /**
     * indicator → the extracts its definition reads (METRICS.md "Missing input"), in catalogue
     * order.
     */
    static final Map<String, List<String>> NEEDS = new LinkedHashMap<>();

    static {
        for (String id :
                List.of(
                        "NET_VILLAGE_BROADBAND",
                        "NET_VILLAGE_50MBPS",
                        "NET_VILLAGE_4G",
                        "NET_TOWNSHIP_CATV",
                        "NET_VILLAGE_CATV")) {
            NEEDS.put(id, List.of(NETWORK));
        }
        NEEDS.put("NET_POOR_VILLAGE_BROADBAND", List.of(NETWORK, POOR_VILLAGES));
        NEEDS.put("NET_HOUSEHOLD_BROADBAND", List.of(HH));
        NEEDS.put("NET_HOUSEHOLD_TERMINAL", List.of(HH));
        NEEDS.put("EDU_COMPULSORY_DROPOUT", List.of(HH, MEMBERS, ENROLLMENT));
        NEEDS.put("TARGET_EXIT_COMPLIANCE", List.of(HH, MEMBERS, ENROLLMENT, INSURANCE));
        List<String> mpi = new ArrayList<>(List.of("MPI_H", "MPI_A", "MPI_M0"));
        MPI_DIMENSIONS.forEach(d -> mpi.add("MPI_CH_" + d));
        for (String id : mpi) {
            NEEDS.put(id, List.of(HH, MEMBERS, ENROLLMENT, INSURANCE));
        }
    }

    /** The silver tables the peer reads, each with the columns it needs (name, DuckDB type). */
    private static final Map<String, List<String[]>> TABLES = new LinkedHashMap<>();

    static {
        TABLES.put(
                "regions",
                cols(
                        "region_code VARCHAR",
                        "region_level VARCHAR",
                        "township_code VARCHAR",
                        "county_code VARCHAR",
                        "city_code VARCHAR",
                        "is_township BOOLEAN",
                        "is_admin_village BOOLEAN"));
        TABLES.put("deliveries", cols("extract VARCHAR", "kind VARCHAR", "as_of_date DATE"));
        TABLES.put(
                "households",
                cols(
                        "household_id VARCHAR",
                        "valid_from DATE",
                        "valid_to DATE",
                        "village_code VARCHAR",
                        "status VARCHAR",
                        "exit_year INTEGER",
                        "per_capita_net_income DECIMAL(22,4)",
                        "housing_safe BOOLEAN",
                        "drinking_water_safe BOOLEAN",
                        "has_broadband BOOLEAN",
                        "has_smart_terminal BOOLEAN"));
        TABLES.put(
                "members",
                cols(
                        "household_id VARCHAR",
                        "person_key VARCHAR",
                        "birth_date DATE",
                        "education VARCHAR",
                        "health VARCHAR"));
        TABLES.put(
                "village_network",
                cols(
                        "village_code VARCHAR",
                        "fiber_broadband BOOLEAN",
                        "max_fiber_mbps INTEGER",
                        "lte_coverage BOOLEAN",
                        "cable_tv_fiber BOOLEAN"));
        TABLES.put("poor_villages", cols("village_code VARCHAR", "designated_year INTEGER"));
        TABLES.put(
                "enrollment", cols("person_key VARCHAR", "school_year INTEGER", "status VARCHAR"));
        TABLES.put(
                "insurance_enrollment",
                cols("person_key VARCHAR", "year INTEGER", "basic_medical BOOLEAN"));
    }

    /** Snapshot tables (partitioned by snapshot_date) → their extract in silver.deliveries. */
    private static final Map<String, String> SNAPSHOT_OF =
            Map.of(
                    "members",
                    MEMBERS,
                    "village_network",
                    NETWORK,
                    "poor_villages",
                    POOR_VILLAGES,
                    "enrollment",
                    ENROLLMENT,
                    "insurance_enrollment",
                    INSURANCE);

    private DuckDbGoldPeer() {}

    /** One live data file of a silver table: its local path and partition values. */
    record LiveFile(String path, Map<String, String> partition) {}

    public static void main(String[] args) throws Exception {
        Peers.Args parsed =
                Peers.parse(
                        args,
                        List.of(
                                "--lakehouse",
                                "--year",
                                "--threads",
                                "--memory-limit",
                                "--out",
                                "--json",
                                "--csv"),
                        DuckDbGoldPeer::usage);
        Map<String, String> opt = parsed.values();
        boolean compare = parsed.compare();
        if (!opt.containsKey("lakehouse") || !opt.containsKey("year")) {
            usage("--lakehouse and --year are required");
        }
        String lake = opt.get("lakehouse");
        int year = Integer.parseInt(opt.get("year"));
        int threads =
                Integer.parseInt(
                        opt.getOrDefault(
                                "threads",
                                String.valueOf(Runtime.getRuntime().availableProcessors())));
        String memoryLimit = opt.getOrDefault("memory-limit", "8GB");
        Path cellsFile =
                opt.containsKey("out")
                        ? Path.of(opt.get("out")).toAbsolutePath()
                        : Files.createTempDirectory("gold-peer").resolve("cells.parquet");

        ObjectNode out = JSON.createObjectNode();
        out.put("year", year);
        out.put("lakehouse", lake);
        out.put("threads", threads);
        out.put("cells_file", cellsFile.toString());
        SparkSession spark = SparkSessions.builder("povlake-bench-gold-peer").getOrCreate();
        spark.sparkContext().setLogLevel("ERROR");
        try {
            String root = lake.endsWith("/") ? lake.substring(0, lake.length() - 1) : lake;
            // 1. Spark: the live files of each table (timed on its own)
            long t0 = System.nanoTime();
            Map<String, List<LiveFile>> files = new LinkedHashMap<>();
            ObjectNode listing = out.putObject("tables");
            Map<String, java.util.concurrent.Future<List<LiveFile>>> pending =
                    new LinkedHashMap<>();
            java.util.concurrent.ExecutorService pool =
                    java.util.concurrent.Executors.newFixedThreadPool(4);
            try {
                for (String table : TABLES.keySet()) {
                    ObjectNode info = listing.putObject("silver." + table);
                    pending.put(
                            table,
                            pool.submit(
                                    () -> {
                                        long t = System.nanoTime();
                                        List<LiveFile> live =
                                                liveFiles(
                                                        spark,
                                                        root + "/silver/" + table,
                                                        "silver." + table,
                                                        info);
                                        info.put("seconds", round3(seconds(t)));
                                        return live;
                                    }));
                }
                for (Map.Entry<String, java.util.concurrent.Future<List<LiveFile>>> e :
                        pending.entrySet()) {
                    try {
                        files.put(e.getKey(), e.getValue().get());
                    } catch (java.util.concurrent.ExecutionException ex) {
                        throw ex.getCause() instanceof RuntimeException r
                                ? r
                                : new IllegalStateException(ex.getCause());
                    }
                }
            } finally {
                pool.shutdownNow();
            }
            double listingSeconds = seconds(t0);
            out.put("spark_listing_s", round3(listingSeconds));

            // 2. DuckDB: the indicators, written to Parquet as gold writes its table (timed on its
            // own)
            long cells;
            double duckdbSeconds;
            try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                    Statement st = c.createStatement()) {
                long t1 = System.nanoTime();
                st.execute("SET threads = " + threads);
                st.execute("SET memory_limit = '" + memoryLimit + "'");
                st.execute("SET preserve_insertion_order = false");
                compute(st, files, year, povertyLine(year), out);
                Files.deleteIfExists(cellsFile);
                st.execute("COPY cells TO " + lit(cellsFile.toString()) + " (FORMAT parquet)");
                duckdbSeconds = seconds(t1);
                cells = scalar(st, "SELECT count(*) FROM cells");
                if (opt.containsKey("csv")) {
                    writeCsv(st, Path.of(opt.get("csv")).toAbsolutePath(), year);
                }
            }
            out.put("duckdb_s", round3(duckdbSeconds));
            out.put("peer_cells", cells);

            // 3. the comparison with gold.indicators (not timed as the peer's work)
            String line =
                    String.format(
                            Locale.ROOT,
                            "gold peer %d: %d region × indicator rows; Spark listing %.1f s, "
                                    + "DuckDB %.1f s",
                            year,
                            cells,
                            listingSeconds,
                            duckdbSeconds);
            if (compare) {
                long t2 = System.nanoTime();
                ObjectNode cmp = out.putObject("compare");
                compareWithGold(spark, root + "/gold/indicators", cellsFile.toString(), year, cmp);
                cmp.put("seconds", round3(seconds(t2)));
                line +=
                        String.format(
                                Locale.ROOT,
                                "; vs gold.indicators: %d cells compared, %d disagreement(s)",
                                cmp.get("compared_cells").asLong(),
                                cmp.get("disagreements").asLong());
            }
            System.out.println(line);
            if (opt.containsKey("json")) {
                Files.writeString(Path.of(opt.get("json")), JSON.writeValueAsString(out) + "\n");
            }
        } finally {
            spark.stop();
        }
    }

    private static void usage(String message) {
        System.err.println("DuckDbGoldPeer: " + message);
        System.err.println(
                "usage: DuckDbGoldPeer --lakehouse DIR --year Y [--threads N] [--memory-limit 8GB] "
                        + "[--out CELLS.parquet] [--json FILE] [--csv FILE] [--compare]");
        System.exit(2);
    }

    // ---- Spark: the live files
    // ----------------------------------------------------------------------------------

    /**
     * The live data files of a Delta table at its current version: the snapshot's add actions (with
     * their partition values), checked against {@code inputFiles()} of a read of the table (the
     * same files, or the peer stops). Refuses a table with column mapping (Parquet column names
     * would be physical ids) and any live file with a deletion vector.
     */
    static List<LiveFile> liveFiles(SparkSession spark, String path, String name, ObjectNode info) {
        Tuple2<DeltaLog, Snapshot> logAndSnapshot = DeltaLog.forTableWithSnapshot(spark, path);
        Snapshot snapshot = logAndSnapshot._2();
        if (snapshot.version() < 0) {
            throw new IllegalStateException(name + ": no Delta table at " + path);
        }
        String mapping = snapshot.metadata().columnMappingMode().name();
        if (!"none".equalsIgnoreCase(mapping)) {
            throw new IllegalStateException(
                    name
                            + ": column mapping mode '"
                            + mapping
                            + "' — the peer reads Parquet "
                            + "columns by their logical names and cannot read this table");
        }
        Dataset<Row> adds =
                snapshot.allFiles()
                        .toDF()
                        .selectExpr(
                                "path", "partitionValues", "deletionVector IS NOT NULL AS has_dv");
        List<Row> rows = adds.collectAsList();
        long withDv = rows.stream().filter(r -> r.getBoolean(2)).count();
        if (withDv > 0) {
            throw new IllegalStateException(
                    name
                            + " (version "
                            + snapshot.version()
                            + "): "
                            + withDv
                            + " of "
                            + rows.size()
                            + " live data files carry a deletion vector. The peer reads Parquet files as they are "
                            + "and would count the rows the vectors delete; purge them first (REORG TABLE delta.`"
                            + path
                            + "` APPLY (PURGE)) or run the peer on a fresh build");
        }
        Map<String, Map<String, String>> partitionsByName = new HashMap<>();
        for (Row r : rows) {
            Map<String, String> pv =
                    r.isNullAt(1)
                            ? Map.of()
                            : scala.jdk.javaapi.CollectionConverters.asJava(
                                    r.<scala.collection.Map<String, String>>getAs(1));
            partitionsByName.put(fileName(r.getString(0)), new HashMap<>(pv));
        }
        // the same (cached) snapshot as above unless a commit came in between, which the check
        // below would catch
        String[] input = spark.read().format("delta").load(path).inputFiles();
        if (input.length != rows.size()) {
            throw new IllegalStateException(
                    name
                            + ": inputFiles() lists "
                            + input.length
                            + " files, the snapshot's "
                            + "add actions "
                            + rows.size());
        }
        List<LiveFile> live = new ArrayList<>();
        for (String f : input) {
            String local = URI.create(f).getPath();
            Map<String, String> pv = partitionsByName.get(fileName(local));
            if (pv == null) {
                throw new IllegalStateException(
                        name + ": " + f + " is not an add action of version " + snapshot.version());
            }
            live.add(new LiveFile(local, pv));
        }
        info.put("version", snapshot.version());
        info.put("files", live.size());
        info.put("deletion_vectors", 0);
        return live;
    }

    private static String fileName(String pathOrUri) {
        String p =
                pathOrUri.contains("%")
                        ? URI.create(pathOrUri.replace(" ", "%20")).getPath()
                        : pathOrUri;
        return p.substring(p.lastIndexOf('/') + 1);
    }

    // ---- DuckDB: the indicators
    // ---------------------------------------------------------------------------------

    /**
     * A DuckDB view over some files of a table, with exactly the columns the peer needs (typed,
     * even if empty).
     */
    private static void view(Statement st, String view, String table, List<LiveFile> files)
            throws SQLException {
        List<String[]> cols = TABLES.get(table);
        String select =
                cols.stream()
                        .map(c -> "CAST(" + q(c[0]) + " AS " + c[1] + ") AS " + q(c[0]))
                        .collect(Collectors.joining(", "));
        String sql;
        if (files.isEmpty()) {
            sql =
                    "SELECT "
                            + cols.stream()
                                    .map(c -> "CAST(NULL AS " + c[1] + ") AS " + q(c[0]))
                                    .collect(Collectors.joining(", "))
                            + " WHERE false";
        } else {
            sql =
                    "SELECT "
                            + select
                            + " FROM read_parquet(["
                            + files.stream()
                                    .map(f -> lit(f.path()))
                                    .collect(Collectors.joining(", "))
                            + "])";
        }
        st.execute("CREATE OR REPLACE TEMP VIEW " + view + " AS " + sql);
    }

    /**
     * Computes temp table {@code cells}: region_code, indicator_id, num_e4, den_e4 (numerator and
     * denominator × 10^4) and value_e6 (the value × 10^6), all three null for an indicator with
     * missing input (or null-and-stale).
     */
    private static void compute(
            Statement st,
            Map<String, List<LiveFile>> files,
            int year,
            BigDecimal line,
            ObjectNode out)
            throws SQLException {
        String endOfYear = "DATE '" + year + "-12-31'";
        // snapshot of Y of each extract: the delivery with the latest as-of date ≤ Y-12-31
        view(st, "deliveries", "deliveries", files.get("deliveries"));
        Map<String, LocalDate> snapshot = new TreeMap<>();
        try (ResultSet rs =
                st.executeQuery(
                        "SELECT extract, max(as_of_date) FROM deliveries WHERE as_of_date <= "
                                + endOfYear
                                + " GROUP BY extract")) {
            while (rs.next()) {
                snapshot.put(rs.getString(1), rs.getObject(2, LocalDate.class));
            }
        }
        ObjectNode snaps = out.putObject("snapshots");
        for (String e : List.of(HH, MEMBERS, NETWORK, POOR_VILLAGES, ENROLLMENT, INSURANCE)) {
            snaps.put(e, snapshot.containsKey(e) ? snapshot.get(e).toString() : null);
        }
        view(st, "regions", "regions", files.get("regions"));
        view(st, "households", "households", files.get("households"));
        for (Map.Entry<String, String> e : SNAPSHOT_OF.entrySet()) {
            LocalDate d = snapshot.get(e.getValue());
            List<LiveFile> part =
                    d == null
                            ? List.of()
                            : files.get(e.getKey()).stream()
                                    .filter(
                                            f ->
                                                    d.toString()
                                                            .equals(
                                                                    f.partition()
                                                                            .get("snapshot_date")))
                                    .toList();
            view(st, e.getKey() + "_y", e.getKey(), part);
        }
        String hhDate = snapshot.containsKey(HH) ? "DATE '" + snapshot.get(HH) + "'" : "NULL";

        // missing (no delivery ≤ Y-12-31) and the null-and-stale rule for year-keyed inputs with no
        // row for Y
        TreeSet<String> nullIndicators = new TreeSet<>();
        ArrayNode missing = out.putArray("missing");
        ArrayNode nullStale = out.putArray("null_stale");
        boolean enrollmentHasYear =
                scalar(st, "SELECT count(*) FROM enrollment_y WHERE school_year = " + year) > 0;
        boolean insuranceHasYear =
                scalar(st, "SELECT count(*) FROM insurance_enrollment_y WHERE year = " + year) > 0;
        for (Map.Entry<String, List<String>> e : NEEDS.entrySet()) {
            if (e.getValue().stream().anyMatch(x -> !snapshot.containsKey(x))) {
                nullIndicators.add(e.getKey());
                missing.add(e.getKey());
            } else if ((e.getValue().contains(ENROLLMENT) && !enrollmentHasYear)
                    || (e.getValue().contains(INSURANCE) && !insuranceHasYear)) {
                nullIndicators.add(e.getKey());
                nullStale.add(e.getKey());
            }
        }

        ObjectNode steps = out.putObject("duckdb_steps_s");
        // the regions and, for each, itself and its ancestors (the township, county and city codes,
        // the province)
        timed(st, steps, "CREATE OR REPLACE TEMP TABLE reg AS SELECT * FROM regions");
        timed(
                st,
                steps,
                """
                CREATE OR REPLACE TEMP TABLE anc AS
                SELECT DISTINCT r.region_code AS base, a.code AS region_code
                FROM reg r, (SELECT region_code AS province FROM reg WHERE region_level = 'province') p,
                     UNNEST([r.region_code, r.township_code, r.county_code, r.city_code, p.province]) AS a(code)
                WHERE a.code IS NOT NULL""");

        // registered households of Y: the state at the households snapshot date D
        timed(
                st,
                steps,
                "CREATE OR REPLACE TEMP TABLE hh AS SELECT household_id, village_code, status, exit_year,"
                        + " per_capita_net_income AS income, housing_safe, drinking_water_safe, has_broadband,"
                        + " has_smart_terminal FROM households WHERE valid_from <= "
                        + hhDate
                        + " AND (valid_to IS NULL OR valid_to > "
                        + hhDate
                        + ") AND status IN ('POOR', 'RETURNED', 'EXITED')");
        // registered members (member rows of the members snapshot whose household is registered),
        // age in Y on Y-08-31,
        // enrolled in Y and basic-insured in Y by person_key
        timed(
                st,
                steps,
                "CREATE OR REPLACE TEMP TABLE mem AS "
                        + "WITH enr AS (SELECT DISTINCT person_key FROM enrollment_y WHERE school_year = "
                        + year
                        + "   AND status = 'ENROLLED'),"
                        + " ins AS (SELECT DISTINCT person_key FROM insurance_enrollment_y WHERE year = "
                        + year
                        + "   AND basic_medical)"
                        + " SELECT m.household_id, hh.village_code,"
                        + "   "
                        + year
                        + " - year(m.birth_date) - CASE WHEN month(m.birth_date) > 8 THEN 1 ELSE 0 END AS age,"
                        + "   m.education, m.health, enr.person_key IS NOT NULL AS enrolled, ins.person_key IS NOT NULL AS insured"
                        + " FROM members_y m JOIN hh ON hh.household_id = m.household_id"
                        + " LEFT JOIN enr ON enr.person_key = m.person_key LEFT JOIN ins ON ins.person_key = m.person_key");
        // per household: n and the member-based facts
        timed(
                st,
                steps,
                """
                CREATE OR REPLACE TEMP TABLE hm AS
                SELECT household_id, count(*) AS n,
                       count(*) FILTER (WHERE age BETWEEN 6 AND 15 AND NOT enrolled) AS children_not_enrolled,
                       bool_or(NOT insured) AS any_uninsured,
                       bool_or(coalesce(health = 'SERIOUS', false)) AS any_serious,
                       bool_or(coalesce(age >= 16 AND education IN ('PRIMARY', 'JUNIOR', 'SENIOR', 'TERTIARY'), false))
                         AS any_schooled_adult
                FROM mem GROUP BY household_id""");
        // MPI per household with members: deprivations (a null household boolean is deprived) and c
        // in sixteenths
        StringBuilder c16 = new StringBuilder();
        for (String d : MPI_DIMENSIONS) {
            c16.append(c16.length() == 0 ? "" : " + ")
                    .append(MPI_WEIGHT_16.get(d))
                    .append(" * d_")
                    .append(d.toLowerCase(Locale.ROOT))
                    .append("::INTEGER");
        }
        timed(
                st,
                steps,
                "CREATE OR REPLACE TEMP TABLE mpi_hh AS SELECT *, "
                        + c16
                        + " AS c16 FROM ("
                        + " SELECT h.village_code, hm.n,"
                        + "   coalesce(h.income < "
                        + line.toPlainString()
                        + ", true) AS d_income,"
                        + "   NOT hm.any_schooled_adult AS d_schooling,"
                        + "   hm.children_not_enrolled > 0 AS d_attendance,"
                        + "   hm.any_uninsured AS d_insurance,"
                        + "   hm.any_serious AS d_serious_illness,"
                        + "   h.housing_safe IS NOT TRUE AS d_housing,"
                        + "   h.drinking_water_safe IS NOT TRUE AS d_water,"
                        + "   h.has_broadband IS NOT TRUE AS d_broadband,"
                        + "   h.has_smart_terminal IS NOT TRUE AS d_terminal"
                        + " FROM hh h JOIN hm ON hm.household_id = h.household_id)");
        // MPI-poor iff c ≥ 1/3 ⇔ 3·c16 ≥ 16
        timed(
                st,
                steps,
                "CREATE OR REPLACE TEMP TABLE mpi_v AS SELECT village_code,"
                        + " sum(n) AS n, sum(n) FILTER (WHERE 3 * c16 >= 16) AS n_poor,"
                        + " sum(n * c16) FILTER (WHERE 3 * c16 >= 16) AS nc16_poor"
                        + MPI_DIMENSIONS.stream()
                                .map(
                                        d ->
                                                ", sum(n) FILTER (WHERE 3 * c16 >= 16 AND d_"
                                                        + d.toLowerCase(Locale.ROOT)
                                                        + ") AS ch_"
                                                        + d.toLowerCase(Locale.ROOT))
                                .collect(Collectors.joining())
                        + " FROM mpi_hh GROUP BY village_code");
        // the village-level network facts of the snapshot of Y
        timed(
                st,
                steps,
                """
                CREATE OR REPLACE TEMP TABLE vn AS
                SELECT village_code, bool_or(fiber_broadband) AS fiber, max(max_fiber_mbps) AS mbps,
                       bool_or(lte_coverage) AS lte, bool_or(cable_tv_fiber) AS catv
                FROM village_network_y GROUP BY village_code""");

        // contributions at a base region (a village, or a township for NET_TOWNSHIP_CATV), scaled
        // by 10^4
        List<String> parts = new ArrayList<>();
        String admin =
                "FROM reg r LEFT JOIN vn ON vn.village_code = r.region_code"
                        + " WHERE r.region_level = 'village' AND r.is_admin_village";
        parts.add(
                "SELECT r.region_code, 'NET_VILLAGE_BROADBAND', (vn.fiber IS TRUE)::INTEGER, 1 "
                        + admin);
        parts.add(
                "SELECT r.region_code, 'NET_VILLAGE_50MBPS', coalesce(vn.mbps >= 50, false)::INTEGER, 1 "
                        + admin);
        parts.add("SELECT r.region_code, 'NET_VILLAGE_4G', (vn.lte IS TRUE)::INTEGER, 1 " + admin);
        parts.add(
                "SELECT r.region_code, 'NET_VILLAGE_CATV', (vn.catv IS TRUE)::INTEGER, 1 " + admin);
        parts.add(
                "SELECT t.region_code, 'NET_TOWNSHIP_CATV', (EXISTS (SELECT 1 FROM reg v JOIN vn"
                        + " ON vn.village_code = v.region_code WHERE v.region_level = 'village'"
                        + " AND v.township_code = t.region_code AND vn.catv))::INTEGER, 1"
                        + " FROM reg t WHERE t.region_level = 'township' AND t.is_township");
        parts.add(
                "SELECT p.village_code, 'NET_POOR_VILLAGE_BROADBAND', (vn.fiber IS TRUE)::INTEGER, 1"
                        + " FROM (SELECT DISTINCT village_code FROM poor_villages_y WHERE designated_year <= "
                        + year
                        + ") p"
                        + " JOIN reg r ON r.region_code = p.village_code AND r.region_level = 'village'"
                        + " LEFT JOIN vn ON vn.village_code = p.village_code");
        parts.add(
                "SELECT village_code, 'NET_HOUSEHOLD_BROADBAND', count(*) FILTER (WHERE has_broadband), count(*)"
                        + " FROM hh GROUP BY village_code");
        parts.add(
                "SELECT village_code, 'NET_HOUSEHOLD_TERMINAL', count(*) FILTER (WHERE has_smart_terminal),"
                        + " count(*) FROM hh GROUP BY village_code");
        parts.add(
                "SELECT village_code, 'EDU_COMPULSORY_DROPOUT', count(*) FILTER (WHERE NOT enrolled),"
                        + " count(*) FROM mem WHERE age BETWEEN 6 AND 15 GROUP BY village_code");
        parts.add(
                "SELECT h.village_code, 'TARGET_EXIT_COMPLIANCE', count(*) FILTER (WHERE"
                        + " coalesce(h.income >= "
                        + line.toPlainString()
                        + ", false) AND h.housing_safe IS TRUE"
                        + " AND h.drinking_water_safe IS TRUE AND coalesce(hm.children_not_enrolled, 0) = 0"
                        + " AND NOT coalesce(hm.any_uninsured, false)), count(*)"
                        + " FROM hh h LEFT JOIN hm ON hm.household_id = h.household_id"
                        + " WHERE h.status = 'EXITED' AND h.exit_year = "
                        + year
                        + " GROUP BY h.village_code");
        String contrib =
                "SELECT base, indicator_id, CAST(num AS HUGEINT) * 10000 AS num_e4,"
                        + " CAST(den AS HUGEINT) * 10000 AS den_e4 FROM ("
                        + String.join(" UNION ALL ", parts)
                        + ") AS t(base, indicator_id, num, den)";
        // MPI: Σ(n·c) = Σ(n·c16)/16 = Σ(n·c16) · 625 / 10^4
        List<String> mpi = new ArrayList<>();
        mpi.add("SELECT village_code, 'MPI_H', coalesce(n_poor, 0) * 10000, n * 10000 FROM mpi_v");
        mpi.add(
                "SELECT village_code, 'MPI_A', coalesce(nc16_poor, 0) * 625, coalesce(n_poor, 0) * 10000 FROM mpi_v");
        mpi.add(
                "SELECT village_code, 'MPI_M0', coalesce(nc16_poor, 0) * 625, n * 10000 FROM mpi_v");
        for (String d : MPI_DIMENSIONS) {
            mpi.add(
                    "SELECT village_code, 'MPI_CH_"
                            + d
                            + "', coalesce(ch_"
                            + d.toLowerCase(Locale.ROOT)
                            + ", 0) * 10000, n * 10000 FROM mpi_v");
        }
        contrib +=
                " UNION ALL SELECT base, indicator_id, CAST(num AS HUGEINT), CAST(den AS HUGEINT) FROM ("
                        + String.join(" UNION ALL ", mpi)
                        + ") AS m(base, indicator_id, num, den)";
        timed(st, steps, "CREATE OR REPLACE TEMP TABLE contrib AS " + contrib);
        // Σ over each region (Σnumerator / Σdenominator, never an average of rates)
        timed(
                st,
                steps,
                """
                CREATE OR REPLACE TEMP TABLE agg AS
                SELECT a.region_code, c.indicator_id, CAST(sum(c.num_e4) AS HUGEINT) AS num_e4,
                       CAST(sum(c.den_e4) AS HUGEINT) AS den_e4
                FROM contrib c JOIN anc a ON a.base = c.base GROUP BY a.region_code, c.indicator_id""");
        // every region at every level the indicator exists at; 0/0 when nothing; value rounded half
        // up to 6 decimals
        StringBuilder ind = new StringBuilder();
        for (String id : NEEDS.keySet()) {
            int lowest = id.equals("NET_TOWNSHIP_CATV") ? 1 : 0;
            ind.append(ind.length() == 0 ? "" : ", ")
                    .append("(")
                    .append(lit(id))
                    .append(", ")
                    .append(lowest)
                    .append(", ")
                    .append(nullIndicators.contains(id))
                    .append(")");
        }
        String rank =
                "CASE r.region_level "
                        + String.join(
                                " ",
                                LEVELS.stream()
                                        .map(l -> "WHEN '" + l + "' THEN " + LEVELS.indexOf(l))
                                        .toList())
                        + " END";
        String num = "CAST(coalesce(a.num_e4, 0) AS BIGINT)";
        String den = "CAST(coalesce(a.den_e4, 0) AS BIGINT)";
        // BIGINT: a cast that overflowed would fail the query, never wrap
        timed(
                st,
                steps,
                "CREATE OR REPLACE TEMP TABLE cells AS SELECT r.region_code, i.indicator_id,"
                        + " CASE WHEN i.is_null THEN NULL ELSE "
                        + num
                        + " END AS num_e4,"
                        + " CASE WHEN i.is_null THEN NULL ELSE "
                        + den
                        + " END AS den_e4,"
                        + " CASE WHEN i.is_null OR coalesce(a.den_e4, 0) = 0 THEN NULL"
                        + "   ELSE CAST((2 * a.num_e4 * 1000000 + a.den_e4) // (2 * a.den_e4) AS BIGINT) END AS value_e6"
                        + " FROM reg r JOIN (VALUES "
                        + ind
                        + ") AS i(indicator_id, lowest, is_null)"
                        + "   ON "
                        + rank
                        + " >= i.lowest"
                        + " LEFT JOIN agg a ON a.region_code = r.region_code AND a.indicator_id = i.indicator_id");
        ObjectNode counts = out.putObject("rows");
        for (String table : List.of("hh", "mem", "mpi_hh", "vn")) {
            counts.put(table, scalar(st, "SELECT count(*) FROM " + table));
        }
    }

    // ---- the comparison with povlake's gold.indicators
    // ----------------------------------------------------------

    /**
     * Joins the peer's cells with {@code gold.indicators} of the year (full outer, on region and
     * indicator) in Spark and counts the rows where a numerator, denominator or value differs
     * (exactly: gold's decimals scaled to integers, null-safe) or that only one side has.
     */
    private static void compareWithGold(
            SparkSession spark, String goldPath, String cellsFile, int year, ObjectNode out) {
        String ids = NEEDS.keySet().stream().map(Peers::lit).collect(Collectors.joining(", "));
        spark.read().parquet(cellsFile).createOrReplaceTempView("peer_cells");
        spark.read()
                .format("delta")
                .load(goldPath)
                .where("year = " + year + " AND indicator_id IN (" + ids + ")")
                .selectExpr(
                        "region_code",
                        "indicator_id",
                        "CAST(numerator * 10000 AS BIGINT) AS num_e4",
                        "CAST(denominator * 10000 AS BIGINT) AS den_e4",
                        "CAST(value * 1000000 AS BIGINT) AS value_e6",
                        // a scale beyond the schema's would make the integer comparison lossy:
                        // count it as a difference
                        "numerator * 10000 <> CAST(numerator * 10000 AS BIGINT)"
                                + " OR denominator * 10000 <> CAST(denominator * 10000 AS BIGINT) AS lossy")
                .createOrReplaceTempView("gold_cells");
        Dataset<Row> joined =
                spark.sql(
                                """
                SELECT coalesce(p.region_code, g.region_code) AS region_code,
                       coalesce(p.indicator_id, g.indicator_id) AS indicator_id,
                       p.region_code IS NOT NULL AS in_peer, g.region_code IS NOT NULL AS in_gold,
                       p.num_e4 AS p_num, p.den_e4 AS p_den, p.value_e6 AS p_val,
                       g.num_e4 AS g_num, g.den_e4 AS g_den, g.value_e6 AS g_val,
                       p.region_code IS NULL OR g.region_code IS NULL OR coalesce(g.lossy, false)
                         OR NOT (p.num_e4 <=> g.num_e4) OR NOT (p.den_e4 <=> g.den_e4)
                         OR NOT (p.value_e6 <=> g.value_e6) AS differs
                FROM peer_cells p FULL OUTER JOIN gold_cells g
                  ON p.region_code = g.region_code AND p.indicator_id = g.indicator_id""")
                        .cache();
        Row counts =
                joined.selectExpr(
                                "count_if(in_peer AND in_gold)",
                                "count_if(differs)",
                                "count_if(in_peer)",
                                "count_if(in_gold)")
                        .first();
        long compared = counts.getLong(0);
        long disagreements = counts.getLong(1);
        out.put("gold_rows", counts.getLong(3));
        out.put("peer_rows", counts.getLong(2));
        out.put("compared_rows", compared);
        out.put("compared_cells", compared * 3);
        out.put("disagreements", disagreements);
        out.put("agree", disagreements == 0);
        ObjectNode per = out.putObject("disagreements_by_indicator");
        for (Row r :
                joined.where("differs")
                        .groupBy("indicator_id")
                        .count()
                        .orderBy("indicator_id")
                        .collectAsList()) {
            per.put(r.getString(0), r.getLong(1));
        }
        ArrayNode first = out.putArray("first_disagreements");
        for (Row r :
                joined.where("differs")
                        .orderBy("indicator_id", "region_code")
                        .limit(20)
                        .collectAsList()) {
            String peer = r.getBoolean(2) ? cell(r, 4) : null;
            String gold = r.getBoolean(3) ? cell(r, 7) : null;
            ObjectNode d = first.addObject();
            d.put("region_code", r.getString(0));
            d.put("indicator_id", r.getString(1));
            d.put("peer", peer);
            d.put("gold", gold);
            System.out.println(
                    "DISAGREE "
                            + r.getString(0)
                            + " "
                            + r.getString(1)
                            + ": peer "
                            + peer
                            + " · gold "
                            + gold);
        }
        joined.unpersist();
    }

    /** numerator / denominator = value of a joined row's three scaled columns from index i. */
    private static String cell(Row r, int i) {
        return scaled(r, i, 4) + " / " + scaled(r, i + 1, 4) + " = " + scaled(r, i + 2, 6);
    }

    private static String scaled(Row r, int i, int scale) {
        return r.isNullAt(i) ? "null" : BigDecimal.valueOf(r.getLong(i), scale).toPlainString();
    }

    // ---- small helpers
    // ------------------------------------------------------------------------------------------

    /** The cells as CSV with plain decimals (for reading by eye; not part of the timed work). */
    private static void writeCsv(Statement st, Path file, int year) throws SQLException {
        st.execute(
                "COPY (SELECT "
                        + year
                        + " AS year, region_code, indicator_id,"
                        + " CAST(num_e4 // 10000 AS VARCHAR) || '.' || lpad(CAST(num_e4 % 10000 AS VARCHAR), 4, '0') AS numerator,"
                        + " CAST(den_e4 // 10000 AS VARCHAR) || '.' || lpad(CAST(den_e4 % 10000 AS VARCHAR), 4, '0') AS denominator,"
                        + " CAST(value_e6 // 1000000 AS VARCHAR) || '.' || lpad(CAST(value_e6 % 1000000 AS VARCHAR), 6, '0')"
                        + "   AS value"
                        + " FROM cells ORDER BY region_code, indicator_id) TO "
                        + lit(file.toString())
                        + " (HEADER, DELIMITER ',')");
    }

    static BigDecimal povertyLine(int year) throws IOException {
        JsonNode lines;
        try (InputStream in =
                DuckDbGoldPeer.class
                        .getClassLoader()
                        .getResourceAsStream("povlake/schemas/poverty_lines.json")) {
            lines =
                    JSON.readTree(
                                    Objects.requireNonNull(
                                            in,
                                            "no povlake/schemas/poverty_lines.json on the classpath"))
                            .get("lines");
        }
        JsonNode l = lines.get(String.valueOf(year));
        if (l == null) {
            throw new IllegalArgumentException(
                    "no poverty line for " + year + " in poverty_lines.json");
        }
        return new BigDecimal(l.asText());
    }

    /** Executes a CREATE TEMP TABLE statement and records its wall time under the table's name. */
    private static void timed(Statement st, ObjectNode steps, String sql) throws SQLException {
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("TEMP TABLE (\\w+)").matcher(sql);
        Peers.timed(st, steps, m.find() ? m.group(1) : "sql", sql);
    }

    private static List<String[]> cols(String... specs) {
        return java.util.Arrays.stream(specs).map(s -> s.split(" ", 2)).toList();
    }

    private static String q(String ident) {
        return '"' + ident + '"';
    }
}
