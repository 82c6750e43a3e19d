package org.povlake.testing;

import java.util.LinkedHashMap;
import java.util.Map;
import org.povlake.contract.Contract;
import org.povlake.contract.Divisions;

/**
 * How many regions the reference the tests run on has, per level ({@link Contract#get()}'s
 * divisions: the sample's counties or all of Gansu), so that no test hard-codes a count that a
 * change of reference would break.
 */
public final class ReferenceCounts {
    private ReferenceCounts() {}

    /**
     * Level (province, city, county, township, village) → regions of that level in the reference.
     */
    public static Map<String, Long> regionsPerLevel() {
        Divisions d = Contract.get().divisions();
        Map<String, Long> n = new LinkedHashMap<>();
        n.put("province", 1L);
        n.put("city", (long) d.cities().size());
        n.put("county", (long) d.counties().size());
        n.put("township", (long) d.townships().size());
        n.put("village", (long) d.villages().size());
        return n;
    }

    /** Every region of the reference, the province included. */
    public static long regions() {
        return regionsPerLevel().values().stream().mapToLong(Long::longValue).sum();
    }
}
