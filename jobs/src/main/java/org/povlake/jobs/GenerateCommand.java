package org.povlake.jobs;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.povlake.generate.FileStats;
import org.povlake.generate.GenerateOptions;
import org.povlake.generate.Generator;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "generate",
        description = {
            "Writes a synthetic inbox in the delivery layout, DIR/inbox/<source>/<extract>_<YYYYMMDD>.csv, on the real Gansu "
                    + "divisions: for every year, as of 31 December, a snapshot of each snapshot extract and the year's "
                    + "events of each event extract.",
            "With --error-rate, rows get one injected fault each. DIR/generator-manifest.json says what the ingest must "
                    + "report for every file.",
            "The same arguments give byte-identical files. Progress goes to stderr.",
            "Exit codes: 0 ok; 2 usage; 1 failure."
        })
public final class GenerateCommand implements Callable<Integer> {
    @Option(
            names = "--out",
            required = true,
            paramLabel = "DIR",
            description =
                    "the folder to write: DIR/inbox and DIR/generator-manifest.json (new, empty, or a previous "
                            + "generation, which is replaced)")
    Path out;

    static final class Size {
        @Option(
                names = "--households",
                paramLabel = "N",
                description = "number of poor households (default 10000)")
        Long households;

        @Option(
                names = "--scale",
                paramLabel = "small|gansu",
                description =
                        "small = 2,000 households; gansu = 1,400,000 (Gansu's registered poor households)")
        String scale;
    }

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Size size;

    @Option(
            names = "--years",
            paramLabel = "YYYY-YYYY",
            defaultValue = GenerateOptions.DEFAULT_YEARS,
            description = "delivery years (default ${DEFAULT-VALUE}); each needs a poverty line")
    String years;

    @Option(
            names = "--seed",
            paramLabel = "S",
            defaultValue = "1",
            description = "random seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(
            names = "--error-rate",
            paramLabel = "R",
            defaultValue = "0",
            description =
                    "share of data rows that get one injected fault (default ${DEFAULT-VALUE})")
    double errorRate;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        GenerateOptions options;
        try {
            long households = GenerateOptions.DEFAULT_HOUSEHOLDS;
            String scale = null;
            if (size != null && size.scale != null) {
                scale = size.scale;
                households = GenerateOptions.householdsOf(scale);
            } else if (size != null && size.households != null) {
                households = size.households;
            }
            int[] range = GenerateOptions.parseYears(years);
            options =
                    new GenerateOptions(
                            out, households, range[0], range[1], seed, errorRate, scale);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        PrintWriter err = spec.commandLine().getErr();
        Generator.Result r;
        try {
            r =
                    Generator.run(
                            options,
                            msg -> {
                                err.println(msg);
                                err.flush();
                            });
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        PrintWriter o = spec.commandLine().getOut();
        for (Map.Entry<String, FileStats> f : r.files().entrySet()) {
            FileStats s = f.getValue();
            o.println(
                    String.format(
                            Locale.ROOT,
                            "%-52s %,12d rows  %,9d with a fault",
                            f.getKey(),
                            s.read(),
                            s.quarantined()));
        }
        o.println(
                String.format(
                        Locale.ROOT,
                        "generated %d files, %,d rows, %,d bytes in %.1f s → %s (manifest: %s)",
                        r.files().size(),
                        r.files().values().stream().mapToLong(FileStats::read).sum(),
                        r.bytes(),
                        r.elapsed().toMillis() / 1000.0,
                        r.out().resolve(Generator.INBOX),
                        r.out().resolve("generator-manifest.json")));
        o.println("ingest it with: povlake ingest --inbox " + r.out().resolve(Generator.INBOX));
        o.flush();
        return PovlakeCli.OK;
    }
}
