package org.povlake.assess;

import java.math.BigDecimal;

/**
 * One indicator of one region in the assessment (a row of gold.indicators as the contract prints
 * it). {@code suppressed}: published mode hid this cell (numerator, denominator, value, met,
 * achievement and change are null); it is not a field of the contract's JSON, which shows a
 * suppressed cell as a null numerator of an indicator that is not {@code missing}.
 */
public record IndicatorResult(
        String id,
        BigDecimal numerator,
        BigDecimal denominator,
        BigDecimal value,
        BigDecimal target,
        Boolean met,
        BigDecimal achievement,
        BigDecimal change,
        boolean stale,
        boolean missing,
        boolean suppressed) {}
