package org.povlake.lake;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Reads lakehouse tables at fixed Delta versions and records every version it read — what makes an
 * assessment reproducible. Without pins, each table is read at its version when first asked for
 * (and at that same version on every later read in this run, even if a writer commits meanwhile).
 * With pins (a previous run's manifest), each table is read at its pinned version by time travel; a
 * table the pins do not list was not read then and does not exist for this run. A pinned version a
 * key rotation deleted is refused with the rotation's record ({@link RetiredVersions}), never read
 * from the table that replaced it.
 */
public final class PinnedTables implements TableSource {
    private final Lakehouse lake;
    private final Map<String, Long> pins;
    private final Instant pinnedAt;
    private final Map<String, Long> read = new TreeMap<>();
    private RetiredVersions retired;

    private PinnedTables(Lakehouse lake, Map<String, Long> pins, Instant pinnedAt) {
        this.lake = lake;
        this.pins = pins;
        this.pinnedAt = pinnedAt;
    }

    /** Each table at its current version (fixed at first read). */
    public static PinnedTables current(Lakehouse lake) {
        return new PinnedTables(lake, null, null);
    }

    /**
     * Each table at the version {@code pins} gives it; {@code pinnedAt}: when they were pinned (the
     * run's {@code generated_at}; null if unknown), which tells whether a key rotation has deleted
     * a version since.
     */
    public static PinnedTables asOf(Lakehouse lake, Map<String, Long> pins, Instant pinnedAt) {
        return new PinnedTables(lake, Map.copyOf(pins), pinnedAt);
    }

    /**
     * Fixes now the version of each of {@code names} that exists (current mode), so that everything
     * a run may read is recorded whatever it ends up reading; with pins, nothing to do.
     */
    public synchronized PinnedTables pin(java.util.Collection<String> names) {
        if (pins == null) {
            for (String name : names) {
                if (!read.containsKey(name) && lake.exists(name)) {
                    read.put(name, lake.version(name));
                }
            }
        }
        return this;
    }

    public boolean pinned() {
        return pins != null;
    }

    @Override
    public synchronized boolean exists(String name) {
        if (read.containsKey(name)) {
            return true;
        }
        if (pins != null) {
            if (!pins.containsKey(name)) {
                return false;
            }
            requireNotRetired(name);
            if (!lake.exists(name)) {
                throw new IllegalStateException(
                        name
                                + " (version "
                                + pins.get(name)
                                + " in the manifest) no longer "
                                + "exists in the lakehouse "
                                + lake.root());
            }
            return true;
        }
        return lake.exists(name);
    }

    /** The table at its pinned version; the version is recorded. */
    @Override
    public synchronized Dataset<Row> read(String name) {
        Long version = read.get(name);
        if (version == null) {
            version = pins != null ? pins.get(name) : Long.valueOf(lake.version(name));
            if (version == null) {
                throw new IllegalStateException(
                        "the manifest does not list " + name + ": it was not read then");
            }
            if (pins != null) {
                requireNotRetired(name);
            }
        }
        Dataset<Row> d;
        try {
            d =
                    lake.spark()
                            .read()
                            .format("delta")
                            .option("versionAsOf", version)
                            .load(lake.path(name));
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    name
                            + " cannot be read at version "
                            + version
                            + " ("
                            + firstLine(e)
                            + "). Time travel needs the table's log and data files of that version: check the retention "
                            + "(delta.logRetentionDuration, delta.deletedFileRetentionDuration) and VACUUM settings",
                    e);
        }
        read.put(name, version);
        return d;
    }

    /**
     * Refuses now, before a run writes anything, the pinned versions of {@code names} that a key
     * rotation has deleted (tables the pins do not list are not read: nothing to check).
     */
    public synchronized void requireNotRetired(java.util.Collection<String> names) {
        if (pins != null) {
            names.stream().filter(pins::containsKey).forEach(this::requireNotRetired);
        }
    }

    /**
     * Refuses a pinned version of {@code name} that a key rotation has deleted since it was pinned.
     */
    private void requireNotRetired(String name) {
        if (retired == null) {
            retired = RetiredVersions.of(lake);
        }
        retired.requirePinned(name, pins.get(name), pinnedAt);
    }

    /** Every table read or pinned → its version, sorted by name (with pins: exactly the pins). */
    public synchronized Map<String, Long> versions() {
        return Collections.unmodifiableMap(new TreeMap<>(pins != null ? pins : read));
    }

    private static String firstLine(Throwable e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
