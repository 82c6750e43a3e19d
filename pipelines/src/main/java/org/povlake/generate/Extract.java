package org.povlake.generate;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.povlake.contract.ColumnSpec;
import org.povlake.contract.ContractException;
import org.povlake.contract.ExtractSchema;

/**
 * One extract of the contract as the generator writes it: the header and column positions come from
 * the schema; the generator only names the columns it fills, and {@link #checkFilled} fails if the
 * schema has one it does not.
 */
final class Extract {
    final int index;
    final ExtractSchema schema;
    final String header;
    private final Map<String, Integer> columns;
    private final Set<String> filled = new HashSet<>();

    Extract(int index, ExtractSchema schema) {
        this.index = index;
        this.schema = schema;
        this.columns = schema.columnIndex();
        this.header =
                schema.columns().stream().map(ColumnSpec::name).collect(Collectors.joining(","));
    }

    /** The position of a column the generator fills. */
    synchronized int col(String name) {
        Integer i = columns.get(name);
        if (i == null) {
            throw new ContractException(
                    "the generator fills column '"
                            + name
                            + "' of "
                            + schema.name()
                            + ", which the contract no longer has");
        }
        filled.add(name);
        return i;
    }

    int width() {
        return columns.size();
    }

    /** A new row: every value null (written empty). */
    String[] newRow() {
        String[] row = new String[columns.size()];
        Arrays.fill(row, Formats.NULL);
        return row;
    }

    /**
     * Every contract column must be filled by the generator (a new column would otherwise silently
     * stay null).
     */
    void checkFilled() {
        List<String> missing =
                schema.columns().stream()
                        .map(ColumnSpec::name)
                        .filter(n -> !filled.contains(n))
                        .toList();
        if (!missing.isEmpty()) {
            throw new ContractException(
                    "the generator does not fill " + missing + " of " + schema.name());
        }
    }

    String source() {
        return schema.source();
    }

    String name() {
        return schema.extract();
    }

    /** {@code <source>/<extract>_<YYYY>1231.csv}: the delivery as of the year's last day. */
    String fileName(int year) {
        return schema.source() + "/" + schema.extract() + "_" + year + "1231.csv";
    }
}
