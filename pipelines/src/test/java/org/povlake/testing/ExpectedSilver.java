package org.povlake.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.povlake.contract.Contract;
import org.povlake.contract.ExtractSchema;
import org.povlake.lake.Lakehouse;

/**
 * Compares silver with {@code sample-data/expected-silver.json}, computed when the sample was made
 * from its own model (never by running povlake): orphans by extract/delivery/link, persons not in
 * the registry, rows reaching silver, and the consistency signals.
 */
public final class ExpectedSilver {
    public static final Path FILE = Path.of("..", "sample-data", "expected-silver.json");

    private ExpectedSilver() {}

    public static JsonNode scenario(String name) throws IOException {
        return new ObjectMapper().readTree(FILE.toFile()).get("scenarios").get(name);
    }

    public static void assertMatches(Lakehouse lake, String scenario) throws IOException {
        JsonNode expected = scenario(scenario);
        Map<String, Long> want = new TreeMap<>();
        expected.get("orphans")
                .forEach(
                        o ->
                                want.put(
                                        o.get("extract").asText()
                                                + "/"
                                                + o.get("as_of_date").asText()
                                                + "/"
                                                + o.get("link").asText(),
                                        o.get("rows").asLong()));
        Map<String, Long> have = new TreeMap<>();
        read(lake, "silver.orphans")
                .groupBy("extract", "as_of_date", "link")
                .count()
                .collectAsList()
                .forEach(r -> have.put(r.get(0) + "/" + r.get(1) + "/" + r.get(2), r.getLong(3)));
        assertEquals(want, have, scenario + ": orphans");

        want.clear();
        have.clear();
        expected.get("not_registered")
                .forEach(
                        o ->
                                want.put(
                                        o.get("extract").asText()
                                                + "/"
                                                + o.get("as_of_date").asText(),
                                        o.get("rows").asLong()));
        for (String[] t :
                new String[][] {
                    {"health_inpatient_claims", "silver.inpatient_claims", "as_of_date"},
                    {"education_enrollment", "silver.enrollment", "snapshot_date"},
                    {"education_training", "silver.training", "as_of_date"}
                }) {
            read(lake, t[1])
                    .filter("NOT in_registry")
                    .groupBy(t[2])
                    .count()
                    .collectAsList()
                    .forEach(r -> have.put(t[0] + "/" + r.get(0), r.getLong(1)));
        }
        assertEquals(want, have, scenario + ": rows of persons not in the registry");

        want.clear();
        have.clear();
        expected.get("silver_rows")
                .fields()
                .forEachRemaining(
                        e -> {
                            if (e.getValue().isObject()) {
                                e.getValue()
                                        .fields()
                                        .forEachRemaining(
                                                d ->
                                                        want.put(
                                                                e.getKey() + "/" + d.getKey(),
                                                                d.getValue().asLong()));
                            } else {
                                want.put(e.getKey(), e.getValue().asLong());
                            }
                        });
        for (ExtractSchema s : Contract.get().extracts().values()) {
            if (!s.isSnapshot()) {
                have.put(s.name(), read(lake, "silver." + s.extract()).count());
                continue;
            }
            Dataset<Row> counts =
                    switch (s.name()) {
                        case "registry_households" ->
                                read(lake, "silver.household_signals")
                                        .groupBy("snapshot_date")
                                        .count();
                        case "telecom_village_network" ->
                                read(lake, "silver.village_network")
                                        .groupBy("snapshot_date")
                                        .agg(org.apache.spark.sql.functions.sum("operator_rows"));
                        default ->
                                read(lake, "silver." + s.extract())
                                        .groupBy("snapshot_date")
                                        .count();
                    };
            counts.collectAsList()
                    .forEach(
                            r ->
                                    have.put(
                                            s.name() + "/" + r.get(0),
                                            ((Number) r.get(1)).longValue()));
        }
        assertEquals(want, have, scenario + ": rows in silver");

        Map<String, String> wantSignals = new TreeMap<>();
        expected.get("signals")
                .fields()
                .forEachRemaining(
                        e ->
                                wantSignals.put(
                                        e.getKey(),
                                        e.getValue().get("households").asLong()
                                                + " households, "
                                                + e.getValue()
                                                        .get("size_mismatch_households")
                                                        .asLong()
                                                + " size mismatches, "
                                                + e.getValue().get("member_rows").asLong()
                                                + " member rows, "
                                                + e.getValue()
                                                        .get("persons_in_multiple_households")
                                                        .asLong()
                                                + " in >1 household"));
        Map<String, String> haveSignals = new TreeMap<>();
        Map<String, long[]> v = new TreeMap<>();
        read(lake, "silver.household_signals")
                .selectExpr("snapshot_date", "1", "IF(size_mismatch, 1, 0)")
                .groupBy("snapshot_date")
                .sum()
                .collectAsList()
                .forEach(
                        r -> {
                            long[] a =
                                    v.computeIfAbsent(String.valueOf(r.get(0)), k -> new long[4]);
                            a[0] = r.getLong(1);
                            a[1] = r.getLong(2);
                        });
        read(lake, "silver.member_signals")
                .groupBy("snapshot_date")
                .agg(
                        org.apache.spark.sql.functions.count("person_key"),
                        org.apache.spark.sql.functions.expr(
                                "count(DISTINCT IF(households_of_person >= 2, person_key, NULL))"))
                .collectAsList()
                .forEach(
                        r -> {
                            long[] a =
                                    v.computeIfAbsent(String.valueOf(r.get(0)), k -> new long[4]);
                            a[2] = r.getLong(1);
                            a[3] = r.getLong(2);
                        });
        v.forEach(
                (d, a) ->
                        haveSignals.put(
                                d,
                                a[0]
                                        + " households, "
                                        + a[1]
                                        + " size mismatches, "
                                        + a[2]
                                        + " member rows, "
                                        + a[3]
                                        + " in >1 household"));
        assertEquals(wantSignals, haveSignals, scenario + ": consistency signals");
    }

    private static Dataset<Row> read(Lakehouse lake, String table) {
        return lake.spark().read().format("delta").load(lake.path(table));
    }
}
