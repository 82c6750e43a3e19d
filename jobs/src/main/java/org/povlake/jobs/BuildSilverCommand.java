package org.povlake.jobs;

import org.povlake.lake.Lakehouse;
import org.povlake.ops.RunLock;
import org.povlake.silver.PseudonymKey;
import org.povlake.silver.SilverBuild;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "build-silver", description = {
        "Builds silver from bronze: conformed, pseudonymised, historised tables (silver.*), orphans in silver.orphans.",
        "Incremental: only deliveries new since the last build are processed; nothing new → nothing written.",
        "Needs the pseudonymisation key: --key-file, or $" + PseudonymKey.ENV_FILE + " (a 0600 file of 64+ hex digits),",
        "or $" + PseudonymKey.ENV_KEY + ", or the lakehouse's local key (.secrets/pseudonym.key, made by `povlake demo`).",
        "Rotating the key: --rebuild --retire-old-pseudonyms with the new key (every version of the tables that hold",
        "pseudonyms is deleted, then they are rebuilt; build gold after it).",
        "Exit codes: 0 built or up to date; 2 usage; 1 failure (e.g. no key, or a key other than silver's)."})
public final class BuildSilverCommand implements Callable<Integer> {
    @Mixin
    LakehouseOption lake;

    @Option(names = "--key-file", paramLabel = "FILE", description = "the pseudonymisation key file (mode 0600)")
    Path keyFile;

    @Option(names = "--rebuild", description = {"recompute every silver table from all of bronze (required after a",
            "key rotation or a silver format change; gives the same tables as the incremental builds)"})
    boolean rebuild;

    @Option(names = "--retire-old-pseudonyms", description = {"confirms a key rotation (--rebuild under a key other than",
            "silver's): every version of the silver tables that hold pseudonyms is deleted, so no pseudonym of the old",
            "key stays readable; their time travel to before the rotation ends"})
    boolean retireOldPseudonyms;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        return LockedRun.run(spec.commandLine(), Spark.lakehouse(lake), RunLock.DEFAULT_MAX_AGE, held -> build());
    }

    private int build() {
        PrintWriter out = spec.commandLine().getOut();
        Lakehouse lakehouse = Spark.lakehouse(lake);
        run(lakehouse, key(lakehouse, keyFile), rebuild, retireOldPseudonyms, out);
        return PovlakeCli.OK;
    }

    /** A build that is not a key rotation (nightly, build, demo: a key change is refused). */
    static SilverBuild.Result run(Lakehouse lakehouse, PseudonymKey key, boolean rebuild, PrintWriter out) {
        return run(lakehouse, key, rebuild, false, out);
    }

    static SilverBuild.Result run(Lakehouse lakehouse, PseudonymKey key, boolean rebuild, boolean retireOldPseudonyms,
                                  PrintWriter out) {
        out.println("building silver (" + (rebuild ? "rebuild" : "incremental") + ", pseudonymisation key "
                + key.id() + ")");
        out.flush();
        SilverBuild.Result r = new SilverBuild(lakehouse, key).run(rebuild, retireOldPseudonyms);
        if (r.retiredKeyId() != null) {
            out.println("key rotation: the pseudonyms of key " + r.retiredKeyId() + " are retired — every earlier"
                    + " version of " + String.join(", ", r.retiredTables()) + " was deleted; build gold now");
        } else if (retireOldPseudonyms) {
            out.println("nothing to retire: silver's pseudonyms are already under key " + key.id());
        }
        if (r.upToDate()) {
            out.println("silver is up to date: no delivery is new or changed since the last build");
        } else {
            out.printf("silver %s build %s: %d new or changed deliveries, %.1f s%n", r.mode(), r.buildId(),
                    r.changedDeliveries().size(), r.seconds());
            r.actions().forEach((table, action) -> out.printf("  %-28s %s%n", table, action));
        }
        out.flush();
        return r;
    }

    /** The key from configuration; the lakehouse's local key file is the last resort. */
    static PseudonymKey key(Lakehouse lakehouse, Path keyFile) {
        return PseudonymKey.resolve(Optional.ofNullable(keyFile), System.getenv(), localKeyFile(lakehouse));
    }

    /** {@code <lakehouse>/.secrets/pseudonym.key} when the lakehouse is on the local file system. */
    static Optional<Path> localKeyFile(Lakehouse lakehouse) {
        URI root = URI.create(lakehouse.root());
        return "file".equals(root.getScheme()) ? Optional.of(Path.of(root).resolve(PseudonymKey.LOCAL_KEY))
                : Optional.empty();
    }

}
