package org.povlake.generate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.povlake.contract.Contract;
import org.povlake.contract.ContractException;
import org.povlake.contract.ExtractSchema;

/** The contract's extracts, in contract order. */
final class Extracts {
    private final Map<String, Extract> byName = new LinkedHashMap<>();

    Extracts(Contract contract) {
        int i = 0;
        for (ExtractSchema s : contract.extracts().values()) {
            byName.put(s.name(), new Extract(i++, s));
        }
    }

    Extract get(String source, String extract) {
        Extract e = byName.get(source + "_" + extract);
        if (e == null) {
            throw new ContractException("the contract has no extract " + source + "/" + extract);
        }
        return e;
    }

    List<Extract> all() {
        return new ArrayList<>(byName.values());
    }

    int size() {
        return byName.size();
    }

    void checkFilled() {
        byName.values().forEach(Extract::checkFilled);
    }
}
