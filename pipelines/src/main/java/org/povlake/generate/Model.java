package org.povlake.generate;

import java.util.List;
import java.util.Map;
import org.povlake.contract.PovertyLines;

/**
 * The generator's parameters: the distributions that make the data look like Gansu's 建档立卡 and the
 * plan's 2016–2020 roll-out. Built once per run from the contract's vocabulary; immutable and
 * shared by all threads.
 */
final class Model {
    final Vocabulary vocab;
    final PovertyLines lines;

    /** Primary causes: illness the largest (≈40 %), then lack of capital, skills, labour. */
    final Weighted<String> causes;

    final Weighted<String> secondaryCauses;
    final YearWeights identification = YearWeights.from(2013, 12, 62, 13, 13, 0);

    /**
     * Exit year (conditional on being after identification); poor-village households exit a little
     * later.
     */
    final YearWeights exit = YearWeights.from(2014, 8, 11, 14, 14, 20, 23, 9, 1);

    final YearWeights exitPoorVillage = YearWeights.from(2014, 5, 8, 11, 13, 21, 28, 13, 1);
    final YearWeights broadbandAdoption = YearWeights.from(2015, 8, 12, 15, 18, 17, 12, 18);
    final YearWeights terminalAdoption = YearWeights.from(2015, 10, 15, 20, 20, 15, 12, 8);

    /**
     * Shop openings: the number of shops grows ≈ 15 % a year from 2016 (with +10 % orders a shop: ≈
     * +30 % value).
     */
    final YearWeights shopOpening = YearWeights.from(2015, 50, 7, 9, 10, 11, 13, 0);

    final YearWeights countyShopOpening = YearWeights.from(2013, 25, 12, 13, 7, 9, 10, 11, 13, 0);
    final YearWeights linkStart = YearWeights.from(2015, 8, 14, 18, 22, 22, 16, 0);
    final YearWeights relocation = YearWeights.from(2016, 25, 30, 25, 15, 5, 0);

    final Weighted<String> courses;
    final Weighted<String> measures;
    final Weighted<String> platforms;
    final Weighted<String> operatorTypes;
    final Weighted<String> linkTypes;
    final Weighted<String> upwardCategories;
    final Weighted<String> downwardCategories;
    final Weighted<String> orderStatuses;

    /** The measures that answer each primary cause (因户施策). */
    final Map<String, List<String>> matchedMeasures =
            Map.ofEntries(
                    Map.entry(Codes.ILLNESS, List.of(Codes.MEDICAL_AID)),
                    Map.entry(Codes.DISABILITY, List.of(Codes.SAFETY_NET, Codes.MEDICAL_AID)),
                    Map.entry(Codes.EDUCATION_COST, List.of(Codes.EDUCATION_AID)),
                    Map.entry(Codes.DISASTER, List.of(Codes.HOUSING_RENOVATION, Codes.SAFETY_NET)),
                    Map.entry(Codes.LACK_LAND, List.of(Codes.INDUSTRY)),
                    Map.entry(Codes.LACK_WATER, List.of(Codes.INDUSTRY)),
                    Map.entry(Codes.LACK_SKILL, List.of(Codes.SKILL_TRAINING, Codes.EMPLOYMENT)),
                    Map.entry(Codes.LACK_LABOR, List.of(Codes.SAFETY_NET, Codes.EMPLOYMENT)),
                    Map.entry(Codes.LACK_CAPITAL, List.of(Codes.MICROCREDIT, Codes.INDUSTRY)),
                    Map.entry(Codes.POOR_TRANSPORT, List.of(Codes.INDUSTRY)),
                    Map.entry(
                            Codes.LOW_MOTIVATION, List.of(Codes.EMPLOYMENT, Codes.SKILL_TRAINING)));

    Model(Vocabulary vocab, PovertyLines lines) {
        this.vocab = vocab;
        this.lines = lines;
        Codes.verify(vocab);
        causes =
                vocab.weighted(
                        Codes.CAUSE,
                        1.0,
                        Codes.ILLNESS,
                        40,
                        Codes.LACK_CAPITAL,
                        16,
                        Codes.LACK_SKILL,
                        13,
                        Codes.LACK_LABOR,
                        10,
                        Codes.DISABILITY,
                        6,
                        Codes.EDUCATION_COST,
                        4,
                        Codes.LACK_LAND,
                        3,
                        Codes.DISASTER,
                        2,
                        Codes.LACK_WATER,
                        2,
                        Codes.POOR_TRANSPORT,
                        2,
                        Codes.LOW_MOTIVATION,
                        2);
        secondaryCauses =
                vocab.weighted(
                        Codes.CAUSE,
                        3.0,
                        Codes.ILLNESS,
                        15,
                        Codes.LACK_CAPITAL,
                        20,
                        Codes.LACK_SKILL,
                        18,
                        Codes.LACK_LABOR,
                        10);
        courses =
                vocab.weighted(
                        Codes.COURSE,
                        10,
                        "PRACTICAL_SKILL",
                        40,
                        "EMPLOYMENT_SKILL",
                        25,
                        "ECOMMERCE",
                        15,
                        "DIGITAL_SKILL",
                        10,
                        "ENTREPRENEURSHIP",
                        10);
        measures =
                vocab.weighted(
                        Codes.MEASURE,
                        3,
                        Codes.INDUSTRY,
                        25,
                        Codes.MICROCREDIT,
                        10,
                        Codes.EDUCATION_AID,
                        10,
                        Codes.MEDICAL_AID,
                        10,
                        Codes.HOUSING_RENOVATION,
                        5,
                        Codes.RELOCATION,
                        0,
                        Codes.EMPLOYMENT,
                        12,
                        Codes.SKILL_TRAINING,
                        10,
                        Codes.ECOMMERCE_AID,
                        4,
                        Codes.ECO_COMPENSATION,
                        6,
                        Codes.SAFETY_NET,
                        8);
        platforms =
                vocab.weighted(
                        Codes.PLATFORM,
                        5,
                        "TAOBAO",
                        30,
                        "PINDUODUO",
                        20,
                        "JD",
                        12,
                        "WEIDIAN",
                        15,
                        "COOP",
                        10,
                        "SUNING",
                        5,
                        "OTHER",
                        8);
        operatorTypes =
                vocab.weighted(
                        Codes.OPERATOR_TYPE,
                        5,
                        Codes.POOR_HOUSEHOLD,
                        0,
                        "COOPERATIVE",
                        35,
                        "LEADING_ENTERPRISE",
                        10,
                        "LARGE_FARMER",
                        15,
                        "FAMILY_FARM",
                        15,
                        "OTHER",
                        25);
        linkTypes =
                vocab.weighted(Codes.LINK, 5, "PURCHASE", 60, "EMPLOYMENT", 25, "CONSIGNMENT", 15);
        upwardCategories =
                vocab.only(
                        Codes.CATEGORY,
                        Codes.FARM_PRODUCE,
                        75,
                        Codes.HANDICRAFT,
                        10,
                        Codes.RURAL_TOURISM,
                        15);
        downwardCategories =
                vocab.only(Codes.CATEGORY, Codes.CONSUMER_GOODS, 60, Codes.FARM_INPUTS, 40);
        orderStatuses =
                vocab.only(
                        Codes.ORDER_STATUS,
                        Codes.COMPLETED,
                        91,
                        Codes.REFUNDED,
                        5,
                        Codes.CANCELLED,
                        4);
    }
}
