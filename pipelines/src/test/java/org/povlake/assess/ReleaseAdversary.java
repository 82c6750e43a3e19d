package org.povlake.assess;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.povlake.contract.Catalogue;

/**
 * An outsider attacking a published assessment, written apart from the disclosure control and its
 * audit (it shares no code with them): it reads only what is published — {@code
 * assessment_<Y>.json} — and what the methods appendix says (the catalogue: the scored indicators
 * of each pillar with target and floor, pillar weights, grade thresholds; regions sum up; some
 * indicators divide by the same population), and tries to recover hidden cells:
 *
 * <ul>
 *   <li>(a) score inversion: a pillar score with one hidden achievement gives it back (k × score −
 *       Σ shown), and so its value; a composite with one hidden pillar score gives that back (then
 *       (a) again); a grade printed without its composite, or a rank among all regions of the level
 *       (a gap in the printed ranks), bounds the composite, which bounds a lone hidden pillar and a
 *       lone hidden achievement in it;
 *   <li>(b) parent − shown children, for numerators and denominators, after recognising the hidden
 *       cells that are 0/0 as an outsider can (a hidden cell whose pillar score or composite shows
 *       it has no value; a region whose cells over registered households are 0/0 has no households,
 *       so every personal cell of it is 0/0; children that sum to their parent leave 0/0 for the
 *       hidden rest); a hidden parent is the sum of its children.
 * </ul>
 *
 * Every recovery feeds the next pass until nothing new is found. {@link #score} then compares the
 * claims with the truth (the unpublished assessment), which the attack itself never reads.
 */
final class ReleaseAdversary {
    /**
     * Indicators whose denominators count the same population in a region (METRICS.md's
     * definitions).
     */
    static final List<List<String>> SAME_POPULATION =
            List.of(
                    List.of(
                            "NET_HOUSEHOLD_BROADBAND",
                            "NET_HOUSEHOLD_TERMINAL",
                            "ECOM_HOUSEHOLD_REACH",
                            "TARGET_PORTRAIT_COMPLETE"),
                    List.of(
                            "HEALTH_BASIC_INSURANCE",
                            "HEALTH_SERIOUS_ILLNESS_INSURANCE",
                            "MPI_H",
                            "MPI_M0",
                            "MPI_CH_INCOME",
                            "MPI_CH_SCHOOLING",
                            "MPI_CH_ATTENDANCE",
                            "MPI_CH_INSURANCE",
                            "MPI_CH_SERIOUS_ILLNESS",
                            "MPI_CH_HOUSING",
                            "MPI_CH_WATER",
                            "MPI_CH_BROADBAND",
                            "MPI_CH_TERMINAL"),
                    List.of("TARGET_EXIT_OVERDUE", "TARGET_HELPER_ASSIGNED"));

    /**
     * The cells over registered households: when they are 0/0 the region has no household, member
     * or claim.
     */
    static final List<String> HOUSEHOLDS = SAME_POPULATION.get(0);

    private static final BigDecimal HALF_ULP = new BigDecimal("0.0000005");

    /**
     * A recovered cell: its value, or its numerator and denominator, or bounds on its numerator.
     */
    record Claim(
            String region,
            String indicator,
            String attack,
            BigDecimal value,
            BigDecimal valueError,
            BigDecimal numerator,
            BigDecimal denominator) {}

    static final class Cell {
        final String region;
        final String id;
        final BigDecimal numerator;
        final BigDecimal denominator;
        final BigDecimal value;
        final BigDecimal achievement;
        final boolean missing;

        Cell(String region, JsonNode n) {
            this.region = region;
            this.id = n.get("id").asText();
            this.numerator = dec(n.get("numerator"));
            this.denominator = dec(n.get("denominator"));
            this.value = dec(n.get("value"));
            this.achievement = dec(n.get("achievement"));
            this.missing = n.get("missing").asBoolean();
        }

        boolean hidden() {
            return numerator == null && !missing;
        }

        String key() {
            return region + "/" + id;
        }
    }

    static final class Region {
        final String code;
        final String level;
        final String parent;
        final BigDecimal composite;
        final String grade;
        final Integer rank;
        final Map<String, BigDecimal> pillars = new LinkedHashMap<>();
        final Map<String, Cell> cells = new LinkedHashMap<>();
        final List<Region> children = new ArrayList<>();

        Region(JsonNode r) {
            code = r.get("code").asText();
            level = r.get("level").asText();
            parent = r.get("parent").isNull() ? null : r.get("parent").asText();
            composite = dec(r.get("composite"));
            grade = r.get("grade").isNull() ? null : r.get("grade").asText();
            rank = r.get("rank").isNull() ? null : r.get("rank").asInt();
            r.get("pillars")
                    .fields()
                    .forEachRemaining(e -> pillars.put(e.getKey(), dec(e.getValue())));
            for (JsonNode i : r.get("indicators")) {
                Cell c = new Cell(code, i);
                cells.put(c.id, c);
            }
        }
    }

    private final Catalogue catalogue;
    private final Map<String, Region> regions = new LinkedHashMap<>();

    /** Numerator and denominator known (printed or recovered). */
    private final Map<String, BigDecimal[]> counts = new HashMap<>();

    /** Value known (printed or recovered), with its error. */
    private final Map<String, BigDecimal[]> values = new HashMap<>();

    /** Hidden cells recognised as 0/0. */
    private final Set<String> empty = new HashSet<>();

    private final Map<String, Claim> claims = new LinkedHashMap<>();

    private ReleaseAdversary(JsonNode release, Catalogue catalogue) {
        this.catalogue = catalogue;
        for (JsonNode r : release.get("regions")) {
            Region region = new Region(r);
            regions.put(region.code, region);
        }
        for (Region r : regions.values()) {
            Region p = r.parent == null ? null : regions.get(r.parent);
            if (p != null) {
                p.children.add(r);
            }
            for (Cell c : r.cells.values()) {
                if (!c.hidden() && !c.missing) {
                    counts.put(c.key(), new BigDecimal[] {c.numerator, c.denominator});
                    if (c.value != null) {
                        values.put(c.key(), new BigDecimal[] {c.value, BigDecimal.ZERO});
                    }
                }
            }
        }
    }

    /**
     * Changes between two published releases: a cell printed in Y with its change gives back its
     * value of Y−1 (v − change) when Y−1 hides it, and a cell printed in Y−1 gives back Y's hidden
     * value when Y prints the change. Claims about Y−1's cells come first in the pair.
     */
    static List<List<Claim>> attackChanges(JsonNode release, JsonNode previous) {
        Map<String, JsonNode> before = new HashMap<>();
        for (JsonNode r : previous.get("regions")) {
            for (JsonNode i : r.get("indicators")) {
                before.put(r.get("code").asText() + "/" + i.get("id").asText(), i);
            }
        }
        List<Claim> onPrevious = new ArrayList<>();
        List<Claim> onThis = new ArrayList<>();
        BigDecimal err = new BigDecimal("0.000001");
        for (JsonNode r : release.get("regions")) {
            String code = r.get("code").asText();
            for (JsonNode i : r.get("indicators")) {
                JsonNode p = before.get(code + "/" + i.get("id").asText());
                BigDecimal change = dec(i.get("change"));
                if (p == null || change == null) {
                    continue;
                }
                BigDecimal v = dec(i.get("value"));
                BigDecimal pv = dec(p.get("value"));
                if (v != null
                        && pv == null
                        && p.get("numerator").isNull()
                        && !p.get("missing").asBoolean()) {
                    onPrevious.add(
                            new Claim(
                                    code,
                                    i.get("id").asText(),
                                    "change from Y−1",
                                    v.subtract(change),
                                    err,
                                    null,
                                    null));
                }
                if (v == null
                        && pv != null
                        && i.get("numerator").isNull()
                        && !i.get("missing").asBoolean()) {
                    onThis.add(
                            new Claim(
                                    code,
                                    i.get("id").asText(),
                                    "change from Y−1",
                                    pv.add(change),
                                    err,
                                    null,
                                    null));
                }
            }
        }
        return List.of(onPrevious, onThis);
    }

    /**
     * The CSV of the same release read too: a figure the CSV prints where the JSON prints null is
     * known (the two must print the same; this makes sure the attack would use it if not).
     */
    static void merge(JsonNode release, Path csv) throws IOException {
        Map<String, String[]> rows = new HashMap<>();
        List<String> header;
        CsvMapper mapper = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY).build();
        try (MappingIterator<String[]> it =
                mapper.readerFor(String[].class).readValues(csv.toFile())) {
            header = List.of(it.next());
            while (it.hasNext()) {
                String[] f = it.next();
                rows.put(
                        f[header.indexOf("region_code")] + "/" + f[header.indexOf("indicator_id")],
                        f);
            }
        }
        for (JsonNode r : release.get("regions")) {
            for (JsonNode i : r.get("indicators")) {
                String[] f = rows.get(r.get("code").asText() + "/" + i.get("id").asText());
                if (f == null) {
                    continue;
                }
                for (String field : List.of("numerator", "denominator", "value", "achievement")) {
                    String text = f[header.indexOf(field)];
                    if (i.get(field).isNull() && !text.isEmpty()) {
                        ((ObjectNode) i).put(field, new BigDecimal(text));
                    }
                }
            }
        }
    }

    /** Every hidden cell the attack claims to recover from one published release. */
    static List<Claim> attack(JsonNode release, Catalogue catalogue) {
        ReleaseAdversary a = new ReleaseAdversary(release, catalogue);
        for (int pass = 0; pass < 50 && a.pass(); pass++) {
            // until nothing new
        }
        return List.copyOf(a.claims.values());
    }

    private boolean pass() {
        int before = claims.size() + empty.size() + counts.size() + values.size();
        for (Region r : regions.values()) {
            households(r);
            compositeInversion(r);
            for (String pillar : r.pillars.keySet()) {
                pillarInversion(r, pillar, r.pillars.get(pillar), BigDecimal.ZERO, "pillar score");
            }
            bounds(r);
            if (!r.children.isEmpty()) {
                for (String id : r.cells.keySet()) {
                    family(r, id);
                }
            }
            sharedDenominators(r);
        }
        ranks();
        return claims.size() + empty.size() + counts.size() + values.size() > before;
    }

    private Catalogue.Indicator indicator(String id) {
        return catalogue.indicator(id).orElse(null);
    }

    /**
     * A region whose cells over registered households are 0/0 has nobody: every hidden personal
     * cell is 0/0.
     */
    private void households(Region r) {
        boolean none = false;
        for (String id : HOUSEHOLDS) {
            Cell c = r.cells.get(id);
            if (c != null
                    && (empty.contains(c.key())
                            || (c.denominator != null && c.denominator.signum() == 0))) {
                none = true;
            }
        }
        if (none) {
            for (Cell c : r.cells.values()) {
                Catalogue.Indicator i = indicator(c.id);
                if (c.hidden()
                        && i != null
                        && List.of("households", "persons", "claims").contains(i.counts())) {
                    markEmpty(c);
                }
            }
        }
    }

    private void markEmpty(Cell c) {
        if (empty.add(c.key())) {
            counts.putIfAbsent(c.key(), new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
        }
    }

    /**
     * A hidden cell's status for the pillar score: known achievement, known to have none (0/0), or
     * unknown.
     */
    private BigDecimal knownAchievement(Cell c) {
        if (c.missing) {
            return BigDecimal.ZERO;
        }
        if (!c.hidden()) {
            return c.value == null ? null : c.achievement;
        }
        BigDecimal[] v = values.get(c.key());
        return v == null ? null : achievement(indicator(c.id), v[0]);
    }

    private boolean noValue(Cell c) {
        if (c.missing) {
            return false;
        }
        if (!c.hidden()) {
            return c.value == null;
        }
        BigDecimal[] n = counts.get(c.key());
        return empty.contains(c.key()) || (n != null && n[1].signum() == 0);
    }

    static BigDecimal achievement(Catalogue.Indicator i, BigDecimal value) {
        BigDecimal a =
                value.subtract(i.floor())
                        .divide(i.target().subtract(i.floor()), 6, RoundingMode.HALF_UP);
        return a.signum() < 0
                ? BigDecimal.ZERO
                : a.compareTo(BigDecimal.ONE) > 0 ? BigDecimal.ONE : a;
    }

    /** The scored cells of a pillar in a region. */
    private List<Cell> scored(Region r, String pillar) {
        List<Cell> out = new ArrayList<>();
        for (Cell c : r.cells.values()) {
            Catalogue.Indicator i = indicator(c.id);
            if (i != null && i.scored() && pillar.equals(i.pillar())) {
                out.add(c);
            }
        }
        return out;
    }

    /**
     * (a) A pillar score p (with error {@code error}) with exactly one unknown achievement: either
     * that cell has no value (p is the mean of the others) or its achievement is k × p − Σ others.
     */
    private void pillarInversion(
            Region r, String pillar, BigDecimal p, BigDecimal error, String attack) {
        if (p == null) {
            return;
        }
        List<Cell> unknown = new ArrayList<>();
        BigDecimal sum = BigDecimal.ZERO;
        int k = 0;
        for (Cell c : scored(r, pillar)) {
            BigDecimal a = knownAchievement(c);
            if (a != null) {
                sum = sum.add(a);
                k++;
            } else if (!noValue(c)) {
                unknown.add(c);
            }
        }
        if (unknown.size() != 1) {
            return;
        }
        Cell u = unknown.get(0);
        BigDecimal tolerance =
                HALF_ULP.add(error).multiply(BigDecimal.valueOf(k + 1)).add(HALF_ULP);
        boolean noneFits =
                k > 0
                        && sum.divide(BigDecimal.valueOf(k), 6, RoundingMode.HALF_UP)
                                        .subtract(p)
                                        .abs()
                                        .compareTo(error.add(HALF_ULP))
                                <= 0;
        BigDecimal a = p.multiply(BigDecimal.valueOf(k + 1)).subtract(sum);
        boolean valueFits =
                a.compareTo(tolerance.negate()) >= 0
                        && a.compareTo(BigDecimal.ONE.add(tolerance)) <= 0;
        if (noneFits && !valueFits) {
            markEmpty(u);
        } else if (valueFits && !noneFits) {
            recoverFromAchievement(u, a, tolerance, attack);
        }
    }

    /** An achievement strictly between 0 and 1 gives the value back: v = f + a (t − f). */
    private void recoverFromAchievement(Cell u, BigDecimal a, BigDecimal tolerance, String attack) {
        Catalogue.Indicator i = indicator(u.id);
        if (a.compareTo(tolerance) <= 0 || a.compareTo(BigDecimal.ONE.subtract(tolerance)) >= 0) {
            return; // at 0 or 1 the value is only bounded on one side
        }
        BigDecimal span = i.target().subtract(i.floor());
        BigDecimal v = i.floor().add(a.multiply(span)).setScale(6, RoundingMode.HALF_UP);
        BigDecimal err = tolerance.multiply(span.abs()).add(HALF_ULP);
        values.putIfAbsent(u.key(), new BigDecimal[] {v, err});
        claim(new Claim(u.region, u.id, attack, v, err, null, null));
    }

    /**
     * (a) A composite c = 100 Σ w·p / Σ w over the pillars with a score: with exactly one pillar
     * printed null that may hide a score, either it has none (c fits without it) or its score is (c
     * Σw / 100 − Σ others) / w.
     */
    private void compositeInversion(Region r) {
        if (r.composite == null) {
            return;
        }
        BigDecimal weighted = BigDecimal.ZERO;
        BigDecimal weights = BigDecimal.ZERO;
        List<String> nullPillars = new ArrayList<>();
        for (Map.Entry<String, BigDecimal> p : r.pillars.entrySet()) {
            if (p.getValue() == null) {
                nullPillars.add(p.getKey());
            } else {
                BigDecimal w = weight(p.getKey());
                weighted = weighted.add(w.multiply(p.getValue()));
                weights = weights.add(w);
            }
        }
        List<String> candidates =
                nullPillars.stream()
                        .filter(
                                p ->
                                        scored(r, p).stream()
                                                .anyMatch(
                                                        c ->
                                                                knownAchievement(c) == null
                                                                        && !noValue(c)))
                        .toList();
        if (candidates.isEmpty()) {
            return;
        }
        boolean allNullFit =
                weights.signum() > 0
                        && hundred(weighted)
                                        .divide(weights, 4, RoundingMode.HALF_UP)
                                        .compareTo(r.composite)
                                == 0;
        if (allNullFit) {
            // the pillars printed null have no score: their hidden scored cells have no value
            for (String p : candidates) {
                scored(r, p).stream().filter(Cell::hidden).forEach(this::markEmpty);
            }
            return;
        }
        if (candidates.size() != 1) {
            return;
        }
        String q = candidates.get(0);
        BigDecimal wq = weight(q);
        BigDecimal score =
                r.composite
                        .multiply(weights.add(wq))
                        .divide(BigDecimal.valueOf(100), 12, RoundingMode.HALF_UP)
                        .subtract(weighted)
                        .divide(wq, 12, RoundingMode.HALF_UP);
        BigDecimal error =
                new BigDecimal("0.00005")
                        .multiply(weights.add(wq))
                        .divide(BigDecimal.valueOf(100).multiply(wq), 12, RoundingMode.HALF_UP);
        pillarInversion(r, q, score, error, "composite");
    }

    private static BigDecimal hundred(BigDecimal v) {
        return v.multiply(BigDecimal.valueOf(100));
    }

    private BigDecimal weight(String pillar) {
        return catalogue.pillars().stream()
                .filter(p -> p.id().equals(pillar))
                .findFirst()
                .orElseThrow()
                .weight();
    }

    /**
     * (a) Bounds: a grade printed without its composite (its band), or a composite placed by a gap
     * in the ranks ({@link #ranks}), bounds a lone hidden pillar score, which bounds a lone hidden
     * achievement in it; a value interval with a known denominator that holds one numerator only
     * recovers it.
     */
    private final Map<String, BigDecimal[]> compositeBounds = new HashMap<>();

    private void bounds(Region r) {
        if (r.composite != null) {
            return;
        }
        BigDecimal[] band = r.grade == null ? null : gradeBand(r.grade);
        BigDecimal[] rank = compositeBounds.get(r.code);
        BigDecimal lo = max(band == null ? null : band[0], rank == null ? null : rank[0]);
        BigDecimal hi = min(band == null ? null : band[1], rank == null ? null : rank[1]);
        if (lo == null && hi == null) {
            return;
        }
        lo = lo == null ? BigDecimal.ZERO : lo;
        hi = hi == null ? BigDecimal.valueOf(100) : hi;
        BigDecimal weighted = BigDecimal.ZERO;
        BigDecimal weights = BigDecimal.ZERO;
        List<String> hidden = new ArrayList<>();
        for (Map.Entry<String, BigDecimal> p : r.pillars.entrySet()) {
            if (p.getValue() != null) {
                weighted = weighted.add(weight(p.getKey()).multiply(p.getValue()));
                weights = weights.add(weight(p.getKey()));
            } else if (scored(r, p.getKey()).stream()
                    .anyMatch(c -> knownAchievement(c) == null && !noValue(c))) {
                hidden.add(p.getKey());
            }
        }
        if (hidden.size() != 1) {
            return;
        }
        String q = hidden.get(0);
        BigDecimal wq = weight(q);
        BigDecimal total = weights.add(wq);
        BigDecimal pLo =
                lo.multiply(total)
                        .divide(BigDecimal.valueOf(100), 12, RoundingMode.HALF_UP)
                        .subtract(weighted)
                        .divide(wq, 12, RoundingMode.HALF_UP)
                        .max(BigDecimal.ZERO);
        BigDecimal pHi =
                hi.multiply(total)
                        .divide(BigDecimal.valueOf(100), 12, RoundingMode.HALF_UP)
                        .subtract(weighted)
                        .divide(wq, 12, RoundingMode.HALF_UP)
                        .min(BigDecimal.ONE);
        List<Cell> unknown =
                scored(r, q).stream()
                        .filter(c -> knownAchievement(c) == null && !noValue(c))
                        .toList();
        if (unknown.size() != 1) {
            return;
        }
        BigDecimal sum = BigDecimal.ZERO;
        int k = 1;
        for (Cell c : scored(r, q)) {
            BigDecimal a = knownAchievement(c);
            if (a != null) {
                sum = sum.add(a);
                k++;
            }
        }
        BigDecimal aLo = pLo.multiply(BigDecimal.valueOf(k)).subtract(sum).max(BigDecimal.ZERO);
        BigDecimal aHi = pHi.multiply(BigDecimal.valueOf(k)).subtract(sum).min(BigDecimal.ONE);
        Cell u = unknown.get(0);
        Catalogue.Indicator i = indicator(u.id);
        BigDecimal[] n = counts.get(u.key());
        BigDecimal d = n == null ? sharedDenominator(r, u.id) : n[1];
        if (d == null || aLo.signum() <= 0 || aHi.compareTo(BigDecimal.ONE) >= 0) {
            return; // an achievement at 0 or 1 bounds the value on one side only
        }
        BigDecimal v1 = i.floor().add(aLo.multiply(i.target().subtract(i.floor())));
        BigDecimal v2 = i.floor().add(aHi.multiply(i.target().subtract(i.floor())));
        BigDecimal nLo = v1.min(v2).multiply(d).setScale(0, RoundingMode.CEILING);
        BigDecimal nHi = v1.max(v2).multiply(d).setScale(0, RoundingMode.FLOOR);
        if (nLo.compareTo(nHi) == 0) {
            claim(new Claim(u.region, u.id, "grade or rank bounds", null, null, nLo, d));
        }
    }

    /** [min, max) of a grade's composite band (catalogue grades, best first). */
    private BigDecimal[] gradeBand(String grade) {
        BigDecimal upper = BigDecimal.valueOf(100);
        for (Catalogue.Grade g : catalogue.grades()) {
            BigDecimal min = g.min() == null ? BigDecimal.ZERO : g.min();
            if (g.grade().equals(grade)) {
                return new BigDecimal[] {min, upper};
            }
            upper = min;
        }
        return null;
    }

    /**
     * Ranks: when the printed ranks of a level are among all its regions (a rank exceeds the number
     * of printed composites), a region with a hidden composite sits in a gap: with one such region,
     * its composite lies between the printed composites around the gap.
     */
    private void ranks() {
        for (String level : catalogue.rankedLevels()) {
            List<Region> printed =
                    regions.values().stream()
                            .filter(
                                    r ->
                                            r.level.equals(level)
                                                    && r.rank != null
                                                    && r.composite != null)
                            .toList();
            List<Region> hidden =
                    regions.values().stream()
                            .filter(
                                    r ->
                                            r.level.equals(level)
                                                    && r.rank == null
                                                    && r.composite == null)
                            .toList();
            int maxRank = printed.stream().mapToInt(r -> r.rank).max().orElse(0);
            if (hidden.size() != 1 || maxRank <= printed.size()) {
                continue;
            }
            BigDecimal above = null;
            BigDecimal below = null;
            for (Region p : printed) {
                long better =
                        printed.stream()
                                .filter(o -> o.composite.compareTo(p.composite) > 0)
                                .count();
                if (p.rank - 1 - better >= 1) { // the hidden one is above p
                    below = below == null ? p.composite : below.max(p.composite);
                } else {
                    above = above == null ? p.composite : above.min(p.composite);
                }
            }
            compositeBounds.put(hidden.get(0).code, new BigDecimal[] {below, above});
        }
    }

    /**
     * (b) parent − shown children (numerator and denominator); a hidden parent is the sum of its
     * children.
     */
    private void family(Region parent, String id) {
        Cell p = parent.cells.get(id);
        if (p == null || p.missing) {
            return;
        }
        List<Cell> unknown = new ArrayList<>();
        BigDecimal n = BigDecimal.ZERO;
        BigDecimal d = BigDecimal.ZERO;
        for (Region child : parent.children) {
            Cell c = child.cells.get(id);
            if (c == null || c.missing) {
                return;
            }
            BigDecimal[] known = counts.get(c.key());
            if (known == null) {
                unknown.add(c);
            } else {
                n = n.add(known[0]);
                d = d.add(known[1]);
            }
        }
        BigDecimal[] top = counts.get(p.key());
        if (top == null) {
            if (unknown.isEmpty() && p.hidden()) {
                recover(p, n, d, "parent = sum of children");
            }
            return;
        }
        BigDecimal restN = top[0].subtract(n);
        BigDecimal restD = top[1].subtract(d);
        if (unknown.isEmpty()) {
            return;
        }
        if (restN.signum() == 0 && restD.signum() == 0) {
            unknown.forEach(this::markEmpty);
        } else if (unknown.size() == 1) {
            recover(unknown.get(0), restN, restD, "parent − shown children");
        }
    }

    private void recover(Cell c, BigDecimal n, BigDecimal d, String attack) {
        if (n.signum() < 0 || d.signum() < 0 || n.compareTo(d) > 0) {
            return; // inconsistent: the sum does not hold for this indicator
        }
        counts.putIfAbsent(c.key(), new BigDecimal[] {n, d});
        if (d.signum() > 0) {
            values.putIfAbsent(
                    c.key(),
                    new BigDecimal[] {n.divide(d, 6, RoundingMode.HALF_UP), BigDecimal.ZERO});
        }
        claim(new Claim(c.region, c.id, attack, null, null, n, d));
    }

    /** A hidden cell's denominator from a printed cell over the same population in the region. */
    private BigDecimal sharedDenominator(Region r, String id) {
        for (List<String> group : SAME_POPULATION) {
            if (group.contains(id)) {
                for (String other : group) {
                    BigDecimal[] k = counts.get(r.code + "/" + other);
                    if (k != null) {
                        return k[1];
                    }
                }
            }
        }
        return null;
    }

    /**
     * A hidden cell whose value is known and whose denominator a same-population cell prints gives
     * its numerator.
     */
    private void sharedDenominators(Region r) {
        for (Cell c : r.cells.values()) {
            BigDecimal[] v = values.get(c.key());
            if (!c.hidden() || v == null || counts.containsKey(c.key())) {
                continue;
            }
            BigDecimal d = sharedDenominator(r, c.id);
            if (d == null || d.signum() == 0) {
                continue;
            }
            BigDecimal lo = v[0].subtract(v[1]).multiply(d).setScale(0, RoundingMode.CEILING);
            BigDecimal hi = v[0].add(v[1]).multiply(d).setScale(0, RoundingMode.FLOOR);
            if (lo.compareTo(hi) == 0) {
                recover(
                        c,
                        lo,
                        d,
                        claims.containsKey(c.key())
                                ? claims.get(c.key()).attack()
                                : "same population");
            }
        }
    }

    private void claim(Claim c) {
        String key = c.region() + "/" + c.indicator();
        Claim before = claims.get(key);
        if (before == null || (before.numerator() == null && c.numerator() != null)) {
            claims.put(key, c);
        }
    }

    private static BigDecimal max(BigDecimal a, BigDecimal b) {
        return a == null ? b : b == null ? a : a.max(b);
    }

    private static BigDecimal min(BigDecimal a, BigDecimal b) {
        return a == null ? b : b == null ? a : a.min(b);
    }

    static BigDecimal dec(JsonNode n) {
        return n == null || n.isNull() ? null : n.decimalValue();
    }

    /** How the claims fare against the truth. */
    record Score(
            int claims,
            int recovered,
            int recoveredEmpty,
            int wrong,
            Map<String, Integer> recoveredBy,
            List<String> examples) {}

    /**
     * Compares claims with the unpublished assessment of the same year: a claim recovers a cell
     * when its numerator and denominator are the true ones, or its value is the true value within
     * the claim's error (to the printed precision); a cell with denominator 0 is counted apart (0/0
     * hides nobody).
     */
    static Score score(List<Claim> claims, JsonNode truth) {
        Map<String, JsonNode> cells = new HashMap<>();
        for (JsonNode r : truth.get("regions")) {
            for (JsonNode i : r.get("indicators")) {
                cells.put(r.get("code").asText() + "/" + i.get("id").asText(), i);
            }
        }
        int recovered = 0;
        int empty = 0;
        int wrong = 0;
        Map<String, Integer> by = new TreeMap<>();
        List<String> examples = new ArrayList<>();
        for (Claim c : claims) {
            JsonNode t = cells.get(c.region() + "/" + c.indicator());
            BigDecimal n = dec(t.get("numerator"));
            BigDecimal d = dec(t.get("denominator"));
            BigDecimal v = dec(t.get("value"));
            boolean right =
                    c.numerator() != null
                            ? n != null
                                    && n.compareTo(c.numerator()) == 0
                                    && d.compareTo(c.denominator()) == 0
                            : v != null
                                    && v.subtract(c.value()).abs().compareTo(c.valueError()) <= 0;
            if (!right) {
                wrong++;
            } else if (d != null && d.signum() == 0) {
                empty++;
            } else {
                recovered++;
                by.merge(c.attack(), 1, Integer::sum);
                if (examples.size() < 20) {
                    examples.add(
                            c.region()
                                    + " "
                                    + c.indicator()
                                    + " = "
                                    + Numbers.plain(n)
                                    + "/"
                                    + Numbers.plain(d)
                                    + " ("
                                    + c.attack()
                                    + ")");
                }
            }
        }
        return new Score(claims.size(), recovered, empty, wrong, by, List.copyOf(examples));
    }

    static final ObjectMapper JSON =
            new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    static JsonNode read(Path json) throws IOException {
        try (var in = Files.newInputStream(json)) {
            return JSON.readTree(in);
        }
    }

    /**
     * One year's outcome: the hidden cells, and how the claims on them fared (score inversion,
     * families, changes).
     */
    record YearOutcome(int year, long hidden, Score score, Score changes) {
        int recovered() {
            return score.recovered() + changes.recovered();
        }
    }

    /**
     * Attacks the published releases of {@code years} in {@code published} (each year's {@code
     * assessment_<Y>.json} with its {@code indicators_<Y>.csv}, and the changes between consecutive
     * years) and scores the claims against the unpublished assessments of the same years in {@code
     * truth}.
     */
    static List<YearOutcome> attackAll(
            Path published, Path truth, List<Integer> years, Catalogue catalogue)
            throws IOException {
        Map<Integer, JsonNode> releases = new TreeMap<>();
        for (int y : years) {
            JsonNode release = read(published.resolve("assessment_" + y + ".json"));
            Path csv = published.resolve("indicators_" + y + ".csv");
            if (Files.exists(csv)) {
                merge(release, csv);
            }
            releases.put(y, release);
        }
        List<YearOutcome> out = new ArrayList<>();
        Map<Integer, List<Claim>> onYear = new HashMap<>();
        for (int y : years) {
            JsonNode previous = releases.get(y - 1);
            if (previous != null) {
                List<List<Claim>> c = attackChanges(releases.get(y), previous);
                onYear.computeIfAbsent(y - 1, k -> new ArrayList<>()).addAll(c.get(0));
                onYear.computeIfAbsent(y, k -> new ArrayList<>()).addAll(c.get(1));
            }
        }
        for (int y : years) {
            JsonNode release = releases.get(y);
            long hidden = 0;
            for (JsonNode r : release.get("regions")) {
                for (JsonNode i : r.get("indicators")) {
                    hidden += i.get("numerator").isNull() && !i.get("missing").asBoolean() ? 1 : 0;
                }
            }
            JsonNode t = read(truth.resolve("assessment_" + y + ".json"));
            out.add(
                    new YearOutcome(
                            y,
                            hidden,
                            score(attack(release, catalogue), t),
                            score(onYear.getOrDefault(y, List.of()), t)));
        }
        return out;
    }

    /**
     * {@code ReleaseAdversary PUBLISHED_DIR TRUTH_DIR YEAR…}: attacks the published releases of
     * those years and prints, as one JSON object, how many hidden cells it recovered (checked
     * against the unpublished assessments).
     */
    public static void main(String[] args) throws IOException {
        List<Integer> years = new ArrayList<>();
        for (int k = 2; k < args.length; k++) {
            years.add(Integer.parseInt(args[k]));
        }
        List<YearOutcome> outcomes =
                attackAll(Path.of(args[0]), Path.of(args[1]), years, Catalogue.get());
        List<Map<String, Object>> perYear = new ArrayList<>();
        int recovered = 0;
        for (YearOutcome o : outcomes) {
            Map<String, Object> y = new LinkedHashMap<>();
            y.put("year", o.year());
            y.put("hidden_cells", o.hidden());
            y.put("claims", o.score().claims() + o.changes().claims());
            y.put("recovered", o.recovered());
            Map<String, Integer> by = new TreeMap<>(o.score().recoveredBy());
            o.changes().recoveredBy().forEach((k, v) -> by.merge(k, v, Integer::sum));
            y.put("recovered_by", by);
            y.put("recovered_empty", o.score().recoveredEmpty() + o.changes().recoveredEmpty());
            y.put("wrong_claims", o.score().wrong() + o.changes().wrong());
            List<String> examples = new ArrayList<>(o.score().examples());
            examples.addAll(o.changes().examples());
            y.put("examples", examples);
            perYear.add(y);
            recovered += o.recovered();
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("published", args[0]);
        out.put("recovered", recovered);
        out.put("years", perYear);
        System.out.println(new ObjectMapper().writeValueAsString(out));
    }
}
