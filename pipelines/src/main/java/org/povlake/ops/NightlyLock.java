package org.povlake.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.povlake.lake.Lakehouse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The lakehouse's run lock ({@code <lakehouse>/_ops/nightly.lock}): one nightly run at a time. Taken by creating the
 * file exclusively (atomic on a local or shared POSIX filesystem and on HDFS; object stores need a site lock
 * instead). The file says who holds it (run, host, pid, since). A lock is stale — and taken over, with a message —
 * when its holder is a process of this host that no longer runs, or when it is older than {@code maxAge} (a holder
 * on another host that died).
 */
public final class NightlyLock implements AutoCloseable {
    private final FileSystem fs;
    private final Path path;
    private final String runId;
    private boolean held;

    private NightlyLock(FileSystem fs, Path path, String runId) {
        this.fs = fs;
        this.path = path;
        this.runId = runId;
    }

    /** Who holds a lock, as its file says. */
    public record Holder(String runId, String host, long pid, Instant since) {
        public String describe() {
            return "run " + runId + " (pid " + pid + " on " + host + ", since " + since + ")";
        }
    }

    /** What trying to take the lock gave: the lock, or the live holder; {@code tookOver}: a stale lock replaced. */
    public record Attempt(NightlyLock lock, Holder heldBy, Holder tookOver) {
    }

    public static Path path(Lakehouse lake) {
        return new Path(lake.root() + "/_ops/nightly.lock");
    }

    /** Takes the lock, or says who holds it. */
    public static Attempt acquire(Lakehouse lake, String runId, Duration maxAge) {
        Path path = path(lake);
        try {
            FileSystem fs = path.getFileSystem(lake.spark().sparkContext().hadoopConfiguration());
            NightlyLock lock = new NightlyLock(fs, path, runId);
            if (lock.create()) {
                return new Attempt(lock, null, null);
            }
            Optional<Holder> holder = read(fs, path);
            if (holder.isPresent() && !stale(holder.get(), maxAge)) {
                return new Attempt(null, holder.get(), null);
            }
            fs.delete(path, false); // stale (or unreadable: a holder killed while writing it)
            if (lock.create()) {
                return new Attempt(lock, null, holder.orElse(new Holder("?", "?", -1, Instant.EPOCH)));
            }
            return new Attempt(null, read(fs, path).orElse(new Holder("?", "?", -1, Instant.EPOCH)), null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot take the run lock " + path, e);
        }
    }

    static boolean stale(Holder h, Duration maxAge) {
        if (h.host().equals(host())) {
            return ProcessHandle.of(h.pid()).map(p -> !p.isAlive()).orElse(true);
        }
        return h.since().plus(maxAge).isBefore(Instant.now());
    }

    private boolean create() throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("run_id", runId);
        m.put("host", host());
        m.put("pid", ProcessHandle.current().pid());
        m.put("since", Instant.now().toString());
        byte[] bytes = new ObjectMapper().writeValueAsBytes(m);
        if ("file".equals(path.toUri().getScheme())) {
            // O_CREAT|O_EXCL: atomic, where Hadoop's local create checks and then creates
            java.nio.file.Path local = java.nio.file.Path.of(path.toUri());
            java.nio.file.Files.createDirectories(local.getParent());
            try {
                java.nio.file.Files.write(local, bytes, java.nio.file.StandardOpenOption.CREATE_NEW,
                        java.nio.file.StandardOpenOption.WRITE);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                return false;
            }
        } else {
            try (FSDataOutputStream out = fs.create(path, false)) {
                out.write(bytes);
            } catch (org.apache.hadoop.fs.FileAlreadyExistsException e) {
                return false;
            }
        }
        held = true;
        return true;
    }

    static Optional<Holder> read(FileSystem fs, Path path) {
        try (InputStream in = fs.open(path)) {
            JsonNode n = new ObjectMapper().readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            return Optional.of(new Holder(n.path("run_id").asText(), n.path("host").asText(), n.path("pid").asLong(-1),
                    Instant.parse(n.path("since").asText())));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    @Override
    public void close() {
        if (held) {
            try {
                fs.delete(path, false);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot release the run lock " + path, e);
            }
            held = false;
        }
    }
}
