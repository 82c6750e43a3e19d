package org.povlake.silver;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.spark.sql.Encoders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.povlake.testing.TestSpark;

/**
 * Keyed pseudonyms: stable for a key, different under another, never without a key; key files must
 * be private.
 */
class PseudonymsTest {
    static final String HEX = "b0d20cde8096a41b1f85eee7543a745e88804f39f0310d3c25efb2061b5bc45c";
    static final String ID = "62112119730508123X";

    @TempDir Path tmp;

    @Test
    void isHmacSha256OfTheTrimmedUpperCasedValue() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(HexFormat.of().parseHex(HEX), "HmacSHA256"));
        String expected =
                HexFormat.of().formatHex(mac.doFinal(ID.getBytes(StandardCharsets.US_ASCII)));
        Pseudonyms p = new Pseudonyms(PseudonymKey.fromHex(HEX, "test"));
        assertEquals(expected, p.of(ID));
        assertEquals(
                expected,
                p.of("  62112119730508123x\u3000"),
                "trimmed (U+3000 too) and upper-cased");
        assertEquals(64, expected.length());
        assertNull(p.of(null));
    }

    @Test
    void isStableForAKeyAndDiffersUnderAnother() {
        PseudonymKey key = PseudonymKey.fromHex(HEX, "test");
        assertEquals(
                new Pseudonyms(key).of(ID),
                new Pseudonyms(PseudonymKey.fromHex(HEX.toUpperCase(), "again")).of(ID));
        assertEquals(key.id(), PseudonymKey.fromHex(HEX, "again").id());
        PseudonymKey other = PseudonymKey.fromHex(HEX.replace('0', '1'), "other");
        assertNotEquals(new Pseudonyms(key).of(ID), new Pseudonyms(other).of(ID));
        assertNotEquals(key.id(), other.id());
        assertFalse(
                key.toString().contains(HEX) || key.id().contains(HEX.substring(0, 16)),
                "the key is never printed");
    }

    @Test
    void theSparkColumnGivesTheSamePseudonyms() {
        Pseudonyms p = new Pseudonyms(PseudonymKey.fromHex(HEX, "test"));
        List<String> spark =
                TestSpark.get()
                        .createDataset(List.of(ID, "110101199003077777"), Encoders.STRING())
                        .select(p.column(col("value")))
                        .as(Encoders.STRING())
                        .collectAsList();
        assertEquals(List.of(p.of(ID), p.of("110101199003077777")), spark);
    }

    @Test
    void noKeyIsRefusedWithWhatToDo() {
        PseudonymKey.KeyException e =
                assertThrows(
                        PseudonymKey.KeyException.class,
                        () ->
                                PseudonymKey.resolve(
                                        Optional.empty(),
                                        Map.of(),
                                        Optional.of(tmp.resolve("none.key"))));
        assertTrue(
                e.getMessage().contains(PseudonymKey.ENV_FILE) && e.getMessage().contains("0600"),
                e.getMessage());
        assertThrows(PseudonymKey.KeyException.class, () -> PseudonymKey.fromHex("abcd", "short"));
        assertThrows(
                PseudonymKey.KeyException.class,
                () -> PseudonymKey.fromHex("not hex at all", "bad"));
    }

    @Test
    void aKeyThatDoesNotLookRandomIsRefusedWithWhatToDo() {
        for (String weak :
                List.of(
                        "00".repeat(32),
                        "a7".repeat(32),
                        "00112233445566778899aabbccddeeff".repeat(2),
                        "deadbeef".repeat(8),
                        "0123456789abcdef".repeat(4))) {
            PseudonymKey.KeyException e =
                    assertThrows(
                            PseudonymKey.KeyException.class,
                            () -> PseudonymKey.fromHex(weak, "test"),
                            weak);
            assertTrue(e.getMessage().contains("openssl rand -hex 32"), e.getMessage());
            assertFalse(
                    e.getMessage().contains(weak.substring(0, 16)),
                    "the key is never printed: " + e.getMessage());
        }
        assertEquals(
                16,
                PseudonymKey.fromHex(
                                "3e734c31f530de16c31f6dd0f625ba131bdbc7c090633df9bc3de2700304808f",
                                "random")
                        .id()
                        .length(),
                "a random key is accepted");
    }

    @Test
    void aKeyFileOthersCanReadIsRefused() throws Exception {
        Path file = tmp.resolve("k");
        Files.writeString(file, HEX + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        PseudonymKey.KeyException e =
                assertThrows(PseudonymKey.KeyException.class, () -> PseudonymKey.fromFile(file));
        assertTrue(e.getMessage().contains("chmod 600"), e.getMessage());
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        assertEquals(PseudonymKey.fromHex(HEX, "x").id(), PseudonymKey.fromFile(file).id());
        // configuration order: --key-file, then the environment, then the lakehouse's local key
        assertEquals(
                PseudonymKey.fromHex(HEX, "x").id(),
                PseudonymKey.resolve(
                                Optional.empty(),
                                Map.of(PseudonymKey.ENV_FILE, file.toString()),
                                Optional.empty())
                        .id());
    }

    @Test
    void aCreatedKeyFileIsPrivateAndNeverOverwritten() throws Exception {
        Path file = tmp.resolve(".secrets/pseudonym.key");
        PseudonymKey created = PseudonymKey.createFile(file);
        assertEquals(
                "rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(
                created.id(),
                PseudonymKey.resolve(Optional.empty(), Map.of(), Optional.of(file)).id());
        assertThrows(RuntimeException.class, () -> PseudonymKey.createFile(file));
    }
}
