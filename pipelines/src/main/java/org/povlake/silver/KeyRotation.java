package org.povlake.silver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.povlake.contract.ContractException;
import org.povlake.contract.TableSchemas;
import org.povlake.lake.Lakehouse;

/**
 * A pseudonymisation-key rotation: {@code povlake build-silver --rebuild --retire-old-pseudonyms}
 * under a key other than silver's. Every table whose schema ({@code
 * schemas/lakehouse/<layer>_<name>.json}) marks a column {@code "pseudonym": true} is deleted —
 * data files and Delta log, every version — before silver is rebuilt: a VACUUM would leave the log,
 * whose per-file statistics keep the first 32 characters of each file's smallest and largest
 * pseudonym, and would leave older versions that fail to read instead of versions that do not
 * exist.
 *
 * <p>While a rotation runs, {@code <lakehouse>/_ops/key-rotation.json} says so (written before
 * anything is deleted, removed once the build is logged). Silver is incomplete then: every silver
 * build but a rotation's and every gold build is refused, so a rotation that was killed is
 * finished, never built on.
 */
public final class KeyRotation {
    static final String FILE = "_ops/key-rotation.json";

    private KeyRotation() {}

    /** A rotation that started: its build, when, the key retired and the new key (ids only). */
    record Pending(String buildId, Instant startedAt, String retiredKeyId, String keyId) {
        String describe() {
            return "the key rotation started "
                    + startedAt
                    + " (silver build "
                    + buildId
                    + ", pseudonymisation key "
                    + retiredKeyId
                    + " → "
                    + keyId
                    + ")";
        }
    }

    /**
     * The tables a rotation deletes: every silver and gold table folder whose schema marks a
     * pseudonym column. A table without a schema file is an error (whether it holds pseudonyms
     * cannot be told), before anything is deleted.
     */
    static List<String> tablesWithPseudonyms(Lakehouse lake) {
        List<String> out = new ArrayList<>();
        for (String table : lake.folders()) {
            if (!table.startsWith("silver.") && !table.startsWith("gold.")) {
                continue;
            }
            try {
                if (!TableSchemas.pseudonymColumns(table.replace('.', '_')).isEmpty()) {
                    out.add(table);
                }
            } catch (ContractException e) {
                throw new SilverBuild.SilverBuildException(
                        "cannot tell whether "
                                + table
                                + " holds pseudonyms ("
                                + e.getMessage()
                                + "): a key rotation deletes nothing until every silver and gold table has a"
                                + " schema file");
            }
        }
        return out;
    }

    /** The rotation under way, if a rotation started and did not finish. */
    static Optional<Pending> pending(Lakehouse lake) {
        Path path = path(lake);
        try {
            FileSystem fs = fs(lake, path);
            if (!fs.exists(path)) {
                return Optional.empty();
            }
            try (InputStream in = fs.open(path)) {
                JsonNode j = new ObjectMapper().readTree(in);
                return Optional.of(
                        new Pending(
                                j.path("build_id").asText("?"),
                                Instant.parse(
                                        j.path("started_at").asText(Instant.EPOCH.toString())),
                                j.path("retired_key_id").asText("?"),
                                j.path("key_id").asText("?")));
            } catch (IOException | RuntimeException e) {
                // a record cut short (the rotation was killed while writing it): a rotation started
                // all the same
                return Optional.of(new Pending("?", Instant.EPOCH, "?", "?"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    /**
     * Refuses {@code what} (e.g. "a gold build") while a rotation is unfinished: silver is
     * incomplete.
     */
    public static void requireNoneUnfinished(Lakehouse lake, String what) {
        pending(lake)
                .ifPresent(
                        p -> {
                            throw new SilverBuild.SilverBuildException(unfinished(p, what));
                        });
    }

    static String unfinished(Pending p, String what) {
        return what
                + " is refused: "
                + p.describe()
                + " did not finish, and silver is incomplete until it does."
                + " Finish it: povlake build-silver --rebuild --retire-old-pseudonyms with the new key";
    }

    /**
     * Why a rotation that is not confirmed is refused: what it would delete, and how to confirm it.
     */
    static String unconfirmed(String retiredKeyId, String keyId, List<String> tables) {
        return "silver's pseudonyms are under key "
                + retiredKeyId
                + "; rebuilding it under key "
                + keyId
                + " is a key"
                + " rotation, which retires the old pseudonyms: it deletes every version of "
                + String.join(", ", tables)
                + " (the tables that hold pseudonyms: their time travel to before the rotation ends; an assessment"
                + " written before it is reproduced as JSON and CSV only), then rebuilds them from bronze. Bronze and"
                + " gold keep their history. To go ahead: povlake build-silver --rebuild --retire-old-pseudonyms (then"
                + " build gold)";
    }

    /**
     * Starts rotation {@code p}: records it, then deletes {@code tables}, every version. Returns
     * when they were deleted: a version of them pinned before is gone ({@code
     * ops.silver_builds.retired_at}).
     */
    static Instant retire(Lakehouse lake, Pending p, List<String> tables) {
        begin(lake, p);
        tables.forEach(lake::drop);
        return Instant.now();
    }

    /** Records that a rotation starts (before it deletes anything). */
    private static void begin(Lakehouse lake, Pending p) {
        Path path = path(lake);
        ObjectNode j = new ObjectMapper().createObjectNode();
        j.put("build_id", p.buildId());
        j.put("started_at", p.startedAt().toString());
        j.put("retired_key_id", p.retiredKeyId());
        j.put("key_id", p.keyId());
        try {
            FileSystem fs = fs(lake, path);
            try (FSDataOutputStream out = fs.create(path, true)) {
                out.write(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(j));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path, e);
        }
    }

    /** Records that the rotation finished (its build is logged). */
    static void end(Lakehouse lake) {
        Path path = path(lake);
        try {
            fs(lake, path).delete(path, false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + path, e);
        }
    }

    private static Path path(Lakehouse lake) {
        return new Path(lake.root() + "/" + FILE);
    }

    private static FileSystem fs(Lakehouse lake, Path path) throws IOException {
        return path.getFileSystem(lake.spark().sparkContext().hadoopConfiguration());
    }
}
