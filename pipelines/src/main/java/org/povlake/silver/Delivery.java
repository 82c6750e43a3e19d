package org.povlake.silver;

import java.time.LocalDate;

/** A delivery silver is built from: the file currently loaded for one extract and as-of date. */
public record Delivery(
        String source,
        String extract,
        String kind,
        LocalDate asOfDate,
        String sourceFile,
        String fileSha256,
        long rowsLoaded,
        String batchId) {
    /** {@code <source>_<extract>/<as-of date>}, as in ops.silver_builds.changed_deliveries. */
    public String label() {
        return extract + "/" + asOfDate;
    }
}
