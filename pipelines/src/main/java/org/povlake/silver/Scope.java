package org.povlake.silver;

import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;

/** What a silver table's step rebuilds: everything, or only the deliveries of some as-of dates. */
record Scope(boolean all, Set<LocalDate> dates) {
    static final Scope ALL = new Scope(true, Set.of());
    static final Scope NONE = new Scope(false, Set.of());

    static Scope of(Set<LocalDate> dates) {
        return dates.isEmpty() ? NONE : new Scope(false, new TreeSet<>(dates));
    }

    boolean none() {
        return !all && dates.isEmpty();
    }

    /** In words, for ops.silver_builds.actions. */
    String describe(String unit) {
        return all ? "full" : none() ? "skipped" : unit + " " + dates;
    }
}
