package org.povlake.assess;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.povlake.contract.Catalogue;

/**
 * Decides what a published release prints of one year (METRICS.md, output contract; {@code
 * schemas/publication.json}) and has it audited: the primary cells ({@link Suppression#flag}) → the
 * cells hidden together with them → a complement where a parent has exactly one hidden child with a
 * count → audit ({@link DisclosureAudit}); while a hidden numerator is confined too narrowly, one
 * more cell in each relation that confines it (a sibling with room, or the parent, or a child) and
 * audit again, for at most {@link PublicationRules#maxRounds()} rounds. Then the amount-based cells
 * follow their counts and the scores are decided: a pillar score with a hidden achievement is
 * hidden, a composite with a hidden pillar score is coarsened to its grade when the hidden
 * achievements cannot change the grade, else hidden, and ranks are among the printed composites.
 * The last audit is exact and is the one reported; a release that fails it is refused by the
 * caller. Pure: works on the table in memory.
 */
final class DisclosureControl {
    private final PublicationRules rules;
    private final Catalogue catalogue;
    private final DisclosureAudit audit;

    DisclosureControl(PublicationRules rules, Catalogue catalogue) {
        this.rules = rules;
        this.catalogue = catalogue;
        this.audit = new DisclosureAudit(rules, catalogue);
    }

    /**
     * The decided release of a year, its audit and what the control did.
     *
     * @param programmes the linear programmes solved by all the audits of the year (the rounds' and
     *     the report's)
     */
    record Result(
            DisclosureTable table,
            List<RegionResult> release,
            DisclosureAudit.Report report,
            int rounds,
            int programmes,
            Summary summary) {}

    /**
     * What the release hides and prints, for the manifest and the published JSON: cells hidden by
     * each rule, the pillar scores hidden, composites printed / as grade only / hidden and regions
     * ranked per ranked level, and the audit's outcome.
     */
    record Summary(
            boolean passed,
            int rounds,
            Map<String, Integer> cellsHidden,
            int pillarScoresHidden,
            Map<String, Map<String, Integer>> composites,
            int audited,
            Double narrowestInterval,
            int spanningDenominator,
            double minInterval) {}

    /**
     * Decides the release of {@code table}'s year (mutating the table's publication state) and
     * audits it.
     *
     * @param previous the decided release of Y−1 (its table), or null when gold has no Y−1: a
     *     change is printed only when the cell is printed in both years
     */
    Result protect(DisclosureTable table, Result previous) {
        for (boolean changed = true; changed; ) {
            link(table);
            changed = complement(table);
        }
        DisclosureTable before = previous == null ? null : previous.table();
        List<RegionResult> prior = previous == null ? null : previous.release();
        int rounds = 0;
        int programmes = 0;
        Map<String, double[][]> memo = new java.util.HashMap<>();
        while (true) {
            DisclosureAudit.Report r = audit.run(release(table, before), table, prior, false, memo);
            programmes += r.programmes();
            if (r.failures().isEmpty() || rounds >= rules.maxRounds()) {
                break;
            }
            rounds++;
            if (!widen(table, r.failures())) {
                break;
            }
            link(table);
        }
        follow(table);
        scores(table);
        List<RegionResult> release = release(table, before);
        DisclosureAudit.Report report = audit.run(release, table, prior, true, memo);
        programmes += report.programmes();
        return new Result(
                table, release, report, rounds, programmes, summary(table, report, rounds));
    }

    /**
     * Hides every cell of a region's group ({@link PublicationRules#hiddenTogether()}) when one is
     * hidden.
     */
    void link(DisclosureTable t) {
        for (DisclosureTable.Region r : t.regions.values()) {
            for (DisclosureTable.Item i : List.copyOf(r.items.values())) {
                if (!i.isHidden()) {
                    continue;
                }
                for (String id : rules.together(i.indicator, r.items.keySet())) {
                    DisclosureTable.Item other = r.item(id);
                    if (!other.isHidden()) {
                        other.hidden = DisclosureTable.Why.LINKED;
                    }
                }
            }
        }
    }

    /** Indicators whose cells carry their own counts (personal, not following another's). */
    private List<String> counted(DisclosureTable t) {
        Set<String> ids = new LinkedHashSet<>();
        for (DisclosureTable.Region r : t.regions.values()) {
            for (String id : r.items.keySet()) {
                if (rules.personal(catalogue, id) && !rules.follow().containsKey(id)) {
                    ids.add(id);
                }
            }
        }
        return List.copyOf(ids);
    }

    /**
     * For every parent and indicator with exactly one hidden child that has a count (0/0 cells
     * neither need nor give protection), hides the shown sibling with a count and the smallest
     * denominator (then code). True if it hid any.
     */
    boolean complement(DisclosureTable t) {
        boolean any = false;
        List<String> ids = counted(t);
        for (DisclosureTable.Region parent : t.regions.values()) {
            if (parent.children.isEmpty()) {
                continue;
            }
            for (String id : ids) {
                List<DisclosureTable.Item> children = items(parent.children, id);
                long hidden = children.stream().filter(c -> c.isHidden() && c.counts()).count();
                if (hidden != 1) {
                    continue;
                }
                DisclosureTable.Item partner =
                        children.stream()
                                .filter(c -> !c.isHidden() && c.counts())
                                .min(
                                        Comparator.comparing(
                                                        (DisclosureTable.Item c) -> c.denominator)
                                                .thenComparing(c -> c.region.code))
                                .orElse(null);
                if (partner != null) {
                    partner.hidden = DisclosureTable.Why.COMPLEMENT;
                    any = true;
                }
            }
        }
        return any;
    }

    private static List<DisclosureTable.Item> items(
            List<DisclosureTable.Region> regions, String id) {
        List<DisclosureTable.Item> out = new ArrayList<>();
        for (DisclosureTable.Region r : regions) {
            DisclosureTable.Item i = r.item(id);
            if (i != null) {
                out.add(i);
            }
        }
        return out;
    }

    /**
     * One more hidden cell for each failure, in the relation that confines it: its parent's family
     * when that alone leaves it too narrow (a sibling with room, else the parent), its own children
     * when they alone do (a child with room). A family that got a cell this round is left for the
     * next audit. Failures that no single family explains (the combination confines them) get a
     * cell in each of their families, but only in a round that found nothing else to do. True if
     * any cell was hidden.
     */
    boolean widen(DisclosureTable t, List<DisclosureAudit.Failure> failures) {
        Set<String> touched = new java.util.HashSet<>();
        List<DisclosureTable.Item> unexplained = new ArrayList<>();
        boolean hid = false;
        for (DisclosureAudit.Failure f : failures) {
            DisclosureTable.Region r = t.region(f.region());
            DisclosureTable.Item x = r.item(f.indicator());
            DisclosureTable.Region parent = t.parentOf(r);
            boolean up = parent != null && tooNarrow(x, upward(x, parent));
            boolean down = !r.children.isEmpty() && tooNarrow(x, downward(x, r));
            if (up && touched.add(parent.code + "/" + x.indicator)) {
                hid |= hideSibling(x, parent);
            }
            if (down && touched.add(r.code + "/" + x.indicator)) {
                hid |= hideChild(x, r);
            }
            if (!up && !down) {
                unexplained.add(x);
            }
        }
        for (int k = 0; k < unexplained.size() && !hid; k++) {
            DisclosureTable.Item x = unexplained.get(k);
            DisclosureTable.Region parent = t.parentOf(x.region);
            hid |= parent != null && hideSibling(x, parent);
            hid |= !x.region.children.isEmpty() && hideChild(x, x.region);
        }
        return hid;
    }

    private boolean tooNarrow(DisclosureTable.Item x, double[] interval) {
        return interval != null
                && !DisclosureAudit.wideEnough(
                        interval[0], interval[1], x.denominator.doubleValue(), rules.minInterval());
    }

    /**
     * x's interval from its parent's family alone (parent = Σ children; null where that family only
     * bounds): the parent's printed numerator, or 0..its denominator when hidden, less the printed
     * siblings, less 0..denominator for each other hidden sibling.
     */
    private static double[] upward(DisclosureTable.Item x, DisclosureTable.Region parent) {
        DisclosureTable.Item p = parent.item(x.indicator);
        List<DisclosureTable.Item> siblings = items(parent.children, x.indicator);
        if (p == null
                || p.numerator == null
                || siblings.stream().anyMatch(s -> s.numerator == null)) {
            return null;
        }
        BigDecimal sum =
                siblings.stream().map(s -> s.numerator).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (sum.compareTo(p.numerator) != 0) {
            return null;
        }
        double shown = 0;
        double others = 0;
        for (DisclosureTable.Item s : siblings) {
            if (s == x) {
                continue;
            }
            if (s.isHidden()) {
                others += s.denominator.doubleValue();
            } else {
                shown += s.numerator.doubleValue();
            }
        }
        double pLo = p.isHidden() ? 0 : p.numerator.doubleValue();
        double pHi = p.isHidden() ? p.denominator.doubleValue() : p.numerator.doubleValue();
        return new double[] {
            Math.max(0, pLo - shown - others), Math.min(x.denominator.doubleValue(), pHi - shown)
        };
    }

    /**
     * x's interval from its own children alone: the printed children plus 0..denominator for each
     * hidden one.
     */
    private static double[] downward(DisclosureTable.Item x, DisclosureTable.Region r) {
        List<DisclosureTable.Item> children = items(r.children, x.indicator);
        if (children.stream().anyMatch(c -> c.numerator == null)) {
            return null;
        }
        double shown = 0;
        double hidden = 0;
        for (DisclosureTable.Item c : children) {
            if (c.isHidden()) {
                hidden += c.denominator.doubleValue();
            } else {
                shown += c.numerator.doubleValue();
            }
        }
        return new double[] {
            Math.max(0, shown), Math.min(x.denominator.doubleValue(), shown + hidden)
        };
    }

    /**
     * Hides the sibling of x that gives it most room (a sibling absorbs x's moves: room to go down
     * where x must be able to go up, and the reverse), at least the minimum interval with the
     * smallest denominator first; when no sibling has any room, the parent's cell. True if it hid
     * one.
     */
    private boolean hideSibling(DisclosureTable.Item x, DisclosureTable.Region parent) {
        boolean up = x.numerator.compareTo(x.denominator) < 0;
        boolean down = x.numerator.signum() > 0;
        DisclosureTable.Item best =
                best(
                        x,
                        items(parent.children, x.indicator),
                        c ->
                                (up ? c.numerator.doubleValue() : 0)
                                        + (down
                                                ? c.denominator.subtract(c.numerator).doubleValue()
                                                : 0));
        if (best == null) {
            DisclosureTable.Item p = parent.item(x.indicator);
            if (p != null && !p.isHidden() && p.counts()) {
                best = p;
            }
        }
        return hide(best);
    }

    /** Hides the child of x that gives it most room (a child moves with x). True if it hid one. */
    private boolean hideChild(DisclosureTable.Item x, DisclosureTable.Region r) {
        boolean up = x.numerator.compareTo(x.denominator) < 0;
        boolean down = x.numerator.signum() > 0;
        return hide(
                best(
                        x,
                        items(r.children, x.indicator),
                        c ->
                                (up ? c.denominator.subtract(c.numerator).doubleValue() : 0)
                                        + (down ? c.numerator.doubleValue() : 0)));
    }

    private DisclosureTable.Item best(
            DisclosureTable.Item x,
            List<DisclosureTable.Item> candidates,
            java.util.function.ToDoubleFunction<DisclosureTable.Item> room) {
        double min = rules.minInterval();
        return candidates.stream()
                .filter(c -> c != x && !c.isHidden() && c.counts() && room.applyAsDouble(c) > 0)
                .min(
                        Comparator.comparing(
                                        (DisclosureTable.Item c) ->
                                                room.applyAsDouble(c) >= min ? 0 : 1)
                                .thenComparing(
                                        c ->
                                                room.applyAsDouble(c) >= min
                                                        ? 0
                                                        : -room.applyAsDouble(c))
                                .thenComparing(c -> c.denominator)
                                .thenComparing(c -> c.region.code))
                .orElse(null);
    }

    private static boolean hide(DisclosureTable.Item i) {
        if (i == null || i.isHidden()) {
            return false;
        }
        i.hidden = DisclosureTable.Why.AUDIT;
        return true;
    }

    /** Amount-based cells are hidden exactly where the count they follow is (same region). */
    void follow(DisclosureTable t) {
        for (DisclosureTable.Region r : t.regions.values()) {
            for (Map.Entry<String, String> f : rules.follow().entrySet()) {
                DisclosureTable.Item follower = r.item(f.getKey());
                DisclosureTable.Item leader = r.item(f.getValue());
                if (follower != null
                        && leader != null
                        && leader.isHidden()
                        && !follower.isHidden()) {
                    follower.hidden = DisclosureTable.Why.LINKED;
                }
            }
        }
    }

    /**
     * Pillar scores with a hidden achievement in them are hidden; a composite is printed when none
     * of its pillar scores is hidden, else its grade alone when the hidden achievements cannot
     * change it, else nothing; ranks are among the printed composites of each ranked level (1, 1, 3
     * for ties).
     */
    void scores(DisclosureTable t) {
        for (DisclosureTable.Region r : t.regions.values()) {
            r.hiddenPillars.clear();
            for (DisclosureTable.Item i : r.items.values()) {
                Catalogue.Indicator c = catalogue.indicator(i.indicator).orElse(null);
                if (i.isHidden()
                        && i.value != null
                        && c != null
                        && c.scored()
                        && c.pillar() != null
                        && r.pillars.get(c.pillar()) != null) {
                    r.hiddenPillars.add(c.pillar());
                }
            }
            if (r.composite == null) {
                r.published = DisclosureTable.Composite.HIDDEN;
            } else if (r.hiddenPillars.isEmpty()) {
                r.published = DisclosureTable.Composite.EXACT;
            } else {
                String[] grades = audit.gradeRange(r, DisclosureTable.Item::isHidden);
                r.published =
                        Objects.equals(grades[0], grades[1])
                                ? DisclosureTable.Composite.GRADE
                                : DisclosureTable.Composite.HIDDEN;
            }
        }
        for (DisclosureTable.Region r : t.regions.values()) {
            r.publishedRank = null;
            if (!catalogue.rankedLevels().contains(r.level)
                    || r.published != DisclosureTable.Composite.EXACT) {
                continue;
            }
            int better = 0;
            for (DisclosureTable.Region o : t.regions.values()) {
                if (o.level.equals(r.level)
                        && o.published == DisclosureTable.Composite.EXACT
                        && o.composite.compareTo(r.composite) > 0) {
                    better++;
                }
            }
            r.publishedRank = better + 1;
        }
    }

    /**
     * What the release prints: hidden cells null (numerator, denominator, value, met, achievement,
     * change), a change null where the cell of Y−1 is hidden ({@code previous}'s decisions), hidden
     * pillar scores null, the composite, grade and rank as decided.
     */
    static List<RegionResult> release(DisclosureTable t, DisclosureTable previous) {
        List<RegionResult> out = new ArrayList<>(t.regions.size());
        for (DisclosureTable.Region r : t.regions.values()) {
            List<IndicatorResult> indicators = new ArrayList<>(r.items.size());
            for (DisclosureTable.Item i : r.items.values()) {
                if (i.isHidden()) {
                    indicators.add(
                            new IndicatorResult(
                                    i.indicator,
                                    null,
                                    null,
                                    null,
                                    i.target,
                                    null,
                                    null,
                                    null,
                                    i.stale,
                                    i.missing,
                                    true));
                    continue;
                }
                DisclosureTable.Region before = previous == null ? null : previous.region(r.code);
                DisclosureTable.Item p = before == null ? null : before.item(i.indicator);
                BigDecimal change = p != null && p.isHidden() ? null : i.change;
                indicators.add(
                        new IndicatorResult(
                                i.indicator,
                                i.numerator,
                                i.denominator,
                                i.value,
                                i.target,
                                i.met,
                                i.achievement,
                                change,
                                i.stale,
                                i.missing,
                                false));
            }
            Map<String, BigDecimal> pillars = new LinkedHashMap<>();
            r.pillars.forEach(
                    (p, score) -> pillars.put(p, r.hiddenPillars.contains(p) ? null : score));
            boolean exact = r.published == DisclosureTable.Composite.EXACT;
            out.add(
                    new RegionResult(
                            r.code,
                            r.name,
                            r.level,
                            r.parent,
                            exact ? r.composite : null,
                            r.published == DisclosureTable.Composite.HIDDEN ? null : r.grade,
                            r.publishedRank,
                            pillars,
                            List.copyOf(indicators)));
        }
        return out;
    }

    private Summary summary(DisclosureTable t, DisclosureAudit.Report report, int rounds) {
        Map<String, Integer> hidden = new LinkedHashMap<>();
        for (DisclosureTable.Why w : DisclosureTable.Why.values()) {
            hidden.put(w.name().toLowerCase(java.util.Locale.ROOT), 0);
        }
        int pillars = 0;
        Map<String, Map<String, Integer>> composites = new LinkedHashMap<>();
        for (DisclosureTable.Region r : t.regions.values()) {
            for (DisclosureTable.Item i : r.items.values()) {
                if (i.isHidden()) {
                    hidden.merge(
                            i.hidden.name().toLowerCase(java.util.Locale.ROOT), 1, Integer::sum);
                }
            }
            pillars += r.hiddenPillars.size();
            if (r.composite != null) {
                Map<String, Integer> level =
                        composites.computeIfAbsent(
                                r.level,
                                l -> {
                                    Map<String, Integer> m = new LinkedHashMap<>();
                                    m.put("regions", 0);
                                    m.put("composite", 0);
                                    m.put("grade_only", 0);
                                    m.put("hidden", 0);
                                    m.put("ranked", 0);
                                    return m;
                                });
                level.merge("regions", 1, Integer::sum);
                level.merge(
                        switch (r.published) {
                            case EXACT -> "composite";
                            case GRADE -> "grade_only";
                            case HIDDEN -> "hidden";
                        },
                        1,
                        Integer::sum);
                level.merge("ranked", r.publishedRank == null ? 0 : 1, Integer::sum);
            }
        }
        return new Summary(
                report.passed(),
                rounds,
                hidden,
                pillars,
                composites,
                report.audited(),
                Double.isNaN(report.narrowest()) ? null : report.narrowest(),
                report.fullRange(),
                rules.minInterval());
    }
}
