package org.povlake.jobs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.povlake.assess.Assess;
import org.povlake.ops.RunLock;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "assess",
        description = {
            "Writes the annual assessment of a year from gold: assessment_<Y>.json and indicators_<Y>.csv (METRICS.md's",
            "output contract), assessment_<Y>.html (the report) and assessment_<Y>.xlsx (the workbook), and records the",
            "run in DIR/manifest.json (every input table's Delta version, code and catalogue versions, file hashes).",
            "--as-of MANIFEST reads exactly the table versions a previous run read (Delta time travel) and reproduces its",
            "JSON and CSV byte for byte apart from generated_at. Exit codes: 0 done; 2 usage; 1 failure."
        })
public final class AssessCommand implements Callable<Integer> {
    @Mixin LakehouseOption lake;

    @Option(names = "--year", required = true, paramLabel = "Y", description = "the year to assess")
    int year;

    @Option(
            names = "--out",
            required = true,
            paramLabel = "DIR",
            description = "the folder to write into (created)")
    Path out;

    @Option(
            names = "--format",
            split = ",",
            paramLabel = "F",
            completionCandidates = FormatNames.class,
            description = "${COMPLETION-CANDIDATES}, comma-separated (default: all of them)")
    Set<String> formats;

    @Option(
            names = "--publish",
            description =
                    "the public release: no village rows, small cells suppressed (METRICS.md)")
    boolean publish;

    @Option(
            names = "--as-of",
            paramLabel = "VERSION_FILE",
            description =
                    "a previous run's manifest.json (or assessment_<Y>.json): read the table versions it lists")
    Path asOf;

    @Mixin
    CatalogueOptions
            reference; // the catalogue gold was built with: names, definitions and the methods

    // appendix

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        CommandLine cmd = spec.commandLine();
        Set<Assess.Format> f = formats(cmd);
        if (asOf != null && !java.nio.file.Files.isRegularFile(asOf)) {
            throw new CommandLine.ParameterException(cmd, "--as-of " + asOf + " is not a file");
        }
        return LockedRun.run(
                cmd, Spark.lakehouse(lake), RunLock.DEFAULT_MAX_AGE, held -> assess(f, held));
    }

    private int assess(Set<Assess.Format> f, RunLock.Attempt held) throws IOException {
        LockedRun.pipeline(Spark.lakehouse(lake), held, spec.commandLine().getOut())
                .assess(
                        new Assess.Options(
                                year,
                                out,
                                f,
                                publish,
                                asOf,
                                reference.catalogue(),
                                reference.lines(),
                                BuildInfo.version()));
        return PovlakeCli.OK;
    }

    Set<Assess.Format> formats(CommandLine cmd) {
        EnumSet<Assess.Format> f = EnumSet.noneOf(Assess.Format.class);
        if (formats != null) {
            for (String s : formats) {
                try {
                    f.add(Assess.Format.valueOf(s.trim().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw new CommandLine.ParameterException(
                            cmd,
                            "--format takes "
                                    + String.join(", ", new FormatNames())
                                    + ", not '"
                                    + s
                                    + "'");
                }
            }
        }
        return f;
    }

    /** The names {@code --format} takes: every {@link Assess.Format}'s, in its order. */
    static final class FormatNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return java.util.Arrays.stream(Assess.Format.values())
                    .map(Assess.Format::key)
                    .iterator();
        }
    }
}
