package org.povlake.jobs;

import picocli.CommandLine.Option;

/** Options every lakehouse command takes. */
public final class LakehouseOption {
    @Option(
            names = "--lakehouse",
            paramLabel = "DIR",
            defaultValue = "${POVLAKE_LAKEHOUSE:-./lakehouse}",
            description = "the lakehouse folder or URI (default: ${DEFAULT-VALUE})")
    String lakehouse;

    @Option(names = "--verbose", description = "print stack traces and Spark's own log")
    boolean verbose;
}
