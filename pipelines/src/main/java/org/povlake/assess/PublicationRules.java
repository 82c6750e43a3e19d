package org.povlake.assess;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.povlake.contract.Contract;
import org.povlake.contract.ContractException;
import org.povlake.gold.Catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The small-cell suppression rules of published assessments ({@code schemas/publication.json}; METRICS.md, output
 * contract). Thresholds, the personal kinds of count, the amount-based indicators that follow a count, the levels
 * left out and the footnote are data; {@link Suppression} applies them.
 */
public record PublicationRules(String version, List<String> excludedLevels, Set<String> personalCounts,
                               long minDenominator, long smallMin, long smallMax, Map<String, String> follow,
                               String footnoteZh, String footnoteEn) {
    public static final String RESOURCE = Contract.ROOT + "publication.json";

    public static PublicationRules get() {
        try (InputStream in = PublicationRules.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new ContractException("schemas/publication.json is not on the classpath");
            }
            JsonNode r = new ObjectMapper().readTree(in);
            List<String> levels = new ArrayList<>();
            r.path("excluded_levels").forEach(n -> levels.add(n.asText()));
            Set<String> counts = new TreeSet<>();
            r.path("personal_counts").forEach(n -> counts.add(n.asText()));
            Map<String, String> follow = new LinkedHashMap<>();
            r.path("follow").fields().forEachRemaining(e -> follow.put(e.getKey(), e.getValue().asText()));
            return new PublicationRules(r.path("version").asText(), List.copyOf(levels), Set.copyOf(counts),
                    r.path("min_denominator").asLong(), r.path("small_min").asLong(), r.path("small_max").asLong(),
                    Map.copyOf(follow), r.path("footnote_zh").asText(), r.path("footnote_en").asText());
        } catch (IOException e) {
            throw new ContractException("schemas/publication.json does not load: " + e.getMessage(), e);
        }
    }

    /** Whether a cell of {@code indicatorId} can disclose households, persons or claims (unknown ids: yes). */
    public boolean personal(Catalogue catalogue, String indicatorId) {
        return catalogue.indicator(indicatorId).map(i -> i.counts() == null || personalCounts.contains(i.counts()))
                .orElse(true);
    }

    /** The personal indicators of the catalogue that carry their own counts (not those that follow another). */
    public List<String> counted(Catalogue catalogue) {
        List<String> ids = new ArrayList<>();
        for (Catalogue.Indicator i : catalogue.indicators()) {
            if (personal(catalogue, i.id()) && !follow.containsKey(i.id())) {
                ids.add(i.id());
            }
        }
        return ids;
    }
}
