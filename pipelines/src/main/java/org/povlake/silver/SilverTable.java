package org.povlake.silver;

import java.util.ArrayList;
import java.util.List;

/**
 * One silver table as declared in {@link SilverTables}: the bronze extract its rows come from, the
 * inputs it is checked against (extracts or silver tables) and how a change of each reaches it, and
 * the step that makes it. The build order, the part of the table an incremental build recomputes
 * and the quality report's lists are derived from these declarations, never written beside them.
 */
public final class SilverTable {
    /** How a change of an input reaches the table. */
    public enum Check {
        /**
         * Checked against every snapshot of the input: any change of it recomputes the table in
         * full.
         */
        ANY_SNAPSHOT,
        /**
         * Checked against the input's delivery of the same date: its changed dates are recomputed.
         */
        SAME_DATE,
        /**
         * Checked against the input's latest delivery up to the end of each snapshot's year (a
         * year's insurance for a registry snapshot): the input's changed dates reach the step,
         * which recomputes the snapshots that resolve to one of them.
         */
        LATEST_OF_YEAR
    }

    /**
     * An input: an extract ({@code registry_households}) or a silver table ({@code
     * silver.members}).
     */
    public record Input(String name, Check check) {
        public boolean isSilver() {
            return name.startsWith("silver.");
        }
    }

    /**
     * Makes the table: reads the bronze deliveries in scope, transforms, writes; says what it did.
     */
    interface Step {
        String run(SilverSteps steps, SilverTable table, Scope scope);
    }

    private final String name;
    private String extract;
    private boolean divisions;
    private boolean history;
    private boolean markedInRegistry;
    private final List<Input> inputs = new ArrayList<>();
    private Step step;

    private SilverTable(String name) {
        this.name = name;
    }

    static SilverTable table(String name) {
        return new SilverTable(name);
    }

    /**
     * The extract whose deliveries the table's rows (and its orphans) come from, one partition per
     * as-of date.
     */
    SilverTable from(String extract) {
        this.extract = extract;
        return this;
    }

    /**
     * Made from the shipped divisions (the reference), not from an extract: rewritten when they
     * change.
     */
    SilverTable fromDivisions() {
        this.divisions = true;
        return this;
    }

    /**
     * A history folded from every delivery of its extract (SCD type 2): recomputed from its first
     * changed delivery on, by its step; not one row per delivery.
     */
    SilverTable history() {
        this.history = true;
        return this;
    }

    /**
     * Checked against every snapshot of these inputs (a changed parent recomputes the table in
     * full).
     */
    SilverTable checkedAgainst(String... names) {
        for (String n : names) {
            inputs.add(new Input(n, Check.ANY_SNAPSHOT));
        }
        return this;
    }

    /**
     * Checked against these inputs' latest delivery up to the end of each snapshot's year ({@link
     * Check#LATEST_OF_YEAR}).
     */
    SilverTable latestOfYear(String... names) {
        for (String n : names) {
            inputs.add(new Input(n, Check.LATEST_OF_YEAR));
        }
        return this;
    }

    /** Checked against these inputs' deliveries of the same date. */
    SilverTable sameDateAs(String... names) {
        for (String n : names) {
            inputs.add(new Input(n, Check.SAME_DATE));
        }
        return this;
    }

    /**
     * Persons marked {@code in_registry} against the registry's members (silver.members, in any
     * snapshot).
     */
    SilverTable markedInRegistry() {
        this.markedInRegistry = true;
        return checkedAgainst("silver.members");
    }

    SilverTable step(Step step) {
        this.step = step;
        return this;
    }

    public String name() {
        return name;
    }

    /**
     * The extract the rows come from; null for a table made from the divisions or from other silver
     * tables only.
     */
    public String extract() {
        return extract;
    }

    public boolean fromDivisionsOnly() {
        return divisions;
    }

    /** A history of its extract's deliveries ({@link #history()}). */
    public boolean isHistory() {
        return history;
    }

    public boolean isMarkedInRegistry() {
        return markedInRegistry;
    }

    public List<Input> inputs() {
        return List.copyOf(inputs);
    }

    Step step() {
        return step;
    }

    @Override
    public String toString() {
        return name;
    }
}
