package org.povlake.ingest;

import java.io.File;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.povlake.contract.Contract;
import org.povlake.contract.FileRejection;

/**
 * Discovers the inbox's files and parses their names against the delivery layout {@code
 * INBOX/<source>/<extract>_<YYYYMMDD>.<csv|jsonl>[.gz]}. A file that does not fit is a file-level
 * rejection; the others become {@link DeliveryFile}s.
 *
 * <p>Only regular files are deliveries. The inbox is walked without following any link: a symbolic
 * link (to a file or a folder, dangling, or in a loop), a device, a FIFO or a socket is one {@code
 * NOT_A_REGULAR_FILE} row, and is never opened; a file whose real path is not under the inbox's
 * real path is rejected the same way. A local inbox is walked with {@code java.nio.file} (Hadoop's
 * local listing follows links); other filesystems with Hadoop's listing, which reports their links
 * as links.
 */
public final class InboxScanner {
    private static final Pattern NAME =
            Pattern.compile("(.+)_([0-9]{4})([0-9]{2})([0-9]{2})\\.(csv|jsonl)(\\.gz)?");

    /**
     * Either a delivery or a rejection, for one path of the inbox. A rejected path whose name
     * parses as a delivery keeps that delivery too (its source, extract and date are reported).
     *
     * @param modified the modification time in nanoseconds, to tell a file still being written
     */
    public record Found(
            String relative,
            long bytes,
            long modified,
            DeliveryFile delivery,
            FileRejection rejection,
            String message) {}

    private InboxScanner() {}

    /** Every path under the inbox that is not a folder, sorted by relative path. */
    public static List<Found> scan(String inbox, Configuration conf, Contract contract)
            throws IOException {
        Path root = new Path(inbox);
        FileSystem fs = root.getFileSystem(conf);
        java.nio.file.Path local = FileStreams.local(fs, root);
        List<Found> found =
                local != null
                        ? scanLocal(local, inbox, contract)
                        : scanHadoop(fs, root, inbox, contract);
        found.sort((a, b) -> a.relative().compareTo(b.relative()));
        return found;
    }

    private static FileNotFoundException notAFolder(String inbox) {
        return new FileNotFoundException("the inbox " + inbox + " is not a folder");
    }

    private static List<Found> scanLocal(java.nio.file.Path root, String inbox, Contract contract)
            throws IOException {
        java.nio.file.Path real;
        try {
            real = root.toRealPath();
        } catch (IOException e) {
            throw notAFolder(inbox);
        }
        if (!Files.isDirectory(real)) {
            throw notAFolder(inbox);
        }
        List<Found> found = new ArrayList<>();
        Files.walkFileTree(
                real,
                EnumSet.noneOf(FileVisitOption.class),
                Integer.MAX_VALUE,
                new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult visitFile(
                            java.nio.file.Path file, BasicFileAttributes attrs) {
                        String relative =
                                real.relativize(file).toString().replace(File.separatorChar, '/');
                        if (attrs.isSymbolicLink()) {
                            found.add(notRegular(relative, linkMessage(file), contract));
                        } else if (!attrs.isRegularFile()) {
                            found.add(
                                    notRegular(
                                            relative,
                                            "not a regular file (a device, a FIFO or a socket); it was not"
                                                    + " opened",
                                            contract));
                        } else if (!inside(real, file)) {
                            found.add(
                                    notRegular(
                                            relative,
                                            "it resolves to a path outside the inbox; it was not opened",
                                            contract));
                        } else {
                            found.add(
                                    classify(
                                            new Path(file.toUri()).toString(),
                                            relative,
                                            attrs.size(),
                                            attrs.lastModifiedTime().to(TimeUnit.NANOSECONDS),
                                            contract));
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(java.nio.file.Path file, IOException e) {
                        String relative =
                                real.relativize(file).toString().replace(File.separatorChar, '/');
                        found.add(
                                reject(
                                        relative,
                                        0,
                                        0,
                                        FileRejection.UNREADABLE,
                                        "it cannot be listed or read ("
                                                + e.getClass().getSimpleName()
                                                + ")"));
                        return FileVisitResult.CONTINUE;
                    }
                });
        return found;
    }

    /**
     * What a link is, found with {@code stat} only (nothing is opened): its target's kind, or why
     * there is none.
     */
    private static String linkMessage(java.nio.file.Path link) {
        String kind;
        try {
            BasicFileAttributes target = Files.readAttributes(link, BasicFileAttributes.class);
            kind =
                    target.isDirectory()
                            ? "to a folder"
                            : target.isRegularFile()
                                    ? "to a file"
                                    : "to a device, a FIFO or a socket";
        } catch (NoSuchFileException e) {
            kind = "that points nowhere (dangling)";
        } catch (FileSystemException e) {
            kind = "that cannot be resolved (a link loop)";
        } catch (IOException e) {
            kind = "that cannot be resolved";
        }
        return "a symbolic link " + kind + "; links are never followed: deliver the file itself";
    }

    private static boolean inside(java.nio.file.Path realRoot, java.nio.file.Path file) {
        try {
            return file.toRealPath().startsWith(realRoot);
        } catch (IOException e) {
            return false;
        }
    }

    private static List<Found> scanHadoop(FileSystem fs, Path root, String inbox, Contract contract)
            throws IOException {
        if (!fs.exists(root) || !fs.getFileStatus(root).isDirectory()) {
            throw notAFolder(inbox);
        }
        Path qualified = fs.getFileStatus(root).getPath();
        List<Found> found = new ArrayList<>();
        walk(fs, qualified, qualified.toUri().getPath(), contract, found);
        return found;
    }

    private static void walk(
            FileSystem fs, Path dir, String rootPath, Contract contract, List<Found> found) {
        FileStatus[] children;
        try {
            children = fs.listStatus(dir);
        } catch (IOException e) {
            found.add(
                    reject(
                            relative(dir, rootPath),
                            0,
                            0,
                            FileRejection.UNREADABLE,
                            "it cannot be listed (" + e.getClass().getSimpleName() + ")"));
            return;
        }
        for (FileStatus st : children) {
            String relative = relative(st.getPath(), rootPath);
            if (st.isSymlink()) {
                found.add(
                        notRegular(
                                relative,
                                "a symbolic link; links are never followed: deliver the file itself",
                                contract));
            } else if (st.isDirectory()) {
                walk(fs, st.getPath(), rootPath, contract, found);
            } else if (st.isFile()) {
                found.add(
                        classify(
                                st.getPath().toString(),
                                relative,
                                st.getLen(),
                                TimeUnit.MILLISECONDS.toNanos(st.getModificationTime()),
                                contract));
            } else {
                found.add(notRegular(relative, "not a regular file; it was not opened", contract));
            }
        }
    }

    private static String relative(Path p, String rootPath) {
        return p.toUri().getPath().substring(rootPath.length()).replaceFirst("^/+", "");
    }

    /**
     * A path that is not a regular file; its name is still parsed, so that the report can say what
     * it claims to be.
     */
    private static Found notRegular(String relative, String message, Contract contract) {
        Found named = classify(relative, relative, 0, 0, contract);
        return new Found(
                relative, 0, 0, named.delivery(), FileRejection.NOT_A_REGULAR_FILE, message);
    }

    static Found classify(
            String path, String relative, long bytes, long modified, Contract contract) {
        String[] parts = relative.split("/");
        if (parts.length != 2) {
            return reject(
                    relative,
                    bytes,
                    modified,
                    FileRejection.BAD_LOCATION,
                    "not at <source>/<extract>_<YYYYMMDD>.<csv|jsonl>[.gz] under the inbox");
        }
        String source = parts[0];
        if (!contract.sources().containsKey(source)) {
            return reject(
                    relative,
                    bytes,
                    modified,
                    FileRejection.UNKNOWN_SOURCE,
                    "unknown source folder '"
                            + source
                            + "' (expected one of "
                            + String.join(", ", contract.sources().keySet())
                            + ")");
        }
        Matcher m = NAME.matcher(parts[1]);
        if (!m.matches()) {
            return reject(
                    relative,
                    bytes,
                    modified,
                    FileRejection.BAD_FILE_NAME,
                    "the name is not <extract>_<YYYYMMDD>.<csv|jsonl>[.gz]");
        }
        LocalDate asOf;
        try {
            asOf =
                    LocalDate.of(
                            Integer.parseInt(m.group(2)),
                            Integer.parseInt(m.group(3)),
                            Integer.parseInt(m.group(4)));
        } catch (DateTimeException e) {
            return reject(
                    relative,
                    bytes,
                    modified,
                    FileRejection.BAD_FILE_NAME,
                    "the date "
                            + m.group(2)
                            + m.group(3)
                            + m.group(4)
                            + " in the name does not exist");
        }
        String extract = m.group(1);
        if (contract.extract(source, extract).isEmpty()) {
            return contract.sourceOf(extract)
                    .map(
                            owner ->
                                    reject(
                                            relative,
                                            bytes,
                                            modified,
                                            FileRejection.WRONG_SOURCE,
                                            "extract '"
                                                    + extract
                                                    + "' belongs to source '"
                                                    + owner
                                                    + "', not '"
                                                    + source
                                                    + "'"))
                    .orElseGet(
                            () ->
                                    reject(
                                            relative,
                                            bytes,
                                            modified,
                                            FileRejection.UNKNOWN_EXTRACT,
                                            "unknown extract '"
                                                    + extract
                                                    + "' (source '"
                                                    + source
                                                    + "' delivers "
                                                    + String.join(
                                                            ", ", contract.sources().get(source))
                                                    + ")"));
        }
        DeliveryFile d =
                new DeliveryFile(
                        path,
                        relative,
                        source,
                        extract,
                        asOf,
                        "jsonl".equals(m.group(5)),
                        m.group(6) != null,
                        bytes,
                        modified);
        return new Found(relative, bytes, modified, d, null, null);
    }

    private static Found reject(
            String relative, long bytes, long modified, FileRejection r, String message) {
        return new Found(relative, bytes, modified, null, r, message);
    }
}
