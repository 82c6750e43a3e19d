package org.povlake.silver;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;

/**
 * Keyed pseudonyms of personal identifiers (EXTRACTS.md): HMAC-SHA256 over the trimmed, upper-cased
 * value, as 64 lower-case hex digits. The same key gives the same pseudonym in every run, so
 * persons join across extracts and years; without the key a pseudonym cannot be reversed or
 * recomputed from an ID.
 */
public final class Pseudonyms implements Serializable {
    private final PseudonymKey key;
    private transient ThreadLocal<Mac> macs;

    public Pseudonyms(PseudonymKey key) {
        this.key = key;
    }

    public PseudonymKey key() {
        return key;
    }

    /** The pseudonym of one value (null stays null; whitespace incl. U+3000 is trimmed). */
    public String of(String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip().replace("\u3000", "").toUpperCase(Locale.ROOT);
        if (v.isEmpty()) {
            return null;
        }
        return HexFormat.of().formatHex(mac().doFinal(v.getBytes(StandardCharsets.UTF_8)));
    }

    private Mac mac() {
        if (macs == null) {
            byte[] k = key.bytes();
            macs =
                    ThreadLocal.withInitial(
                            () -> {
                                try {
                                    Mac m = Mac.getInstance("HmacSHA256");
                                    m.init(new SecretKeySpec(k, "HmacSHA256"));
                                    return m;
                                } catch (GeneralSecurityException e) {
                                    throw new IllegalStateException(
                                            "HmacSHA256 is not available", e);
                                }
                            });
        }
        return macs.get();
    }

    /**
     * A Spark column: the pseudonym of {@code column}. The key travels inside the function, never
     * in a plan's text.
     */
    public Column column(Column column) {
        UDF1<String, String> f = this::of;
        UserDefinedFunction udf = functions.udf(f, DataTypes.StringType).withName("pseudonym");
        return udf.apply(column);
    }
}
