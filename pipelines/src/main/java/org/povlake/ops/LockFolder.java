package org.povlake.ops;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;

/**
 * The run lock's folder: numbered files (generations, {@code 00000000000000000007.json}), each
 * created at most once, with its whole content, or not at all. The one operation the lock's
 * exclusion rests on is {@link #create}: write the content to a private temporary file, then give
 * it the generation's name with an operation that fails if the name exists — a hard link on a local
 * or NFS filesystem, a rename on HDFS (which refuses an existing target). Object stores have no
 * such operation: there the name is checked, then the file renamed (see the README).
 */
abstract class LockFolder {
    private static final Pattern GENERATION = Pattern.compile("(\\d{20})\\.json");
    private static final Pattern TEMPORARY =
            Pattern.compile("\\.(\\d{20})\\.json\\.[0-9a-f-]+\\.tmp");

    /**
     * The folder of a lock under {@code dir} (a URI): local files through java.nio, others through
     * Hadoop.
     */
    static LockFolder of(String dir, Configuration hadoop) throws IOException {
        org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(dir);
        FileSystem fs = p.getFileSystem(hadoop);
        org.apache.hadoop.fs.Path qualified = fs.makeQualified(p);
        if ("file".equals(qualified.toUri().getScheme())) {
            return new Local(Path.of(qualified.toUri()));
        }
        return new Hadoop(fs, qualified);
    }

    static String name(long generation) {
        return String.format("%020d.json", generation);
    }

    /** Where the folder is, for messages. */
    abstract String location();

    /** The file names in the folder (none if it does not exist). */
    abstract List<String> names() throws IOException;

    /** A generation's content; empty if it does not exist (any more). */
    abstract Optional<byte[]> read(long generation) throws IOException;

    /** Creates a generation with its content, atomically; false if it exists already. */
    abstract boolean create(long generation, byte[] content) throws IOException;

    abstract void delete(String name) throws IOException;

    /** The newest generation, 0 if none. */
    long newest() throws IOException {
        long newest = 0;
        for (String n : names()) {
            Matcher m = GENERATION.matcher(n);
            if (m.matches()) {
                newest = Math.max(newest, Long.parseLong(m.group(1)));
            }
        }
        return newest;
    }

    /**
     * Deletes the generations before {@code generation} and the temporary files of those: they are
     * decided, nobody reads them again. (A temporary file is left by a process killed between
     * writing and naming it; one deleted while its process is about to name it makes that {@link
     * #create} return false — its generation is decided.)
     */
    void deleteBefore(long generation) throws IOException {
        for (String n : names()) {
            Matcher g = GENERATION.matcher(n);
            Matcher t = TEMPORARY.matcher(n);
            if (g.matches() && Long.parseLong(g.group(1)) < generation
                    || t.matches() && Long.parseLong(t.group(1)) < generation) {
                delete(n);
            }
        }
    }

    static String temporaryName(long generation) {
        return "." + name(generation) + "." + UUID.randomUUID() + ".tmp";
    }

    /** A folder on a local (or NFS-mounted) filesystem: the folder is 0700, its files 0600. */
    static final class Local extends LockFolder {
        private static final FileAttribute<?> PRIVATE_FOLDER =
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));
        private static final FileAttribute<?> PRIVATE_FILE =
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
        private final Path dir;

        Local(Path dir) {
            this.dir = dir;
        }

        @Override
        String location() {
            return dir.toString();
        }

        @Override
        List<String> names() throws IOException {
            List<String> names = new ArrayList<>();
            try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
                s.forEach(p -> names.add(p.getFileName().toString()));
            } catch (NoSuchFileException e) {
                return List.of();
            }
            return names;
        }

        @Override
        Optional<byte[]> read(long generation) throws IOException {
            try {
                return Optional.of(Files.readAllBytes(dir.resolve(name(generation))));
            } catch (NoSuchFileException e) {
                return Optional.empty();
            }
        }

        @Override
        boolean create(long generation, byte[] content) throws IOException {
            Files.createDirectories(dir, PRIVATE_FOLDER);
            Path tmp = dir.resolve(temporaryName(generation));
            try {
                try (FileChannel ch =
                        FileChannel.open(
                                tmp,
                                java.util.Set.of(
                                        StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                                PRIVATE_FILE)) {
                    ch.write(ByteBuffer.wrap(content));
                    ch.force(true); // the content is on disk before the name is: a power cut leaves
                    // no empty lock
                }
                Files.createLink(
                        dir.resolve(name(generation)), tmp); // link(2): fails if the name exists
                return true;
            } catch (FileAlreadyExistsException e) {
                return false;
            } catch (NoSuchFileException e) {
                return false; // the temporary file was deleted: a newer generation exists, this one
                // is decided
            } catch (UnsupportedOperationException e) {
                throw new IOException(
                        "the filesystem of " + dir + " has no hard links, which the run lock needs",
                        e);
            } finally {
                Files.deleteIfExists(tmp);
            }
        }

        @Override
        void delete(String name) throws IOException {
            Files.deleteIfExists(dir.resolve(name));
        }
    }

    /** A folder on a Hadoop filesystem (HDFS, S3A, …). */
    static final class Hadoop extends LockFolder {
        private final FileSystem fs;
        private final org.apache.hadoop.fs.Path dir;

        Hadoop(FileSystem fs, org.apache.hadoop.fs.Path dir) {
            this.fs = fs;
            this.dir = dir;
        }

        @Override
        String location() {
            return dir.toString();
        }

        @Override
        List<String> names() throws IOException {
            List<String> names = new ArrayList<>();
            try {
                for (FileStatus s : fs.listStatus(dir)) {
                    names.add(s.getPath().getName());
                }
            } catch (FileNotFoundException e) {
                return List.of();
            }
            return names;
        }

        @Override
        Optional<byte[]> read(long generation) throws IOException {
            try (InputStream in = fs.open(new org.apache.hadoop.fs.Path(dir, name(generation)))) {
                return Optional.of(in.readAllBytes());
            } catch (FileNotFoundException e) {
                return Optional.empty();
            }
        }

        @Override
        boolean create(long generation, byte[] content) throws IOException {
            org.apache.hadoop.fs.Path target = new org.apache.hadoop.fs.Path(dir, name(generation));
            org.apache.hadoop.fs.Path tmp =
                    new org.apache.hadoop.fs.Path(dir, temporaryName(generation));
            fs.mkdirs(dir);
            try {
                try (FSDataOutputStream out = fs.create(tmp, false)) {
                    out.write(content);
                    out.hsync();
                }
                if (fs.exists(
                        target)) { // where rename replaces (object stores): the best that can be
                    // done
                    return false;
                }
                if (fs.rename(tmp, target)) { // HDFS: atomic, and false if the target exists
                    return true;
                }
                if (fs.exists(target) || !fs.exists(tmp)) { // taken, or decided (see deleteBefore)
                    return false;
                }
                throw new IOException("cannot create the run lock file " + target);
            } catch (org.apache.hadoop.fs.FileAlreadyExistsException e) {
                return false;
            } finally {
                fs.delete(tmp, false);
            }
        }

        @Override
        void delete(String name) throws IOException {
            fs.delete(new org.apache.hadoop.fs.Path(dir, name), false);
        }
    }
}
