package org.povlake.generate;

import java.util.ArrayList;
import java.util.List;

/** A township-level unit of the reference with its villages (in code order). */
final class Township {
    final String code;
    final County county;

    /** 乡镇 in the metrics' sense (digits 7–9 in 100–399), as opposed to 街道 and quasi-units. */
    final boolean township;

    final List<Village> villages = new ArrayList<>();

    /** The seat (乡镇驻地): its first administrative village, else its first village. */
    Village seat;

    Township(String code, County county, boolean township) {
        this.code = code;
        this.county = county;
        this.township = township;
    }

    boolean hasAdminVillages() {
        return villages.stream().anyMatch(v -> v.admin);
    }
}
