package org.povlake.assess;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * {@code indicators_<Y>.csv}: one row per region × indicator with the contract's header, in the
 * JSON's order. UTF-8 without a byte-order mark, {@code \n} line ends, RFC 4180 quoting; null →
 * empty field; numbers as in the JSON.
 */
public final class AssessmentCsv implements ReportFormat {
    public static final ReportFormat FORMAT = new AssessmentCsv();

    private AssessmentCsv() {}

    @Override
    public String fileName(int year) {
        return "indicators_" + year + ".csv";
    }

    @Override
    public boolean needsReport() {
        return false;
    }

    @Override
    public void write(Inputs in, OutputStream out) throws IOException {
        write(in.assessment(), out);
    }

    public static final List<String> HEADER =
            List.of(
                    "year",
                    "region_code",
                    "region_level",
                    "region_name",
                    "indicator_id",
                    "numerator",
                    "denominator",
                    "value",
                    "target",
                    "met",
                    "achievement",
                    "stale");

    public static void write(Assessment a, OutputStream out) throws IOException {
        // quote a field only when it needs it (Jackson otherwise quotes every string longer than 24
        // characters)
        CsvMapper mapper =
                CsvMapper.builder().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();
        CsvSchema.Builder b = CsvSchema.builder();
        HEADER.forEach(b::addColumn);
        CsvSchema schema = b.build().withHeader().withLineSeparator("\n").withNullValue("");
        String year = Integer.toString(a.year());
        try (SequenceWriter w = mapper.writerFor(String[].class).with(schema).writeValues(out)) {
            for (RegionResult r : a.regions()) {
                for (IndicatorResult i : r.indicators()) {
                    w.write(
                            new String[] {
                                year,
                                r.code(),
                                r.level(),
                                r.name(),
                                i.id(),
                                Numbers.plain(i.numerator()),
                                Numbers.plain(i.denominator()),
                                Numbers.plain(i.value()),
                                Numbers.plain(i.target()),
                                i.met() == null ? null : i.met().toString(),
                                Numbers.plain(i.achievement()),
                                Boolean.toString(i.stale())
                            });
                }
            }
        }
    }
}
