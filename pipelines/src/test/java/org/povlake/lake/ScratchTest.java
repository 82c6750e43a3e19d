package org.povlake.lake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.povlake.ops.RunningProcess;

/**
 * Spark's scratch folders: private, one per process, a gone process's removed by the next start, no
 * other.
 */
class ScratchTest {
    @TempDir Path tmp;

    static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void theBaseIsTheConfiguredFolderElseAFolderOfThisUserUnderTheTemporaryFolder() {
        assertEquals(
                Path.of("/srv/scratch"), Scratch.base(Map.of(Scratch.ENV, "/srv/scratch"), "/tmp"));
        Path base = Scratch.base(Map.of(), "/var/tmp");
        assertEquals(Path.of("/var/tmp"), base.getParent());
        assertTrue(base.getFileName().toString().matches("povlake-\\d+"), base.toString());
    }

    @Test
    void aGoneProcesssFolderIsRemovedByTheNextStartAndNoOther() throws Exception {
        Path base = tmp.resolve("scratch");
        Process gone = new ProcessBuilder("true").start();
        RunningProcess dead = RunningProcess.of(gone.toHandle());
        gone.waitFor();
        Process running = new ProcessBuilder("sleep", "600").start();
        try {
            Path liveFolder = Scratch.create(base, RunningProcess.of(running.toHandle()));
            assertEquals("rwx------", mode(base));
            assertEquals("rwx------", mode(liveFolder));
            // what a process killed while it shuffled leaves
            Path deadFolder =
                    Files.createDirectories(
                                    base.resolve(Scratch.name(dead)).resolve("blockmgr-1/0c"))
                            .getParent()
                            .getParent();
            Files.writeString(
                    deadFolder.resolve("blockmgr-1/0c/shuffle_0_0_0.data"), "a shuffle block");
            Path otherHost = Files.createDirectory(base.resolve(dead.pid() + "-1-another-host"));
            Path notOurs = Files.createDirectory(base.resolve("notes"));

            Path mine = Scratch.create(base, RunningProcess.current());
            assertFalse(Files.exists(deadFolder), "the gone process's folder is removed");
            assertTrue(
                    Files.isDirectory(liveFolder)
                            && Files.isDirectory(otherHost)
                            && Files.isDirectory(notOurs));
            assertEquals("rwx------", mode(mine));
            assertEquals(List.of(), Scratch.removeAbandoned(base), "nothing else is abandoned");

            running.destroyForcibly().waitFor();
            assertEquals(List.of(liveFolder), Scratch.removeAbandoned(base));
        } finally {
            running.destroyForcibly();
        }
    }

    @Test
    void aBaseThatIsALinkOrOpenToOthersIsRefusedOrClosed() throws IOException {
        Path elsewhere = Files.createDirectory(tmp.resolve("elsewhere"));
        Path link = Files.createSymbolicLink(tmp.resolve("link"), elsewhere);
        IOException e =
                assertThrows(
                        IOException.class, () -> Scratch.create(link, RunningProcess.current()));
        assertTrue(e.getMessage().contains("is not a folder"), e.getMessage());

        Path open = Files.createDirectory(tmp.resolve("open"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
        Scratch.create(open, RunningProcess.current());
        assertEquals("rwx------", mode(open));
    }
}
