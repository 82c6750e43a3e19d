package org.povlake.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spark's scratch space (shuffle and spill files: resident IDs and names) is private: a run killed
 * with {@code kill -9} leaves it unreachable to other users, and the next start removes it.
 */
@Tag("end-to-end")
class ScratchSpaceTest {
    static final Duration TIMEOUT = Duration.ofMinutes(6);

    @TempDir Path tmp;

    @Test
    void aKilledRunsScratchIsNeverReadableByOthersAndTheNextStartRemovesIt() throws IOException {
        Path inbox = tmp.resolve("inbox/registry");
        Files.createDirectories(inbox);
        for (String f : List.of("households_20201231.csv", "members_20201231.csv")) {
            Files.copy(DemoSilverTest.INBOX.resolve("registry").resolve(f), inbox.resolve(f));
        }
        Path tmpdir = Files.createDirectories(tmp.resolve("tmpdir"));
        Map<String, String> props =
                Map.of(
                        "java.io.tmpdir",
                        tmpdir.toString(),
                        "povlake.test.crashAt",
                        "ingest:bronze:registry_members");
        PovlakeProcess.Result killed =
                PovlakeProcess.run(
                        tmp.resolve("logs"),
                        "killed",
                        props,
                        TIMEOUT,
                        "ingest",
                        "--inbox",
                        tmp.resolve("inbox").toString(),
                        "--lakehouse",
                        tmp.resolve("lake").toString());
        assertEquals(137, killed.exit(), killed.all());

        List<Path> shuffle = sparkFiles(tmpdir);
        assertTrue(shuffle.size() > 0, "the killed run left its shuffle files");
        Path base =
                tmpdir.resolve("povlake-" + new com.sun.security.auth.module.UnixSystem().getUid());
        assertEquals(
                "rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(base)));
        List<Path> folders = list(base);
        assertEquals(1, folders.size(), "the killed run's folder: " + folders);
        assertEquals(
                "rwx------",
                PosixFilePermissions.toString(Files.getPosixFilePermissions(folders.get(0))));
        assertTrue(
                shuffle.stream().allMatch(f -> f.startsWith(folders.get(0))),
                "all of it in the run's folder");
        List<String> readable = new ArrayList<>();
        for (Path f : shuffle) {
            if (reachableByOthers(tmpdir, f)) {
                readable.add(tmpdir.relativize(f).toString());
            }
        }
        assertEquals(
                List.of(),
                readable.stream().limit(10).toList(),
                readable.size() + " scratch files others can read");

        PovlakeProcess.Result next =
                PovlakeProcess.run(
                        tmp.resolve("logs"),
                        "next",
                        Map.of("java.io.tmpdir", tmpdir.toString()),
                        TIMEOUT,
                        "tables",
                        "--lakehouse",
                        tmp.resolve("lake").toString());
        assertEquals(0, next.exit(), next.all());
        assertEquals(
                List.of(),
                sparkFiles(tmpdir).stream().limit(10).toList(),
                "scratch left after the next run");
        assertEquals(
                List.of(),
                list(base),
                "the killed run's folder removed at the next start, the next run's at its exit");
    }

    static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }

    /** The files under Spark's block-manager and temporary folders. */
    static List<Path> sparkFiles(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(Files::isRegularFile)
                    .filter(
                            p ->
                                    p.toString().contains("/blockmgr-")
                                            || p.toString().contains("/spark-"))
                    .toList();
        }
    }

    /**
     * Whether another user can read {@code f}: every folder from below {@code root} down can be
     * entered, and it read.
     */
    static boolean reachableByOthers(Path root, Path f) throws IOException {
        for (Path d = f.getParent(); d != null && !d.equals(root); d = d.getParent()) {
            if (!Files.getPosixFilePermissions(d, LinkOption.NOFOLLOW_LINKS)
                    .contains(PosixFilePermission.OTHERS_EXECUTE)) {
                return false;
            }
        }
        Set<PosixFilePermission> p = Files.getPosixFilePermissions(f, LinkOption.NOFOLLOW_LINKS);
        return p.contains(PosixFilePermission.OTHERS_READ);
    }
}
