package org.povlake.silver;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which part of each silver table a build recomputes, derived from its declaration ({@link
 * SilverTable}) and the deliveries that changed: a table made from the divisions is rewritten when
 * they changed; any table in full when an input it is checked against in every snapshot changed (so
 * orphans join as soon as their parent arrives), or in a full build; otherwise its own changed
 * deliveries and those of the inputs it is checked against date by date (a history is recomputed by
 * its step from the first of them on; a {@link SilverTable.Check#LATEST_OF_YEAR} input's dates are
 * resolved to snapshots by the step).
 *
 * @param full every table is recomputed (a first build or a rebuild)
 * @param changed extract → the as-of dates of its deliveries new or changed since the last build
 * @param divisionsChanged the shipped divisions differ from those of the last build (or there was
 *     none)
 */
record Plan(boolean full, Map<String, Set<LocalDate>> changed, boolean divisionsChanged) {
    boolean changed(String extract) {
        return full || changed.containsKey(extract);
    }

    /** What the build recomputes of {@code t}. */
    Scope scope(SilverTable t) {
        if (t.fromDivisionsOnly()) {
            return divisionsChanged ? Scope.ALL : Scope.NONE;
        }
        if (full) {
            return Scope.ALL;
        }
        Set<LocalDate> dates =
                new TreeSet<>(
                        t.extract() == null
                                ? Set.of()
                                : changed.getOrDefault(t.extract(), Set.of()));
        for (SilverTable.Input in : t.inputs()) {
            if (in.check() == SilverTable.Check.ANY_SNAPSHOT) {
                if (changed(in)) {
                    return Scope.ALL;
                }
            } else if (in.isSilver()) {
                Scope s = scope(SilverTables.get(in.name()));
                if (s.all()) {
                    return Scope.ALL;
                }
                dates.addAll(s.dates());
            } else {
                dates.addAll(changed.getOrDefault(in.name(), Set.of()));
            }
        }
        return Scope.of(dates);
    }

    /** Whether an input changed: an extract's deliveries, or any extract behind a silver table. */
    private boolean changed(SilverTable.Input in) {
        return in.isSilver()
                ? SilverTables.extractsBehind(SilverTables.get(in.name())).stream()
                        .anyMatch(this::changed)
                : changed(in.name());
    }
}
