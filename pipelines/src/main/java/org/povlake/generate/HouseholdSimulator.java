package org.povlake.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Decides a household's whole life from (seed, household index): its members, causes,
 * identification, exit or return to poverty, removal or dissolution, relocation, living conditions,
 * trainings, shop and shop links. Only resident IDs depend on anything else: they come from the
 * county's {@link IdAllocator}, in household order.
 */
final class HouseholdSimulator {
    enum Profile {
        SINGLE_ELDERLY,
        ELDERLY_COUPLE,
        SINGLE_PARENT,
        NUCLEAR,
        THREE_GENERATIONS,
        GRANDPARENTS
    }

    private static final Weighted<Profile> ILLNESS_PROFILES =
            Weighted.of(
                    Profile.NUCLEAR,
                    30,
                    Profile.THREE_GENERATIONS,
                    25,
                    Profile.ELDERLY_COUPLE,
                    18,
                    Profile.GRANDPARENTS,
                    12,
                    Profile.SINGLE_ELDERLY,
                    8,
                    Profile.SINGLE_PARENT,
                    7);
    private static final Weighted<Profile> DISABILITY_PROFILES =
            Weighted.of(
                    Profile.NUCLEAR,
                    30,
                    Profile.THREE_GENERATIONS,
                    20,
                    Profile.SINGLE_PARENT,
                    15,
                    Profile.ELDERLY_COUPLE,
                    15,
                    Profile.SINGLE_ELDERLY,
                    10,
                    Profile.GRANDPARENTS,
                    10);
    private static final Weighted<Profile> EDUCATION_PROFILES =
            Weighted.of(
                    Profile.NUCLEAR,
                    60,
                    Profile.THREE_GENERATIONS,
                    25,
                    Profile.SINGLE_PARENT,
                    10,
                    Profile.GRANDPARENTS,
                    5);
    private static final Weighted<Profile> LABOR_PROFILES =
            Weighted.of(
                    Profile.ELDERLY_COUPLE,
                    30,
                    Profile.SINGLE_ELDERLY,
                    30,
                    Profile.SINGLE_PARENT,
                    20,
                    Profile.THREE_GENERATIONS,
                    10,
                    Profile.GRANDPARENTS,
                    10);
    private static final Weighted<Profile> OTHER_PROFILES =
            Weighted.of(
                    Profile.NUCLEAR,
                    40,
                    Profile.THREE_GENERATIONS,
                    25,
                    Profile.GRANDPARENTS,
                    20,
                    Profile.ELDERLY_COUPLE,
                    8,
                    Profile.SINGLE_PARENT,
                    4,
                    Profile.SINGLE_ELDERLY,
                    3);
    private static final Weighted<Integer> CHILDREN = Weighted.of(1, 30, 2, 45, 3, 20, 4, 5);
    private static final int MAX_MEMBERS = 8;

    private final Model model;
    private final CountyPlan plan;
    private final IdAllocator ids;
    private final int horizon;

    HouseholdSimulator(Model model, CountyPlan plan, IdAllocator ids, int horizon) {
        this.model = model;
        this.plan = plan;
        this.ids = ids;
        this.horizon = horizon;
    }

    Household simulate(long index, long seed, Village village, int sequence) {
        long hs = Seeds.of(seed, Seeds.HOUSEHOLD, index);
        SplittableRandom r = Seeds.rng(hs);
        String id = village.code + pad4(sequence);
        Household h = new Household(index, hs, id, village);
        h.cause = model.causes.pick(r);
        h.causeRecorded = !Draw.chance(r, 0.005);
        Profile profile = profileFor(h.cause).pick(r);
        h.profile = profile.name();
        h.identificationYear = model.identification.pick(r);
        h.attribute = attribute(r, profile, h.cause);
        h.secondaryCauses = secondaryCauses(r, h.cause);
        members(r, h, profile);
        health(r, h);
        life(r, h, profile);
        conditions(r, h);
        helper(r, h);
        trainings(h);
        ecommerce(r, h);
        return h;
    }

    static String pad4(int n) {
        String s = Integer.toString(n);
        return "0000".substring(Math.min(4, s.length())) + s;
    }

    private static Weighted<Profile> profileFor(String cause) {
        return switch (cause) {
            case Codes.ILLNESS -> ILLNESS_PROFILES;
            case Codes.DISABILITY -> DISABILITY_PROFILES;
            case Codes.EDUCATION_COST -> EDUCATION_PROFILES;
            case Codes.LACK_LABOR -> LABOR_PROFILES;
            default -> OTHER_PROFILES;
        };
    }

    private static String attribute(SplittableRandom r, Profile p, String cause) {
        if (p == Profile.SINGLE_ELDERLY) {
            double u = r.nextDouble();
            return u < 0.5 ? Codes.EXTREME_SUPPORT : u < 0.9 ? Codes.DIBAO : Codes.GENERAL;
        }
        boolean weak =
                cause.equals(Codes.ILLNESS)
                        || cause.equals(Codes.DISABILITY)
                        || cause.equals(Codes.LACK_LABOR);
        double u = r.nextDouble();
        if (u < 0.01) {
            return Codes.EXTREME_SUPPORT;
        }
        return u < (weak ? 0.35 : 0.10) ? Codes.DIBAO : Codes.GENERAL;
    }

    private String secondaryCauses(SplittableRandom r, String primary) {
        int n = Draw.chance(r, 0.45) ? 0 : Draw.chance(r, 0.6) ? 1 : 2;
        List<String> picked = new ArrayList<>();
        for (int i = 0; i < n * 3 && picked.size() < n; i++) {
            String c = model.secondaryCauses.pick(r);
            if (!c.equals(primary) && !picked.contains(c)) {
                picked.add(c);
            }
        }
        StringBuilder b = new StringBuilder();
        for (String c : picked) {
            if (b.length() > 0) {
                b.append(';');
            }
            b.append(model.vocab.label(Codes.CAUSE, c));
        }
        return b.toString();
    }

    // ---- members
    // -------------------------------------------------------------------------------------------

    private void members(SplittableRandom r, Household h, Profile p) {
        int year = h.identificationYear;
        String surname = Names.surname(r);
        switch (p) {
            case SINGLE_ELDERLY ->
                    add(r, h, Codes.HEAD, Draw.chance(r, 0.55), age(r, 65, 88), surname);
            case ELDERLY_COUPLE -> {
                int a = age(r, 60, 80);
                add(r, h, Codes.HEAD, true, a, surname);
                add(
                        r,
                        h,
                        Codes.SPOUSE,
                        false,
                        Math.max(55, a - Draw.between(r, 0, 6)),
                        Names.surname(r));
            }
            case SINGLE_PARENT -> {
                boolean male = Draw.chance(r, 0.3);
                int a = age(r, 28, 50);
                add(r, h, Codes.HEAD, male, a, surname);
                children(r, h, Codes.CHILD, Draw.between(r, 1, 3), Math.min(17, a - 20), surname);
            }
            case NUCLEAR -> {
                int a = age(r, 26, 50);
                add(r, h, Codes.HEAD, true, a, surname);
                add(
                        r,
                        h,
                        Codes.SPOUSE,
                        false,
                        Math.max(20, a - Draw.between(r, 0, 5)),
                        Names.surname(r));
                children(r, h, Codes.CHILD, CHILDREN.pick(r), Math.min(20, a - 21), surname);
                if (Draw.chance(r, 0.03)) {
                    add(r, h, Codes.SIBLING, true, a - Draw.between(r, 2, 8), surname);
                }
            }
            case THREE_GENERATIONS -> {
                int a = age(r, 28, 50);
                add(r, h, Codes.HEAD, true, a, surname);
                add(
                        r,
                        h,
                        Codes.SPOUSE,
                        false,
                        Math.max(20, a - Draw.between(r, 0, 5)),
                        Names.surname(r));
                children(r, h, Codes.CHILD, Draw.between(r, 1, 3), Math.min(18, a - 21), surname);
                int parents = Draw.chance(r, 0.6) ? 1 : 2;
                int pa = a + Draw.between(r, 22, 35);
                if (parents == 2) {
                    add(r, h, Codes.PARENT, true, pa, surname);
                    add(r, h, Codes.PARENT, false, pa - Draw.between(r, 0, 5), Names.surname(r));
                } else {
                    boolean male = Draw.chance(r, 0.35);
                    add(r, h, Codes.PARENT, male, pa, male ? surname : Names.surname(r));
                }
            }
            case GRANDPARENTS -> {
                int a = age(r, 50, 68);
                add(r, h, Codes.HEAD, true, a, surname);
                add(r, h, Codes.SPOUSE, false, a - Draw.between(r, 0, 5), Names.surname(r));
                int son = Math.max(20, a - Draw.between(r, 22, 30));
                add(r, h, Codes.CHILD, true, son, surname);
                add(
                        r,
                        h,
                        Codes.CHILD_IN_LAW,
                        false,
                        Math.max(20, son - Draw.between(r, 0, 4)),
                        Names.surname(r));
                children(
                        r,
                        h,
                        Codes.GRANDCHILD,
                        Draw.between(r, 1, 3),
                        Math.min(14, son - 20),
                        surname);
                if (Draw.chance(r, 0.15)) {
                    add(
                            r,
                            h,
                            Codes.CHILD,
                            Draw.chance(r, 0.5),
                            Draw.between(r, 16, Math.max(16, son - 2)),
                            surname);
                }
            }
        }
        births(r, h, p, surname, year);
    }

    private static int age(SplittableRandom r, int lo, int hi) {
        return Draw.between(r, lo, hi);
    }

    private void children(
            SplittableRandom r, Household h, String relation, int n, int maxAge, String surname) {
        for (int i = 0; i < n && h.people.size() < MAX_MEMBERS; i++) {
            add(
                    r,
                    h,
                    relation,
                    Draw.chance(r, 0.52),
                    Draw.between(r, 0, Math.max(0, maxAge)),
                    surname);
        }
    }

    /** A person aged {@code age} in the identification year. */
    private Person add(
            SplittableRandom r,
            Household h,
            String relation,
            boolean male,
            int age,
            String surname) {
        int year = h.identificationYear - age;
        return addBorn(r, h, relation, male, Days.inYear(r, year), surname);
    }

    private Person addBorn(
            SplittableRandom r,
            Household h,
            String relation,
            boolean male,
            int birthDay,
            String surname) {
        int day = ids.freeMemberDay(birthDay, male);
        String id = ids.member(day, male);
        int birthYear = Days.yearOf(day);
        Person p =
                new Person(
                        h.people.size(),
                        relation,
                        male,
                        day,
                        id,
                        Names.name(r, surname, male, birthYear));
        p.finalEducation = finalEducation(r, birthYear);
        p.behind = Draw.chance(r, 0.12);
        p.vocational = Draw.chance(r, 0.3);
        h.people.add(p);
        return p;
    }

    /** A child born after identification to a young couple (listed from the year of birth). */
    private void births(SplittableRandom r, Household h, Profile p, String surname, int year) {
        Person mother = null;
        String relation = Codes.CHILD;
        for (Person m : h.people) {
            if (!m.male
                    && (m.relation.equals(Codes.SPOUSE) || m.relation.equals(Codes.CHILD_IN_LAW))) {
                mother = m;
                relation = m.relation.equals(Codes.CHILD_IN_LAW) ? Codes.GRANDCHILD : Codes.CHILD;
            }
        }
        if (mother == null
                || p == Profile.ELDERLY_COUPLE
                || mother.age(year) > 36
                || !Draw.chance(r, 0.35)
                || h.people.size() >= MAX_MEMBERS
                || year + 1 > horizon) {
            return;
        }
        int birthYear = Draw.between(r, year + 1, horizon);
        addBorn(r, h, relation, Draw.chance(r, 0.52), Days.inYear(r, birthYear), surname);
    }

    private static String finalEducation(SplittableRandom r, int birthYear) {
        double u = r.nextDouble();
        if (birthYear < 1950) {
            return u < 0.60 ? Codes.ILLITERATE : u < 0.95 ? Codes.PRIMARY : Codes.JUNIOR;
        }
        if (birthYear < 1965) {
            return u < 0.30
                    ? Codes.ILLITERATE
                    : u < 0.75 ? Codes.PRIMARY : u < 0.95 ? Codes.JUNIOR : Codes.SENIOR;
        }
        if (birthYear < 1980) {
            return u < 0.10
                    ? Codes.ILLITERATE
                    : u < 0.50
                            ? Codes.PRIMARY
                            : u < 0.90 ? Codes.JUNIOR : u < 0.99 ? Codes.SENIOR : Codes.TERTIARY;
        }
        if (birthYear < 1995) {
            return u < 0.15
                    ? Codes.PRIMARY
                    : u < 0.70 ? Codes.JUNIOR : u < 0.92 ? Codes.SENIOR : Codes.TERTIARY;
        }
        return u < 0.05 ? Codes.JUNIOR : u < 0.66 ? Codes.SENIOR : Codes.TERTIARY;
    }

    private static void health(SplittableRandom r, Household h) {
        int year = h.identificationYear;
        for (Person p : h.people) {
            int a = p.age(year);
            p.health =
                    a >= 60 && Draw.chance(r, 0.4)
                            ? Codes.CHRONIC
                            : Draw.chance(r, 0.02) ? Codes.DISABLED : Codes.HEALTHY;
            p.skilledInitially = a >= 18 && a <= 60 && Draw.chance(r, 0.15);
        }
        List<Person> adults = h.people.stream().filter(p -> p.age(year) >= 18).toList();
        if (adults.isEmpty()) {
            return;
        }
        if (h.cause.equals(Codes.ILLNESS)) {
            Draw.oneOf(r, adults).health = Draw.chance(r, 0.55) ? Codes.SERIOUS : Codes.CHRONIC;
        } else if (h.cause.equals(Codes.DISABILITY)) {
            Draw.oneOf(r, h.people).health = Codes.DISABLED;
        }
    }

    // ---- life: exit, return, removal, dissolution, relocation
    // ----------------------------------------------

    private void life(SplittableRandom r, Household h, Profile p) {
        int ident = h.identificationYear;
        h.exitYear = (h.origin.poor ? model.exitPoorVillage : model.exit).pickAtLeast(r, ident + 1);
        if (h.exitYear != Years.NEVER && h.exitYear < horizon && Draw.chance(r, 0.015)) {
            h.returns = true;
            double u = r.nextDouble();
            h.reExitYear = u < 0.6 ? h.exitYear + 2 : u < 0.85 ? h.exitYear + 3 : Years.NEVER;
        }
        // deaths of elderly parents, and of the single elderly (the household then dissolves)
        for (Person m : h.people) {
            boolean mortal = m.relation.equals(Codes.PARENT) || p == Profile.SINGLE_ELDERLY;
            if (mortal && m.age(ident) >= 70) {
                for (int y = ident + 1; y <= horizon; y++) {
                    if (Draw.chance(r, p == Profile.SINGLE_ELDERLY ? 0.06 : 0.05)) {
                        m.diesYear = y;
                        break;
                    }
                }
            }
        }
        if (p == Profile.SINGLE_ELDERLY && h.head().diesYear != Years.NEVER) {
            h.dissolvedYear = h.head().diesYear;
        } else if (Draw.chance(r, 0.004) && ident + 1 <= horizon) {
            h.dissolvedYear = Draw.between(r, ident + 1, horizon); // moved away
        }
        if (Draw.chance(r, 0.01)
                && h.dissolvedYear == Years.NEVER) { // 清退: mis-identified, found in a review
            int from = Math.max(ident + 1, 2015);
            int to = Math.min(h.exitYear - 1, 2019);
            if (from <= to) {
                h.removedYear = Draw.between(r, from, to);
            }
        }
        boolean remote =
                h.cause.equals(Codes.LACK_WATER)
                        || h.cause.equals(Codes.POOR_TRANSPORT)
                        || h.cause.equals(Codes.LACK_LAND);
        if (Draw.chance(r, remote ? 0.35 : 0.03)) {
            int y = model.relocation.pickAtLeast(r, ident + 1);
            List<Village> sites =
                    plan.resettlementSites.stream().filter(v -> v != h.origin).toList();
            if (y != Years.NEVER && !sites.isEmpty() && y <= Math.min(h.exitYear, h.removedYear)) {
                h.relocationYear = y;
                h.relocatedTo = Draw.oneOf(r, sites);
            }
        }
    }

    /** Income level, housing, water, broadband, smart terminal. */
    private void conditions(SplittableRandom r, Household h) {
        int ident = h.identificationYear;
        h.incomeLevel = Math.min(1.6, Draw.lognormal(r, 0.8, 0.25));
        h.exitIncome =
                Draw.chance(r, 0.98) ? Draw.uniform(r, 1.08, 1.7) : Draw.uniform(r, 0.9, 0.995);
        int safeBy = h.exitYear == Years.NEVER ? ident + 3 : h.exitYear;
        boolean premature = Draw.chance(r, 0.02);
        h.housingSafeYear =
                Draw.chance(r, 0.35)
                        ? (premature ? safeBy + 1 : Draw.between(r, ident, Math.max(ident, safeBy)))
                        : Years.REGISTRY_START;
        h.waterSafeYear =
                Draw.chance(r, 0.25)
                        ? Draw.between(r, ident, Math.max(ident, safeBy))
                        : Years.REGISTRY_START;
        if (h.relocationYear != Years.NEVER) {
            h.housingSafeYear = Math.min(h.housingSafeYear, h.relocationYear);
            h.waterSafeYear = Math.min(h.waterSafeYear, h.relocationYear);
        }
        h.broadbandYear =
                h.relocationYear != Years.NEVER && Draw.chance(r, 0.5)
                        ? h.relocationYear
                        : model.broadbandAdoption.pick(r);
        h.terminalYear = model.terminalAdoption.pick(r);
    }

    private void helper(SplittableRandom r, Household h) {
        if (Draw.chance(r, 0.97)) {
            h.cadreId = Draw.oneOf(r, plan.cadres);
            h.cadreFrom = Math.max(h.identificationYear, 2014) + (Draw.chance(r, 0.2) ? 1 : 0);
        }
    }

    /** Trainings of working-age members, 2014 to the horizon (they make members skill_trained). */
    private void trainings(Household h) {
        for (int y = Math.max(2014, h.identificationYear); y <= horizon; y++) {
            if (!h.registered(y)) {
                continue;
            }
            SplittableRandom r = Seeds.rng(Seeds.of(h.seed, Seeds.TRAINING, y));
            double p = h.poor(y) ? 0.06 : 0.03;
            for (Person m : h.people) {
                int a = m.age(y);
                if (!h.lists(m, y) || a < 18 || a > 55 || !Draw.chance(r, p)) {
                    continue;
                }
                boolean certified = Draw.chance(r, 0.75);
                h.trainings.add(
                        new Training(
                                y,
                                m.index,
                                h.trainings.size() + 1,
                                model.courses.pick(r),
                                Days.inYear(r, y),
                                certified));
                if (certified && m.certifiedYear > y) {
                    m.certifiedYear = y;
                }
            }
        }
    }

    /** A few households run a shop; more sell to or work for a county shop. */
    private void ecommerce(SplittableRandom r, Household h) {
        int ident = h.identificationYear;
        boolean ableAdult =
                h.people.stream()
                        .anyMatch(
                                m ->
                                        m.age(ident) >= 20
                                                && m.age(ident) <= 50
                                                && m.health.equals(Codes.HEALTHY));
        if (ableAdult && Draw.chance(r, 0.015)) {
            int year = model.shopOpening.pickAtLeast(r, ident);
            if (year != Years.NEVER
                    && year <= horizon
                    && year < h.dissolvedYear
                    && year < h.removedYear) {
                h.shop =
                        new Shop(
                                "SP" + h.id,
                                model.platforms.pick(r),
                                h.village(year),
                                Codes.POOR_HOUSEHOLD,
                                h.id,
                                Days.inYear(r, year),
                                Years.NEVER,
                                Draw.lognormal(r, 25, 0.6),
                                Seeds.of(h.seed, Seeds.SHOP));
            }
        }
        int links = Draw.chance(r, 0.12) ? (Draw.chance(r, 0.2) ? 2 : 1) : 0;
        for (int i = 0; i < links; i++) {
            int year = model.linkStart.pickAtLeast(r, ident);
            if (year == Years.NEVER || year > horizon) {
                continue;
            }
            List<Shop> open = plan.shopsListedIn(year);
            if (open.isEmpty()) {
                continue;
            }
            Shop s = Draw.oneOf(r, open);
            if (h.links.stream().anyMatch(l -> l.shop() == s)) {
                continue;
            }
            int since = Math.max(s.openedDay, Days.inYear(r, year));
            h.links.add(new Link(s, model.linkTypes.pick(r), since, Days.yearOf(since)));
        }
    }
}
