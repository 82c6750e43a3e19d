package org.povlake.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.povlake.contract.Contract;
import org.povlake.contract.Divisions;
import org.povlake.contract.PovertyLines;

/**
 * The generated data tells the story METRICS.md will compute: the headline shares are where the
 * brief puts them. On the whole shipped reference (the shares and counts are Gansu's), in the
 * full-reference test run.
 */
@Tag("full-reference")
class GeneratedDataRealismTest {
    static final int FIRST = 2016;
    static final int LAST = 2020;

    @TempDir static Path out;
    static Generator.Result result;

    @BeforeAll
    static void generate() {
        result = Generated.generate(out, 4000, FIRST, LAST, 3, 0);
    }

    static List<String[]> rows(String source, String extract, int year) {
        return Generated.rows(
                out.resolve(
                        Generator.INBOX + "/" + source + "/" + extract + "_" + year + "1231.csv"));
    }

    static int col(String source, String extract, String column) {
        return Contract.get().extract(source, extract).orElseThrow().columnIndex().get(column);
    }

    static String label(String enumName, String code) {
        return new Vocabulary(Contract.get()).label(enumName, code);
    }

    static void between(double lo, double hi, double value, String what) {
        assertTrue(
                value >= lo && value <= hi,
                what + " = " + value + ", expected in [" + lo + ", " + hi + "]");
    }

    @Test
    void householdsMembersAndCauses() {
        int status = col("registry", "households", "status");
        int cause = col("registry", "households", "primary_cause");
        int hid = col("registry", "households", "household_id");
        Map<String, Integer> size = new HashMap<>();
        for (String[] m : rows("registry", "members", 2018)) {
            size.merge(m[col("registry", "members", "household_id")], 1, Integer::sum);
        }
        List<String[]> households = rows("registry", "households", 2018);
        double members =
                households.stream()
                        .mapToInt(h -> size.getOrDefault(h[hid], 0))
                        .filter(n -> n > 0)
                        .average()
                        .orElseThrow();
        between(3.6, 4.5, members, "mean household size");
        assertTrue(size.values().stream().allMatch(n -> n >= 1 && n <= 8));
        Map<String, Integer> causes = new HashMap<>();
        households.forEach(h -> causes.merge(h[cause], 1, Integer::sum));
        String illness = label(Codes.CAUSE, Codes.ILLNESS);
        between(0.35, 0.45, causes.get(illness) / (double) households.size(), "illness share");
        assertTrue(
                causes.entrySet().stream()
                        .allMatch(
                                e ->
                                        e.getKey().equals(illness)
                                                || e.getValue() < causes.get(illness)));

        // exits year by year, most by 2019–2020; a few return, a few removed or dissolved
        Map<Integer, Map<String, Integer>> byYear = new HashMap<>();
        for (int y = FIRST; y <= LAST; y++) {
            Map<String, Integer> count = new HashMap<>();
            rows("registry", "households", y).forEach(h -> count.merge(h[status], 1, Integer::sum));
            byYear.put(y, count);
        }
        String exited = label(Codes.STATUS, Codes.EXITED);
        String poor = label(Codes.STATUS, Codes.POOR);
        for (int y = FIRST + 1; y <= LAST; y++) {
            assertTrue(
                    byYear.get(y).get(exited) > byYear.get(y - 1).get(exited),
                    "more exited every year");
        }
        between(0.9, 1.0, byYear.get(LAST).get(exited) / 4000.0, "exited by 2020");
        between(0.0, 0.05, byYear.get(LAST).getOrDefault(poor, 0) / 4000.0, "still poor in 2020");
        between(
                0.002,
                0.03,
                byYear.get(2019).getOrDefault(label(Codes.STATUS, Codes.RETURNED), 0) / 4000.0,
                "returned");
        between(
                0.003,
                0.03,
                byYear.get(2019).getOrDefault(label(Codes.STATUS, Codes.REMOVED), 0) / 4000.0,
                "removed");
        assertTrue(
                byYear.get(2019).getOrDefault(label(Codes.STATUS, Codes.DISSOLVED), 0) > 0,
                "some dissolved");
    }

    @Test
    void incomesAroundAndAboveTheLine() {
        PovertyLines lines = PovertyLines.load();
        int status = col("registry", "households", "status");
        int income = col("registry", "households", "per_capita_net_income");
        int exit = col("registry", "households", "exit_year");
        for (int y = FIRST; y <= LAST; y++) {
            BigDecimal line = lines.line(y);
            int exitedThisYear = 0;
            int compliant = 0;
            for (String[] h : rows("registry", "households", y)) {
                if (h[status].equals(label(Codes.STATUS, Codes.EXITED))
                        && h[exit].equals(Integer.toString(y))
                        && !h[income].isEmpty()) {
                    exitedThisYear++;
                    compliant += new BigDecimal(h[income]).compareTo(line) >= 0 ? 1 : 0;
                }
            }
            between(
                    0.95,
                    0.995,
                    compliant / (double) exitedThisYear,
                    "exits above the line in " + y);
        }
    }

    @Test
    void childrenInsuranceAndClaims() {
        int y = 2019;
        Set<String> enrolled = new HashSet<>();
        String inSchool = label(Codes.ENROLLMENT, Codes.ENROLLED);
        for (String[] e : rows("education", "enrollment", y)) {
            if (e[col("education", "enrollment", "status")].equals(inSchool)) {
                enrolled.add(e[col("education", "enrollment", "id_number")]);
            }
        }
        Set<String> insured = new HashSet<>();
        rows("health", "insurance_enrollment", y)
                .forEach(r -> insured.add(r[col("health", "insurance_enrollment", "id_number")]));
        int children = 0;
        int childrenEnrolled = 0;
        List<String[]> members = rows("registry", "members", y);
        for (String[] m : members) {
            LocalDate b = LocalDate.parse(m[col("registry", "members", "birth_date")]);
            int age = Days.ageOnAug31(b.getYear(), b.getMonthValue() * 100 + b.getDayOfMonth(), y);
            if (age >= 6 && age <= 15) {
                children++;
                childrenEnrolled +=
                        enrolled.contains(m[col("registry", "members", "id_number")]) ? 1 : 0;
            }
        }
        between(0.96, 0.99, childrenEnrolled / (double) children, "children 6–15 enrolled");
        between(
                0.98,
                0.995,
                insured.size() / (double) members.size(),
                "members with an insurance row");
        List<String[]> claims = rows("health", "inpatient_claims", y);
        between(0.02, 0.09, claims.size() / (double) members.size(), "claims per person");
        for (String[] c : claims) {
            BigDecimal paid =
                    new BigDecimal(c[col("health", "inpatient_claims", "basic_reimbursed")]);
            for (String k : new String[] {"serious_reimbursed", "assistance_paid"}) {
                String v = c[col("health", "inpatient_claims", k)];
                paid = v.isEmpty() ? paid : paid.add(new BigDecimal(v));
            }
            assertTrue(
                    paid.compareTo(
                                    new BigDecimal(
                                            c[col("health", "inpatient_claims", "total_cost")]))
                            <= 0);
        }
    }

    @Test
    void networkReachesThePlanTargetsAndPoorVillagesLag() {
        Set<String> admin = new HashSet<>();
        Contract.get().divisions().villageCodes().stream()
                .filter(Divisions::isAdministrativeVillage)
                .forEach(admin::add);
        assertEquals(7262, rows("registry", "poor_villages", LAST).size());
        Set<String> poor = new HashSet<>();
        rows("registry", "poor_villages", LAST).forEach(r -> poor.add(r[0]));
        double[] broadbandPoor = new double[2];
        for (int y : new int[] {FIRST, LAST}) {
            Set<String> fibre = new HashSet<>();
            Set<String> lte = new HashSet<>();
            Set<String> cable = new HashSet<>();
            Map<String, Integer> speed = new HashMap<>();
            for (String[] r : rows("telecom", "village_network", y)) {
                String v = r[col("telecom", "village_network", "village_code")];
                if (r[col("telecom", "village_network", "fiber_broadband")].equals(Formats.TRUE)) {
                    fibre.add(v);
                    String mbps = r[col("telecom", "village_network", "max_broadband_mbps")];
                    if (!mbps.isEmpty()) {
                        speed.merge(v, Integer.parseInt(mbps), Math::max);
                    }
                }
                if (r[col("telecom", "village_network", "lte_coverage")].equals(Formats.TRUE)) {
                    lte.add(v);
                }
                if (r[col("telecom", "village_network", "cable_tv_fiber")].equals(Formats.TRUE)) {
                    cable.add(v);
                }
            }
            double broadband =
                    admin.stream().filter(fibre::contains).count() / (double) admin.size();
            double ofPoor = poor.stream().filter(fibre::contains).count() / (double) poor.size();
            broadbandPoor[y == FIRST ? 0 : 1] = ofPoor;
            assertTrue(ofPoor < broadband, "poor villages lag in " + y);
            if (y == LAST) {
                between(0.98, 1.0, broadband, "admin villages with broadband, 2020");
                between(
                        0.97,
                        1.0,
                        admin.stream().filter(v -> speed.getOrDefault(v, 0) >= 50).count()
                                / (double) admin.size(),
                        "50 Mbps, 2020");
                between(
                        0.99,
                        1.0,
                        admin.stream().filter(lte::contains).count() / (double) admin.size(),
                        "4G, 2020");
                between(
                        0.72,
                        0.85,
                        admin.stream().filter(cable::contains).count() / (double) admin.size(),
                        "cable TV, 2020");
            } else {
                between(0.6, 0.85, broadband, "admin villages with broadband, 2016");
            }
        }
        assertTrue(broadbandPoor[1] > broadbandPoor[0]);
    }

    @Test
    void ordersGrowAboutThirtyPercentAYear() {
        String completed = label(Codes.ORDER_STATUS, Codes.COMPLETED);
        BigDecimal previous = null;
        for (int y = FIRST; y <= LAST; y++) {
            BigDecimal sum = BigDecimal.ZERO;
            for (String[] o : rows("ecommerce", "orders", y)) {
                if (o[col("ecommerce", "orders", "status")].equals(completed)) {
                    sum = sum.add(new BigDecimal(o[col("ecommerce", "orders", "amount")]));
                }
            }
            if (previous != null) {
                between(
                        0.15,
                        0.5,
                        sum.doubleValue() / previous.doubleValue() - 1,
                        "order value growth " + y);
            }
            previous = sum;
        }
    }

    @Test
    void noSnapshotShrinksByHalf() {
        assertTrue(result.warnings().isEmpty(), result.warnings().toString());
    }
}
