package org.povlake.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.povlake.contract.Contract;
import org.povlake.contract.FileLimits;
import org.povlake.contract.FileRejection;

/**
 * Opens inbox files through Hadoop's FileSystem (local, HDFS, S3A alike), un-gzipping {@code .gz}
 * and dropping a UTF-8 BOM. Carries the Hadoop settings and the run's {@link FileLimits} to
 * executors.
 *
 * <p>Only regular files are opened: a local file is opened without following a symbolic link
 * ({@code O_NOFOLLOW}) after checking that it is a regular file (a FIFO would block the opening for
 * ever, a device never end), on other filesystems after checking its status. A gzip stream is
 * measured while it is read: a member expanding more than the limit's ratio, or a file expanding
 * beyond the size cap, stops the reading ({@link RejectedFileException}, {@code UNREADABLE}) before
 * it can fill the disk, the heap or the night.
 */
public final class FileStreams implements Serializable {
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private final Map<String, String> hadoopSettings;
    private final FileLimits limits;

    /** Streams with the contract's limits. */
    public FileStreams(Configuration conf) {
        this(conf, Contract.get().fileLimits());
    }

    public FileStreams(Configuration conf, FileLimits limits) {
        this.hadoopSettings = new HashMap<>();
        conf.forEach(e -> hadoopSettings.put(e.getKey(), e.getValue()));
        this.limits = limits;
    }

    public Configuration configuration() {
        Configuration conf = new Configuration(false);
        hadoopSettings.forEach(conf::set);
        return conf;
    }

    public FileLimits limits() {
        return limits;
    }

    /**
     * A file's size and modification time, read without following a link: a file whose stamp
     * changes between two looks is still being written. {@code bytes} is -1 when the path is no
     * longer a regular file.
     */
    public record Stamp(long bytes, long modified) implements Serializable {}

    public Stamp stamp(String path) throws IOException {
        Path p = new Path(path);
        FileSystem fs = p.getFileSystem(configuration());
        java.nio.file.Path local = local(fs, p);
        if (local != null) {
            BasicFileAttributes a =
                    Files.readAttributes(
                            local, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return new Stamp(
                    a.isRegularFile() ? a.size() : -1,
                    a.lastModifiedTime().to(TimeUnit.NANOSECONDS));
        }
        FileStatus st = fs.getFileLinkStatus(p);
        return new Stamp(
                st.isFile() && !st.isSymlink() ? st.getLen() : -1,
                TimeUnit.MILLISECONDS.toNanos(st.getModificationTime()));
    }

    /** The path of a file of the local filesystem, or null for another filesystem. */
    static java.nio.file.Path local(FileSystem fs, Path p) {
        return "file".equals(fs.getScheme()) ? Paths.get(fs.makeQualified(p).toUri()) : null;
    }

    /**
     * The raw bytes of the file, as stored; only a regular file is opened, never through a link.
     */
    public InputStream openRaw(String path) throws IOException {
        Path p = new Path(path);
        FileSystem fs = p.getFileSystem(configuration());
        java.nio.file.Path local = local(fs, p);
        InputStream in;
        if (local != null) {
            if (!Files.readAttributes(local, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
                    .isRegularFile()) {
                throw notRegular();
            }
            in = Files.newInputStream(local, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
        } else {
            FileStatus st = fs.getFileLinkStatus(p);
            if (!st.isFile() || st.isSymlink()) {
                throw notRegular();
            }
            in = fs.open(p);
        }
        return new BufferedInputStream(in, 1 << 16);
    }

    private static RejectedFileException notRegular() {
        return new RejectedFileException(
                FileRejection.NOT_A_REGULAR_FILE,
                "it is no longer a regular file (replaced by a link, a device or a FIFO since the inbox was listed):"
                        + " not opened");
    }

    /**
     * The file's content: decompressed when gzip (measured, see the class comment), without a UTF-8
     * BOM. {@code bom[0]} tells if one was there.
     */
    public InputStream content(InputStream raw, boolean gzip, boolean[] bom) throws IOException {
        InputStream in =
                gzip ? new BufferedInputStream(new MeasuredGzip(raw, limits), 1 << 16) : raw;
        PushbackInputStream p = new PushbackInputStream(in, 3);
        byte[] head = p.readNBytes(3);
        boolean hasBom =
                head.length == 3 && head[0] == BOM[0] && head[1] == BOM[1] && head[2] == BOM[2];
        if (!hasBom) {
            p.unread(head);
        }
        if (bom != null) {
            bom[0] = hasBom;
        }
        return p;
    }

    /**
     * A gzip stream that counts, per member, the compressed bytes its inflater consumed and the
     * bytes it produced (the inflater's own counters: exact, and reset by each member), and the
     * bytes produced in all.
     */
    private static final class MeasuredGzip extends GZIPInputStream {
        private final long maxRatio;
        private final long maxBytes;
        private long produced;

        MeasuredGzip(InputStream in, FileLimits limits) throws IOException {
            super(in, 1 << 16);
            this.maxRatio = limits.maxGzipRatio();
            this.maxBytes = limits.maxUnzippedBytes();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                produced += n;
                if (produced > maxBytes) {
                    throw new RejectedFileException(
                            FileRejection.UNREADABLE,
                            "the gzip stream expands beyond "
                                    + maxBytes
                                    + " bytes (the limit set by --max-unzipped-bytes)");
                }
                long consumed = inf.getBytesRead();
                long written = inf.getBytesWritten();
                if (written > maxRatio * Math.max(consumed, 1)) {
                    throw new RejectedFileException(
                            FileRejection.UNREADABLE,
                            "a gzip member expands more than "
                                    + maxRatio
                                    + "-fold ("
                                    + written
                                    + " bytes from "
                                    + consumed
                                    + "): a gzip bomb, or a file that is not a plain export");
                }
            }
            return n;
        }
    }
}
