package org.povlake.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.povlake.contract.Contract;

class AgenciesTest {
    @Test
    void everySourceOfTheContractHasAnAgency() {
        Agencies a = Agencies.get();
        assertEquals(Contract.get().sources().keySet(), a.bySource().keySet());
        assertEquals("省扶贫办 (provincial poverty alleviation office)", a.label("registry"));
        assertEquals("elsewhere", a.label("elsewhere"));
        a.bySource()
                .values()
                .forEach(x -> assertTrue(!x.name().isBlank() && !x.english().isBlank()));
    }
}
