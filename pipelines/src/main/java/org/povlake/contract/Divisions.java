package org.povlake.contract;

import java.io.Serializable;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The Gansu divisions shipped in {@code schemas/reference/}: code → name per level, and each code's
 * parent (or the part of them a lakehouse covers: {@link #covering}). Administrative villages and
 * townships are recognised from the code digits (EXTRACTS.md, METRICS.md).
 */
public final class Divisions implements Serializable {
    public static final String PROVINCE_CODE = "62";
    public static final String PROVINCE_NAME = "甘肃省";

    private final Map<String, String> cities;
    private final Map<String, String> counties;
    private final Map<String, String> townships;
    private final Map<String, String> villages;
    private final Map<String, String> parent;

    public Divisions(
            Map<String, String> cities,
            Map<String, String> counties,
            Map<String, String> townships,
            Map<String, String> villages,
            Map<String, String> parent) {
        this.cities = cities;
        this.counties = counties;
        this.townships = townships;
        this.villages = villages;
        this.parent = parent;
    }

    /** The number of regions: the province, its cities, counties, townships and villages. */
    public int size() {
        return 1 + cities().size() + counties().size() + townships().size() + villages().size();
    }

    public Map<String, String> cities() {
        return Collections.unmodifiableMap(cities);
    }

    public Map<String, String> counties() {
        return Collections.unmodifiableMap(counties);
    }

    public Map<String, String> townships() {
        return Collections.unmodifiableMap(townships);
    }

    public Map<String, String> villages() {
        return Collections.unmodifiableMap(villages);
    }

    /**
     * The parent code (village → township → county → city → province), or null for the province.
     */
    public String parentOf(String code) {
        return parent.get(code);
    }

    /** Whether {@code code} is a division of the given level: village, township, county or city. */
    public boolean isAtLevel(String code, String level) {
        if (code == null) {
            return false;
        }
        return switch (level) {
            case "village" -> villages.containsKey(code);
            case "township" -> townships.containsKey(code);
            case "county" -> counties.containsKey(code);
            case "city" -> cities.containsKey(code);
            default -> throw new ContractException("unknown division level '" + level + "'");
        };
    }

    public boolean isAnyLevel(String code) {
        return villages.containsKey(code)
                || townships.containsKey(code)
                || counties.containsKey(code);
    }

    /** 行政村: a village-level code whose digits 10–12 are 200–399. */
    public static boolean isAdministrativeVillage(String villageCode) {
        int suffix = Integer.parseInt(villageCode.substring(9, 12));
        return suffix >= 200 && suffix <= 399;
    }

    /** 乡镇 (镇 and 乡): a township-level code whose digits 7–9 are 100–399. */
    public static boolean isTownship(String townshipCode) {
        int suffix = Integer.parseInt(townshipCode.substring(6, 9));
        return suffix >= 100 && suffix <= 399;
    }

    public Set<String> villageCodes() {
        return villages.keySet();
    }

    /**
     * These divisions cut down to the given counties: those counties, their cities, townships and
     * villages (the province stays). The order of each level is kept. A code that is not a county
     * here is an error.
     */
    public Divisions covering(Collection<String> countyCodes) {
        for (String county : countyCodes) {
            if (!counties.containsKey(county)) {
                throw new ContractException("'" + county + "' is not a county of the divisions");
            }
        }
        Map<String, String> keptCounties = keep(counties, c -> countyCodes.contains(c));
        Map<String, String> keptCities =
                keep(
                        cities,
                        c ->
                                keptCounties.keySet().stream()
                                        .anyMatch(county -> c.equals(parent.get(county))));
        Map<String, String> keptTownships =
                keep(townships, t -> keptCounties.containsKey(parent.get(t)));
        Map<String, String> keptVillages =
                keep(villages, v -> keptTownships.containsKey(parent.get(v)));
        Map<String, String> keptParent = new HashMap<>();
        for (Map<String, String> level :
                List.of(keptCities, keptCounties, keptTownships, keptVillages)) {
            level.keySet().forEach(code -> keptParent.put(code, parent.get(code)));
        }
        return new Divisions(keptCities, keptCounties, keptTownships, keptVillages, keptParent);
    }

    private static Map<String, String> keep(Map<String, String> level, Predicate<String> code) {
        Map<String, String> kept = new LinkedHashMap<>();
        level.forEach(
                (c, name) -> {
                    if (code.test(c)) {
                        kept.put(c, name);
                    }
                });
        return kept;
    }
}
