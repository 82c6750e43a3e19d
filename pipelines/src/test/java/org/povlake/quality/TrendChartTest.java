package org.povlake.quality;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrendChartTest {
    @Test
    void smallCountsStayVisibleAndTheBarFitsThePlot() {
        assertArrayEquals(new int[] {63, 1, 0}, TrendChart.heights(new long[] {3988, 12, 0}, 4000));
        assertArrayEquals(new int[] {62, 1, 1}, TrendChart.heights(new long[] {3987, 12, 1}, 4000));
        assertArrayEquals(new int[] {32, 0, 0}, TrendChart.heights(new long[] {500, 0, 0}, 1000));
        assertArrayEquals(new int[] {0, 0, 0}, TrendChart.heights(new long[] {0, 0, 0}, 1));
    }

    @Test
    void oneBarPerDeliveryStackedFromTheAxis() {
        ExtractQuality members = Fixtures.agencies().get(0).extracts().get(1);
        TrendChart c = TrendChart.of(members);
        assertEquals(1, c.bars().size());
        List<TrendChart.Rect> rects = c.bars().get(0).rects();
        assertEquals(
                List.of(new TrendChart.Rect("joined", 3, 63), new TrendChart.Rect("orphans", 2, 1)),
                rects);
        assertEquals(c.plotHeight(), rects.get(0).y() + rects.get(0).h());
    }
}
