package org.povlake.contract;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One extract of the contract, loaded from {@code schemas/extracts/<source>_<extract>.json}. */
public record ExtractSchema(
        String source,
        String extract,
        String title,
        Kind kind,
        List<String> primaryKey,
        String eventDate,
        List<ColumnSpec> columns,
        List<SumCheck> checks,
        List<String> notes)
        implements Serializable {

    public enum Kind {
        SNAPSHOT,
        EVENT
    }

    /** {@code <source>_<extract>}: the file name of the schema and the bronze table's name. */
    public String name() {
        return source + "_" + extract;
    }

    public boolean isSnapshot() {
        return kind == Kind.SNAPSHOT;
    }

    /** Position of each column by name. */
    public Map<String, Integer> columnIndex() {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            index.put(columns.get(i).name(), i);
        }
        return index;
    }

    public ColumnSpec column(String name) {
        return columns.stream()
                .filter(c -> c.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new ContractException(name() + " has no column '" + name + "'"));
    }

    public List<String> requiredColumns() {
        return columns.stream().filter(ColumnSpec::required).map(ColumnSpec::name).toList();
    }

    public List<String> piiColumns() {
        return columns.stream().filter(ColumnSpec::pii).map(ColumnSpec::name).toList();
    }
}
