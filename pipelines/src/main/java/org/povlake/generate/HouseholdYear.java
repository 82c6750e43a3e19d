package org.povlake.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A household in one year, read off its life with the year's own random stream (so any year can be
 * produced alone): status, village, income against that year's poverty line, living conditions,
 * helper, and each listed member's schooling, labour, insurance and enrollment.
 */
final class HouseholdYear {
    final Household household;
    final int year;
    final String status;
    final int exitYear;
    final Village village;
    final List<PersonYear> members = new ArrayList<>();

    /** Per-capita net income in cents, or -1 when not recorded. */
    long incomeCents = -1;

    Boolean housingSafe;
    Boolean waterSafe;
    Boolean broadband;
    Boolean terminal;
    String helper;
    int declaredSize;

    private HouseholdYear(Household h, int year) {
        this.household = h;
        this.year = year;
        this.status = h.status(year);
        this.exitYear = h.shownExitYear(year);
        this.village = h.village(year);
    }

    static HouseholdYear of(Household h, int year, Model model, CountyPlan plan) {
        HouseholdYear hy = new HouseholdYear(h, year);
        SplittableRandom r = Seeds.rng(Seeds.of(h.seed, Seeds.HOUSEHOLD_YEAR, year));
        hy.household(r, model);
        for (Person p : h.people) {
            if (h.lists(p, year)) {
                hy.members.add(hy.person(r, p, plan));
            }
        }
        int n = hy.members.size();
        hy.declaredSize = Math.max(1, n);
        if (Draw.chance(
                r, 0.02)) { // declared size disagrees with the member rows (a data-quality signal)
            hy.declaredSize = n > 1 && r.nextBoolean() ? n - 1 : n + 1;
        }
        return hy;
    }

    private void household(SplittableRandom r, Model model) {
        Household h = household;
        double f =
                switch (status) {
                    case Codes.POOR ->
                            Draw.chance(r, 0.025)
                                    ? Draw.uniform(r, 2.0, 2.8) // a lead for "should have exited"
                                    : h.incomeLevel
                                            * (1 + 0.04 * (year - h.identificationYear))
                                            * Draw.lognormal(r, 1, 0.08);
                    case Codes.RETURNED -> Draw.uniform(r, 0.6, 0.95);
                    case Codes.EXITED ->
                            year == exitYear
                                    ? h.exitIncome
                                    : Math.max(1.05, h.exitIncome)
                                            * StrictMath.pow(1.08, year - exitYear)
                                            * Draw.lognormal(r, 1, 0.06);
                    case Codes.REMOVED -> Draw.uniform(r, 2.5, 5.0);
                    default -> -1;
                };
        if (f > 0 && !Draw.chance(r, 0.004)) {
            incomeCents = Math.round(model.lines.cents(year) * f);
        }
        housingSafe = known(r, year >= h.housingSafeYear);
        waterSafe = known(r, year >= h.waterSafeYear);
        broadband = known(r, year >= h.broadbandYear);
        terminal = known(r, year >= h.terminalYear);
        helper = h.cadreId != null && year >= h.cadreFrom && h.registered(year) ? h.cadreId : null;
    }

    private static Boolean known(SplittableRandom r, boolean value) {
        return Draw.chance(r, 0.003) ? null : value;
    }

    private PersonYear person(SplittableRandom r, Person p, CountyPlan plan) {
        PersonYear py = new PersonYear(p, p.age(year));
        schooling(r, py, plan);
        py.health = Draw.chance(r, 0.002) ? null : p.health;
        py.skilled = py.age >= 16 && p.skilled(year);
        py.labor = Draw.chance(r, 0.003) ? null : labor(py);
        insurance(r, py);
        return py;
    }

    private void schooling(SplittableRandom r, PersonYear py, CountyPlan plan) {
        Person p = py.person;
        int grade = p.grade(year);
        double u = r.nextDouble();
        if (grade < 1) {
            py.education = Codes.PRESCHOOL;
            return;
        }
        if (grade > 12 || (grade >= 10 && !goesOn(p))) {
            py.education = grade > 12 ? p.finalEducation : Codes.JUNIOR;
            py.inSchool = p.finalEducation.equals(Codes.TERTIARY) && py.age <= 22;
            return;
        }
        py.grade = grade;
        py.education = grade <= 6 ? Codes.PRIMARY : grade <= 9 ? Codes.JUNIOR : Codes.SENIOR;
        boolean compulsory = py.age >= 6 && py.age <= 15;
        py.school = plan.schoolFor(village, grade, p.vocational, p.birthDay);
        if (py.school == null) {
            return;
        }
        if (compulsory ? u < 0.008 : u < 0.03) {
            return; // not enrolled: no row
        }
        if (compulsory ? u < 0.016 : u < 0.04) {
            py.enrollmentStatus = Codes.DROPPED_OUT;
            return;
        }
        if (compulsory && u < 0.019) {
            py.enrollmentStatus = Codes.SUSPENDED;
            return;
        }
        py.enrollmentStatus = Codes.ENROLLED;
        py.inSchool = true;
        if (compulsory && u < 0.029) {
            School from = plan.otherSchoolFor(village, grade);
            if (from != null && from != py.school) {
                py.transferredFrom = from;
            }
        }
        if (household.registered(year) && Draw.chance(r, 0.75)) {
            py.subsidyCents = grade <= 6 ? 100_000 : grade <= 9 ? 125_000 : 200_000;
        }
    }

    private static boolean goesOn(Person p) {
        return p.finalEducation.equals(Codes.SENIOR) || p.finalEducation.equals(Codes.TERTIARY);
    }

    private static String labor(PersonYear py) {
        String health = py.person.health;
        if (py.age < 16 || py.inSchool) {
            return Codes.NO_LABOR;
        }
        if (py.age >= 75 || health.equals(Codes.SERIOUS)) {
            return Codes.LOST;
        }
        if (health.equals(Codes.DISABLED)) {
            return (py.person.birthDay & 1) == 0 ? Codes.LOST : Codes.WEAK;
        }
        if (py.age >= 65 || health.equals(Codes.CHRONIC)) {
            return Codes.WEAK;
        }
        return py.skilled ? Codes.SKILLED : Codes.ORDINARY;
    }

    private void insurance(SplittableRandom r, PersonYear py) {
        Household h = household;
        py.insured = Draw.chance(r, 0.99);
        py.basicMedical = py.insured && Draw.chance(r, 0.994);
        py.seriousIllness = py.basicMedical && Draw.chance(r, 0.995);
        boolean assisted =
                h.poor(year)
                                || h.attribute.equals(Codes.DIBAO)
                                || h.attribute.equals(Codes.EXTREME_SUPPORT)
                        ? Draw.chance(r, 0.9)
                        : h.registered(year) && Draw.chance(r, 0.5);
        py.medicalAssistance = Draw.chance(r, 0.03) ? null : assisted;
        boolean truth = py.insured && py.basicMedical;
        double u = r.nextDouble();
        py.registryInsurance = u < 0.005 ? null : u < 0.025 ? !truth : truth;
    }

    boolean registered() {
        return household.registered(year);
    }

    boolean poor() {
        return household.poor(year);
    }
}
