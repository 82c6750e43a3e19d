package org.povlake.generate;

import java.util.ArrayList;
import java.util.List;

/** A county-level unit of the reference: the generator's unit of parallel work. */
final class County {
    final int index;
    final String code;
    final String cityCode;
    final long key;
    final List<Township> townships = new ArrayList<>();
    final List<Village> villages = new ArrayList<>();
    final List<Village> adminVillages = new ArrayList<>();

    /** The county seat (县城): the first community of the county, else its first village. */
    Village seat;

    /** How poor the county is relative to the others (drives poor villages and households). */
    double intensity;

    long firstHousehold;
    int households;

    County(int index, String code, String cityCode) {
        this.index = index;
        this.code = code;
        this.cityCode = cityCode;
        this.key = Long.parseLong(code);
    }

    @Override
    public String toString() {
        return code;
    }
}
