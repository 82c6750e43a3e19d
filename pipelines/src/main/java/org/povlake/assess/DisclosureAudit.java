package org.povlake.assess;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.povlake.contract.Catalogue;
import org.povlake.gold.Scoring;

/**
 * The audit a published release must pass before it is written (METRICS.md, output contract): for
 * every hidden cell, the values of its numerator consistent with everything the release prints, and
 * the refusal when one is determined exactly or confined to an interval narrower than {@link
 * PublicationRules#minInterval()} (than 0..denominator where the denominator is smaller).
 *
 * <p>It reads the release as an outsider does — a cell is hidden when its numerator is printed null
 * and it is not missing — and sets up, from the true figures, every linear relation between printed
 * numbers and hidden numerators:
 *
 * <ul>
 *   <li>parent = Σ children, per indicator, for every published parent (where a person or claim
 *       counts once in each region of its households, the parent is at most the sum and at least
 *       each child);
 *   <li>the MPI's identities in a region ({@link PublicationRules.Mpi}): A's denominator is H's
 *       numerator, A's and M0's numerators are equal and are Σ weight × each censored headcount's
 *       numerator, at least k × H's and at most H's numerator, and each censored headcount's
 *       numerator is at most H's;
 *   <li>0 ≤ numerator ≤ denominator.
 * </ul>
 *
 * The outsider is assumed to know more than the release tells: every hidden denominator (a
 * denominator counts a region's households, members, children or claims, which other cells of the
 * region print, e.g. each indicator over registered households), hence which hidden cells are 0/0.
 * More knowledge only narrows the intervals, so a release that passes is also safe from an outsider
 * who knows less. Scores add no relation: a pillar score is printed only when no hidden achievement
 * is in it, a composite only when every pillar score is printed, a grade alone only when it is the
 * same for every value the hidden achievements can take, and ranks only among printed composites;
 * the audit checks each of these, and that every printed change has both its cell and the cell of
 * Y−1 printed.
 *
 * <p>The intervals are those of the linear relaxation (numerators as real numbers), as τ-Argus
 * computes them: the integer interval is never wider. Printed figures count as exact (rounding
 * protects nothing). The unknowns split into independent groups (those linked by a relation), each
 * solved as one small {@link IntervalProgramme}.
 */
final class DisclosureAudit {
    private static final double EPS = 1e-6;

    /** A hidden numerator whose interval is too narrow. */
    record Failure(
            String region,
            String regionName,
            String level,
            String indicator,
            double lo,
            double hi,
            BigDecimal denominator) {
        String describe(double minInterval) {
            String need =
                    denominator.compareTo(BigDecimal.valueOf(minInterval)) < 0
                            ? "0.." + Numbers.plain(denominator)
                            : "an interval at least " + fmt(minInterval) + " wide";
            return "the hidden numerator of "
                    + indicator
                    + " in "
                    + level
                    + " "
                    + region
                    + " ("
                    + regionName
                    + ") is confined to ["
                    + fmt(lo)
                    + ", "
                    + fmt(hi)
                    + "] by what would be published ("
                    + need
                    + " is needed)";
        }
    }

    /**
     * What the audit found. {@code narrowest}: the narrowest interval established for a hidden
     * numerator whose denominator is at least the minimum width (for the others, whether it spans
     * 0..denominator), NaN if none.
     */
    record Report(
            boolean passed,
            List<Failure> failures,
            List<String> violations,
            int audited,
            int fullRange,
            double narrowest,
            int groups,
            int largestGroup,
            int programmes) {
        String firstProblem(double minInterval) {
            return !failures.isEmpty()
                    ? failures.get(0).describe(minInterval)
                    : violations.isEmpty() ? null : violations.get(0);
        }
    }

    private final PublicationRules rules;
    private final Catalogue catalogue;

    DisclosureAudit(PublicationRules rules, Catalogue catalogue) {
        this.rules = rules;
        this.catalogue = catalogue;
    }

    /** One hidden numerator: its cell, its true value, its box and its true denominator. */
    private record Unknown(
            DisclosureTable.Item item, double truth, double upper, double denominator) {}

    /** A group of unknowns linked by relations, with its programme and the true point. */
    private record Group(List<Unknown> members, IntervalProgramme programme, double[] known) {
        long seed() {
            return members.get(0).item().key().hashCode();
        }

        /** Which unknowns it holds (the same unknowns: the same relations, the same intervals). */
        String signature() {
            StringBuilder b = new StringBuilder();
            members.forEach(m -> b.append(m.item().key()).append(','));
            return b.toString();
        }
    }

    /**
     * Audits {@code release} (what would be printed of year Y) against {@code truth} (gold's
     * figures of Y).
     *
     * @param previousRelease the release of Y−1 under the same rules (for the changes), or null
     *     when Y−1 has none
     * @param narrowest whether to find the exact narrowest interval for the report (while the
     *     control is still looking for a release that passes, each interval is only computed until
     *     it is known to be wide enough)
     */
    Report run(
            List<RegionResult> release,
            DisclosureTable truth,
            List<RegionResult> previousRelease,
            boolean narrowest) {
        return run(release, truth, previousRelease, narrowest, new HashMap<>());
    }

    /**
     * {@link #run(List, DisclosureTable, List, boolean)}, reusing the intervals of the groups
     * {@code memo} already holds: a group with the same unknowns has the same relations (a cell
     * that changes from printed to hidden with somebody in it joins every group it relates to), so
     * the control's rounds audit only the groups they changed.
     */
    Report run(
            List<RegionResult> release,
            DisclosureTable truth,
            List<RegionResult> previousRelease,
            boolean narrowest,
            Map<String, double[][]> memo) {
        Map<String, IndicatorResult> printed = cells(release);
        List<String> violations = new ArrayList<>(scoreViolations(release, truth, printed));
        violations.addAll(changeViolations(release, previousRelease));
        List<Group> groups = groups(truth, printed);
        double min = rules.minInterval();
        // the groups are independent: solved side by side (each with its own seed, so the answer
        // does not depend on
        // the order)
        double[][][] intervals = new double[groups.size()][][];
        java.util.stream.IntStream.range(0, groups.size())
                .parallel()
                .forEach(
                        g -> {
                            Group group = groups.get(g);
                            double[][] known = memo.get(group.signature());
                            intervals[g] =
                                    known != null
                                            ? known
                                            : group.programme()
                                                    .intervals(
                                                            group.known(),
                                                            (k, lo, hi) ->
                                                                    wideEnough(
                                                                            lo,
                                                                            hi,
                                                                            group.members()
                                                                                    .get(k)
                                                                                    .denominator(),
                                                                            min),
                                                            group.seed(),
                                                            blocks(group.members(), truth));
                        });
        for (int g = 0; g < groups.size(); g++) {
            memo.putIfAbsent(groups.get(g).signature(), intervals[g]);
        }
        List<Failure> failures = new ArrayList<>();
        List<double[]> established = new ArrayList<>(); // width, group, member
        int fullRange = 0;
        int audited = 0;
        int largest = 0;
        for (int g = 0; g < groups.size(); g++) {
            List<Unknown> members = groups.get(g).members();
            audited += members.size();
            largest = Math.max(largest, members.size());
            for (int k = 0; k < members.size(); k++) {
                Unknown u = members.get(k);
                double lo = intervals[g][0][k];
                double hi = intervals[g][1][k];
                if (!wideEnough(lo, hi, u.denominator(), min)) {
                    DisclosureTable.Item i = u.item();
                    failures.add(
                            new Failure(
                                    i.region.code,
                                    i.region.name,
                                    i.region.level,
                                    i.indicator,
                                    Math.max(0, lo),
                                    hi,
                                    i.denominator));
                } else if (u.denominator() < min) {
                    fullRange++;
                } else {
                    established.add(new double[] {hi - lo, g, k});
                }
            }
        }
        // the narrowest interval: exact widths in the order of the widths established, until none
        // can be narrower
        established.sort(Comparator.comparingDouble(e -> e[0]));
        double best = established.isEmpty() ? Double.NaN : established.get(0)[0];
        if (narrowest) {
            best = Double.POSITIVE_INFINITY;
            for (double[] e : established) {
                if (e[0] >= best) {
                    break;
                }
                Group group = groups.get((int) e[1]);
                double[] exact = group.programme().exact((int) e[2], group.known());
                best = Math.min(best, exact[1] - exact[0]);
            }
            best = established.isEmpty() ? Double.NaN : best;
        }
        int programmes = groups.stream().mapToInt(g -> g.programme().solved).sum();
        Map<String, Integer> order = new HashMap<>();
        for (String code : truth.regions.keySet()) {
            order.put(code, order.size());
        }
        failures.sort(
                Comparator.comparing(
                                (Failure f) -> order.getOrDefault(f.region(), Integer.MAX_VALUE))
                        .thenComparing(Failure::indicator));
        return new Report(
                failures.isEmpty() && violations.isEmpty(),
                List.copyOf(failures),
                List.copyOf(violations),
                audited,
                fullRange,
                best,
                groups.size(),
                largest,
                programmes);
    }

    /** Groups up to this many unknowns are solved whole; larger ones first block by block. */
    private static final int WHOLE = 40;

    /**
     * Blocks of a large group for cheap witnesses ({@link IntervalProgramme#intervals(double[],
     * IntervalProgramme.Enough, long, List)}): the unknowns of a region with those of each of its
     * next two siblings in the group (a move between two siblings keeps their parent's sums), and
     * with those of its parent.
     */
    private static List<int[]> blocks(List<Unknown> members, DisclosureTable truth) {
        if (members.size() <= WHOLE) {
            return List.of();
        }
        Map<DisclosureTable.Region, List<Integer>> byRegion = new LinkedHashMap<>();
        for (int k = 0; k < members.size(); k++) {
            byRegion.computeIfAbsent(members.get(k).item().region, r -> new ArrayList<>()).add(k);
        }
        List<int[]> blocks = new ArrayList<>();
        for (Map.Entry<DisclosureTable.Region, List<Integer>> e : byRegion.entrySet()) {
            DisclosureTable.Region parent = truth.parentOf(e.getKey());
            if (parent == null) {
                continue;
            }
            List<DisclosureTable.Region> siblings =
                    parent.children.stream().filter(byRegion::containsKey).toList();
            int at = siblings.indexOf(e.getKey());
            for (int step = 1; step <= 2 && step < siblings.size(); step++) {
                blocks.add(
                        block(
                                e.getValue(),
                                byRegion.get(siblings.get((at + step) % siblings.size()))));
            }
            if (byRegion.containsKey(parent)) {
                blocks.add(block(e.getValue(), byRegion.get(parent)));
            }
        }
        return blocks;
    }

    private static int[] block(List<Integer> a, List<Integer> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream())
                .mapToInt(Integer::intValue)
                .toArray();
    }

    /**
     * The exact interval of every hidden numerator of {@code release} (region/indicator → [lo,
     * hi]).
     */
    Map<String, double[]> intervals(List<RegionResult> release, DisclosureTable truth) {
        Map<String, double[]> out = new LinkedHashMap<>();
        for (Group g : groups(truth, cells(release))) {
            for (int k = 0; k < g.members().size(); k++) {
                out.put(g.members().get(k).item().key(), g.programme().exact(k, g.known()));
            }
        }
        return out;
    }

    /**
     * The unknowns — hidden numerators of the audited indicators, except 0/0 cells (a known zero) —
     * and the relations between them and printed numbers, split into independent groups.
     */
    private List<Group> groups(DisclosureTable truth, Map<String, IndicatorResult> printed) {
        Set<String> audited = new TreeSet<>();
        for (DisclosureTable.Item i : truth.items()) {
            if (rules.personal(catalogue, i.indicator)
                    && !rules.follow().containsKey(i.indicator)) {
                audited.add(i.indicator);
            }
        }
        List<Unknown> unknowns = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>();
        for (DisclosureTable.Item i : truth.items()) {
            if (!audited.contains(i.indicator) || !hidden(printed.get(i.key())) || !usable(i)) {
                continue;
            }
            if (i.denominator.signum() == 0 && !unknownDenominator(i, printed)) {
                continue; // 0/0: nobody in it, a known zero
            }
            index.put(i.key(), unknowns.size());
            unknowns.add(
                    new Unknown(
                            i,
                            i.numerator.doubleValue(),
                            upper(i).doubleValue(),
                            i.denominator.doubleValue()));
        }
        List<IntervalProgramme.Row> relations = new ArrayList<>();
        families(truth, index, audited, relations);
        mpi(truth, index, relations);

        int[] parent = new int[unknowns.size()];
        for (int k = 0; k < parent.length; k++) {
            parent[k] = k;
        }
        for (IntervalProgramme.Row r : relations) {
            int first = r.terms().keySet().iterator().next();
            r.terms().keySet().forEach(k -> union(parent, first, k));
        }
        Map<Integer, List<Integer>> members = new LinkedHashMap<>();
        for (int k = 0; k < parent.length; k++) {
            members.computeIfAbsent(find(parent, k), g -> new ArrayList<>()).add(k);
        }
        Map<Integer, List<IntervalProgramme.Row>> rowsOf = new HashMap<>();
        for (IntervalProgramme.Row r : relations) {
            rowsOf.computeIfAbsent(
                            find(parent, r.terms().keySet().iterator().next()),
                            g -> new ArrayList<>())
                    .add(r);
        }
        List<Group> groups = new ArrayList<>(members.size());
        for (Map.Entry<Integer, List<Integer>> g : members.entrySet()) {
            List<Integer> vars = g.getValue();
            Map<Integer, Integer> local = new HashMap<>();
            List<Unknown> list = new ArrayList<>(vars.size());
            double[] upper = new double[vars.size()];
            double[] known = new double[vars.size()];
            for (int k = 0; k < vars.size(); k++) {
                Unknown u = unknowns.get(vars.get(k));
                local.put(vars.get(k), k);
                list.add(u);
                upper[k] = u.upper();
                known[k] = u.truth();
            }
            List<IntervalProgramme.Row> rows = new ArrayList<>();
            for (IntervalProgramme.Row r : rowsOf.getOrDefault(g.getKey(), List.of())) {
                Map<Integer, Double> terms = new LinkedHashMap<>();
                r.terms().forEach((k, v) -> terms.put(local.get(k), v));
                rows.add(new IntervalProgramme.Row(terms, r.lo(), r.hi()));
            }
            groups.add(new Group(List.copyOf(list), new IntervalProgramme(upper, rows), known));
        }
        return groups;
    }

    /**
     * [lo, hi] protects a numerator with this denominator: at least {@code min} wide, or all of
     * 0..denominator.
     */
    static boolean wideEnough(double lo, double hi, double denominator, double min) {
        if (denominator < min) {
            return lo <= EPS && hi >= denominator - EPS;
        }
        return hi - lo >= min - EPS;
    }

    static boolean hidden(IndicatorResult r) {
        return r != null && r.numerator() == null && !r.missing();
    }

    /**
     * Whether a hidden cell's denominator is unknown to the reader: only MPI_A's, which is H's
     * numerator, while H's cell is hidden with members in it.
     */
    private boolean unknownDenominator(
            DisclosureTable.Item i, Map<String, IndicatorResult> printed) {
        PublicationRules.Mpi m = rules.mpi();
        if (m == null || !i.indicator.equals(m.intensity())) {
            return false;
        }
        DisclosureTable.Item h = i.region.item(m.headcount());
        return h != null && usable(h) && h.denominator.signum() > 0 && hidden(printed.get(h.key()));
    }

    /**
     * A box for an unknown: its denominator; MPI_A's numerator is at most H's numerator, i.e. its
     * members.
     */
    private BigDecimal upper(DisclosureTable.Item i) {
        PublicationRules.Mpi m = rules.mpi();
        if (m != null && i.indicator.equals(m.intensity())) {
            DisclosureTable.Item h = i.region.item(m.headcount());
            if (h != null && h.denominator != null) {
                return h.denominator;
            }
        }
        return i.denominator;
    }

    /** Every printed cell by region/indicator. */
    private static Map<String, IndicatorResult> cells(List<RegionResult> release) {
        Map<String, IndicatorResult> out = new HashMap<>();
        if (release != null) {
            for (RegionResult r : release) {
                for (IndicatorResult i : r.indicators()) {
                    out.put(r.code() + "/" + i.id(), i);
                }
            }
        }
        return out;
    }

    /** A linear form over unknowns plus a constant part (printed numbers and known zeros). */
    private static final class Form {
        final Map<Integer, Double> terms = new LinkedHashMap<>();
        BigDecimal constant = BigDecimal.ZERO;
        BigDecimal truth = BigDecimal.ZERO;

        void add(DisclosureTable.Item i, BigDecimal coefficient, Map<String, Integer> index) {
            Integer k = index.get(i.key());
            if (k != null) {
                terms.merge(k, coefficient.doubleValue(), Double::sum);
            } else {
                constant = constant.add(coefficient.multiply(i.numerator));
            }
            truth = truth.add(coefficient.multiply(i.numerator));
        }

        /** lo ≤ form ≤ hi as a row over the unknowns (nothing when it has none). */
        void row(BigDecimal lo, BigDecimal hi, List<IntervalProgramme.Row> rows) {
            if (terms.isEmpty()) {
                return;
            }
            rows.add(
                    new IntervalProgramme.Row(
                            Map.copyOf(terms),
                            lo == null
                                    ? Double.NEGATIVE_INFINITY
                                    : lo.subtract(constant).doubleValue(),
                            hi == null
                                    ? Double.POSITIVE_INFINITY
                                    : hi.subtract(constant).doubleValue()));
        }
    }

    private static final BigDecimal MINUS_ONE = BigDecimal.ONE.negate();

    /**
     * parent − Σ children = 0 for each audited indicator and published parent, where the true
     * figures sum up; where a person or claim counts in several regions (the parent is less than
     * the sum), parent − Σ children ≤ 0 and parent − child ≥ 0 for each child.
     */
    private static void families(
            DisclosureTable truth,
            Map<String, Integer> index,
            Set<String> audited,
            List<IntervalProgramme.Row> rows) {
        for (DisclosureTable.Region parent : truth.regions.values()) {
            if (parent.children.isEmpty()) {
                continue;
            }
            for (String id : audited) {
                DisclosureTable.Item p = parent.item(id);
                if (!usable(p)) {
                    continue;
                }
                List<DisclosureTable.Item> children = new ArrayList<>();
                for (DisclosureTable.Region c : parent.children) {
                    DisclosureTable.Item ci = c.item(id);
                    if (usable(ci)) {
                        children.add(ci);
                    }
                }
                if (children.size() != parent.children.size()) {
                    continue;
                }
                Form f = new Form();
                f.add(p, BigDecimal.ONE, index);
                children.forEach(c -> f.add(c, MINUS_ONE, index));
                if (f.truth.signum() == 0) {
                    f.row(BigDecimal.ZERO, BigDecimal.ZERO, rows);
                } else if (f.truth.signum() < 0) {
                    f.row(null, BigDecimal.ZERO, rows);
                    for (DisclosureTable.Item c : children) {
                        Form one = new Form();
                        one.add(p, BigDecimal.ONE, index);
                        one.add(c, MINUS_ONE, index);
                        one.row(BigDecimal.ZERO, null, rows);
                    }
                }
            }
        }
    }

    private static boolean usable(DisclosureTable.Item i) {
        return i != null && !i.missing && i.numerator != null && i.denominator != null;
    }

    /**
     * The MPI's identities in each region with a hidden MPI numerator (where the true figures
     * satisfy them).
     */
    private void mpi(
            DisclosureTable truth, Map<String, Integer> index, List<IntervalProgramme.Row> rows) {
        PublicationRules.Mpi m = rules.mpi();
        if (m == null) {
            return;
        }
        BigDecimal k =
                catalogue
                        .mpiCutoff()
                        .numerator()
                        .divide(
                                catalogue.mpiCutoff().denominator(),
                                java.math.MathContext.DECIMAL64);
        for (DisclosureTable.Region r : truth.regions.values()) {
            DisclosureTable.Item h = r.item(m.headcount());
            DisclosureTable.Item a = r.item(m.intensity());
            DisclosureTable.Item m0 = r.item(m.adjusted());
            List<DisclosureTable.Item> censored = new ArrayList<>();
            List<BigDecimal> weights = new ArrayList<>();
            catalogue
                    .mpiWeights()
                    .forEach(
                            (j, w) -> {
                                DisclosureTable.Item c = r.item(m.censoredPrefix() + j);
                                censored.add(c);
                                weights.add(w);
                            });
            List<DisclosureTable.Item> all = new ArrayList<>(censored);
            all.add(h);
            all.add(a);
            all.add(m0);
            if (all.stream().anyMatch(i -> !usable(i))
                    || all.stream().noneMatch(i -> index.containsKey(i.key()))) {
                continue;
            }
            Form same = new Form();
            same.add(a, BigDecimal.ONE, index);
            same.add(m0, MINUS_ONE, index);
            holdsThen(same, BigDecimal.ZERO, BigDecimal.ZERO, rows);
            Form sum = new Form();
            sum.add(m0, BigDecimal.ONE, index);
            for (int j = 0; j < censored.size(); j++) {
                sum.add(censored.get(j), weights.get(j).negate(), index);
            }
            holdsThen(sum, BigDecimal.ZERO, BigDecimal.ZERO, rows);
            for (DisclosureTable.Item c : censored) {
                Form le = new Form();
                le.add(c, BigDecimal.ONE, index);
                le.add(h, MINUS_ONE, index);
                holdsThen(le, null, BigDecimal.ZERO, rows);
            }
            Form atMost = new Form();
            atMost.add(a, BigDecimal.ONE, index);
            atMost.add(h, MINUS_ONE, index);
            holdsThen(atMost, null, BigDecimal.ZERO, rows);
            Form atLeast = new Form();
            atLeast.add(a, BigDecimal.ONE, index);
            atLeast.add(h, k.negate(), index);
            holdsThen(atLeast, BigDecimal.valueOf(-1, 9), null, rows);
        }
    }

    /**
     * Adds lo ≤ form ≤ hi when the true figures satisfy it (an identity a definition does not
     * guarantee is left out).
     */
    private static void holdsThen(
            Form f, BigDecimal lo, BigDecimal hi, List<IntervalProgramme.Row> rows) {
        if ((lo == null || f.truth.compareTo(lo) >= 0)
                && (hi == null || f.truth.compareTo(hi) <= 0)) {
            f.row(lo, hi, rows);
        }
    }

    /**
     * Scores must add no relation: a printed pillar score has no hidden achievement with a value in
     * it; a printed composite has every pillar score printed; a grade printed without its composite
     * is the grade of every value the hidden achievements can take (0 to 1 each); printed ranks are
     * the ranks among the printed composites.
     */
    private List<String> scoreViolations(
            List<RegionResult> release,
            DisclosureTable truth,
            Map<String, IndicatorResult> printed) {
        List<String> out = new ArrayList<>();
        Map<String, List<RegionResult>> ranked = new HashMap<>();
        for (RegionResult r : release) {
            DisclosureTable.Region t = truth.region(r.code());
            if (t == null) {
                continue;
            }
            boolean pillarHidden = false;
            for (Map.Entry<String, BigDecimal> p : t.pillars.entrySet()) {
                BigDecimal shown = r.pillars().get(p.getKey());
                boolean hasHidden = hiddenAchievements(t, p.getKey(), printed) > 0;
                if (shown != null && hasHidden) {
                    out.add(
                            "the "
                                    + p.getKey()
                                    + " score of "
                                    + r.code()
                                    + " is published with a hidden achievement in it");
                }
                pillarHidden |= shown == null && p.getValue() != null;
            }
            if (r.composite() != null && pillarHidden) {
                out.add(
                        "the composite of "
                                + r.code()
                                + " is published with a pillar score hidden");
            }
            String[] grades =
                    r.composite() == null && r.grade() != null
                            ? gradeRange(t, i -> hidden(printed.get(i.key())))
                            : null;
            if (grades != null && !Objects.equals(grades[0], grades[1])) {
                out.add(
                        "the grade of "
                                + r.code()
                                + " is published although the hidden achievements could change it");
            }
            if (r.rank() != null) {
                ranked.computeIfAbsent(r.level(), l -> new ArrayList<>()).add(r);
            }
        }
        for (RegionResult r : release) {
            if (r.rank() == null) {
                continue;
            }
            if (r.composite() == null) {
                out.add("the rank of " + r.code() + " is published without its composite");
                continue;
            }
            long better =
                    release.stream()
                            .filter(
                                    o ->
                                            o.level().equals(r.level())
                                                    && o.composite() != null
                                                    && o.composite().compareTo(r.composite()) > 0)
                            .count();
            if (r.rank() != better + 1) {
                out.add(
                        "the rank of "
                                + r.code()
                                + " is not its rank among the published composites");
            }
        }
        return out;
    }

    /**
     * Scored cells of a pillar in a region that are hidden and have a value (a hidden achievement).
     */
    private int hiddenAchievements(
            DisclosureTable.Region t, String pillar, Map<String, IndicatorResult> printed) {
        int n = 0;
        for (DisclosureTable.Item i : t.items.values()) {
            Catalogue.Indicator c = catalogue.indicator(i.indicator).orElse(null);
            if (c != null
                    && c.scored()
                    && pillar.equals(c.pillar())
                    && i.value != null
                    && hidden(printed.get(i.key()))) {
                n++;
            }
        }
        return n;
    }

    /**
     * The grades of the lowest and the highest composite the region can have when each hidden
     * achievement takes any value from 0 to 1 and everything printed stays (gold's rounding at each
     * step).
     */
    String[] gradeRange(
            DisclosureTable.Region t, java.util.function.Predicate<DisclosureTable.Item> hidden) {
        BigDecimal[] composite = new BigDecimal[2];
        for (int end = 0; end < 2; end++) {
            BigDecimal weighted = BigDecimal.ZERO;
            BigDecimal weights = BigDecimal.ZERO;
            for (Map.Entry<String, BigDecimal> p : t.pillars.entrySet()) {
                if (p.getValue() == null) {
                    continue;
                }
                BigDecimal sum = BigDecimal.ZERO;
                for (DisclosureTable.Item i : t.items.values()) {
                    Catalogue.Indicator c = catalogue.indicator(i.indicator).orElse(null);
                    if (c == null
                            || !c.scored()
                            || !p.getKey().equals(c.pillar())
                            || (i.value == null && !i.missing)) {
                        continue;
                    }
                    boolean unknown = i.value != null && hidden.test(i);
                    sum =
                            sum.add(
                                    unknown
                                            ? BigDecimal.valueOf(end)
                                            : i.achievement == null
                                                    ? BigDecimal.ZERO
                                                    : i.achievement);
                }
                BigDecimal score = Scoring.mean(sum, t.scored.getOrDefault(p.getKey(), 0));
                BigDecimal w = t.weights.get(p.getKey());
                weighted = weighted.add(w.multiply(score));
                weights = weights.add(w);
            }
            composite[end] = Scoring.composite(weighted, weights);
        }
        return new String[] {catalogue.grade(composite[0]), catalogue.grade(composite[1])};
    }

    /**
     * Every printed change has its cell printed in Y and in Y−1 (else it discloses one from the
     * other).
     */
    private static List<String> changeViolations(
            List<RegionResult> release, List<RegionResult> previous) {
        List<String> out = new ArrayList<>();
        Map<String, IndicatorResult> before = cells(previous);
        for (RegionResult r : release) {
            for (IndicatorResult i : r.indicators()) {
                if (i.change() == null) {
                    continue;
                }
                IndicatorResult p = before.get(r.code() + "/" + i.id());
                if (hidden(i) || p == null || hidden(p)) {
                    out.add(
                            "the change of "
                                    + i.id()
                                    + " in "
                                    + r.code()
                                    + " is published with a hidden cell in "
                                    + (hidden(i) ? "its year" : "the year before"));
                }
            }
        }
        return out;
    }

    private static int find(int[] parent, int k) {
        while (parent[k] != k) {
            parent[k] = parent[parent[k]];
            k = parent[k];
        }
        return k;
    }

    private static void union(int[] parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra != rb) {
            parent[Math.max(ra, rb)] = Math.min(ra, rb);
        }
    }

    static String fmt(double v) {
        double r = Math.round(v * 10_000) / 10_000.0;
        return r == Math.rint(r) ? Long.toString((long) r) : Double.toString(r);
    }
}
