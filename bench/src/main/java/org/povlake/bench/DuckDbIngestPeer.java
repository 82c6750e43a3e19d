package org.povlake.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The bench's peer for ingest: DuckDB reads the same CSV inbox, types every column by the
 * contract's types (try_cast / try_strptime, enum membership, boolean spellings, null tokens),
 * counts the rows that fail and writes the good ones to Parquet. It does the parse / validate types
 * / write work of an ingest, without resident-ID checksums, region lookups, duplicates, lineage,
 * quarantine or Delta commits. Only CSV files ({@code .csv}, {@code .csv.gz}) are read; a JSONL
 * delivery is left out (its rows are not in the peer's count). A contract column the file lacks
 * reads as null; a file DuckDB cannot read is counted in {@code failed_files} and the rest go on.
 *
 * <p>Usage: {@code DuckDbIngestPeer INBOX OUT_DIR [THREADS]}; prints a JSON summary on stdout.
 */
public final class DuckDbIngestPeer {
    private static final Pattern NAME = Pattern.compile("(.+)_([0-9]{8})\\.csv(\\.gz)?");
    private static final ObjectMapper JSON = new ObjectMapper();

    private DuckDbIngestPeer() {}

    public static void main(String[] args) throws Exception {
        Path inbox = Path.of(args[0]);
        Path out = Path.of(args[1]);
        int threads =
                args.length > 2
                        ? Integer.parseInt(args[2])
                        : Runtime.getRuntime().availableProcessors();
        Files.createDirectories(out);
        JsonNode enums = resource("enums.json").get("enums");
        JsonNode nullTokens = resource("null_tokens.json").get("tokens");
        List<Path> files;
        try (Stream<Path> s = Files.walk(inbox)) {
            files =
                    s.filter(Files::isRegularFile)
                            .filter(p -> NAME.matcher(p.getFileName().toString()).matches())
                            .sorted()
                            .toList();
        }
        ObjectNode summary = JSON.createObjectNode();
        ArrayNode perFile = summary.putArray("files");
        long started = System.nanoTime();
        long rows = 0;
        long bad = 0;
        int failedFiles = 0;
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement st = c.createStatement()) {
            st.execute("SET threads = " + threads);
            st.execute("SET preserve_insertion_order = false");
            for (Path f : files) {
                String source = f.getParent().getFileName().toString();
                Matcher m = NAME.matcher(f.getFileName().toString());
                if (!m.matches()) {
                    continue;
                }
                String extract = m.group(1);
                JsonNode schema;
                try {
                    schema = resource("extracts/" + source + "_" + extract + ".json");
                } catch (IOException e) {
                    continue;
                }
                long t0 = System.nanoTime();
                ObjectNode o = perFile.addObject();
                o.put("path", inbox.relativize(f).toString());
                long n;
                long b;
                // a statement per file: DuckDB's JDBC closes a statement whose query failed
                try (Statement fs = c.createStatement()) {
                    String typed = typedSelect(schema, enums, nullTokens, f, header(fs, f));
                    fs.execute("CREATE OR REPLACE TEMP TABLE t AS " + typed);
                    Path parquet =
                            out.resolve(source + "_" + extract + "_" + m.group(2) + ".parquet");
                    fs.execute(
                            "COPY (SELECT * EXCLUDE (_bad) FROM t WHERE NOT _bad) TO '"
                                    + parquet
                                    + "' (FORMAT parquet)");
                    try (ResultSet rs =
                            fs.executeQuery(
                                    "SELECT count(*), count(*) FILTER (WHERE _bad) FROM t")) {
                        rs.next();
                        n = rs.getLong(1);
                        b = rs.getLong(2);
                    }
                } catch (SQLException e) {
                    // a file DuckDB cannot read as the contract says is counted as failed, as
                    // povlake rejects it; the other files go on
                    failedFiles++;
                    String message = String.join(" ", e.getMessage().lines().toList());
                    o.put("error", message.substring(0, Math.min(message.length(), 400)));
                    o.put("seconds", (System.nanoTime() - t0) / 1e9);
                    continue;
                }
                rows += n;
                bad += b;
                o.put("rows", n);
                o.put("failed_typing", b);
                o.put("seconds", (System.nanoTime() - t0) / 1e9);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("DuckDB failed: " + e.getMessage(), e);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        summary.put("rows", rows);
        summary.put("failed_typing", bad);
        summary.put("files_read", perFile.size());
        summary.put("failed_files", failedFiles);
        summary.put("seconds", seconds);
        summary.put("rows_per_s", seconds > 0 ? rows / seconds : 0);
        summary.put("threads", threads);
        System.out.println(JSON.writeValueAsString(summary));
    }

    /** The file's column names, lower-cased, as DuckDB reads its header. */
    static Set<String> header(Statement st, Path file) throws SQLException {
        Set<String> names = new HashSet<>();
        try (ResultSet rs =
                st.executeQuery(
                        "DESCRIBE SELECT * FROM read_csv("
                                + quote(file.toString())
                                + ", header = true, all_varchar = true, delim = ',', quote = '\"',"
                                + " escape = '\"', strict_mode = false, null_padding = true)")) {
            while (rs.next()) {
                names.add(rs.getString(1).toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }

    /**
     * SELECT of the file with every contract column typed and a _bad flag for rows where any typing
     * failed.
     */
    static String typedSelect(
            JsonNode schema, JsonNode enums, JsonNode nullTokens, Path file, Set<String> header) {
        StringBuilder nulls = new StringBuilder();
        for (JsonNode t : nullTokens) {
            nulls.append(nulls.length() == 0 ? "" : ", ").append(quote(t.asText()));
        }
        List<String> cols = new ArrayList<>();
        List<String> checks = new ArrayList<>();
        for (JsonNode c : schema.get("columns")) {
            String name = c.get("name").asText();
            String v = "v_" + name;
            // a column the file lacks reads as null (povlake loads a missing optional column so;
            // a missing required one fails the required check below, where povlake rejects the
            // file)
            String raw =
                    !header.contains(name.toLowerCase(Locale.ROOT))
                            ? "CAST(NULL AS VARCHAR)"
                            : "CASE WHEN trim("
                                    + ident(name)
                                    + ") IN ("
                                    + nulls
                                    + ") THEN NULL ELSE trim("
                                    + ident(name)
                                    + ") END";
            cols.add(raw + " AS " + v);
            String typed =
                    switch (c.get("type").asText()) {
                        case "int" -> "try_cast(" + v + " AS INTEGER)";
                        case "dec" -> "try_cast(" + v + " AS DECIMAL(22,4))";
                        case "date" ->
                                "coalesce(try_strptime("
                                        + v
                                        + ", '%Y-%m-%d'), try_strptime("
                                        + v
                                        + ", '%Y/%m/%d'),"
                                        + " try_strptime("
                                        + v
                                        + ", '%Y%m%d'))::DATE";
                        case "ts" ->
                                "coalesce(try_strptime("
                                        + v
                                        + ", '%Y-%m-%d %H:%M:%S'), try_strptime("
                                        + v
                                        + ", '%Y/%m/%d %H:%M:%S'), try_strptime("
                                        + v
                                        + ", '%Y%m%d %H:%M:%S'))";
                        case "bool" ->
                                "CASE WHEN lower("
                                        + v
                                        + ") IN ('是','1','true','y') THEN true WHEN lower("
                                        + v
                                        + ") IN ('否','0','false','n') THEN false END";
                        case "enum" -> enumCase(v, enums.get(c.get("enum").asText()));
                        default -> v;
                    };
            cols.set(
                    cols.size() - 1,
                    cols.get(cols.size() - 1) + ", " + typed + " AS " + ident(name));
            boolean required = c.path("required").asBoolean(false);
            checks.add(
                    "("
                            + v
                            + " IS NOT NULL AND "
                            + ident(name)
                            + " IS NULL)"
                            + (required ? " OR " + v + " IS NULL" : ""));
        }
        StringBuilder select = new StringBuilder("SELECT ");
        List<String> finalCols = new ArrayList<>();
        for (JsonNode c : schema.get("columns")) {
            finalCols.add(ident(c.get("name").asText()));
        }
        select.append(String.join(", ", finalCols))
                .append(", (")
                .append(String.join(" OR ", checks))
                .append(") AS _bad FROM (SELECT ")
                .append(String.join(", ", cols))
                .append(" FROM read_csv(")
                .append(quote(file.toString()))
                .append(
                        ", header = true, all_varchar = true, delim = ',', quote = '\"', escape = '\"',")
                .append(" strict_mode = false, null_padding = true))");
        return select.toString();
    }

    private static String enumCase(String v, JsonNode entries) {
        StringBuilder b = new StringBuilder("CASE ");
        for (JsonNode e : entries) {
            b.append("WHEN ")
                    .append(v)
                    .append(" IN (")
                    .append(quote(e.get("label").asText()))
                    .append(", ")
                    .append(quote(e.get("code").asText()))
                    .append(") THEN ")
                    .append(quote(e.get("code").asText()))
                    .append(' ');
        }
        return b.append("END").toString();
    }

    private static String ident(String name) {
        return '"' + name.toLowerCase(Locale.ROOT) + '"';
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    private static JsonNode resource(String name) throws IOException {
        try (InputStream in =
                DuckDbIngestPeer.class
                        .getClassLoader()
                        .getResourceAsStream("povlake/schemas/" + name)) {
            if (in == null) {
                throw new IOException("no schema " + name);
            }
            return JSON.readTree(in);
        }
    }
}
