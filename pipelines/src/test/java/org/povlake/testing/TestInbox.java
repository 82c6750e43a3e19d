package org.povlake.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Writes delivery files into a temporary inbox. */
public final class TestInbox {
    private final Path root;

    public TestInbox(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    public String path() {
        return root.toString();
    }

    public Path write(String relative, String text) throws IOException {
        return write(relative, text.getBytes(StandardCharsets.UTF_8));
    }

    public Path write(String relative, String text, Charset charset) throws IOException {
        return write(relative, text.getBytes(charset));
    }

    public Path write(String relative, byte[] bytes) throws IOException {
        Path p = root.resolve(relative);
        Files.createDirectories(p.getParent());
        if (relative.endsWith(".gz")) {
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(p))) {
                out.write(bytes);
            }
        } else {
            Files.write(p, bytes);
        }
        return p;
    }

    public void delete(String relative) throws IOException {
        Files.delete(root.resolve(relative));
    }
}
