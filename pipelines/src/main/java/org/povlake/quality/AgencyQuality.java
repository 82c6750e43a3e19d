package org.povlake.quality;

import java.util.List;

/**
 * One source (agency) of the contract: its extracts and how fresh its deliveries are.
 *
 * @param agency display name ({@link Agencies#label})
 * @param latestAsOf the newest as-of date over its deliveries (ISO), null if none
 * @param daysSinceLatest days from latestAsOf to the report's today, null if none
 * @param daysBehindNewestAgency days from latestAsOf to the newest latestAsOf of any agency, null
 *     if none
 */
public record AgencyQuality(
        String source,
        String agency,
        String latestAsOf,
        Long daysSinceLatest,
        Long daysBehindNewestAgency,
        List<ExtractQuality> extracts) {

    public AgencyQuality {
        extracts = extracts == null ? List.of() : extracts;
    }
}
