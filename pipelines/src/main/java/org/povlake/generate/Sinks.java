package org.povlake.generate;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;

/**
 * One county's part writers: one per (extract, year), all open for the single pass over its
 * households.
 */
final class Sinks implements Closeable {
    private final PartWriter[][] writers;
    private final Years years;
    private long rows;

    Sinks(
            Path partsDir,
            Part.Budget budget,
            County county,
            Years years,
            Extracts extracts,
            FaultInjector[] faults,
            long seed,
            double errorRate) {
        this.years = years;
        this.writers = new PartWriter[extracts.size()][years.count()];
        for (Extract e : extracts.all()) {
            for (int y : years.list()) {
                Part part = new Part(partPath(partsDir, county, e, y), budget);
                writers[e.index][y - years.first()] =
                        new PartWriter(
                                part,
                                faults[e.index],
                                Years.asOf(y),
                                errorRate,
                                Seeds.of(seed, Seeds.FAULTS, e.index, y, county.index));
            }
        }
    }

    void emit(Extract e, int year, String[] row) {
        writers[e.index][year - years.first()].emit(row);
        rows++;
    }

    /** Rows emitted so far (before faults add copies). */
    long rows() {
        return rows;
    }

    FileStats stats(Extract e, int year) {
        return writers[e.index][year - years.first()].stats;
    }

    Part part(Extract e, int year) {
        return writers[e.index][year - years.first()].part();
    }

    static Path partPath(Path partsDir, County county, Extract e, int year) {
        return partsDir.resolve(county.code)
                .resolve(e.source() + "_" + e.name() + "_" + year + ".part");
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        for (PartWriter[] row : writers) {
            for (PartWriter w : row) {
                if (w == null) {
                    continue;
                }
                try {
                    w.close();
                } catch (IOException e) {
                    if (first == null) {
                        first = e;
                    }
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
