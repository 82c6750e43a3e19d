package org.povlake.assess;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The annual assessment of year {@code year}: what {@code assessment_<Y>.json} and {@code
 * indicators_<Y>.csv} print (METRICS.md, output contract). {@code inputs}: every lakehouse table
 * read → the Delta version read (sorted by name). Regions are ordered province, cities, counties,
 * townships, villages, by code within a level.
 */
public record Assessment(
        int year,
        String generatedAt,
        Map<String, Long> inputs,
        String codeVersion,
        String catalogueVersion,
        boolean published,
        List<RegionResult> regions) {

    public static final List<String> LEVELS_TOP_DOWN =
            List.of("province", "city", "county", "township", "village");

    public Stream<RegionResult> atLevel(String level) {
        return regions.stream().filter(r -> r.level().equals(level));
    }

    public RegionResult province() {
        return atLevel("province").findFirst().orElse(null);
    }

    public Stream<RegionResult> childrenOf(String parentCode) {
        return regions.stream().filter(r -> parentCode.equals(r.parent()));
    }
}
