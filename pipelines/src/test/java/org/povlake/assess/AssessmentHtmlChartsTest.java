package org.povlake.assess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The chart geometry of the assessment report (BarChart, HBarChart, LineChart), without a template.
 */
class AssessmentHtmlChartsTest {
    private static BarChart.Datum datum(String label, String value) {
        return new BarChart.Datum(
                label, value == null ? null : new BigDecimal(value), "v", label, "");
    }

    @Test
    void barsStandOnZeroAndTheTargetLineIsScaledLikeThem() {
        BarChart c =
                BarChart.of(
                        List.of(datum("a", "0.5"), datum("b", "1.0"), datum("c", null)),
                        new BigDecimal("0.98"),
                        BigDecimal.ZERO);
        assertEquals(BarChart.TOP + BarChart.PLOT, c.zeroY(), "the axis runs from 0 to 100%");
        assertEquals(List.of("100%", "0%"), c.ticks().stream().map(BarChart.Rule::label).toList());
        BarChart.Bar full = c.bars().get(1);
        assertEquals(BarChart.TOP, full.y());
        assertEquals(BarChart.PLOT, full.h());
        assertEquals(BarChart.PLOT / 2, c.bars().get(0).h());
        assertTrue(c.bars().get(2).empty());
        assertEquals(BarChart.TOP + 2, c.target().y(), "98% is 2% of 96 pixels below the top");
        assertTrue(c.bars().get(0).labelX() < c.bars().get(1).labelX());
        assertFalse(c.rotateLabels());
    }

    @Test
    void aLowerIsBetterIndicatorIsScaledToItsFloorAndNegativeValuesHangBelowZero() {
        BarChart low =
                BarChart.of(
                        List.of(datum("a", "0.02"), datum("b", "0.031")),
                        BigDecimal.ZERO,
                        new BigDecimal("0.05"));
        assertEquals("5%", low.ticks().get(0).label());
        assertEquals(low.zeroY(), low.target().y(), "target 0 lies on the zero line");

        BarChart growth =
                BarChart.of(
                        List.of(datum("a", "-0.2"), datum("b", "0.3")),
                        new BigDecimal("0.30"),
                        BigDecimal.ZERO);
        assertEquals(
                List.of("50%", "0%", "-20%"),
                growth.ticks().stream().map(BarChart.Rule::label).toList());
        BarChart.Bar negative = growth.bars().get(0);
        assertEquals(growth.zeroY(), negative.y());
        assertEquals(growth.plotBottom(), negative.y() + negative.h());

        BarChart many =
                BarChart.of(
                        java.util.Collections.nCopies(14, datum("x", "0.9")),
                        BigDecimal.ONE,
                        BigDecimal.ZERO);
        assertTrue(many.rotateLabels(), "14 cities: turned labels");
    }

    @Test
    void horizontalBarsAreProportionalAndTinyValuesStayVisible() {
        HBarChart c =
                HBarChart.of(
                        List.of(
                                new HBarChart.Datum("甲", 50.0, "50", "", "", false),
                                new HBarChart.Datum("乙", 0.01, "0.01", "", "", false),
                                new HBarChart.Datum("丙", null, "—", "", "", true)),
                        100,
                        List.of(new HBarChart.Mark(90, "优秀 90", "grade")),
                        List.of(new HBarChart.Mark(100, "100", "tick")));
        int plot = c.plotRight() - c.plotLeft();
        assertEquals(plot / 2, c.bars().get(0).w(), 1);
        assertEquals(1, c.bars().get(1).w());
        assertTrue(c.bars().get(2).empty());
        assertEquals(
                c.bars().get(1).y() + HBarChart.ROW + HBarChart.GAP,
                c.bars().get(2).y(),
                "a gap before a group");
        assertEquals(c.plotLeft() + Math.round(plot * 0.9), c.guides().get(0).x(), 1);
        assertEquals(c.plotRight(), c.ticks().get(0).x());
    }

    @Test
    void linesBreakAtNullsAndASingleYearIsAPointInTheMiddle() {
        LineChart.Data d =
                new LineChart.Data(
                        "c",
                        "s0",
                        Arrays.asList(80.0, null, 82.0, 85.0),
                        List.of("80", "—", "82", "85"));
        LineChart c =
                LineChart.of(
                        List.of("2016", "2017", "2018", "2019"),
                        List.of(d),
                        100,
                        List.of(0.0, 100.0));
        LineChart.Series s = c.series().get(0);
        assertEquals(3, s.points().size());
        assertEquals(1, s.segments().size(), "2016 stands alone, 2018–2019 is a line");
        assertEquals(2, s.segments().get(0).size());
        assertEquals("c 2019: 85", s.points().get(2).title());
        assertEquals(c.plotBottom(), c.yTicks().get(0).at());
        assertEquals(c.plotTop(), c.yTicks().get(1).at());

        LineChart one =
                LineChart.of(
                        List.of("2019"),
                        List.of(new LineChart.Data("c", "s0", List.of(70.0), List.of("70"))),
                        100,
                        List.of(0.0, 100.0));
        assertEquals(
                (one.plotLeft() + one.plotRight()) / 2, one.series().get(0).points().get(0).x());
        assertTrue(one.series().get(0).segments().isEmpty());
    }
}
