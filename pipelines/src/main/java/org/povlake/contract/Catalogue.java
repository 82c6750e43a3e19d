package org.povlake.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The indicator catalogue ({@code schemas/indicators.json}, or a replacement file given by
 * configuration): ids, names, targets, directions, floors, levels, pillars and weights, grades, the
 * MPI's cut-off and weights and the cause → measure mapping. Gold reads every target and weight
 * from here; the evaluation office edits the file (and its version) and rebuilds.
 */
public record Catalogue(
        String version,
        List<Indicator> indicators,
        List<Pillar> pillars,
        List<Grade> grades,
        List<String> rankedLevels,
        Fraction mpiCutoff,
        Map<String, BigDecimal> mpiWeights,
        Map<String, List<String>> causeMeasures) {
    public static final String RESOURCE = Contract.ROOT + "indicators.json";

    /** The five levels, finest first. */
    public static final List<String> LEVELS =
            List.of("village", "township", "county", "city", "province");

    /** One indicator of METRICS.md. target null = reported, not scored. */
    public record Indicator(
            String id,
            String pillar,
            String nameZh,
            String nameEn,
            String definition,
            BigDecimal target,
            String direction,
            BigDecimal floor,
            String lowestLevel,
            String counts,
            List<String> needs) {
        public boolean scored() {
            return target != null;
        }

        /** Whether the indicator exists at {@code level} (its lowest level and above). */
        public boolean existsAt(String level) {
            return LEVELS.indexOf(level) >= LEVELS.indexOf(lowestLevel);
        }
    }

    public record Pillar(String id, String nameZh, String nameEn, BigDecimal weight) {}

    /** A grade from {@code min} (inclusive) up; min null = below every other. */
    public record Grade(BigDecimal min, String grade) {}

    /** An exact fraction (the MPI's k = 1/3 is not a decimal). */
    public record Fraction(BigDecimal numerator, BigDecimal denominator) {
        static Fraction parse(String text) {
            String[] p = text.trim().split("/");
            return new Fraction(
                    new BigDecimal(p[0].trim()),
                    p.length == 1 ? BigDecimal.ONE : new BigDecimal(p[1].trim()));
        }

        BigDecimal exactDecimal(String what) {
            try {
                return numerator.divide(denominator, MathContext.UNLIMITED);
            } catch (ArithmeticException e) {
                throw new ContractException(
                        "indicators.json: "
                                + what
                                + " = "
                                + numerator
                                + "/"
                                + denominator
                                + " is not a finite decimal; MPI weights must be (1/4, 1/8, 1/16 are)");
            }
        }
    }

    private static volatile Catalogue shipped;

    /** The shipped catalogue. */
    public static Catalogue get() {
        if (shipped == null) {
            try (InputStream in = Catalogue.class.getClassLoader().getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new ContractException("schemas/indicators.json is not on the classpath");
                }
                shipped = parse(new ObjectMapper().readTree(in), "schemas/indicators.json");
            } catch (IOException e) {
                throw new ContractException(
                        "schemas/indicators.json does not load: " + e.getMessage(), e);
            }
        }
        return shipped;
    }

    /** A replacement catalogue; null → the shipped one. */
    public static Catalogue load(Path file) {
        if (file == null) {
            return get();
        }
        try {
            return parse(new ObjectMapper().readTree(Files.readAllBytes(file)), file.toString());
        } catch (IOException e) {
            throw new ContractException(
                    "indicator catalogue " + file + " does not load: " + e.getMessage(), e);
        }
    }

    static Catalogue parse(JsonNode root, String name) {
        String version = root.path("version").asText("");
        if (version.isEmpty()) {
            throw new ContractException(name + ": the catalogue has no \"version\"");
        }
        List<Indicator> indicators = new ArrayList<>();
        for (JsonNode i : root.path("indicators")) {
            List<String> needs = new ArrayList<>();
            i.path("needs").forEach(n -> needs.add(n.asText()));
            String level = i.path("lowest_level").asText("village");
            if (!LEVELS.contains(level)) {
                throw new ContractException(
                        name + ": " + i.path("id").asText() + " has lowest_level " + level);
            }
            Indicator ind =
                    new Indicator(
                            i.path("id").asText(),
                            text(i, "pillar"),
                            text(i, "name_zh"),
                            text(i, "name_en"),
                            text(i, "definition"),
                            decimal(i, "target"),
                            i.path("direction").asText(">="),
                            decimal(i, "floor"),
                            level,
                            text(i, "counts"),
                            List.copyOf(needs));
            if (ind.scored() && (ind.floor() == null || ind.floor().compareTo(ind.target()) == 0)) {
                throw new ContractException(
                        name
                                + ": scored indicator "
                                + ind.id()
                                + " needs a floor different from its target");
            }
            if (!ind.direction().equals(">=") && !ind.direction().equals("<=")) {
                throw new ContractException(
                        name + ": " + ind.id() + " has direction " + ind.direction());
            }
            indicators.add(ind);
        }
        List<Pillar> pillars = new ArrayList<>();
        for (JsonNode p : root.path("pillars")) {
            pillars.add(
                    new Pillar(
                            p.path("id").asText(),
                            text(p, "name_zh"),
                            text(p, "name_en"),
                            decimal(p, "weight")));
        }
        List<Grade> grades = new ArrayList<>();
        for (JsonNode g : root.path("grades")) {
            grades.add(new Grade(decimal(g, "min"), g.path("grade").asText()));
        }
        // highest minimum first, the open-ended grade last, whatever order the file lists them in
        grades.sort(
                (a, b) -> a.min() == null ? 1 : b.min() == null ? -1 : b.min().compareTo(a.min()));
        List<String> ranked = new ArrayList<>();
        root.path("ranked_levels").forEach(n -> ranked.add(n.asText()));
        JsonNode mpi = root.path("mpi");
        Map<String, BigDecimal> weights = new LinkedHashMap<>();
        mpi.path("weights")
                .fields()
                .forEachRemaining(
                        e ->
                                weights.put(
                                        e.getKey(),
                                        Fraction.parse(e.getValue().asText())
                                                .exactDecimal("mpi weight " + e.getKey())));
        Map<String, List<String>> causes = new LinkedHashMap<>();
        root.path("cause_matched_measures")
                .fields()
                .forEachRemaining(
                        e -> {
                            List<String> m = new ArrayList<>();
                            e.getValue().forEach(n -> m.add(n.asText()));
                            causes.put(e.getKey(), List.copyOf(m));
                        });
        return new Catalogue(
                version,
                List.copyOf(indicators),
                List.copyOf(pillars),
                List.copyOf(grades),
                List.copyOf(ranked),
                Fraction.parse(mpi.path("k").asText("1/3")),
                weights,
                causes);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static BigDecimal decimal(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() || v.asText().isEmpty() ? null : new BigDecimal(v.asText());
    }

    public Optional<Indicator> indicator(String id) {
        return indicators.stream().filter(i -> i.id().equals(id)).findFirst();
    }

    public Indicator require(String id) {
        return indicator(id)
                .orElseThrow(
                        () ->
                                new ContractException(
                                        "the catalogue (version "
                                                + version
                                                + ") has no indicator "
                                                + id));
    }

    /** The grade of a composite score (null → null). */
    public String grade(BigDecimal composite) {
        if (composite == null) {
            return null;
        }
        for (Grade g : grades) {
            if (g.min() == null || composite.compareTo(g.min()) >= 0) {
                return g.grade();
            }
        }
        return null;
    }
}
