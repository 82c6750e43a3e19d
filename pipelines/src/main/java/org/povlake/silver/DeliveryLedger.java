package org.povlake.silver;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.povlake.contract.Contract;
import org.povlake.contract.ExtractSchema;
import org.povlake.ingest.IngestLog;
import org.povlake.lake.Lakehouse;

/**
 * Which deliveries are loaded ({@code ops.ingest_log}: the latest loaded file per extract and as-of
 * date) and which silver was last built from ({@code silver.deliveries}); their difference is what
 * an incremental build processes.
 */
public final class DeliveryLedger {
    public static final String TABLE = "silver.deliveries";

    private DeliveryLedger() {}

    /** The deliveries currently loaded in bronze, by ingest's own log. */
    public static List<Delivery> loaded(Lakehouse lake) {
        Map<String, Delivery> current = new TreeMap<>();
        Contract contract = Contract.get();
        for (Row r : IngestLog.latestLoaded(lake)) {
            ExtractSchema schema =
                    contract.extract(r.getAs("source"), r.getAs("extract")).orElseThrow();
            Delivery d =
                    new Delivery(
                            schema.source(),
                            schema.name(),
                            schema.isSnapshot() ? "snapshot" : "event",
                            r.getAs("as_of_date"),
                            r.getAs("source_file"),
                            r.getAs("file_sha256"),
                            r.<Long>getAs("rows_accepted"),
                            r.getAs("batch_id"));
            current.put(d.label(), d);
        }
        return new ArrayList<>(current.values());
    }

    /** The deliveries the last successful silver build consumed (empty before the first). */
    public static List<Delivery> built(Lakehouse lake) {
        if (!lake.exists(TABLE)) {
            return List.of();
        }
        return parse(lake.spark().read().format("delta").load(lake.path(TABLE)).collectAsList());
    }

    /** Rows of silver.deliveries as deliveries. */
    public static List<Delivery> parse(List<Row> rows) {
        List<Delivery> out = new ArrayList<>();
        for (Row r : rows) {
            out.add(
                    new Delivery(
                            r.getString(0),
                            r.getString(1),
                            r.getString(2),
                            (LocalDate) r.get(3),
                            r.getString(4),
                            r.getString(5),
                            r.getLong(6),
                            r.getString(7)));
        }
        return out;
    }

    /** Per extract, the as-of dates whose delivery is new, changed or gone since {@code before}. */
    public static Map<String, Set<LocalDate>> changes(List<Delivery> before, List<Delivery> now) {
        Map<String, Delivery> old = new LinkedHashMap<>();
        before.forEach(d -> old.put(d.label(), d));
        Map<String, Set<LocalDate>> changed = new TreeMap<>();
        for (Delivery d : now) {
            Delivery o = old.remove(d.label());
            if (o == null
                    || !Objects.equals(o.fileSha256(), d.fileSha256())
                    || o.rowsLoaded() != d.rowsLoaded()) {
                changed.computeIfAbsent(d.extract(), k -> new TreeSet<>()).add(d.asOfDate());
            }
        }
        old.values()
                .forEach(
                        d ->
                                changed.computeIfAbsent(d.extract(), k -> new TreeSet<>())
                                        .add(d.asOfDate()));
        return changed;
    }

    static List<Row> rows(List<Delivery> deliveries) {
        List<Row> rows = new ArrayList<>();
        for (Delivery d : deliveries) {
            rows.add(
                    RowFactory.create(
                            d.source(),
                            d.extract(),
                            d.kind(),
                            d.asOfDate(),
                            d.sourceFile(),
                            d.fileSha256(),
                            d.rowsLoaded(),
                            d.batchId()));
        }
        return rows;
    }
}
