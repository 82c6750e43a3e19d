package org.povlake.quality;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.povlake.contract.Contract;
import org.povlake.contract.ContractException;

/**
 * The agency behind each source, from {@code schemas/agencies.json} (loaded from the classpath like
 * {@link Contract} loads {@code contract.json}).
 */
public final class Agencies {
    static final String FILE = "agencies.json";
    private static volatile Agencies instance;

    public record Agency(String name, String english) {}

    private final Map<String, Agency> bySource;

    private Agencies(Map<String, Agency> bySource) {
        this.bySource = bySource;
    }

    public static Agencies get() {
        Agencies a = instance;
        if (a == null) {
            synchronized (Agencies.class) {
                a = instance;
                if (a == null) {
                    a = load();
                    instance = a;
                }
            }
        }
        return a;
    }

    static Agencies load() {
        String path = Contract.ROOT + FILE;
        try (InputStream in = Agencies.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new ContractException("schemas/" + FILE + " is not on the classpath");
            }
            JsonNode root = new ObjectMapper().readTree(in);
            Map<String, Agency> m = new LinkedHashMap<>();
            root.get("agencies")
                    .fields()
                    .forEachRemaining(
                            e ->
                                    m.put(
                                            e.getKey(),
                                            new Agency(
                                                    e.getValue().get("name").asText(),
                                                    e.getValue().path("english").asText(""))));
            return new Agencies(Collections.unmodifiableMap(m));
        } catch (IOException e) {
            throw new ContractException("schemas/" + FILE + " does not load: " + e.getMessage(), e);
        }
    }

    public Map<String, Agency> bySource() {
        return bySource;
    }

    /** "省扶贫办 (provincial poverty alleviation office)"; the source itself when it is unknown. */
    public String label(String source) {
        Agency a = bySource.get(source);
        if (a == null) {
            return source;
        }
        return a.english().isEmpty() ? a.name() : a.name() + " (" + a.english() + ")";
    }
}
