package org.povlake.contract;

import java.io.Serializable;
import java.util.List;

/**
 * Cross-column check: the sum of {@code columns} (null as 0) must not exceed {@code limit} when it
 * is known.
 */
public record SumCheck(List<String> columns, String limit, ReasonCode code)
        implements Serializable {}
