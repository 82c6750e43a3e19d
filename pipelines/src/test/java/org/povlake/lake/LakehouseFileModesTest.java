package org.povlake.lake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.povlake.contract.Contract;
import org.povlake.ingest.IngestJob;
import org.povlake.testing.SampleLake;
import org.povlake.testing.TestSpark;

/**
 * Every file and folder povlake writes into a local lakehouse is its owner's only (Hadoop's own
 * umask, {@code fs.permissions.umask-mode}, is 077 in every session), whatever the process umask:
 * bronze holds resident IDs and names.
 */
@Tag("end-to-end")
class LakehouseFileModesTest {
    @TempDir Path tmp;

    @Test
    void bronzeAndItsDeltaLogAreWrittenOwnerOnly() throws IOException {
        Path inbox = tmp.resolve("inbox/registry");
        Files.createDirectories(inbox);
        for (String f : List.of("households_20201231.csv", "members_20201231.csv")) {
            Files.copy(SampleLake.INBOX.resolve("registry").resolve(f), inbox.resolve(f));
        }
        Lakehouse lake = new Lakehouse(TestSpark.get(), tmp.resolve("lake").toString());
        IngestJob.Result r =
                new IngestJob(lake, Contract.get(), m -> {})
                        .run(
                                new IngestJob.Options(
                                        tmp.resolve("inbox").toString(), null, Set.of()));
        assertTrue(
                r.files().size() == 2 && lake.read("bronze.registry_members").count() > 100,
                r.files().toString());

        List<String> open = new ArrayList<>();
        int parquet = 0;
        try (Stream<Path> all = Files.walk(tmp.resolve("lake"))) {
            for (Path p : all.toList()) {
                Set<PosixFilePermission> perms =
                        Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS);
                if (perms.stream()
                        .anyMatch(
                                x ->
                                        x.name().startsWith("GROUP")
                                                || x.name().startsWith("OTHERS"))) {
                    open.add(PosixFilePermissions.toString(perms) + " " + tmp.relativize(p));
                }
                parquet += p.toString().endsWith(".parquet") ? 1 : 0;
            }
        }
        assertTrue(parquet > 2, "bronze's Parquet files were checked");
        assertEquals(
                List.of(),
                open.stream().limit(10).toList(),
                open.size() + " files and folders others can read or enter");
    }
}
