package org.povlake.jobs;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.povlake.lake.Lakehouse;
import org.povlake.ops.RunLock;
import org.povlake.silver.PseudonymKey;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "build-silver",
        description = {
            "Builds silver from bronze: conformed, pseudonymised, historised tables (silver.*), orphans in silver.orphans.",
            "Incremental: only deliveries new since the last build are processed; nothing new → nothing written.",
            "Needs the pseudonymisation key: --key-file, or $"
                    + PseudonymKey.ENV_FILE
                    + " (a 0600 file of 64+ hex digits),",
            "or $"
                    + PseudonymKey.ENV_KEY
                    + ", or the lakehouse's local key (.secrets/pseudonym.key, made by `povlake demo`).",
            "Rotating the key: --rebuild --retire-old-pseudonyms with the new key (every version of the tables that hold",
            "pseudonyms is deleted, then they are rebuilt; build gold after it).",
            "Exit codes: 0 built or up to date; 2 usage; 1 failure (e.g. no key, or a key other than silver's)."
        })
public final class BuildSilverCommand implements Callable<Integer> {
    @Mixin LakehouseOption lake;

    @Option(
            names = "--key-file",
            paramLabel = "FILE",
            description = "the pseudonymisation key file (mode 0600)")
    Path keyFile;

    @Option(
            names = "--rebuild",
            description = {
                "recompute every silver table from all of bronze (required after a",
                "key rotation or a silver format change; gives the same tables as the incremental builds)"
            })
    boolean rebuild;

    @Option(
            names = "--retire-old-pseudonyms",
            description = {
                "confirms a key rotation (--rebuild under a key other than",
                "silver's): every version of the silver tables that hold pseudonyms is deleted, so no pseudonym of the old",
                "key stays readable; their time travel to before the rotation ends"
            })
    boolean retireOldPseudonyms;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Lakehouse lakehouse = Spark.lakehouse(lake);
        PseudonymKey key = key(lakehouse, keyFile); // before anything is written (the lock)
        return LockedRun.run(
                spec.commandLine(),
                lakehouse,
                RunLock.DEFAULT_MAX_AGE,
                held -> build(held, lakehouse, key));
    }

    private int build(RunLock.Attempt held, Lakehouse lakehouse, PseudonymKey key) {
        PrintWriter out = spec.commandLine().getOut();
        LockedRun.pipeline(lakehouse, held, out).silver(key, rebuild, retireOldPseudonyms);
        return PovlakeCli.OK;
    }

    /** The key from configuration; the lakehouse's local key file is the last resort. */
    static PseudonymKey key(Lakehouse lakehouse, Path keyFile) {
        return PseudonymKey.resolve(
                Optional.ofNullable(keyFile), System.getenv(), localKeyFile(lakehouse));
    }

    /**
     * {@code <lakehouse>/.secrets/pseudonym.key} when the lakehouse is on the local file system.
     */
    static Optional<Path> localKeyFile(Lakehouse lakehouse) {
        URI root = URI.create(lakehouse.root());
        return "file".equals(root.getScheme())
                ? Optional.of(Path.of(root).resolve(PseudonymKey.LOCAL_KEY))
                : Optional.empty();
    }
}
