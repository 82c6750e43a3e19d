package org.povlake.assess;

import java.io.IOException;
import java.io.OutputStream;

/**
 * One file format of the annual assessment. A new format is a class implementing this and one
 * constant of {@link Assess.Format} naming it: {@link Assess} then writes it when asked (in the
 * order of that enum), atomically and with the folder's usual mode ({@code OutputFiles}), hashes it
 * into the manifest and times it, and {@code povlake assess --format} takes the constant's
 * lower-case name.
 */
public interface ReportFormat {
    /**
     * What a format writes from: the assessment, its publication summary (null unless published)
     * and the human report — the catalogue, the province's trend and the data-quality summary —
     * which is null unless the format {@link #needsReport() needs it} (assembling it reads more
     * tables, silver's included).
     */
    record Inputs(Assessment assessment, PublicationSummary publication, AssessmentReport report) {}

    /** The file's name for year {@code year}, e.g. {@code assessment_2020.json}. */
    String fileName(int year);

    /**
     * Whether the format prints the human report ({@link Inputs#report()}), not only the
     * assessment's numbers.
     */
    boolean needsReport();

    /** Writes the file's content to {@code out}. */
    void write(Inputs in, OutputStream out) throws IOException;
}
