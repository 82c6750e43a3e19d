package org.povlake.lake;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The one way povlake writes a file outside the tables (assessments, workbooks, quality reports,
 * manifests, ingest reports): beside its target, then moved into place, so a reader never sees half
 * a file; and with the folder's usual permissions (those the umask gives a new file), never the
 * private mode of {@code Files.createTempFile}, which the move would keep.
 */
public final class OutputFiles {
    private OutputFiles() {}

    /** Something that writes a file's content to a stream. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    public static void write(Path file, byte[] bytes) throws IOException {
        write(file, out -> out.write(bytes));
    }

    public static void write(Path file, Content content) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        // a uniquely named file, created with the folder's usual permissions (createTempFile would
        // make it 0600)
        Path tmp =
                dir.resolve("." + file.getFileName() + "." + java.util.UUID.randomUUID() + ".tmp");
        try {
            try (OutputStream out =
                    new java.io.BufferedOutputStream(
                            Files.newOutputStream(
                                    tmp,
                                    java.nio.file.StandardOpenOption.CREATE_NEW,
                                    java.nio.file.StandardOpenOption.WRITE),
                            1 << 16)) {
                content.writeTo(out);
            }
            try {
                Files.move(
                        tmp,
                        file,
                        StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** "sha256:<hex>" of a file. */
    public static String sha256(Path file) throws IOException {
        try (java.io.InputStream in =
                new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
            return "sha256:" + HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
