package org.povlake.assess;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.povlake.contract.Catalogue;
import org.povlake.contract.Contract;
import org.povlake.contract.ContractException;

/**
 * The disclosure control of published assessments ({@code schemas/publication.json}; METRICS.md,
 * output contract). Thresholds, the personal kinds of count, the amount-based indicators that
 * follow a count, the cells hidden together, the MPI's indicators (whose identities the audit
 * knows), the audit's minimum interval and the rounds the control may take, the levels left out and
 * the footnote are data; {@link Suppression} and {@link DisclosureControl} apply them and {@link
 * DisclosureAudit} checks the result.
 *
 * @param hiddenTogether groups of indicator ids (a trailing {@code *} matches a prefix) whose cells
 *     in a region are hidden all together when one of them is
 * @param minInterval the narrowest interval the audit accepts for a hidden numerator (its
 *     denominator, if smaller, must be spanned whole)
 * @param maxRounds how many times the control may add cells and audit again before it refuses
 */
public record PublicationRules(
        String version,
        List<String> excludedLevels,
        Set<String> personalCounts,
        long minDenominator,
        long smallMin,
        long smallMax,
        Map<String, String> follow,
        List<List<String>> hiddenTogether,
        Mpi mpi,
        double minInterval,
        int maxRounds,
        String footnoteZh,
        String footnoteEn) {
    /**
     * The MPI's indicators: headcount H, intensity A, adjusted headcount M0, and the prefix of the
     * censored ones.
     */
    public record Mpi(String headcount, String intensity, String adjusted, String censoredPrefix) {}

    public static final String RESOURCE = Contract.ROOT + "publication.json";

    public static PublicationRules get() {
        try (InputStream in =
                PublicationRules.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new ContractException("schemas/publication.json is not on the classpath");
            }
            JsonNode r = new ObjectMapper().readTree(in);
            List<String> levels = new ArrayList<>();
            r.path("excluded_levels").forEach(n -> levels.add(n.asText()));
            Set<String> counts = new TreeSet<>();
            r.path("personal_counts").forEach(n -> counts.add(n.asText()));
            Map<String, String> follow = new LinkedHashMap<>();
            r.path("follow")
                    .fields()
                    .forEachRemaining(e -> follow.put(e.getKey(), e.getValue().asText()));
            List<List<String>> together = new ArrayList<>();
            for (JsonNode g : r.path("hidden_together")) {
                List<String> ids = new ArrayList<>();
                g.forEach(n -> ids.add(n.asText()));
                together.add(List.copyOf(ids));
            }
            JsonNode m = r.path("mpi");
            Mpi mpi =
                    m.isMissingNode()
                            ? null
                            : new Mpi(
                                    m.path("headcount").asText(),
                                    m.path("intensity").asText(),
                                    m.path("adjusted").asText(),
                                    m.path("censored_prefix").asText());
            JsonNode audit = r.path("audit");
            return new PublicationRules(
                    r.path("version").asText(),
                    List.copyOf(levels),
                    Set.copyOf(counts),
                    r.path("min_denominator").asLong(),
                    r.path("small_min").asLong(),
                    r.path("small_max").asLong(),
                    Map.copyOf(follow),
                    List.copyOf(together),
                    mpi,
                    audit.path("min_interval").asDouble(5),
                    audit.path("max_rounds").asInt(50),
                    r.path("footnote_zh").asText(),
                    r.path("footnote_en").asText());
        } catch (IOException e) {
            throw new ContractException(
                    "schemas/publication.json does not load: " + e.getMessage(), e);
        }
    }

    /**
     * Whether a cell of {@code indicatorId} can disclose households, persons or claims (unknown
     * ids: yes).
     */
    public boolean personal(Catalogue catalogue, String indicatorId) {
        return catalogue
                .indicator(indicatorId)
                .map(i -> i.counts() == null || personalCounts.contains(i.counts()))
                .orElse(true);
    }

    /**
     * The ids of the group hidden together with {@code indicatorId} that the region has (empty if
     * none).
     */
    public List<String> together(String indicatorId, java.util.Collection<String> ids) {
        for (List<String> g : hiddenTogether) {
            if (g.stream().anyMatch(p -> matches(p, indicatorId))) {
                return ids.stream().filter(id -> g.stream().anyMatch(p -> matches(p, id))).toList();
            }
        }
        return List.of();
    }

    private static boolean matches(String pattern, String id) {
        return pattern.endsWith("*")
                ? id.startsWith(pattern.substring(0, pattern.length() - 1))
                : pattern.equals(id);
    }

    /**
     * The personal indicators of the catalogue that carry their own counts (not those that follow
     * another).
     */
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
