package org.povlake.quality;

import java.util.List;
import java.util.Map;

/**
 * One delivered file of an extract. Every value is a count, a code, a record number, a column name
 * or a non-personal parent key: never a raw field value.
 *
 * @param status "loaded", "rejected" or "skipped"
 * @param quarantinedByReason reason code → rows (a row with two reasons counts under both), in
 *     ReasonCode order
 * @param exampleRecords reason code → the first record numbers (1-based) quarantined for it
 * @param orphansByLink link ({@code household}, {@code shop}, {@code operator_household}) → orphan
 *     rows
 * @param orphanExamples link → missing parent keys ({@code household_id} / {@code shop_id})
 * @param notRegistered claims/enrollment/training rows of persons who are not in the registry
 * @param rejection the file-level rejection code when status is "rejected"
 * @param message the rejection's (or skip's) explanation
 * @param extraColumnsUnlisted extra columns counted, not named: those that are not column names
 *     (never printed) and any beyond the listed ones
 */
public record DeliveryQuality(
        String asOfDate,
        String sourceFile,
        String status,
        long rowsRead,
        long rowsAccepted,
        long rowsQuarantined,
        Map<String, Long> quarantinedByReason,
        Map<String, List<Long>> exampleRecords,
        Map<String, Long> orphansByLink,
        Map<String, List<String>> orphanExamples,
        long notRegistered,
        long silverRows,
        List<String> extraColumns,
        List<String> missingOptionalColumns,
        String rejection,
        String message,
        long extraColumnsUnlisted) {

    public static final String LOADED = "loaded";
    public static final String REJECTED = "rejected";
    public static final String SKIPPED = "skipped";

    public DeliveryQuality {
        quarantinedByReason = quarantinedByReason == null ? Map.of() : quarantinedByReason;
        exampleRecords = exampleRecords == null ? Map.of() : exampleRecords;
        orphansByLink = orphansByLink == null ? Map.of() : orphansByLink;
        orphanExamples = orphanExamples == null ? Map.of() : orphanExamples;
        extraColumns = extraColumns == null ? List.of() : extraColumns;
        missingOptionalColumns =
                missingOptionalColumns == null ? List.of() : missingOptionalColumns;
    }

    /** A delivery whose extra columns are all listed. */
    public DeliveryQuality(
            String asOfDate,
            String sourceFile,
            String status,
            long rowsRead,
            long rowsAccepted,
            long rowsQuarantined,
            Map<String, Long> quarantinedByReason,
            Map<String, List<Long>> exampleRecords,
            Map<String, Long> orphansByLink,
            Map<String, List<String>> orphanExamples,
            long notRegistered,
            long silverRows,
            List<String> extraColumns,
            List<String> missingOptionalColumns,
            String rejection,
            String message) {
        this(
                asOfDate,
                sourceFile,
                status,
                rowsRead,
                rowsAccepted,
                rowsQuarantined,
                quarantinedByReason,
                exampleRecords,
                orphansByLink,
                orphanExamples,
                notRegistered,
                silverRows,
                extraColumns,
                missingOptionalColumns,
                rejection,
                message,
                0);
    }

    /** Orphan rows over all links (a row orphaned on two links counts twice). */
    public long orphans() {
        return orphansByLink.values().stream().mapToLong(v -> v == null ? 0 : v).sum();
    }

    public boolean hasDrift() {
        return !extraColumns.isEmpty()
                || extraColumnsUnlisted > 0
                || !missingOptionalColumns.isEmpty();
    }
}
