package org.povlake.jobs;

import java.nio.file.Path;
import org.povlake.contract.Catalogue;
import org.povlake.contract.PovertyLines;
import picocli.CommandLine.Option;

/**
 * The indicator catalogue and the poverty lines, replaceable by configuration (build, build-gold,
 * assess).
 */
public final class CatalogueOptions {
    @Option(
            names = "--catalogue",
            paramLabel = "FILE",
            description =
                    "an indicator catalogue replacing schemas/indicators.json (targets, weights; same shape)")
    Path catalogue;

    @Option(
            names = "--poverty-lines",
            paramLabel = "FILE",
            description = "a poverty-line table replacing schemas/poverty_lines.json (same shape)")
    Path povertyLines;

    Catalogue catalogue() {
        return Catalogue.load(catalogue);
    }

    PovertyLines lines() {
        return PovertyLines.load(povertyLines);
    }
}
