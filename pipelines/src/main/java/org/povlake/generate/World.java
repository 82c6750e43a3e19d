package org.povlake.generate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.povlake.contract.Divisions;

/**
 * The Gansu divisions of the contract's reference, with the poor villages and the households
 * allocated to administrative villages. Built once per run (small: 17,718 villages) and shared
 * read-only by the county tasks.
 */
final class World {
    /** Share of administrative villages that were poor villages (贫困村): 7,262 of 15,513 in Gansu. */
    static final double POOR_VILLAGE_SHARE = 7262.0 / 15513.0;

    /** A household id is the village code plus a 4-digit sequence. */
    static final int MAX_HOUSEHOLDS_PER_VILLAGE = 9999;

    private static final YearWeights DESIGNATED = YearWeights.from(2013, 20, 60, 20, 0);
    private static final YearWeights VILLAGE_EXIT = YearWeights.from(2016, 5, 10, 25, 35, 24, 1);

    final List<County> counties;
    final long households;

    private World(List<County> counties, long households) {
        this.counties = counties;
        this.households = households;
    }

    static World build(Divisions divisions, long seed, long households) {
        List<County> counties = new ArrayList<>();
        Map<String, County> countyByCode = new HashMap<>();
        List<String> countyCodes = new ArrayList<>(divisions.counties().keySet());
        Collections.sort(countyCodes);
        for (String code : countyCodes) {
            County c = new County(counties.size(), code, divisions.parentOf(code));
            counties.add(c);
            countyByCode.put(code, c);
        }
        Map<String, Township> townshipByCode = new HashMap<>();
        List<String> townshipCodes = new ArrayList<>(divisions.townships().keySet());
        Collections.sort(townshipCodes);
        for (String code : townshipCodes) {
            County c = countyByCode.get(divisions.parentOf(code));
            Township t = new Township(code, c, Divisions.isTownship(code));
            c.townships.add(t);
            townshipByCode.put(code, t);
        }
        List<String> villageCodes = new ArrayList<>(divisions.villages().keySet());
        Collections.sort(villageCodes);
        for (String code : villageCodes) {
            Township t = townshipByCode.get(divisions.parentOf(code));
            Village v = new Village(code, t, Divisions.isAdministrativeVillage(code));
            t.villages.add(v);
            t.county.villages.add(v);
            if (v.admin) {
                t.county.adminVillages.add(v);
            }
        }
        for (County c : counties) {
            for (Township t : c.townships) {
                t.seat =
                        t.villages.stream()
                                .filter(v -> v.admin)
                                .findFirst()
                                .orElse(t.villages.isEmpty() ? null : t.villages.get(0));
            }
            c.seat =
                    c.villages.stream()
                            .filter(v -> v.community)
                            .findFirst()
                            .orElse(c.villages.isEmpty() ? null : c.villages.get(0));
            c.intensity =
                    intensity(c.code)
                            * (0.6 + 0.8 * Seeds.unit(Seeds.of(seed, Seeds.COUNTY, c.key)));
        }
        choosePoorVillages(counties, seed);
        allocate(counties, seed, households);
        return new World(counties, households);
    }

    /**
     * Poverty by kind of county-level unit, read from the code (digits 5–6): urban districts
     * (01–20) and development zones (71–80) have little rural poverty, county-level cities (81–99)
     * some, counties (21–70) most.
     */
    private static double intensity(String countyCode) {
        int kind = Integer.parseInt(countyCode.substring(4, 6));
        if (kind <= 20) {
            return 0.3;
        }
        if (kind >= 71 && kind <= 80) {
            return 0.3;
        }
        return kind >= 81 ? 0.6 : 1.0;
    }

    /**
     * The poorest-scoring share of administrative villages are poor villages, designated 2013–2015.
     */
    private static void choosePoorVillages(List<County> counties, long seed) {
        List<Village> admin = new ArrayList<>();
        Map<Village, Double> score = new HashMap<>();
        for (County c : counties) {
            for (Village v : c.adminVillages) {
                admin.add(v);
                score.put(
                        v, c.intensity * (0.25 + Seeds.unit(Seeds.of(seed, Seeds.VILLAGE, v.key))));
            }
        }
        admin.sort(
                Comparator.comparing((Village v) -> score.get(v))
                        .reversed()
                        .thenComparing(v -> v.code));
        long poor = Math.round(admin.size() * POOR_VILLAGE_SHARE);
        for (int i = 0; i < poor; i++) {
            Village v = admin.get(i);
            SplittableRandom r = Seeds.rng(Seeds.of(seed, Seeds.VILLAGE, v.key, 1));
            v.poor = true;
            v.designatedYear = DESIGNATED.pick(r);
            v.poorExitYear = VILLAGE_EXIT.pickAtLeast(r, v.designatedYear + 1);
        }
    }

    /**
     * Systematic allocation of the households over administrative villages in code order,
     * proportional to a weight (poor villages hold most poor households): every village gets the
     * floor or ceiling of its share, the total is exact, and each county's households are one
     * contiguous range of indices.
     */
    private static void allocate(List<County> counties, long seed, long households) {
        List<Village> all = new ArrayList<>();
        double total = 0;
        for (County c : counties) {
            for (Village v : c.adminVillages) {
                double u = Seeds.unit(Seeds.of(seed, Seeds.VILLAGE, v.key, 2));
                v.weight = (v.poor ? 2.2 : 0.6) * c.intensity * (0.5 + u);
                total += v.weight;
                all.add(v);
            }
        }
        double step = total / households;
        double offset = Seeds.unit(Seeds.of(seed, Seeds.ALLOCATION)) * step;
        double cumulative = 0;
        long before = 0;
        for (int i = 0; i < all.size(); i++) {
            Village v = all.get(i);
            cumulative += v.weight;
            long upTo =
                    i == all.size() - 1
                            ? households
                            : Math.min(
                                    households,
                                    cumulative <= offset
                                            ? 0
                                            : (long) Math.floor((cumulative - offset) / step) + 1);
            upTo = Math.max(upTo, before);
            v.households = (int) Math.min(Integer.MAX_VALUE, upTo - before);
            v.firstHousehold = before;
            if (v.households > MAX_HOUSEHOLDS_PER_VILLAGE) {
                throw new IllegalArgumentException(
                        "--households "
                                + households
                                + " puts "
                                + v.households
                                + " households in village "
                                + v.code
                                + ": a household id has a 4-digit sequence (at most "
                                + MAX_HOUSEHOLDS_PER_VILLAGE
                                + " per village)");
            }
            before = upTo;
        }
        for (County c : counties) {
            c.firstHousehold =
                    c.adminVillages.isEmpty() ? 0 : c.adminVillages.get(0).firstHousehold;
            c.households = c.adminVillages.stream().mapToInt(v -> v.households).sum();
        }
    }

    long poorVillages() {
        return counties.stream().flatMap(c -> c.adminVillages.stream()).filter(v -> v.poor).count();
    }
}
