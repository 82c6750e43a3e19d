package org.povlake.assess;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The league tables of the report: rank order, ties and the unranked by region code. */
class AssessmentViewRankTest {
    static RegionResult county(String code, String composite, Integer rank) {
        return new RegionResult(
                code,
                "county " + code,
                "county",
                "620100",
                composite == null ? null : new BigDecimal(composite),
                null,
                rank,
                Map.of(),
                List.of());
    }

    @Test
    void tiesAndTheUnrankedAreOrderedByRegionCode() {
        List<RegionResult> given =
                List.of(
                        county("620105", null, null),
                        county("620104", "80.0000", 2),
                        county("620103", null, null),
                        county("620102", "80.0000", 2),
                        county("620101", "90.0000", 1),
                        county("620100", "70.0000", 4));
        assertEquals(
                List.of("620101", "620102", "620104", "620100", "620103", "620105"),
                AssessmentView.ranked(given).stream().map(RegionResult::code).toList());
    }
}
