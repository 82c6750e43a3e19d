package org.povlake.jobs;

import org.povlake.contract.Catalogue;
import org.povlake.contract.PovertyLines;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The gold options shared by {@code build} and {@code build-gold}. */
public final class GoldOptions {
    @Option(
            names = "--years",
            paramLabel = "A-B",
            description =
                    "years to build gold for: 2019 or 2016-2020 (default: every year with a households delivery)")
    String years;

    @picocli.CommandLine.Mixin CatalogueOptions reference = new CatalogueOptions();

    @Option(
            names = "--force",
            description = "rebuild gold years even when their inputs are unchanged")
    boolean force;

    /** A usage error for a {@code --years} that is not a year or a range. */
    void check(CommandLine cmd) {
        if (years != null) {
            bounds(cmd);
        }
    }

    Integer from(CommandLine cmd) {
        return years == null ? null : bounds(cmd)[0];
    }

    Integer to(CommandLine cmd) {
        return years == null ? null : bounds(cmd)[1];
    }

    private int[] bounds(CommandLine cmd) {
        String[] p = years.trim().split("-");
        try {
            int a = Integer.parseInt(p[0].trim());
            int b = p.length == 1 ? a : Integer.parseInt(p[1].trim());
            if (p.length > 2 || a > b || a < 1900 || b > 2999) {
                throw new NumberFormatException();
            }
            return new int[] {a, b};
        } catch (NumberFormatException e) {
            throw new CommandLine.ParameterException(
                    cmd, "--years takes a year or a range like 2016-2020, not '" + years + "'");
        }
    }

    Catalogue catalogue() {
        return reference.catalogue();
    }

    PovertyLines lines() {
        return reference.lines();
    }
}
