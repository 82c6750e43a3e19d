package org.povlake.generate;

import java.util.SplittableRandom;

/**
 * telecom/village_network: a row per (village, operator present). Fibre, 50 Mbps, 4G and cable-TV
 * fibre spread towards the plan's 2020 targets (98 % broadband, 50 Mbps and 4G everywhere, 75 %
 * cable TV); poor villages lag.
 */
final class NetworkRows {
    private static final int[] SPEEDS = {20, 50, 100, 200, 1000};
    private static final YearWeights FIBRE =
            YearWeights.from(2013, 25, 15, 15, 15, 13, 10, 5, 1.5, 0.5);
    private static final YearWeights FIBRE_POOR =
            YearWeights.from(2013, 8, 10, 14, 18, 20, 16, 9, 3, 2);
    private static final YearWeights LTE = YearWeights.from(2014, 25, 30, 25, 12, 5, 2.5, 0.5, 0);
    private static final YearWeights LTE_POOR = YearWeights.from(2014, 10, 22, 28, 20, 12, 6, 2, 0);
    private static final YearWeights CABLE = YearWeights.from(2013, 25, 8, 8, 9, 9, 9, 8, 8, 10);
    private static final YearWeights CABLE_POOR =
            YearWeights.from(2013, 10, 6, 7, 9, 10, 11, 11, 9, 20);

    private final Extract network;
    private final Vocabulary v;
    private final int cVillage, cOperator, cFibre, cSpeed, cLte, cHouseholds, cCable;

    NetworkRows(Extracts extracts, Model model) {
        v = model.vocab;
        network = extracts.get("telecom", "village_network");
        cVillage = network.col("village_code");
        cOperator = network.col("operator");
        cFibre = network.col("fiber_broadband");
        cSpeed = network.col("max_broadband_mbps");
        cLte = network.col("lte_coverage");
        cHouseholds = network.col("broadband_households");
        cCable = network.col("cable_tv_fiber");
    }

    /** Every delivered year's rows of one village. */
    void village(Sinks out, Village village, long seed, Years years) {
        SplittableRandom r = Seeds.rng(Seeds.of(seed, Seeds.NETWORK, village.key));
        boolean urban = village.community;
        boolean[] present = {
            true,
            urban || Draw.chance(r, 0.7),
            urban || Draw.chance(r, 0.45),
            urban || Draw.chance(r, 0.92)
        };
        String[] operators = {Codes.CMCC, Codes.CT, Codes.CU, Codes.CABLE};
        int fibre = urban ? 2013 : (village.poor ? FIBRE_POOR : FIBRE).pick(r);
        int lte = urban ? 2014 : (village.poor ? LTE_POOR : LTE).pick(r);
        int cable = urban ? 2013 : (village.poor ? CABLE_POOR : CABLE).pick(r);
        int homes = urban ? Draw.between(r, 800, 3000) : Draw.between(r, 120, 600);
        int main = present[1] ? 1 : 0; // the fixed-line operator that brings fibre first
        boolean adsl = Draw.chance(r, 0.5);
        int[] fibreYear = new int[4];
        int[] lteYear = new int[4];
        int[] tier = new int[4];
        double[] share = new double[4];
        for (int o = 0; o < 4; o++) {
            fibreYear[o] =
                    o == main
                            ? fibre
                            : o == 3
                                    ? cable
                                    : fibre == Years.NEVER || !Draw.chance(r, 0.7)
                                            ? Years.NEVER
                                            : fibre + Draw.between(r, 1, 4);
            lteYear[o] =
                    o == 3
                            ? Years.NEVER
                            : o == 0
                                    ? lte
                                    : Draw.chance(r, 0.7)
                                            ? (lte == Years.NEVER
                                                    ? Years.NEVER
                                                    : lte + Draw.between(r, 0, 2))
                                            : Years.NEVER;
            tier[o] = Draw.chance(r, 0.55) ? 0 : 1;
            share[o] = o == main ? Draw.uniform(r, 0.25, 0.5) : Draw.uniform(r, 0.05, 0.2);
        }
        for (int year : years.list()) {
            for (int o = 0; o < 4; o++) {
                if (!present[o]) {
                    continue;
                }
                String[] row = network.newRow();
                boolean hasFibre = year >= fibreYear[o];
                row[cVillage] = village.code;
                row[cOperator] = v.label(Codes.OPERATOR, operators[o]);
                row[cFibre] = Formats.bool(hasFibre);
                if (hasFibre) {
                    int t = Math.min(SPEEDS.length - 1, tier[o] + (year - fibreYear[o]) / 2);
                    if (year >= 2020 && o == main) {
                        t = Math.max(t, 1); // the plan: 50 Mbps in every village by 2020
                    }
                    row[cSpeed] = Formats.integer(SPEEDS[t]);
                    double adoption = Math.min(0.9, share[o] * (1 + 0.25 * (year - fibreYear[o])));
                    row[cHouseholds] = Formats.integer(Math.round(homes * adoption));
                } else {
                    row[cSpeed] =
                            o == main && adsl ? Formats.integer(8) : Formats.NULL; // copper (ADSL)
                    row[cHouseholds] = Formats.integer(0);
                }
                row[cLte] = Formats.bool(year >= lteYear[o]);
                row[cCable] = o == 3 ? Formats.bool(year >= cable) : Formats.FALSE;
                out.emit(network, year, row);
            }
        }
    }
}
