package org.povlake.generate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * What a county has besides its households: schools, health facilities, e-commerce service points,
 * shops, the helper cadres (帮扶责任人) and the resettlement sites (易地扶贫搬迁安置点). Each is a pure function
 * of (seed, its code), built at the start of the county's task.
 */
final class CountyPlan {
    private static final YearWeights SCHOOL_BROADBAND =
            YearWeights.from(2013, 15, 15, 18, 18, 15, 11, 6, 2, 0);
    private static final YearWeights HOSPITAL_TELEMEDICINE =
            YearWeights.from(2015, 15, 25, 30, 22, 8, 0, 0);
    private static final YearWeights CENTRE_TELEMEDICINE =
            YearWeights.from(2016, 5, 15, 25, 25, 15, 15);
    private static final YearWeights CLINIC_TELEMEDICINE = YearWeights.from(2017, 3, 7, 12, 15, 63);
    private static final YearWeights COUNTY_CENTRE_OPENING =
            YearWeights.from(2015, 25, 35, 25, 12, 3, 0);
    private static final YearWeights STATION_OPENING = YearWeights.from(2016, 20, 30, 25, 15, 8, 2);
    private static final YearWeights POINT_OPENING = YearWeights.from(2016, 10, 20, 25, 20, 13, 12);
    private static final YearWeights POOR_POINT_OPENING =
            YearWeights.from(2015, 5, 15, 25, 25, 18, 9, 3);

    final County county;
    final List<Village> resettlementSites = new ArrayList<>();
    final String[] cadres;
    final List<School> schools = new ArrayList<>();
    final List<Facility> facilities = new ArrayList<>();
    final List<ServicePoint> points = new ArrayList<>();
    final List<Shop> shops = new ArrayList<>();
    private final Map<Village, School> villagePrimary = new HashMap<>();
    private final Map<Township, School> townshipPrimary = new HashMap<>();
    private final Map<Township, School> townshipJunior = new HashMap<>();
    private final Map<Township, Facility> townshipCentre = new HashMap<>();
    private School countyPrimary;
    private School countyJunior;
    private final List<School> seniors = new ArrayList<>();
    private School vocational;
    private Facility hospital;
    private final Map<Integer, List<Shop>> shopsByYear = new HashMap<>();

    private CountyPlan(County county, int cadres) {
        this.county = county;
        this.cadres = new String[cadres];
    }

    static CountyPlan build(County c, long seed, Model model, IdAllocator ids) {
        CountyPlan p = new CountyPlan(c, Math.max(1, (c.households + 3) / 4));
        SplittableRandom r = Seeds.rng(Seeds.of(seed, Seeds.COUNTY, c.key, 1));
        p.resettlement(r);
        p.cadres(r, ids);
        p.schools(seed);
        p.facilities(seed);
        p.points(seed);
        p.shops(seed, model);
        return p;
    }

    private void resettlement(SplittableRandom r) {
        if (county.seat != null) {
            resettlementSites.add(county.seat);
        }
        List<Village> near =
                county.seat == null
                        ? List.of()
                        : county.seat.township.villages.stream().filter(v -> v.admin).toList();
        if (!near.isEmpty()) {
            resettlementSites.add(Draw.oneOf(r, near));
        } else if (!county.adminVillages.isEmpty()) {
            resettlementSites.add(Draw.oneOf(r, county.adminVillages));
        }
    }

    private void cadres(SplittableRandom r, IdAllocator ids) {
        for (int i = 0; i < cadres.length; i++) {
            boolean male = Draw.chance(r, 0.7);
            int day =
                    ids.freeCadreDay(Days.between(r, Days.firstOf(1962), Days.lastOf(1995)), male);
            cadres[i] = ids.cadre(day, male);
        }
    }

    private School school(long seed, Village v, String type, int seq) {
        String code = "S" + v.code + (seq < 10 ? "0" : "") + seq;
        SplittableRandom r = Seeds.rng(Seeds.of(seed, Seeds.SCHOOL, v.key, seq));
        int[] grades;
        int classrooms;
        switch (type) {
            case Codes.TEACHING_POINT -> {
                grades = new int[] {1, 3};
                classrooms = Draw.between(r, 1, 4);
            }
            case Codes.SCHOOL_PRIMARY -> {
                grades = new int[] {1, 6};
                classrooms = Draw.between(r, 6, 24);
            }
            case Codes.SCHOOL_JUNIOR -> {
                grades = new int[] {7, 9};
                classrooms = Draw.between(r, 9, 36);
            }
            case Codes.NINE_YEAR -> {
                grades = new int[] {1, 9};
                classrooms = Draw.between(r, 12, 45);
            }
            case Codes.SCHOOL_SENIOR -> {
                grades = new int[] {10, 12};
                classrooms = Draw.between(r, 24, 90);
            }
            default -> {
                grades = new int[] {10, 12};
                classrooms = Draw.between(r, 15, 60);
            }
        }
        int students = (int) Math.round(classrooms * Draw.uniform(r, 18, 45));
        int broadbandYear = SCHOOL_BROADBAND.pick(r) + (type.equals(Codes.TEACHING_POINT) ? 1 : 0);
        School s =
                new School(
                        code,
                        v,
                        type,
                        grades[0],
                        grades[1],
                        classrooms,
                        students,
                        broadbandYear,
                        Draw.chance(r, 0.6) ? 0 : 1,
                        Draw.uniform(r, 0.05, 0.45),
                        Draw.uniform(r, 0.08, 0.16));
        schools.add(s);
        return s;
    }

    private void schools(long seed) {
        Village seat = county.seat;
        if (seat != null) {
            countyPrimary = school(seed, seat, Codes.SCHOOL_PRIMARY, 1);
            countyJunior = school(seed, seat, Codes.SCHOOL_JUNIOR, 2);
            int seniorCount = Math.min(3, 1 + county.townships.size() / 12);
            for (int i = 0; i < seniorCount; i++) {
                seniors.add(school(seed, seat, Codes.SCHOOL_SENIOR, 3 + i));
            }
            vocational = school(seed, seat, Codes.VOCATIONAL, 6);
        }
        for (Township t : county.townships) {
            if (!t.hasAdminVillages()) {
                continue;
            }
            SplittableRandom r = Seeds.rng(Seeds.of(seed, Seeds.SCHOOL, Long.parseLong(t.code)));
            if (Draw.chance(r, 0.35)) {
                School nine = school(seed, t.seat, Codes.NINE_YEAR, 11);
                townshipPrimary.put(t, nine);
                townshipJunior.put(t, nine);
                villagePrimary.put(t.seat, nine);
            } else {
                School primary = school(seed, t.seat, Codes.SCHOOL_PRIMARY, 11);
                townshipPrimary.put(t, primary);
                villagePrimary.put(t.seat, primary);
                townshipJunior.put(t, school(seed, t.seat, Codes.SCHOOL_JUNIOR, 12));
            }
            for (Village v : t.villages) {
                if (!v.admin || v == t.seat) {
                    continue;
                }
                double u = r.nextDouble();
                if (u < 0.40) {
                    villagePrimary.put(v, school(seed, v, Codes.SCHOOL_PRIMARY, 21));
                } else if (u < 0.55) {
                    villagePrimary.put(v, school(seed, v, Codes.TEACHING_POINT, 22));
                }
            }
        }
    }

    /**
     * The school a child of this village attends in this grade (null: no school teaches it in the
     * county).
     */
    School schoolFor(Village v, int grade, boolean vocationalTrack, long childKey) {
        if (grade <= 9) {
            School own = villagePrimary.get(v);
            if (own != null && own.teaches(grade)) {
                return own;
            }
            School t =
                    grade <= 6 ? townshipPrimary.get(v.township) : townshipJunior.get(v.township);
            if (t != null && t.teaches(grade)) {
                return t;
            }
            return grade <= 6 ? countyPrimary : countyJunior;
        }
        if (vocationalTrack && vocational != null) {
            return vocational;
        }
        return seniors.isEmpty()
                ? vocational
                : seniors.get((int) Math.floorMod(childKey, seniors.size()));
    }

    /** Another school for the same grade (a transfer's school of origin), or null. */
    School otherSchoolFor(Village v, int grade) {
        School usual = schoolFor(v, grade, false, 0);
        School alt = grade <= 6 ? countyPrimary : grade <= 9 ? countyJunior : vocational;
        if (alt == null || alt == usual) {
            alt =
                    grade <= 6
                            ? townshipPrimary.get(v.township)
                            : grade <= 9 ? townshipJunior.get(v.township) : null;
        }
        return alt == usual || (alt != null && !alt.teaches(grade)) ? null : alt;
    }

    private void facilities(long seed) {
        if (county.seat != null) {
            SplittableRandom r = Seeds.rng(Seeds.of(seed, Seeds.FACILITY, county.key));
            hospital =
                    new Facility(
                            "H" + county.code + "01",
                            county.seat,
                            Codes.COUNTY_HOSPITAL,
                            HOSPITAL_TELEMEDICINE.pick(r));
            facilities.add(hospital);
            if (Draw.chance(r, 0.5)) {
                facilities.add(
                        new Facility(
                                "H" + county.code + "02",
                                county.seat,
                                Codes.COUNTY_HOSPITAL,
                                HOSPITAL_TELEMEDICINE.pick(r)));
            }
        }
        for (Township t : county.townships) {
            if (t.seat == null || !(t.township || t.hasAdminVillages())) {
                continue;
            }
            SplittableRandom r = Seeds.rng(Seeds.of(seed, Seeds.FACILITY, Long.parseLong(t.code)));
            Facility f =
                    new Facility(
                            "T" + t.code,
                            t.seat,
                            Codes.TOWNSHIP_CENTER,
                            CENTRE_TELEMEDICINE.pick(r));
            facilities.add(f);
            townshipCentre.put(t, f);
            for (Village v : t.villages) {
                SplittableRandom rv = Seeds.rng(Seeds.of(seed, Seeds.FACILITY, v.key));
                if (v.admin && Draw.chance(rv, 0.93)) {
                    facilities.add(
                            new Facility(
                                    "V" + v.code,
                                    v,
                                    Codes.VILLAGE_CLINIC,
                                    CLINIC_TELEMEDICINE.pick(rv)));
                }
            }
        }
    }

    Facility hospital() {
        return hospital;
    }

    /** The township health centre of a village's township, or null. */
    Facility centreOf(Village v) {
        return townshipCentre.get(v.township);
    }

    private void points(long seed) {
        SplittableRandom rc = Seeds.rng(Seeds.of(seed, Seeds.POINT, county.key));
        int year = COUNTY_CENTRE_OPENING.pick(rc);
        if (year != Years.NEVER) {
            points.add(
                    new ServicePoint(
                            "ECS" + county.code,
                            Codes.COUNTY_CENTER,
                            county.code,
                            Days.inYear(rc, year),
                            ServicePoint.NEVER_DAY));
        }
        for (Township t : county.townships) {
            if (t.township) {
                SplittableRandom r = Seeds.rng(Seeds.of(seed, Seeds.POINT, Long.parseLong(t.code)));
                int y = STATION_OPENING.pick(r);
                if (y != Years.NEVER) {
                    points.add(
                            new ServicePoint(
                                    "ECS" + t.code,
                                    Codes.TOWNSHIP_STATION,
                                    t.code,
                                    Days.inYear(r, y),
                                    ServicePoint.NEVER_DAY));
                }
            }
            for (Village v : t.villages) {
                if (!v.admin) {
                    continue;
                }
                SplittableRandom r = Seeds.rng(Seeds.of(seed, Seeds.POINT, v.key));
                int y = (v.poor ? POOR_POINT_OPENING : POINT_OPENING).pick(r);
                if (y == Years.NEVER) {
                    continue;
                }
                int opened = Days.inYear(r, y);
                if (Draw.chance(r, 0.04)) { // a few close; some are replaced by a new point
                    int closed = opened + Draw.between(r, 200, 900);
                    points.add(
                            new ServicePoint(
                                    "ECS" + v.code, Codes.VILLAGE_POINT, v.code, opened, closed));
                    if (Draw.chance(r, 0.5)) {
                        points.add(
                                new ServicePoint(
                                        "ECS" + v.code + "B",
                                        Codes.VILLAGE_POINT,
                                        v.code,
                                        closed + Draw.between(r, 30, 400),
                                        ServicePoint.NEVER_DAY));
                    }
                } else {
                    points.add(
                            new ServicePoint(
                                    "ECS" + v.code,
                                    Codes.VILLAGE_POINT,
                                    v.code,
                                    opened,
                                    ServicePoint.NEVER_DAY));
                }
            }
        }
    }

    private void shops(long seed, Model model) {
        if (county.adminVillages.isEmpty()) {
            return;
        }
        int n = 1 + (int) Math.round(county.households / 90.0);
        for (int i = 1; i <= n; i++) {
            long key = Seeds.of(seed, Seeds.SHOP, county.key, i);
            SplittableRandom r = Seeds.rng(key);
            String type = model.operatorTypes.pick(r);
            double scale =
                    switch (type) {
                        case "LEADING_ENTERPRISE" -> 200;
                        case "COOPERATIVE" -> 60;
                        case "LARGE_FARMER" -> 40;
                        case "FAMILY_FARM" -> 30;
                        default -> 25;
                    };
            int opened = Days.inYear(r, model.countyShopOpening.pick(r));
            int closed =
                    Draw.chance(r, 0.05)
                            ? Days.yearOf(opened) + Draw.between(r, 1, 4)
                            : Years.NEVER;
            String id =
                    "SP"
                            + county.code
                            + "0".repeat(Math.max(0, 5 - Integer.toString(i).length()))
                            + i;
            shops.add(
                    new Shop(
                            id,
                            model.platforms.pick(r),
                            Draw.oneOf(r, county.adminVillages),
                            type,
                            null,
                            opened,
                            closed,
                            Draw.lognormal(r, scale, 0.6),
                            key));
        }
    }

    /** County shops listed in this year, for a household to link to. */
    List<Shop> shopsListedIn(int year) {
        return shopsByYear.computeIfAbsent(
                year, y -> shops.stream().filter(s -> s.listedIn(y)).toList());
    }
}
