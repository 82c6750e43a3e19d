package org.povlake.silver;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The secret key of the resident-ID pseudonyms (HMAC-SHA256). It comes from configuration, never
 * from the code: {@code --key-file}, else {@value #ENV_FILE}, else {@value #ENV_KEY} (the key
 * itself), else the lakehouse's local key {@code <lakehouse>/.secrets/pseudonym.key} (created only
 * by {@code povlake demo}). A key is at least 32 bytes, written as hex, that look random ({@link
 * #weakness}); a key file must be readable by its owner only (mode 0600). Only the key's id is ever
 * recorded.
 */
public final class PseudonymKey implements Serializable {
    public static final String ENV_FILE = "POVLAKE_PSEUDONYM_KEY_FILE";
    public static final String ENV_KEY = "POVLAKE_PSEUDONYM_KEY";
    public static final String LOCAL_KEY = ".secrets/pseudonym.key";
    private static final int MIN_BYTES = 32;

    /** A repeated pattern of up to this many bytes is refused. */
    private static final int MAX_PERIOD = 16;

    /** Fewer distinct byte values than this is refused (32 random bytes have about 30). */
    private static final int MIN_DISTINCT = 16;

    private final byte[] key;
    private final String id;
    private final String origin;

    private PseudonymKey(byte[] key, String origin) {
        this.key = key.clone();
        this.id = idOf(key);
        this.origin = origin;
    }

    /** The key as bytes (for the HMAC only). */
    byte[] bytes() {
        return key.clone();
    }

    /**
     * A one-way id of the key (16 hex digits), recorded with silver so a key change is detected.
     */
    public String id() {
        return id;
    }

    /** Where the key came from, in words (never the key). */
    public String origin() {
        return origin;
    }

    @Override
    public String toString() {
        return "PseudonymKey[id=" + id + ", from " + origin + "]";
    }

    /** A key from its hex text. */
    public static PseudonymKey fromHex(String hex, String origin) {
        String t = hex.strip();
        byte[] bytes;
        try {
            bytes = HexFormat.of().parseHex(t);
        } catch (IllegalArgumentException e) {
            throw new KeyException(
                    "the pseudonymisation key from " + origin + " is not hexadecimal text");
        }
        if (bytes.length < MIN_BYTES) {
            throw new KeyException(
                    "the pseudonymisation key from "
                            + origin
                            + " has "
                            + bytes.length
                            + " bytes; at least "
                            + MIN_BYTES
                            + " are needed (64 hex digits)");
        }
        String weakness = weakness(bytes);
        if (weakness != null) {
            throw new KeyException(
                    "the pseudonymisation key from "
                            + origin
                            + " does not look random: "
                            + weakness
                            + ". Pseudonyms are only as secret as the key (it needs 128 bits or more of randomness): make one"
                            + " with `openssl rand -hex 32`");
        }
        return new PseudonymKey(bytes, origin);
    }

    /**
     * Why a key is too regular to be a secret, or null. Not a proof of randomness — a cheap guard
     * against the keys people type or copy from an example: all one byte, a pattern of up to
     * {@value #MAX_PERIOD} bytes repeated, a counter (its successive differences repeat such a
     * pattern: 00 01 02 …), or fewer than {@value #MIN_DISTINCT} distinct byte values. Says what,
     * never the key.
     */
    static String weakness(byte[] key) {
        int distinct = (int) IntStream.range(0, key.length).map(i -> key[i]).distinct().count();
        if (distinct == 1) {
            return "all its " + key.length + " bytes are the same";
        }
        int period = period(key);
        if (period > 0) {
            return "it repeats a pattern of " + period + " byte" + (period == 1 ? "" : "s");
        }
        byte[] steps = new byte[key.length - 1];
        for (int i = 1; i < key.length; i++) {
            steps[i - 1] = (byte) (key[i] - key[i - 1]);
        }
        if (period(steps) > 0) {
            return "it counts up or down in a repeating pattern of steps";
        }
        if (distinct < MIN_DISTINCT) {
            return "it has only "
                    + distinct
                    + " distinct byte values (at least "
                    + MIN_DISTINCT
                    + ")";
        }
        return null;
    }

    /**
     * The shortest period of at most {@value #MAX_PERIOD} with which {@code b} repeats itself, or
     * 0.
     */
    private static int period(byte[] b) {
        for (int p = 1; p <= MAX_PERIOD && p < b.length; p++) {
            boolean repeats = true;
            for (int i = p; i < b.length && repeats; i++) {
                repeats = b[i] == b[i - p];
            }
            if (repeats) {
                return p;
            }
        }
        return 0;
    }

    /** Reads a key file, refusing one that others may read. */
    public static PseudonymKey fromFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new KeyException("the pseudonymisation key file " + file + " does not exist");
        }
        try {
            if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
                Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
                if (perms.stream()
                        .anyMatch(
                                p ->
                                        p.name().startsWith("GROUP")
                                                || p.name().startsWith("OTHERS"))) {
                    throw new KeyException(
                            "the pseudonymisation key file "
                                    + file
                                    + " has mode "
                                    + PosixFilePermissions.toString(perms)
                                    + "; it must be readable by its owner only: chmod 600 "
                                    + file);
                }
            }
            return fromHex(Files.readString(file, StandardCharsets.US_ASCII), "key file " + file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the pseudonymisation key file " + file, e);
        }
    }

    /**
     * Resolves the key from configuration (see the class comment). {@code localKey} is the
     * lakehouse's local key file, if the lakehouse is on the local file system.
     */
    public static PseudonymKey resolve(
            Optional<Path> keyFile, Map<String, String> env, Optional<Path> localKey) {
        if (keyFile.isPresent()) {
            return fromFile(keyFile.get());
        }
        String envFile = env.get(ENV_FILE);
        if (envFile != null && !envFile.isBlank()) {
            return fromFile(Path.of(envFile));
        }
        String envKey = env.get(ENV_KEY);
        if (envKey != null && !envKey.isBlank()) {
            return fromHex(envKey, "environment variable " + ENV_KEY);
        }
        if (localKey.isPresent() && Files.exists(localKey.get())) {
            return fromFile(localKey.get());
        }
        throw new KeyException(
                "no pseudonymisation key: silver is never built without one. Set "
                        + ENV_FILE
                        + " to a key file (mode 0600, 64+ hex digits, e.g. `openssl rand -hex 32`), or "
                        + ENV_KEY
                        + ", or pass --key-file"
                        + localKey.map(p -> " (povlake demo creates a local key at " + p + ")")
                                .orElse(""));
    }

    /** Creates a new random key file readable by its owner only; fails if it exists. */
    public static PseudonymKey createFile(Path file) {
        byte[] bytes = new byte[MIN_BYTES];
        new SecureRandom().nextBytes(bytes);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.deleteIfExists(tmp);
            if (Files.getFileStore(file.toAbsolutePath().getParent())
                    .supportsFileAttributeView("posix")) {
                Files.createFile(
                        tmp,
                        PosixFilePermissions.asFileAttribute(
                                PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(tmp);
            }
            Files.writeString(
                    tmp, HexFormat.of().formatHex(bytes) + "\n", StandardCharsets.US_ASCII);
            Files.move(tmp, file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the key file " + file, e);
        }
        return new PseudonymKey(bytes, "key file " + file);
    }

    private static String idOf(byte[] key) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("povlake pseudonym key id\n".getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(sha.digest(key)).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A key that cannot be used, with a message saying what to do. */
    public static final class KeyException extends RuntimeException {
        public KeyException(String message) {
            super(message);
        }
    }
}
