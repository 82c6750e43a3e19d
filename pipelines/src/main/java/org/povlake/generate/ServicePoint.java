package org.povlake.generate;

/**
 * An e-commerce service point at county, township or village level; closedDay NEVER_DAY when still
 * open.
 */
record ServicePoint(String id, String level, String regionCode, int openedDay, int closedDay) {
    static final int NEVER_DAY = Integer.MAX_VALUE;
}
