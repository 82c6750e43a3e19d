package org.povlake.gold;

import org.junit.jupiter.api.Test;

import static org.povlake.gold.GoldFixture.*;

/** NET_* given/expected, on the fixture's reference ({@link GoldFixture}). */
class NetworkIndicatorsTest {

    @Test
    void villageBroadbandCountsEveryAdminVillageOfTheReference() {
        // V1 fiber; V2 no fiber; V3 no row at all (no broadband); V4 fiber; C1 is a community: not an admin village
        GoldFixture f = new GoldFixture(2020).with("silver.village_network", "SELECT * FROM VALUES"
                + " ('" + V1 + "', true), ('" + V2 + "', false), ('" + C1 + "', true), ('" + V4 + "', true)"
                + " AS t(village_code, fiber_broadband)");
        YearFrames y = f.frames();
        var out = f.rollup(Facts.direct(NetworkIndicators.villageFacts(y.regions(), y.villageNetwork(), y.poorVillages(), 2020)));
        // province: admin villages V1 V2 V3 V4 = 4; with fiber V1, V4 = 2 → 0.5
        assertIndicator(out, PROVINCE, "NET_VILLAGE_BROADBAND", "2", "4", "0.5");
        // city 6201: V1 V2 V3 → 1/3 = 0.333333 (half-up at 6)
        assertIndicator(out, CITY1, "NET_VILLAGE_BROADBAND", "1", "3", "0.333333");
        // the community is a village-level region whose admin-village denominator is 0: null
        assertIndicator(out, C1, "NET_VILLAGE_BROADBAND", "0", "0", null);
        assertIndicator(out, V3, "NET_VILLAGE_BROADBAND", "0", "1", "0");
    }
}
