package org.povlake.generate;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * The rows of one (extract, year) for one county: a {@link Part} (no header) later concatenated in
 * county order. Each row gets, with probability {@code errorRate}, one injected fault, decided by a
 * hash of (seed, extract, year, county, row number) so that it does not depend on anything but the
 * row's place.
 */
final class PartWriter implements Closeable {
    private final Part part;
    private final Writer out;
    private final FaultInjector faults;
    private final LocalDate asOf;
    private final double errorRate;
    private final long faultSeed;
    private long rows;
    final FileStats stats = new FileStats();

    PartWriter(Part part, FaultInjector faults, LocalDate asOf, double errorRate, long faultSeed) {
        this.part = part;
        this.out =
                new BufferedWriter(new OutputStreamWriter(part, StandardCharsets.UTF_8), 1 << 13);
        this.faults = faults;
        this.asOf = asOf;
        this.errorRate = errorRate;
        this.faultSeed = faultSeed;
    }

    Part part() {
        return part;
    }

    void emit(String[] row) {
        long h = Seeds.of(faultSeed, rows++);
        if (errorRate > 0 && Seeds.unit(h) < errorRate) {
            FaultInjector.Injected f = faults.inject(row, asOf, new SplittableRandom(Seeds.mix(h)));
            for (String[] r : f.rows()) {
                write(r);
            }
            stats.read += f.rows().size();
            stats.quarantined += f.quarantined();
            stats.byReason.merge(f.code(), (long) f.quarantined(), Long::sum);
        } else {
            write(row);
            stats.read++;
        }
    }

    private void write(String[] row) {
        try {
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    out.write(',');
                }
                String v = row[i];
                if (needsQuotes(v)) {
                    out.write('"');
                    out.write(v.replace("\"", "\"\""));
                    out.write('"');
                } else {
                    out.write(v);
                }
            }
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean needsQuotes(String v) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
