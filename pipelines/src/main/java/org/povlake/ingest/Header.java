package org.povlake.ingest;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.povlake.contract.ColumnSpec;
import org.povlake.contract.ExtractSchema;

/**
 * A CSV header matched to the extract's columns by name (trimmed, case-insensitive, any order).
 * {@code position[i]} is the field index of schema column i, or -1 when the file lacks it.
 */
public record Header(
        List<String> names,
        int[] position,
        List<String> extraColumns,
        List<Integer> extraPositions,
        List<String> missingRequired,
        List<String> missingOptional,
        List<String> duplicates)
        implements Serializable {

    public static String normalize(String name) {
        return Values.trim(name).toLowerCase(Locale.ROOT);
    }

    public static Header match(List<String> names, ExtractSchema schema) {
        Map<String, Integer> index = schema.columnIndex();
        int[] position = new int[schema.columns().size()];
        java.util.Arrays.fill(position, -1);
        List<String> extras = new ArrayList<>();
        List<Integer> extraPos = new ArrayList<>();
        List<String> duplicates = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Map<String, Integer> seenAt = new HashMap<>();
        for (int f = 0; f < names.size(); f++) {
            String n = normalize(names.get(f));
            if (!seen.add(n)) {
                duplicates.add(Values.trim(names.get(f)));
                continue;
            }
            seenAt.put(n, f);
            Integer col = index.get(n);
            if (col != null) {
                position[col] = f;
            } else {
                extras.add(Values.trim(names.get(f)));
                extraPos.add(f);
            }
        }
        List<String> missingRequired = new ArrayList<>();
        List<String> missingOptional = new ArrayList<>();
        for (int i = 0; i < position.length; i++) {
            if (position[i] < 0) {
                ColumnSpec c = schema.columns().get(i);
                (c.required() ? missingRequired : missingOptional).add(c.name());
            }
        }
        return new Header(
                List.copyOf(names),
                position,
                extras,
                extraPos,
                missingRequired,
                missingOptional,
                duplicates);
    }
}
