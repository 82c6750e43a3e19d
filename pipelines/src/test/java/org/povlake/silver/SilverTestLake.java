package org.povlake.silver;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.povlake.contract.Contract;
import org.povlake.ingest.IngestJob;
import org.povlake.lake.Lakehouse;
import org.povlake.testing.TestSpark;

/** A real lakehouse in a temporary folder, ingested and built as the CLI does. */
final class SilverTestLake {
    static final PseudonymKey KEY =
            PseudonymKey.fromHex(
                    "4768ab726c8f63d47d9da9005b888c9055b455b40c0ac8cbe521cdf9e90c7401", "test");
    static final PseudonymKey OTHER_KEY =
            PseudonymKey.fromHex(
                    "04f40483a1127b30718b7eb5b417b2298edfd399d2cc94339a177a91a518592d", "test");

    final Lakehouse lake;

    SilverTestLake(Path root) {
        this.lake = new Lakehouse(TestSpark.get(), root.toString());
    }

    IngestJob.Result ingest(Path inbox) throws IOException {
        return new IngestJob(lake, Contract.get(), m -> {})
                .run(new IngestJob.Options(inbox.toString(), null, Set.of()));
    }

    SilverBuild.Result build() {
        return new SilverBuild(lake, KEY).run(false);
    }

    SilverBuild.Result rebuild() {
        return new SilverBuild(lake, KEY).run(true);
    }

    Dataset<Row> table(String name) {
        return lake.spark().read().format("delta").load(lake.path(name));
    }

    /** Every silver table's rows as sorted text: equal maps = equal tables. */
    Map<String, List<String>> silverContents() {
        Map<String, List<String>> out = new TreeMap<>();
        for (String t : lake.tables()) {
            if (t.startsWith("silver.")) {
                List<String> rows = new ArrayList<>();
                table(t).collectAsList().forEach(r -> rows.add(r.toString()));
                rows.sort(null);
                out.put(t, rows);
            }
        }
        return out;
    }

    /** Every table's Delta version. */
    Map<String, Long> versions() {
        Map<String, Long> out = new TreeMap<>();
        lake.tables().forEach(t -> out.put(t, lake.version(t)));
        return out;
    }
}
