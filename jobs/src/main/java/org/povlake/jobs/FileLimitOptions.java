package org.povlake.jobs;

import org.povlake.contract.Contract;
import org.povlake.contract.FileLimits;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The per-file limits an operator may set for one run (ingest, nightly); the contract's otherwise.
 */
public final class FileLimitOptions {
    @Option(
            names = "--max-record-bytes",
            paramLabel = "BYTES",
            description =
                    "a record longer than this is BAD_RECORD, its raw text kept truncated (default: "
                            + "schemas/file_rules.json, 1048576 = 1 MiB)")
    Integer maxRecordBytes;

    @Option(
            names = "--max-unzipped-bytes",
            paramLabel = "BYTES",
            description =
                    "a .gz file expanding beyond this is rejected (default: schemas/file_rules.json, "
                            + "17179869184 = 16 GiB)")
    Long maxUnzippedBytes;

    @Spec(Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec command;

    FileLimits limits() {
        FileLimits limits = Contract.get().fileLimits();
        try {
            if (maxRecordBytes != null) {
                limits = limits.withMaxRecordBytes(maxRecordBytes);
            }
            if (maxUnzippedBytes != null) {
                limits = limits.withMaxUnzippedBytes(maxUnzippedBytes);
            }
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(command.commandLine(), e.getMessage());
        }
        return limits;
    }
}
