package org.povlake.generate;

import java.util.SplittableRandom;

/** health: insurance_enrollment and facilities (snapshots), inpatient_claims (events). */
final class HealthRows {
    private final Extract insurance;
    private final Extract claims;
    private final Extract facilities;
    private final Vocabulary v;
    private final int iId, iYear, iBasic, iSerious, iAssistance;
    private final int cId,
            cPerson,
            cFacility,
            cAdmission,
            cDischarge,
            cTotal,
            cBasic,
            cSerious,
            cAssistance,
            cOneStop;
    private final int fCode, fVillage, fLevel, fTelemedicine;

    HealthRows(Extracts extracts, Model model) {
        v = model.vocab;
        insurance = extracts.get("health", "insurance_enrollment");
        iId = insurance.col("id_number");
        iYear = insurance.col("year");
        iBasic = insurance.col("basic_medical");
        iSerious = insurance.col("serious_illness");
        iAssistance = insurance.col("medical_assistance");
        claims = extracts.get("health", "inpatient_claims");
        cId = claims.col("claim_id");
        cPerson = claims.col("id_number");
        cFacility = claims.col("facility_code");
        cAdmission = claims.col("admission_date");
        cDischarge = claims.col("discharge_date");
        cTotal = claims.col("total_cost");
        cBasic = claims.col("basic_reimbursed");
        cSerious = claims.col("serious_reimbursed");
        cAssistance = claims.col("assistance_paid");
        cOneStop = claims.col("one_stop");
        facilities = extracts.get("health", "facilities");
        fCode = facilities.col("facility_code");
        fVillage = facilities.col("village_code");
        fLevel = facilities.col("level");
        fTelemedicine = facilities.col("telemedicine");
    }

    /** A row (id, year) for ~99 % of the listed members. */
    void insurance(Sinks out, HouseholdYear hy) {
        for (PersonYear py : hy.members) {
            if (!py.insured) {
                continue;
            }
            String[] row = insurance.newRow();
            row[iId] = py.person.id;
            row[iYear] = Formats.integer(hy.year);
            row[iBasic] = Formats.bool(py.basicMedical);
            row[iSerious] = Formats.bool(py.seriousIllness);
            row[iAssistance] = Formats.bool(py.medicalAssistance);
            out.emit(insurance, hy.year, row);
        }
    }

    /**
     * Inpatient stays discharged this year: a few percent of people, more of the chronically and
     * seriously ill.
     */
    void claims(Sinks out, HouseholdYear hy, CountyPlan plan) {
        Household h = hy.household;
        int year = hy.year;
        SplittableRandom r = Seeds.rng(Seeds.of(h.seed, Seeds.CLAIMS, year));
        double oneStop = Math.min(0.98, Math.max(0.1, 0.35 + 0.25 * (year - 2016)));
        for (PersonYear py : hy.members) {
            String health = py.person.health;
            double p =
                    switch (health) {
                                case Codes.SERIOUS -> 0.35;
                                case Codes.CHRONIC -> 0.10;
                                case Codes.DISABLED -> 0.06;
                                default -> 0.02;
                            }
                            + (py.age >= 60 ? 0.03 : 0);
            if (!Draw.chance(r, p)) {
                continue;
            }
            int n = health.equals(Codes.SERIOUS) && Draw.chance(r, 0.25) ? 2 : 1;
            for (int k = 1; k <= n; k++) {
                boolean serious = health.equals(Codes.SERIOUS);
                Facility centre = plan.centreOf(hy.village);
                Facility f =
                        serious || centre == null || Draw.chance(r, 0.45)
                                ? plan.hospital()
                                : centre;
                if (f == null) {
                    continue;
                }
                boolean township = f.level().equals(Codes.TOWNSHIP_CENTER);
                int stay = serious ? Draw.between(r, 7, 30) : Draw.between(r, 2, 15);
                int admission = Days.between(r, Days.firstOf(year), Days.lastOf(year) - stay);
                long total =
                        Math.round(
                                100
                                        * (township
                                                ? Draw.lognormal(r, 2_500, 0.5)
                                                : serious
                                                        ? Draw.lognormal(r, 40_000, 0.6)
                                                        : Draw.lognormal(r, 9_000, 0.6)));
                total = Math.max(30_000, Math.min(total, 50_000_000));
                long basic =
                        Math.round(
                                total
                                        * (township
                                                ? Draw.uniform(r, 0.75, 0.85)
                                                : serious
                                                        ? Draw.uniform(r, 0.45, 0.60)
                                                        : Draw.uniform(r, 0.55, 0.70)));
                long seriousPaid = -1;
                long left = total - basic;
                if (py.seriousIllness && left > 500_000) {
                    seriousPaid = Math.round((left - 500_000) * Draw.uniform(r, 0.5, 0.6));
                    left -= seriousPaid;
                }
                long assistance = -1;
                if (hy.poor()
                        || (hy.registered() && Draw.chance(r, 0.5))) { // 健康扶贫 medical assistance
                    assistance =
                            Math.round(
                                    left
                                            * (hy.poor()
                                                    ? Draw.uniform(r, 0.4, 0.8)
                                                    : Draw.uniform(r, 0.2, 0.5)));
                }
                String[] row = claims.newRow();
                row[cId] =
                        "ZY"
                                + year
                                + h.id
                                + (py.person.index < 10 ? "0" : "")
                                + py.person.index
                                + k;
                row[cPerson] = py.person.id;
                row[cFacility] = f.code();
                row[cAdmission] = Formats.date(admission);
                row[cDischarge] = Formats.date(admission + stay);
                row[cTotal] = Formats.money(total);
                row[cBasic] = Formats.money(basic);
                row[cSerious] = seriousPaid < 0 ? Formats.NULL : Formats.money(seriousPaid);
                row[cAssistance] = assistance < 0 ? Formats.NULL : Formats.money(assistance);
                row[cOneStop] = Formats.bool(Draw.chance(r, oneStop));
                out.emit(claims, year, row);
            }
        }
    }

    void facility(Sinks out, Facility f, int year) {
        String[] row = facilities.newRow();
        row[fCode] = f.code();
        row[fVillage] = f.village().code;
        row[fLevel] = v.label(Codes.FACILITY, f.level());
        row[fTelemedicine] = Formats.bool(year >= f.telemedicineYear());
        out.emit(facilities, year, row);
    }
}
