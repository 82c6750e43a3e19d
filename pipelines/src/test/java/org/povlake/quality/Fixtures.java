package org.povlake.quality;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A small hand-built report: every kind of problem once, with known counts. */
public final class Fixtures {
    private Fixtures() {}

    static final String SCRIPT_MESSAGE =
            "42 rows, fewer than half the 1000 rows of <script>alert('x')</script> 2018";

    static DeliveryQuality loaded(String asOf, String file, long read, long quarantined) {
        return new DeliveryQuality(
                asOf,
                file,
                "loaded",
                read,
                read - quarantined,
                quarantined,
                Map.of(),
                Map.of(),
                Map.of(),
                Map.of(),
                0,
                read - quarantined,
                List.of(),
                List.of(),
                null,
                null);
    }

    static Map<String, Long> ordered(Object... kv) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], ((Number) kv[i + 1]).longValue());
        }
        return m;
    }

    static List<AgencyQuality> agencies() {
        // registry: households 2018 clean, 2019 with quarantine; members 2019 with orphans and
        // drift
        DeliveryQuality hh2018 = loaded("2018-12-31", "registry/households_20181231.csv", 1000, 0);
        Map<String, Long> hhReasons =
                ordered(
                        "MISSING_REQUIRED",
                        10,
                        "BAD_ENUM",
                        9,
                        "BAD_ENCODING",
                        1,
                        "DUPLICATE_ROW",
                        2);
        Map<String, List<Long>> hhExamples = new LinkedHashMap<>();
        hhExamples.put("MISSING_REQUIRED", List.of(3L, 17L, 20L, 21L, 40L, 41L, 99L));
        hhExamples.put("BAD_ENUM", List.of(5L));
        hhExamples.put("BAD_ENCODING", List.of(700L));
        hhExamples.put("DUPLICATE_ROW", List.of(8L, 9L));
        DeliveryQuality hh2019 =
                new DeliveryQuality(
                        "2019-12-31",
                        "registry/households_20191231.csv",
                        "loaded",
                        1000,
                        978,
                        22,
                        hhReasons,
                        hhExamples,
                        Map.of(),
                        Map.of(),
                        0,
                        978,
                        List.of(),
                        List.of(),
                        null,
                        null);
        DeliveryQuality hh2019again =
                new DeliveryQuality(
                        "2019-12-31",
                        "registry/households_20191231.csv",
                        "skipped",
                        0,
                        0,
                        0,
                        Map.of("BAD_ENUM", 9L),
                        Map.of(),
                        Map.of(),
                        Map.of(),
                        0,
                        0,
                        List.of(),
                        List.of(),
                        null,
                        "byte-identical to the delivery already loaded");
        DeliveryQuality mem2019 =
                new DeliveryQuality(
                        "2019-12-31",
                        "registry/members_20191231.csv",
                        "loaded",
                        4000,
                        4000,
                        0,
                        Map.of(),
                        Map.of(),
                        Map.of("household", 12L),
                        Map.of(
                                "household",
                                List.of(
                                        "6201020010010001",
                                        "6201020010010002",
                                        "6201020010010003",
                                        "6201020010010004",
                                        "6201020010010005",
                                        "6201020010010006")),
                        0,
                        3988,
                        List.of("remark"),
                        List.of("skill_trained"),
                        null,
                        null);
        AgencyQuality registry =
                new AgencyQuality(
                        "registry",
                        "省扶贫办 (provincial poverty alleviation office)",
                        "2019-12-31",
                        61L,
                        0L,
                        List.of(
                                new ExtractQuality(
                                        "registry_households",
                                        "snapshot",
                                        List.of(hh2018, hh2019, hh2019again)),
                                new ExtractQuality(
                                        "registry_members", "snapshot", List.of(mem2019)),
                                new ExtractQuality("registry_assistance", "event", List.of())));

        // health: a rejected snapshot with a hostile message; claims with persons not in the
        // registry
        DeliveryQuality enrolRejected =
                new DeliveryQuality(
                        "2019-12-31",
                        "health/insurance_enrollment_20191231.csv",
                        "rejected",
                        42,
                        0,
                        0,
                        Map.of(),
                        Map.of(),
                        Map.of(),
                        Map.of(),
                        0,
                        0,
                        List.of(),
                        List.of(),
                        "SNAPSHOT_SHRANK",
                        SCRIPT_MESSAGE);
        DeliveryQuality claims =
                new DeliveryQuality(
                        "2019-12-31",
                        "health/inpatient_claims_20191231.jsonl",
                        "loaded",
                        500,
                        500,
                        0,
                        Map.of(),
                        Map.of(),
                        Map.of(),
                        Map.of(),
                        30,
                        500,
                        List.of(),
                        List.of(),
                        null,
                        null);
        AgencyQuality health =
                new AgencyQuality(
                        "health",
                        "省卫生计生委 (health commission)",
                        "2019-12-31",
                        61L,
                        0L,
                        List.of(
                                new ExtractQuality(
                                        "health_insurance_enrollment",
                                        "snapshot",
                                        List.of(enrolRejected)),
                                new ExtractQuality(
                                        "health_inpatient_claims", "event", List.of(claims))));

        // ecommerce: shops with an operator household missing, orders with an unknown shop
        DeliveryQuality shops =
                new DeliveryQuality(
                        "2019-06-30",
                        "ecommerce/shops_20190630.csv",
                        "loaded",
                        200,
                        199,
                        1,
                        Map.of("BAD_RECORD", 1L),
                        Map.of("BAD_RECORD", List.of(77L)),
                        Map.of("operator_household", 3L),
                        Map.of("operator_household", List.of("6201020010019999")),
                        0,
                        199,
                        List.of(),
                        List.of(),
                        null,
                        null);
        DeliveryQuality orders =
                new DeliveryQuality(
                        "2019-06-30",
                        "ecommerce/orders_20190630.csv",
                        "loaded",
                        5000,
                        5000,
                        0,
                        Map.of(),
                        Map.of(),
                        Map.of("shop", 40L),
                        Map.of("shop", List.of("S000123")),
                        0,
                        4960,
                        List.of(),
                        List.of(),
                        null,
                        null);
        AgencyQuality ecommerce =
                new AgencyQuality(
                        "ecommerce",
                        null,
                        "2019-06-30",
                        245L,
                        184L,
                        List.of(
                                new ExtractQuality("ecommerce_shops", "snapshot", List.of(shops)),
                                new ExtractQuality("ecommerce_orders", "event", List.of(orders))));

        // telecom: exactly the stale limit (not stale); education: one day past it (stale)
        AgencyQuality telecom =
                new AgencyQuality(
                        "telecom",
                        "省通信管理局",
                        "2018-12-30",
                        427L,
                        366L,
                        List.of(
                                new ExtractQuality(
                                        "telecom_village_network",
                                        "snapshot",
                                        List.of(
                                                loaded(
                                                        "2018-12-30",
                                                        "telecom/village_network_20181230.csv",
                                                        300,
                                                        0)))));
        AgencyQuality education =
                new AgencyQuality(
                        "education",
                        "省教育厅",
                        "2018-12-29",
                        428L,
                        367L,
                        List.of(
                                new ExtractQuality(
                                        "education_schools",
                                        "snapshot",
                                        List.of(
                                                loaded(
                                                        "2018-12-29",
                                                        "education/schools_20181229.csv",
                                                        80,
                                                        0)))));
        return List.of(registry, telecom, health, education, ecommerce);
    }

    static List<SnapshotSignals> signals() {
        return List.of(
                new SnapshotSignals("2018-12-31", 1000, 50, 4100, 9, 3000, 100),
                new SnapshotSignals("2019-12-31", 978, 14, 3988, 2, 3500, 35));
    }

    public static QualityReport report() {
        List<AgencyQuality> a = agencies();
        List<SnapshotSignals> s = signals();
        return new QualityReport(
                "2020-03-01T08:00:00Z",
                "2020-03-01",
                "/data/povlake",
                "c4dbc48",
                a,
                s,
                Problems.derive(a, s));
    }

    /** The report with many extra (INFO) problems, to overflow the terminal's top 20. */
    static QualityReport manyProblems(int extra) {
        QualityReport r = report();
        List<Problem> ps = new ArrayList<>(r.problems());
        for (int i = 0; i < extra; i++) {
            ps.add(
                    new Problem(
                            "INFO",
                            "registry",
                            "registry_assistance",
                            "registry/assistance_" + i + ".csv",
                            "2019-12-31",
                            Problems.NOT_REGISTERED,
                            1,
                            "n/a",
                            List.of()));
        }
        return new QualityReport(
                r.generatedAt(),
                r.today(),
                r.lakehouse(),
                r.codeVersion(),
                r.agencies(),
                r.signals(),
                ps);
    }
}
