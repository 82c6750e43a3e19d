package org.povlake.assess;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * One region of the assessment: its scores and its indicators (catalogue order). {@code level}:
 * province, city, county, township or village; {@code parent} null for the province; {@code
 * pillars}: pillar id → score (a null score for a pillar with no scored value), in catalogue order;
 * {@code rank} null when the level is not ranked or the composite is null.
 */
public record RegionResult(
        String code,
        String name,
        String level,
        String parent,
        BigDecimal composite,
        String grade,
        Integer rank,
        Map<String, BigDecimal> pillars,
        List<IndicatorResult> indicators) {

    public IndicatorResult indicator(String id) {
        for (IndicatorResult i : indicators) {
            if (i.id().equals(id)) {
                return i;
            }
        }
        return null;
    }
}
