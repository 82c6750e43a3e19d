package org.povlake.quality;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.povlake.contract.ReasonCode;

/**
 * Derives the actionable problems of a report from its per-delivery counts and snapshot signals.
 */
public final class Problems {
    private Problems() {}

    /** Examples given per problem (record numbers, missing parent keys). */
    public static final int EXAMPLES = 5;

    /**
     * An agency whose latest delivery is more than this many days behind the newest agency's is
     * stale.
     */
    public static final long STALE_DAYS = 366;

    public static final String SCHEMA_DRIFT = "SCHEMA_DRIFT";
    public static final String NOT_REGISTERED = "NOT_REGISTERED";
    public static final String STALE_DELIVERY = "STALE_DELIVERY";
    public static final String HOUSEHOLD_SIZE_MISMATCH = "HOUSEHOLD_SIZE_MISMATCH";
    public static final String PERSON_IN_MULTIPLE_HOUSEHOLDS = "PERSON_IN_MULTIPLE_HOUSEHOLDS";
    public static final String REGISTRY_HEALTH_DISAGREEMENT = "REGISTRY_HEALTH_DISAGREEMENT";
    static final String HOUSEHOLDS = "registry_households";
    static final String MEMBERS = "registry_members";

    /**
     * Severity (ERROR, WARNING, INFO), then the largest count first, then source, extract, file.
     */
    public static final Comparator<Problem> ORDER =
            Comparator.comparingInt((Problem p) -> severityRank(p.severity()))
                    .thenComparing(Comparator.comparingLong(Problem::count).reversed())
                    .thenComparing(Problem::source, Comparator.nullsLast(Comparator.naturalOrder()))
                    .thenComparing(
                            Problem::extract, Comparator.nullsLast(Comparator.naturalOrder()))
                    .thenComparing(
                            Problem::sourceFile, Comparator.nullsLast(Comparator.naturalOrder()))
                    .thenComparing(
                            Problem::asOfDate, Comparator.nullsLast(Comparator.naturalOrder()))
                    .thenComparing(Problem::rule, Comparator.nullsLast(Comparator.naturalOrder()));

    static int severityRank(String severity) {
        return switch (severity == null ? "" : severity) {
            case Problem.ERROR -> 0;
            case Problem.WARNING -> 1;
            case Problem.INFO -> 2;
            default -> 3;
        };
    }

    public static List<Problem> derive(
            List<AgencyQuality> agencies, List<SnapshotSignals> signals) {
        List<Problem> out = new ArrayList<>();
        for (AgencyQuality a : agencies == null ? List.<AgencyQuality>of() : agencies) {
            for (ExtractQuality e : a.extracts()) {
                for (DeliveryQuality d : e.deliveries()) {
                    delivery(a.source(), e.extract(), d, out);
                }
            }
            if (a.daysBehindNewestAgency() != null && a.daysBehindNewestAgency() > STALE_DAYS) {
                List<String> latest =
                        a.extracts().stream()
                                .filter(e -> e.latest() != null)
                                .map(e -> e.extract() + " " + e.latest().asOfDate())
                                .toList();
                out.add(
                        new Problem(
                                Problem.WARNING,
                                a.source(),
                                null,
                                null,
                                a.latestAsOf(),
                                STALE_DELIVERY,
                                a.daysBehindNewestAgency(),
                                Actions.stale(a.latestAsOf(), a.daysBehindNewestAgency()),
                                latest));
            }
        }
        latestSignals(signals).ifPresent(s -> signals(s, agencies, out));
        out.sort(ORDER);
        return out;
    }

    /**
     * A skipped delivery (a byte-identical re-delivery) loaded nothing: its findings belong to the
     * original.
     */
    private static void delivery(
            String source, String extract, DeliveryQuality d, List<Problem> out) {
        if (DeliveryQuality.SKIPPED.equals(d.status())) {
            return;
        }
        String file = d.sourceFile();
        String asOf = d.asOfDate();
        if (DeliveryQuality.REJECTED.equals(d.status())) {
            String rule =
                    d.rejection() == null || d.rejection().isBlank() ? "REJECTED" : d.rejection();
            out.add(
                    new Problem(
                            Problem.ERROR,
                            source,
                            extract,
                            file,
                            asOf,
                            rule,
                            d.rowsRead(),
                            Actions.rejection(d.rejection(), d.message()),
                            List.of()));
        }
        for (Map.Entry<String, Long> r : d.quarantinedByReason().entrySet()) {
            long n = r.getValue() == null ? 0 : r.getValue();
            if (n <= 0) {
                continue;
            }
            ReasonCode code = Actions.reasonCode(r.getKey());
            boolean error =
                    n * 100 >= d.rowsRead()
                            || code == ReasonCode.BAD_ENCODING
                            || code == ReasonCode.BAD_RECORD;
            List<String> examples =
                    first(d.exampleRecords().get(r.getKey())).stream()
                            .map(rec -> "record " + rec)
                            .toList();
            out.add(
                    new Problem(
                            error ? Problem.ERROR : Problem.WARNING,
                            source,
                            extract,
                            file,
                            asOf,
                            r.getKey(),
                            n,
                            Actions.reason(r.getKey()),
                            examples));
        }
        for (Map.Entry<String, Long> o : d.orphansByLink().entrySet()) {
            long n = o.getValue() == null ? 0 : o.getValue();
            if (n > 0) {
                out.add(
                        new Problem(
                                Problem.WARNING,
                                source,
                                extract,
                                file,
                                asOf,
                                "ORPHAN_" + o.getKey().toUpperCase(Locale.ROOT),
                                n,
                                Actions.orphan(extract, o.getKey()),
                                first(d.orphanExamples().get(o.getKey()))));
            }
        }
        if (d.hasDrift()) {
            List<String> columns = new ArrayList<>();
            d.extraColumns().forEach(c -> columns.add("extra: " + c));
            if (d.extraColumnsUnlisted() > 0) {
                columns.add(
                        "extra: "
                                + d.extraColumnsUnlisted()
                                + " more, not listed (not column names, or beyond"
                                + " the listed ones)");
            }
            d.missingOptionalColumns().forEach(c -> columns.add("missing: " + c));
            out.add(
                    new Problem(
                            Problem.INFO,
                            source,
                            extract,
                            file,
                            asOf,
                            SCHEMA_DRIFT,
                            d.extraColumns().size()
                                    + d.extraColumnsUnlisted()
                                    + d.missingOptionalColumns().size(),
                            Actions.DRIFT,
                            columns));
        }
        if (d.notRegistered() > 0) {
            out.add(
                    new Problem(
                            Problem.INFO,
                            source,
                            extract,
                            file,
                            asOf,
                            NOT_REGISTERED,
                            d.notRegistered(),
                            Actions.NOT_REGISTERED,
                            List.of()));
        }
    }

    /** The signals of the latest households snapshot (largest ISO as-of date). */
    static java.util.Optional<SnapshotSignals> latestSignals(List<SnapshotSignals> signals) {
        return (signals == null ? List.<SnapshotSignals>of() : signals)
                .stream()
                        .filter(s -> s.asOfDate() != null)
                        .max(Comparator.comparing(SnapshotSignals::asOfDate));
    }

    private static void signals(
            SnapshotSignals s, List<AgencyQuality> agencies, List<Problem> out) {
        String asOf = s.asOfDate();
        if (s.sizeMismatchHouseholds() > 0) {
            out.add(
                    new Problem(
                            Problem.WARNING,
                            "registry",
                            HOUSEHOLDS,
                            fileOf(agencies, HOUSEHOLDS, asOf),
                            asOf,
                            HOUSEHOLD_SIZE_MISMATCH,
                            s.sizeMismatchHouseholds(),
                            Actions.sizeMismatch(s),
                            List.of()));
        }
        if (s.personsInMultipleHouseholds() > 0) {
            out.add(
                    new Problem(
                            Problem.WARNING,
                            "registry",
                            MEMBERS,
                            fileOf(agencies, MEMBERS, asOf),
                            asOf,
                            PERSON_IN_MULTIPLE_HOUSEHOLDS,
                            s.personsInMultipleHouseholds(),
                            Actions.multipleHouseholds(s),
                            List.of()));
        }
        if (s.registryHealthDisagree() > 0) {
            out.add(
                    new Problem(
                            Problem.INFO,
                            "registry",
                            MEMBERS,
                            fileOf(agencies, MEMBERS, asOf),
                            asOf,
                            REGISTRY_HEALTH_DISAGREEMENT,
                            s.registryHealthDisagree(),
                            Actions.registryHealth(s),
                            List.of()));
        }
    }

    /**
     * The loaded file of that extract and as-of date (the last one, if re-delivered), else null.
     */
    static String fileOf(List<AgencyQuality> agencies, String extract, String asOf) {
        String file = null;
        for (AgencyQuality a : agencies == null ? List.<AgencyQuality>of() : agencies) {
            for (ExtractQuality e : a.extracts()) {
                if (!extract.equals(e.extract())) {
                    continue;
                }
                for (DeliveryQuality d : e.deliveries()) {
                    if (asOf.equals(d.asOfDate()) && DeliveryQuality.LOADED.equals(d.status())) {
                        file = d.sourceFile();
                    }
                }
            }
        }
        return file;
    }

    private static <T> List<T> first(List<T> list) {
        if (list == null) {
            return List.of();
        }
        return list.stream().filter(java.util.Objects::nonNull).limit(EXAMPLES).toList();
    }
}
