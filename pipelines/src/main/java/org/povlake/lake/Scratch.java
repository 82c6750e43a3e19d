package org.povlake.lake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.povlake.ops.RunningProcess;

/**
 * Spark's scratch space ({@code spark.local.dir}: shuffle and spill files, cached and broadcast
 * blocks — bronze's resident IDs and names while a job runs) in folders only this user can enter.
 * The base is {@value #ENV} when set, else {@code <java.io.tmpdir>/povlake-<uid>}; it is created
 * 0700, and refused if it is not a folder of this user (a symbolic link, or another user's folder
 * planted in a shared /tmp). In it each process has its own folder, {@code <pid>-<start time in
 * ms>-<host>}, 0700, removed when the process exits; the folder of a process that is gone (killed:
 * no exit hook ran) is removed by the next process that starts, and the folders of running
 * processes are left alone.
 */
public final class Scratch {
    public static final String ENV = "POVLAKE_SCRATCH_DIR";
    private static final Set<PosixFilePermission> OWNER_ONLY =
            PosixFilePermissions.fromString("rwx------");
    private static final FileAttribute<Set<PosixFilePermission>> PRIVATE =
            PosixFilePermissions.asFileAttribute(OWNER_ONLY);

    /**
     * After Spark's own shutdown hook (priority 40: it stops the context and deletes its folders).
     */
    private static final int SHUTDOWN_PRIORITY = 20;

    private static Path current;

    private Scratch() {}

    /**
     * This process's scratch folder: made (after removing the folders of gone processes) on first
     * use, removed when the process exits.
     */
    public static synchronized Path forThisProcess() {
        if (current == null) {
            try {
                Path folder =
                        create(
                                base(System.getenv(), System.getProperty("java.io.tmpdir")),
                                RunningProcess.current());
                org.apache.hadoop.util.ShutdownHookManager.get()
                        .addShutdownHook(() -> delete(folder), SHUTDOWN_PRIORITY);
                current = folder;
            } catch (IOException e) {
                throw new UncheckedIOException(
                        "cannot make a private scratch folder for Spark: "
                                + e.getMessage()
                                + " (set "
                                + ENV
                                + " to a folder of your own)",
                        e);
            }
        }
        return current;
    }

    /** {@value #ENV}, else {@code <tmpdir>/povlake-<uid>}. */
    static Path base(Map<String, String> env, String tmpdir) {
        String configured = env.get(ENV);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath();
        }
        return Path.of(tmpdir)
                .toAbsolutePath()
                .resolve("povlake-" + new com.sun.security.auth.module.UnixSystem().getUid());
    }

    /**
     * Makes the base private, removes the folders of gone processes, and makes {@code self}'s
     * folder.
     */
    static Path create(Path base, RunningProcess self) throws IOException {
        makePrivate(base);
        removeAbandoned(base);
        Path folder = base.resolve(name(self));
        try {
            Files.createDirectory(folder, PRIVATE);
        } catch (FileAlreadyExistsException e) {
            makePrivate(folder);
        }
        return folder;
    }

    /**
     * Creates {@code dir} 0700, or checks that the existing one is a folder of this user and makes
     * it 0700.
     */
    static void makePrivate(Path dir) throws IOException {
        try {
            Files.createDirectories(dir.getParent());
            Files.createDirectory(dir, PRIVATE);
        } catch (FileAlreadyExistsException e) {
            // checked below
        }
        PosixFileAttributes a =
                Files.readAttributes(dir, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (!a.isDirectory()) {
            throw new IOException(dir + " is not a folder (a symbolic link or a file)");
        }
        long uid = new com.sun.security.auth.module.UnixSystem().getUid();
        Object owner = Files.getAttribute(dir, "unix:uid", LinkOption.NOFOLLOW_LINKS);
        if (!(owner instanceof Integer o) || o != uid) {
            throw new IOException(
                    dir + " belongs to " + a.owner().getName() + ", not to this user");
        }
        if (!a.permissions().equals(OWNER_ONLY)) {
            Files.setPosixFilePermissions(dir, OWNER_ONLY);
        }
    }

    /**
     * Removes the folders in {@code base} of processes of this host that are gone; returns them.
     */
    static List<Path> removeAbandoned(Path base) throws IOException {
        List<Path> removed = new ArrayList<>();
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(base)) {
            for (Path f : folders) {
                Optional<RunningProcess> owner = owner(f.getFileName().toString());
                if (owner.isPresent() && owner.get().gone()) {
                    delete(f);
                    removed.add(f);
                }
            }
        }
        return removed;
    }

    /** The name of a process's folder. */
    static String name(RunningProcess p) {
        return p.pid()
                + "-"
                + (p.start() == null ? "x" : p.start().toEpochMilli())
                + "-"
                + p.host();
    }

    /** The process a folder name says made it; empty for a name that is not a process's folder. */
    static Optional<RunningProcess> owner(String name) {
        String[] parts = name.split("-", 3);
        if (parts.length < 3 || !parts[0].matches("\\d+") || !parts[1].matches("\\d+|x")) {
            return Optional.empty();
        }
        return Optional.of(
                new RunningProcess(
                        parts[2],
                        Long.parseLong(parts[0]),
                        parts[1].equals("x")
                                ? null
                                : Instant.ofEpochMilli(Long.parseLong(parts[1]))));
    }

    /**
     * Deletes a folder and everything in it, never following a symbolic link; what is gone already
     * is fine.
     */
    static void delete(Path folder) {
        try {
            Files.walkFileTree(
                    folder,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                                throws IOException {
                            Files.deleteIfExists(file);
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException e)
                                throws IOException {
                            if (e instanceof NoSuchFileException) {
                                return FileVisitResult.CONTINUE;
                            }
                            throw e;
                        }

                        @Override
                        public FileVisitResult postVisitDirectory(Path dir, IOException e)
                                throws IOException {
                            if (e != null && !(e instanceof NoSuchFileException)) {
                                throw e;
                            }
                            Files.deleteIfExists(dir);
                            return FileVisitResult.CONTINUE;
                        }
                    });
        } catch (NoSuchFileException e) {
            // removed by another process meanwhile
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the scratch folder " + folder, e);
        }
    }
}
