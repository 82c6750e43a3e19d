package org.povlake.contract;

import java.io.Serializable;
import java.util.Collections;
import java.util.Map;
import java.util.Set;

/**
 * The Gansu divisions shipped in {@code schemas/reference/}: code → name per level, and each code's parent.
 * Administrative villages and townships are recognised from the code digits (EXTRACTS.md, METRICS.md).
 */
public final class Divisions implements Serializable {
    public static final String PROVINCE_CODE = "62";
    public static final String PROVINCE_NAME = "甘肃省";

    private final Map<String, String> cities;
    private final Map<String, String> counties;
    private final Map<String, String> townships;
    private final Map<String, String> villages;
    private final Map<String, String> parent;

    public Divisions(Map<String, String> cities, Map<String, String> counties, Map<String, String> townships,
                     Map<String, String> villages, Map<String, String> parent) {
        this.cities = cities;
        this.counties = counties;
        this.townships = townships;
        this.villages = villages;
        this.parent = parent;
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

    /** The parent code (village → township → county → city → province), or null for the province. */
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
        return villages.containsKey(code) || townships.containsKey(code) || counties.containsKey(code);
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
}
