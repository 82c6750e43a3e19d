package org.povlake.gold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.povlake.contract.Catalogue;
import org.povlake.contract.PovertyLines;

/**
 * The catalogue's ids and the ids of the measures gold computes are one set (no Spark needed): a
 * catalogue id without a measure, or a measure outside the catalogue, fails with its id named.
 */
class IndicatorRegistryTest {
    static final int YEAR = 2020;
    static final BigDecimal LINE = PovertyLines.load().line(YEAR);

    @Test
    void theCataloguesIdsAreExactlyTheComputedOnes() {
        Set<String> catalogue = new LinkedHashSet<>();
        Catalogue.get().indicators().forEach(i -> catalogue.add(i.id()));
        assertEquals(
                new java.util.TreeSet<>(catalogue),
                IndicatorRegistry.producedIds(YEAR, LINE).keySet());
        IndicatorRegistry.check(Catalogue.get(), YEAR, LINE);
    }

    @Test
    void aCatalogueIdWithoutAMeasureFailsNamingIt() {
        Catalogue shipped = Catalogue.get();
        List<Catalogue.Indicator> more = new ArrayList<>(shipped.indicators());
        Catalogue.Indicator template = shipped.require("NET_VILLAGE_4G");
        more.add(
                new Catalogue.Indicator(
                        "NET_VILLAGE_5G",
                        "NET",
                        "5G 覆盖率",
                        "5G coverage",
                        "villages with 5G",
                        template.target(),
                        template.direction(),
                        template.floor(),
                        template.lowestLevel(),
                        template.counts(),
                        template.needs()));
        IllegalStateException e =
                assertThrows(
                        IllegalStateException.class,
                        () -> IndicatorRegistry.check(with(shipped, more), YEAR, LINE));
        assertTrue(
                e.getMessage()
                        .contains("NET_VILLAGE_5G is in the catalogue but no code computes it"),
                e.getMessage());
    }

    @Test
    void aMeasureOutsideTheCatalogueFailsNamingIt() {
        Catalogue shipped = Catalogue.get();
        List<Catalogue.Indicator> fewer = new ArrayList<>(shipped.indicators());
        fewer.removeIf(i -> i.id().equals("ECOM_UPWARD_SHARE"));
        IllegalStateException e =
                assertThrows(
                        IllegalStateException.class,
                        () -> IndicatorRegistry.check(with(shipped, fewer), YEAR, LINE));
        assertTrue(
                e.getMessage()
                        .contains(
                                "ECOM_UPWARD_SHARE is computed over orders (EcommerceIndicators.tradeFacts)"
                                        + " but is not in the catalogue"),
                e.getMessage());
    }

    @Test
    void everyMeasureIsSummedOverOneUnitOnly() {
        List<String> ids = new ArrayList<>();
        IndicatorRegistry.measures(YEAR, LINE)
                .values()
                .forEach(l -> l.forEach(m -> ids.add(m.indicatorId())));
        assertEquals(
                ids.size(),
                new LinkedHashSet<>(ids).size(),
                "an id computed twice would be summed twice: " + ids);
    }

    static Catalogue with(Catalogue c, List<Catalogue.Indicator> indicators) {
        return new Catalogue(
                c.version() + "-edited",
                indicators,
                c.pillars(),
                c.grades(),
                c.rankedLevels(),
                c.mpiCutoff(),
                c.mpiWeights(),
                c.causeMeasures());
    }
}
