package org.povlake.generate;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Concatenates one delivery file: the header, then every county's part in county order (then
 * deletes the parts).
 */
final class PartMerger {
    private PartMerger() {}

    /** Returns the file's size in bytes. */
    static long merge(Path target, String header, List<Part> parts) throws IOException {
        Files.createDirectories(target.getParent());
        try (FileChannel out =
                FileChannel.open(
                        target,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer head = ByteBuffer.wrap((header + "\n").getBytes(StandardCharsets.UTF_8));
            while (head.hasRemaining()) {
                out.write(head);
            }
            for (Part part : parts) {
                part.appendTo(out);
            }
            return out.size();
        }
    }
}
