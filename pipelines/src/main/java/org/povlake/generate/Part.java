package org.povlake.generate;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One county's bytes of one delivery file. Small parts stay in memory (creating thousands of tiny
 * files costs more than the data), within a run-wide budget; a part that grows past {@link
 * #SPILL_BYTES}, or that the budget cannot hold, goes to a part file. Either way it is appended to
 * the delivery file in county order.
 */
final class Part extends OutputStream {
    static final int SPILL_BYTES = 1 << 20;

    /** The bytes all finished in-memory parts may hold together. */
    static final class Budget {
        private final AtomicLong free;

        Budget(long bytes) {
            this.free = new AtomicLong(bytes);
        }

        boolean reserve(long n) {
            long f;
            do {
                f = free.get();
                if (f < n) {
                    return false;
                }
            } while (!free.compareAndSet(f, f - n));
            return true;
        }

        void release(long n) {
            free.addAndGet(n);
        }
    }

    private final Path file;
    private final Budget budget;
    private byte[] buffer = new byte[1024];
    private int size;
    private OutputStream spilled;
    private boolean closed;

    Part(Path file, Budget budget) {
        this.file = file;
        this.budget = budget;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (spilled != null) {
            spilled.write(b, off, len);
            return;
        }
        if (size + len > SPILL_BYTES) {
            spill();
            spilled.write(b, off, len);
            return;
        }
        if (size + len > buffer.length) {
            buffer =
                    Arrays.copyOf(
                            buffer, Math.max(size + len, Math.min(SPILL_BYTES, buffer.length * 2)));
        }
        System.arraycopy(b, off, buffer, size, len);
        size += len;
    }

    private void spill() throws IOException {
        Files.createDirectories(file.getParent());
        spilled = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        spilled.write(buffer, 0, size);
        buffer = null;
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        if (spilled == null && !budget.reserve(size)) {
            spill();
        }
        if (spilled != null) {
            spilled.close();
        } else {
            buffer = Arrays.copyOf(buffer, size);
        }
    }

    /** Appends the part to the delivery file, then frees it (memory or part file). */
    void appendTo(FileChannel out) throws IOException {
        if (buffer != null) {
            ByteBuffer b = ByteBuffer.wrap(buffer, 0, size);
            while (b.hasRemaining()) {
                out.write(b);
            }
            budget.release(size);
            buffer = null;
            return;
        }
        if (spilled == null) {
            return; // already appended
        }
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            long n = in.size();
            long done = 0;
            while (done < n) {
                done += in.transferTo(done, n - done, out);
            }
        }
        Files.delete(file);
        spilled = null;
    }
}
