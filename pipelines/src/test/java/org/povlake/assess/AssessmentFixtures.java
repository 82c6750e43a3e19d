package org.povlake.assess;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.povlake.contract.Catalogue;
import org.povlake.quality.Fixtures;

/**
 * A made-up but consistent assessment for the renderers' tests (no Spark): the province 62, three
 * cities with two counties each, one township per county and two villages per township; every
 * catalogue indicator at every level it exists at. Among the cells: a missing indicator
 * (ECOM_TRADE_GROWTH: achievement 0), a stale one (HEALTH_BASIC_INSURANCE), a zero denominator
 * (NET_POOR_VILLAGE_BROADBAND in city 6203) and, in the published variant, suppressed
 * TARGET_RETURN_TO_POVERTY cells in two counties.
 */
public final class AssessmentFixtures {
    private AssessmentFixtures() {}

    public static AssessmentReport report(boolean published) {
        Catalogue cat = Catalogue.get();
        Random rnd = new Random(42);
        List<RegionResult> regions = new ArrayList<>();
        regions.add(region(cat, rnd, "62", "甘肃省", "province", null, published, 1));
        String[][] cities = {{"6201", "兰州市"}, {"6202", "嘉峪关市"}, {"6203", "金昌市"}};
        List<RegionResult> counties = new ArrayList<>();
        List<RegionResult> below = new ArrayList<>();
        int rank = 1;
        for (String[] c : cities) {
            regions.add(region(cat, rnd, c[0], c[1], "city", "62", published, rank++));
            for (int k = 1; k <= 2; k++) {
                String county = c[0] + "0" + k;
                counties.add(
                        region(
                                cat,
                                rnd,
                                county,
                                c[1].substring(0, 2) + k + "县",
                                "county",
                                c[0],
                                published,
                                counties.size() + 1));
                String township = county + "100";
                below.add(
                        region(
                                cat,
                                rnd,
                                township,
                                "第" + k + "镇",
                                "township",
                                county,
                                published,
                                null));
                if (!published) {
                    for (int v = 1; v <= 2; v++) {
                        below.add(
                                region(
                                        cat,
                                        rnd,
                                        township + "20" + v,
                                        v + "村",
                                        "village",
                                        township,
                                        false,
                                        null));
                    }
                }
            }
        }
        regions.addAll(counties);
        below.sort(
                (a, b) ->
                        Integer.compare(
                                Assessment.LEVELS_TOP_DOWN.indexOf(a.level()),
                                Assessment.LEVELS_TOP_DOWN.indexOf(b.level())));
        regions.addAll(below);
        Map<String, Long> inputs =
                new TreeMap<>(
                        Map.of(
                                "gold.indicators",
                                7L,
                                "gold.pillar_scores",
                                7L,
                                "gold.region_scores",
                                7L,
                                "ops.ingest_log",
                                12L));
        Assessment a =
                new Assessment(
                        2019,
                        "2026-11-29T08:00:00Z",
                        inputs,
                        "v0.1.0-3-gabcdef0",
                        cat.version(),
                        published,
                        List.copyOf(regions));
        List<AssessmentReport.YearPoint> trend = new ArrayList<>();
        for (int y = 2016; y <= 2018; y++) {
            trend.add(
                    new AssessmentReport.YearPoint(
                            y, region(cat, rnd, "62", "甘肃省", "province", null, published, null)));
        }
        trend.add(new AssessmentReport.YearPoint(2019, a.province()));
        int suppressed =
                (int)
                        regions.stream()
                                .flatMap(r -> r.indicators().stream())
                                .filter(IndicatorResult::suppressed)
                                .count();
        return new AssessmentReport(
                a,
                cat,
                List.copyOf(trend),
                Fixtures.report(),
                published ? suppressed : 0,
                published ? "注：涉及户、人或理赔的指标，分母少于10或分子（或分母减分子）为1至4时不予公布（—）。" : null,
                published
                        ? "Note: cells of indicators that count households, persons or claims are suppressed (—) "
                                + "when the denominator is below 10 or the numerator or denominator − numerator is 1 to 4."
                        : null);
    }

    static RegionResult region(
            Catalogue cat,
            Random rnd,
            String code,
            String name,
            String level,
            String parent,
            boolean published,
            Integer rank) {
        List<IndicatorResult> ind = new ArrayList<>();
        Map<String, List<BigDecimal>> byPillar = new LinkedHashMap<>();
        for (Catalogue.Indicator i : cat.indicators()) {
            if (!i.existsAt(level)) {
                continue;
            }
            IndicatorResult r;
            boolean suppress =
                    published
                            && i.id().equals("TARGET_RETURN_TO_POVERTY")
                            && (code.equals("620101") || code.equals("620102"));
            if (i.id().equals("ECOM_TRADE_GROWTH")) {
                r =
                        new IndicatorResult(
                                i.id(),
                                null,
                                null,
                                null,
                                i.target(),
                                null,
                                BigDecimal.ZERO.setScale(6),
                                null,
                                false,
                                true,
                                false);
            } else if (i.id().equals("NET_POOR_VILLAGE_BROADBAND") && code.equals("6203")) {
                r =
                        new IndicatorResult(
                                i.id(),
                                BigDecimal.ZERO,
                                BigDecimal.ZERO,
                                null,
                                i.target(),
                                null,
                                null,
                                null,
                                false,
                                false,
                                false);
            } else if (suppress) {
                r =
                        new IndicatorResult(
                                i.id(),
                                null,
                                null,
                                null,
                                i.target(),
                                null,
                                null,
                                null,
                                false,
                                false,
                                true);
            } else {
                long den = 20 + rnd.nextInt(2000);
                boolean low = "<=".equals(i.direction());
                long num =
                        low
                                ? rnd.nextInt((int) Math.max(1, den / 20))
                                : den - rnd.nextInt((int) Math.max(1, den / 8));
                BigDecimal value =
                        BigDecimal.valueOf(num)
                                .divide(BigDecimal.valueOf(den), 6, RoundingMode.HALF_UP);
                Boolean met = null;
                BigDecimal ach = null;
                if (i.scored()) {
                    met = low ? value.compareTo(i.target()) <= 0 : value.compareTo(i.target()) >= 0;
                    BigDecimal a =
                            value.subtract(i.floor())
                                    .divide(
                                            i.target().subtract(i.floor()),
                                            6,
                                            RoundingMode.HALF_UP);
                    ach =
                            a.max(BigDecimal.ZERO)
                                    .min(BigDecimal.ONE)
                                    .setScale(6, RoundingMode.HALF_UP);
                }
                BigDecimal change = BigDecimal.valueOf(rnd.nextInt(20001) - 10000, 6);
                r =
                        new IndicatorResult(
                                i.id(),
                                BigDecimal.valueOf(num),
                                BigDecimal.valueOf(den),
                                value,
                                i.target(),
                                met,
                                ach,
                                change,
                                i.id().equals("HEALTH_BASIC_INSURANCE"),
                                false,
                                false);
            }
            ind.add(r);
            if (i.scored() && i.pillar() != null && r.achievement() != null) {
                byPillar.computeIfAbsent(i.pillar(), k -> new ArrayList<>()).add(r.achievement());
            }
        }
        Map<String, BigDecimal> pillars = new LinkedHashMap<>();
        BigDecimal weighted = BigDecimal.ZERO;
        BigDecimal weights = BigDecimal.ZERO;
        for (Catalogue.Pillar p : cat.pillars()) {
            List<BigDecimal> a = byPillar.getOrDefault(p.id(), List.of());
            BigDecimal score =
                    a.isEmpty()
                            ? null
                            : a.stream()
                                    .reduce(BigDecimal.ZERO, BigDecimal::add)
                                    .divide(BigDecimal.valueOf(a.size()), 6, RoundingMode.HALF_UP);
            pillars.put(p.id(), score);
            if (score != null) {
                weighted = weighted.add(p.weight().multiply(score));
                weights = weights.add(p.weight());
            }
        }
        BigDecimal composite =
                weights.signum() == 0
                        ? null
                        : weighted.multiply(BigDecimal.valueOf(100))
                                .divide(weights, 4, RoundingMode.HALF_UP);
        String grade =
                composite == null
                        ? null
                        : composite.compareTo(BigDecimal.valueOf(90)) >= 0
                                ? "优秀"
                                : composite.compareTo(BigDecimal.valueOf(80)) >= 0
                                        ? "良好"
                                        : composite.compareTo(BigDecimal.valueOf(60)) >= 0
                                                ? "一般"
                                                : "较差";
        boolean ranked = level.equals("city") || level.equals("county");
        return new RegionResult(
                code,
                name,
                level,
                parent,
                composite,
                grade,
                ranked ? rank : null,
                pillars,
                List.copyOf(ind));
    }
}
