package org.povlake.pipeline;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * What the nightly run decides, from the run log and the lakehouse's state given to it: whether a
 * previous run left work to finish, which years to assess, and whether there was nothing new at
 * all. No I/O here: {@link Nightly} reads the state and acts on the answers.
 */
public final class NightlyDecisions {
    /**
     * The last run that ended with exit 0 or 3: its id, when it finished and the table versions it
     * left.
     */
    public record LastRun(String runId, Instant finishedAt, Map<String, Long> versionsAfter) {}

    private NightlyDecisions() {}

    /**
     * Whether a previous run left work: the tables changed since the last successful run ended (a
     * run was killed, failed, or a command ran in between); before any successful run, a run that
     * died (its stale lock was taken over) or failed (the run log exists). The first nightly ever
     * on a lakehouse built by other commands has nothing to finish.
     *
     * @param last the last successful run, or null
     * @param versionsNow every table's version now (the run log's own left out)
     * @param tookOverLock this run took over the stale lock of a run that died
     * @param runLogExists the run log exists (some nightly ran here before)
     */
    public static boolean unfinished(
            LastRun last,
            Map<String, Long> versionsNow,
            boolean tookOverLock,
            boolean runLogExists) {
        return last != null
                ? !versionsNow.equals(last.versionsAfter())
                : tookOverLock || runLogExists;
    }

    /**
     * The years to assess: those gold built now and, when a previous run did not finish, those gold
     * built since the last successful run ended (every year ever built when there was none).
     *
     * @param builtSince the years with a gold build started after an instant (null: ever), asked
     *     only when needed
     */
    public static SortedSet<Integer> yearsToAssess(
            Collection<Integer> builtNow,
            boolean unfinished,
            LastRun last,
            Function<Instant, Collection<Integer>> builtSince) {
        SortedSet<Integer> years = new TreeSet<>(builtNow);
        if (unfinished) {
            years.addAll(builtSince.apply(last == null ? null : last.finishedAt()));
        }
        return years;
    }

    /**
     * Nothing to do after silver and gold: no year to assess, nothing left unfinished, no file
     * loaded, silver current.
     */
    public static boolean nothingNew(
            Collection<Integer> toAssess,
            boolean unfinished,
            long filesLoaded,
            boolean silverUpToDate) {
        return toAssess.isEmpty() && !unfinished && filesLoaded == 0 && silverUpToDate;
    }
}
