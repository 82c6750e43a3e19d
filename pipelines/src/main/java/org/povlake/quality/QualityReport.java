package org.povlake.quality;

import java.util.List;

/**
 * The data-quality report sent back to the agencies: per agency and extract, every delivery's
 * counts; the consistency signals of each households snapshot; and the problems derived from both
 * ({@link Problems#derive}). It carries record numbers, codes and non-personal keys only, never a
 * resident ID or a name.
 */
public record QualityReport(
        String generatedAt,
        String today,
        String lakehouse,
        String codeVersion,
        List<AgencyQuality> agencies,
        List<SnapshotSignals> signals,
        List<Problem> problems) {

    public QualityReport {
        agencies = agencies == null ? List.of() : agencies;
        signals = signals == null ? List.of() : signals;
        problems = problems == null ? List.of() : problems;
    }
}
