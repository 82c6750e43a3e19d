package org.povlake.generate;

/**
 * An online shop: a county shop (cooperative, enterprise, farm...) or one run by a poor household.
 */
final class Shop {
    final String id;
    final String platform;
    final Village village;
    final String operatorType;

    /** The poor household that runs it, or null. */
    final String operatorHousehold;

    final int openedDay;
    final int openedYear;

    /** First year the shop is no longer listed, or NEVER. */
    final int closedYear;

    /** Expected orders in 2016 (grows every year). */
    final double ordersPerYear;

    final long seed;

    Shop(
            String id,
            String platform,
            Village village,
            String operatorType,
            String operatorHousehold,
            int openedDay,
            int closedYear,
            double ordersPerYear,
            long seed) {
        this.id = id;
        this.platform = platform;
        this.village = village;
        this.operatorType = operatorType;
        this.operatorHousehold = operatorHousehold;
        this.openedDay = openedDay;
        this.openedYear = Days.yearOf(openedDay);
        this.closedYear = closedYear;
        this.ordersPerYear = ordersPerYear;
        this.seed = seed;
    }

    boolean listedIn(int year) {
        return openedYear <= year && year < closedYear;
    }
}
