package org.povlake.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.povlake.contract.Catalogue;
import org.povlake.contract.Contract;
import org.povlake.contract.PovertyLines;
import org.povlake.gold.GoldBuild;
import org.povlake.ingest.IngestJob;
import org.povlake.lake.Lakehouse;
import org.povlake.silver.PseudonymKey;
import org.povlake.silver.SilverBuild;

/**
 * One real lakehouse of sample-data/inbox (ingest → silver → gold 2018–2020), built once per test
 * JVM and shared by the end-to-end test classes (it takes minutes). Classes that change it (more
 * ingests, rebuilds) must not assume any other class ran before or after them.
 */
public final class SampleLake {
    public static final Path INBOX = Path.of("..", "sample-data", "inbox");
    public static final PseudonymKey KEY =
            PseudonymKey.fromHex(
                    "4768ab726c8f63d47d9da9005b888c9055b455b40c0ac8cbe521cdf9e90c7401", "test");

    private static Lakehouse lake;
    private static GoldBuild.Result gold;

    private SampleLake() {}

    public static synchronized Lakehouse get() {
        if (lake == null) {
            try {
                Path dir = Files.createTempDirectory("povlake-sample-lake");
                dir.toFile().deleteOnExit();
                Lakehouse l = new Lakehouse(TestSpark.get(), dir.resolve("lake").toString());
                new IngestJob(l, Contract.get(), m -> {})
                        .run(new IngestJob.Options(INBOX.toString(), null, Set.of()));
                new SilverBuild(l, KEY).run(false);
                gold =
                        new GoldBuild(l, Catalogue.get(), PovertyLines.load())
                                .run(null, null, false);
                lake = l;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return lake;
    }

    /** The first gold build's result. */
    public static synchronized GoldBuild.Result firstGold() {
        get();
        return gold;
    }
}
