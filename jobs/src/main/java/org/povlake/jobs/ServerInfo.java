package org.povlake.jobs;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/**
 * How clients find a running {@code povlake serve}: {@code <lakehouse>/_serve/server.json} (host,
 * port, process id, start time, whether personal data is visible) and the token beside it in {@code
 * _serve/token} — both readable by the lakehouse's owner only. bin/povlake reads the same file to
 * choose the Connect client's classpath.
 */
record ServerInfo(
        String host, int port, long pid, String startedAt, boolean personalData, String version) {
    static final String DIR = "_serve";
    static final String TOKEN_ENV = "POVLAKE_SERVE_TOKEN";

    static Path dir(String lakehouse) {
        return Path.of(lakehouse.startsWith("file:") ? lakehouse.substring(5) : lakehouse)
                .resolve(DIR);
    }

    /** The server recorded for this lakehouse, if one is recorded and its process is alive. */
    static Optional<ServerInfo> running(String lakehouse) {
        Path file = dir(lakehouse).resolve("server.json");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            ServerInfo info = new ObjectMapper().readValue(file.toFile(), ServerInfo.class);
            boolean alive = ProcessHandle.of(info.pid()).map(ProcessHandle::isAlive).orElse(false);
            return alive ? Optional.of(info) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty(); // being written, or not ours: as if there were none
        }
    }

    /** Writes the discovery file (atomically, owner-only). */
    void write(String lakehouse) {
        try {
            Path d = ownerOnlyDir(lakehouse);
            Path tmp = d.resolve("server.json.tmp");
            Files.writeString(tmp, new ObjectMapper().writeValueAsString(this));
            Files.move(
                    tmp,
                    d.resolve("server.json"),
                    StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void remove(String lakehouse) {
        try {
            Files.deleteIfExists(dir(lakehouse).resolve("server.json"));
        } catch (IOException e) {
            // the next client finds the process gone and ignores the file
        }
    }

    /** A new random token (256 bits), written owner-only to {@code _serve/token}. */
    static String newToken(String lakehouse) {
        byte[] b = new byte[32];
        new SecureRandom().nextBytes(b);
        String token = HexFormat.of().formatHex(b);
        try {
            Path d = ownerOnlyDir(lakehouse);
            Path file = d.resolve("token");
            Files.deleteIfExists(file);
            Files.createFile(
                    file,
                    PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, token + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return token;
    }

    /**
     * The token a client presents: {@value #TOKEN_ENV} (or the property povlake.serve.token) if
     * set, else the lakehouse's token file.
     */
    static Optional<String> clientToken(String lakehouse) {
        String env = System.getProperty("povlake.serve.token", System.getenv(TOKEN_ENV));
        if (env != null && !env.isBlank()) {
            return Optional.of(env.strip());
        }
        Path file = dir(lakehouse).resolve("token");
        try {
            return Files.isReadable(file)
                    ? Optional.of(Files.readString(file, StandardCharsets.UTF_8).strip())
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Path ownerOnlyDir(String lakehouse) throws IOException {
        Path d = dir(lakehouse);
        if (!Files.isDirectory(d)) {
            Files.createDirectories(
                    d,
                    PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rwx------")));
        }
        return d;
    }
}
