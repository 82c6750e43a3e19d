package org.povlake.generate;

import java.util.SplittableRandom;

/** ecommerce: service_points, shops, shop_household_links (snapshots) and orders (events). */
final class EcommerceRows {
    /** Points opening within this many days after the as-of date are already listed (planned). */
    static final int PLANNED_DAYS = 90;

    private final Model model;
    private final Vocabulary v;
    private final Extract points;
    private final Extract shops;
    private final Extract links;
    private final Extract orders;
    private final int pId, pLevel, pRegion, pOpened, pClosed;
    private final int sId, sPlatform, sVillage, sType, sHousehold, sOpened;
    private final int lShop, lHousehold, lType, lSince;
    private final int oId, oShop, oTime, oDirection, oCategory, oAmount, oQuantity, oStatus;

    EcommerceRows(Extracts extracts, Model model) {
        this.model = model;
        v = model.vocab;
        points = extracts.get("ecommerce", "service_points");
        pId = points.col("point_id");
        pLevel = points.col("level");
        pRegion = points.col("region_code");
        pOpened = points.col("opened_date");
        pClosed = points.col("closed_date");
        shops = extracts.get("ecommerce", "shops");
        sId = shops.col("shop_id");
        sPlatform = shops.col("platform");
        sVillage = shops.col("village_code");
        sType = shops.col("operator_type");
        sHousehold = shops.col("operator_household_id");
        sOpened = shops.col("opened_date");
        links = extracts.get("ecommerce", "shop_household_links");
        lShop = links.col("shop_id");
        lHousehold = links.col("household_id");
        lType = links.col("link_type");
        lSince = links.col("since_date");
        orders = extracts.get("ecommerce", "orders");
        oId = orders.col("order_id");
        oShop = orders.col("shop_id");
        oTime = orders.col("order_time");
        oDirection = orders.col("direction");
        oCategory = orders.col("category");
        oAmount = orders.col("amount");
        oQuantity = orders.col("quantity");
        oStatus = orders.col("status");
    }

    void point(Sinks out, ServicePoint p, int year) {
        int asOf = Days.lastOf(year);
        if (p.openedDay() > asOf + PLANNED_DAYS) {
            return;
        }
        String[] row = points.newRow();
        row[pId] = p.id();
        row[pLevel] = v.label(Codes.POINT, p.level());
        row[pRegion] = p.regionCode();
        row[pOpened] = Formats.date(p.openedDay());
        row[pClosed] = p.closedDay() <= asOf ? Formats.date(p.closedDay()) : Formats.NULL;
        out.emit(points, year, row);
    }

    void shop(Sinks out, Shop s, int year) {
        if (!s.listedIn(year)) {
            return;
        }
        String[] row = shops.newRow();
        row[sId] = s.id;
        row[sPlatform] = v.label(Codes.PLATFORM, s.platform);
        row[sVillage] = s.village.code;
        row[sType] = v.label(Codes.OPERATOR_TYPE, s.operatorType);
        row[sHousehold] = s.operatorHousehold == null ? Formats.NULL : s.operatorHousehold;
        row[sOpened] = Formats.date(s.openedDay);
        out.emit(shops, year, row);
    }

    /**
     * The household's links whose shop is listed this year (a shop that closed takes its links with
     * it).
     */
    void links(Sinks out, Household h, int year) {
        if (year >= h.dissolvedYear) {
            return;
        }
        for (Link l : h.links) {
            if (l.sinceYear() > year || !l.shop().listedIn(year)) {
                continue;
            }
            String[] row = links.newRow();
            row[lShop] = l.shop().id;
            row[lHousehold] = h.id;
            row[lType] = v.label(Codes.LINK, l.type());
            row[lSince] = Formats.date(l.sinceDay());
            out.emit(links, year, row);
        }
    }

    /**
     * A shop's orders of one year: more every year (≈ +10 % orders per shop, +3 % per order, plus
     * new shops: ≈ 30 % more value a year), upward (village produce sold out) a growing share.
     */
    void orders(Sinks out, Shop s, int year) {
        if (!s.listedIn(year)) {
            return;
        }
        SplittableRandom r = Seeds.rng(Seeds.of(s.seed, Seeds.ORDERS, year));
        int first = year == s.openedYear ? s.openedDay : Days.firstOf(year);
        int last = Days.lastOf(year);
        double open = (last - first + 1) / (double) (last - Days.firstOf(year) + 1);
        int n =
                Math.min(
                        99_999,
                        Draw.poisson(
                                r, s.ordersPerYear * StrictMath.pow(1.10, year - 2016) * open));
        double upward = Math.min(0.75, 0.52 + 0.025 * (year - 2016));
        double growth = StrictMath.pow(1.03, year - 2016);
        for (int i = 1; i <= n; i++) {
            boolean up = Draw.chance(r, upward);
            String category = (up ? model.upwardCategories : model.downwardCategories).pick(r);
            double median =
                    switch (category) {
                        case Codes.FARM_PRODUCE -> 120;
                        case Codes.HANDICRAFT -> 80;
                        case Codes.RURAL_TOURISM -> 300;
                        case Codes.FARM_INPUTS -> 200;
                        default -> 60;
                    };
            long cents =
                    Math.max(
                            100,
                            Math.min(
                                    5_000_000,
                                    Math.round(100 * Draw.lognormal(r, median * growth, 0.8))));
            String[] row = orders.newRow();
            row[oId] = "DD" + year + s.id + String.valueOf(100_000 + i).substring(1);
            row[oShop] = s.id;
            row[oTime] =
                    Formats.timestamp(Days.between(r, first, last), Draw.between(r, 0, 86_399));
            row[oDirection] = v.label(Codes.DIRECTION, up ? Codes.UPWARD : Codes.DOWNWARD);
            row[oCategory] = v.label(Codes.CATEGORY, category);
            row[oAmount] = Formats.money(cents);
            row[oQuantity] =
                    Draw.chance(r, 0.03)
                            ? Formats.NULL
                            : Formats.integer(
                                    Math.max(
                                            1,
                                            Math.min(
                                                    200, cents / (100 * Draw.between(r, 10, 60)))));
            row[oStatus] = v.label(Codes.ORDER_STATUS, model.orderStatuses.pick(r));
            out.emit(orders, year, row);
        }
    }
}
