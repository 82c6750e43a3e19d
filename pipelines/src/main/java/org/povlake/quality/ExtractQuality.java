package org.povlake.quality;

import java.util.List;

/**
 * One extract ({@code <source>_<extract>}, e.g. {@code registry_households}) and its deliveries, in
 * as-of order (oldest first; the last is the latest).
 *
 * @param kind "snapshot" or "event"
 */
public record ExtractQuality(String extract, String kind, List<DeliveryQuality> deliveries) {

    public ExtractQuality {
        deliveries = deliveries == null ? List.of() : deliveries;
    }

    /**
     * The latest delivery that counts: the last one that is not a skipped (byte-identical, no-op)
     * re-delivery, else the last one; null when the extract has none.
     */
    public DeliveryQuality latest() {
        for (int i = deliveries.size() - 1; i >= 0; i--) {
            if (!DeliveryQuality.SKIPPED.equals(deliveries.get(i).status())) {
                return deliveries.get(i);
            }
        }
        return deliveries.isEmpty() ? null : deliveries.get(deliveries.size() - 1);
    }
}
