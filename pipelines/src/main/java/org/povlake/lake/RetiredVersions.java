package org.povlake.lake;

import static org.apache.spark.sql.functions.col;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Row;

/**
 * The table versions key rotations deleted, as {@code ops.silver_builds} records them. A rotation
 * ({@code povlake build-silver --rebuild --retire-old-pseudonyms}) deletes every version of each
 * table that holds pseudonyms, log included, and the table starts again at version 0: a version
 * pinned before the rotation — by an assessment's manifest, or {@code sql --as-of} a time — is gone
 * even where the new table has a version of that number, so it is told by when it was pinned, never
 * by its number.
 */
public final class RetiredVersions {
    /** The silver build log ({@code SilverBuild.BUILDS}), where a rotation is recorded. */
    static final String BUILD_LOG = "ops.silver_builds";

    /**
     * One rotation: when the versions were deleted, by which build, the key retired and the tables.
     */
    public record Retirement(
            String buildId, Instant at, String retiredKeyId, String keyId, List<String> tables) {
        /** "the key rotation of … (silver build …, key … → …)". */
        public String describe() {
            return "the key rotation of "
                    + at
                    + " (silver build "
                    + buildId
                    + ", pseudonymisation key "
                    + retiredKeyId
                    + " → "
                    + keyId
                    + ")";
        }
    }

    private final List<Retirement> retirements;

    private RetiredVersions(List<Retirement> retirements) {
        this.retirements = retirements;
    }

    /**
     * The rotations recorded in the lakehouse, oldest first (none in a lakehouse never rotated).
     */
    public static RetiredVersions of(Lakehouse lake) {
        List<Retirement> out = new ArrayList<>();
        if (lake.exists(BUILD_LOG)
                && Arrays.asList(lake.read(BUILD_LOG).columns()).contains("retired_tables")) {
            for (Row r :
                    lake.read(BUILD_LOG).where(col("retired_tables").isNotNull()).collectAsList()) {
                out.add(
                        new Retirement(
                                r.getAs("build_id"),
                                r.<Instant>getAs("retired_at"),
                                r.getAs("retired_key_id"),
                                r.getAs("key_id"),
                                r.getList(r.fieldIndex("retired_tables"))));
            }
        }
        out.sort(Comparator.comparing(Retirement::at));
        return new RetiredVersions(List.copyOf(out));
    }

    /** Whether a rotation ever deleted versions of {@code table}. */
    public boolean retiredEver(String table) {
        return after(table, null).isPresent();
    }

    /**
     * Refuses version {@code version} of {@code table}, pinned at {@code pinnedAt} (null: unknown),
     * if a rotation has deleted it since; with the time unknown, any rotation of the table refuses
     * it: a version that may be gone is refused rather than read from the table that replaced it.
     */
    public void requirePinned(String table, long version, Instant pinnedAt) {
        after(table, pinnedAt)
                .ifPresent(
                        r -> {
                            throw gone(
                                    table
                                            + " version "
                                            + version
                                            + " (pinned "
                                            + (pinnedAt == null
                                                    ? "at an unknown time"
                                                    : "on " + pinnedAt)
                                            + ")",
                                    r);
                        });
    }

    /**
     * Refuses {@code table} as of {@code time} ({@code text} as the user gave it) if its version
     * then is gone.
     */
    public void requireAsOf(String table, Instant time, String text) {
        after(table, time)
                .ifPresent(
                        r -> {
                            throw gone(table + " as of " + text, r);
                        });
    }

    /** The first rotation after {@code when} (any, when null) that retired the table. */
    private Optional<Retirement> after(String table, Instant when) {
        return retirements.stream()
                .filter(r -> r.tables().contains(table))
                .filter(r -> when == null || r.at().isAfter(when))
                .findFirst();
    }

    private static IllegalStateException gone(String what, Retirement r) {
        return new IllegalStateException(
                what
                        + " was retired by "
                        + r.describe()
                        + ": a rotation deletes every "
                        + "earlier version of the tables that hold pseudonyms, so that no pseudonym of the old key stays "
                        + "readable. Gold keeps its history: an assessment's JSON and CSV (assess --format json,csv) are still "
                        + "reproduced");
    }
}
