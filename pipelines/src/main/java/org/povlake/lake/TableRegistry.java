package org.povlake.lake;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.SparkSession;

/**
 * Makes lakehouse tables queryable by their names ({@code SELECT … FROM
 * bronze.registry_households}): each layer is a database of the session catalog and each table an
 * external Delta table at its path. Only the tables a query names are registered, so a query does
 * not pay for reading every table's log.
 */
public final class TableRegistry {
    private static final Pattern NAME =
            Pattern.compile(
                    "(?i)\\b("
                            + String.join("|", Lakehouse.LAYERS)
                            + ")\\s*\\.\\s*`?([a-z0-9_]+)`?");

    private TableRegistry() {}

    /** The lakehouse table names a SQL text mentions. */
    public static Set<String> mentioned(String sql) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = NAME.matcher(sql);
        while (m.find()) {
            names.add(m.group(1).toLowerCase() + "." + m.group(2).toLowerCase());
        }
        return names;
    }

    /** Registers the named tables that exist; returns those that were registered. */
    public static List<String> register(Lakehouse lake, Set<String> names) {
        return register(lake, names, null);
    }

    /**
     * The versions an assessment read (table → Delta version) and when it pinned them (null if
     * unknown).
     */
    public record Pins(Map<String, Long> versions, Instant pinnedAt) {}

    /**
     * Registers the named tables that exist, each as of {@code asOf}: {@link Pins} (a table they do
     * not list is not registered: it was not read then), or a timestamp string (the version current
     * then), or null (the current version). A version a key rotation has deleted since is refused
     * with the rotation's record ({@link RetiredVersions}). Returns those that were registered.
     */
    public static List<String> register(Lakehouse lake, Set<String> names, Object asOf) {
        if (asOf != null) {
            SparkSession spark = lake.spark();
            List<String> existing = lake.tables();
            List<String> done = new java.util.ArrayList<>();
            RetiredVersions retired = RetiredVersions.of(lake);
            for (String name : names) {
                if (!existing.contains(name)
                        || (asOf instanceof Pins p && !p.versions().containsKey(name))) {
                    continue;
                }
                String layer = name.substring(0, name.indexOf('.'));
                String clause;
                if (asOf instanceof Pins p) {
                    retired.requirePinned(name, p.versions().get(name), p.pinnedAt());
                    clause = "VERSION AS OF " + p.versions().get(name);
                } else {
                    String time = asOf.toString().replace("'", "");
                    if (retired.retiredEver(name)) {
                        // the time as Delta's TIMESTAMP AS OF reads it (the session's time zone)
                        Instant when =
                                spark.sql("SELECT CAST('" + time + "' AS TIMESTAMP)")
                                        .first()
                                        .getAs(0);
                        retired.requireAsOf(name, when, time);
                    }
                    clause = "TIMESTAMP AS OF '" + time + "'";
                }
                spark.sql("CREATE DATABASE IF NOT EXISTS " + layer);
                spark.sql("DROP TABLE IF EXISTS " + name);
                spark.sql("DROP VIEW IF EXISTS " + name);
                spark.sql(
                        "CREATE VIEW "
                                + name
                                + " AS SELECT * FROM delta.`"
                                + lake.path(name).replace("`", "``")
                                + "` "
                                + clause);
                done.add(name);
            }
            return done;
        }
        SparkSession spark = lake.spark();
        List<String> existing = lake.tables();
        List<String> done = names.stream().filter(existing::contains).toList();
        for (String name : done) {
            String layer = name.substring(0, name.indexOf('.'));
            spark.sql("CREATE DATABASE IF NOT EXISTS " + layer);
            spark.sql("DROP TABLE IF EXISTS " + name);
            spark.sql(
                    "CREATE TABLE "
                            + name
                            + " USING delta LOCATION '"
                            + lake.path(name).replace("'", "\\'")
                            + "'");
        }
        return done;
    }
}
