package org.povlake.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** registry: households, members, poor_villages (snapshots) and assistance (events). */
final class RegistryRows {
    private final Model model;
    private final Vocabulary v;
    private final Extract households;
    private final Extract members;
    private final Extract poorVillages;
    private final Extract assistance;
    private final int hId,
            hVillage,
            hHeadId,
            hHeadName,
            hSize,
            hAttribute,
            hIdentified,
            hStatus,
            hExit,
            hCause,
            hSecondary,
            hIncome,
            hHousing,
            hWater,
            hBroadband,
            hTerminal,
            hHelper;
    private final int mHousehold,
            mId,
            mName,
            mRelation,
            mSex,
            mBirth,
            mEducation,
            mInSchool,
            mHealth,
            mLabor,
            mSkilled,
            mInsurance;
    private final int pvVillage, pvDesignated, pvExit;
    private final int aId, aHousehold, aType, aStart, aAmount;

    RegistryRows(Extracts extracts, Model model) {
        this.model = model;
        this.v = model.vocab;
        households = extracts.get("registry", "households");
        hId = households.col("household_id");
        hVillage = households.col("village_code");
        hHeadId = households.col("head_id_number");
        hHeadName = households.col("head_name");
        hSize = households.col("household_size");
        hAttribute = households.col("poverty_attribute");
        hIdentified = households.col("identification_year");
        hStatus = households.col("status");
        hExit = households.col("exit_year");
        hCause = households.col("primary_cause");
        hSecondary = households.col("secondary_causes");
        hIncome = households.col("per_capita_net_income");
        hHousing = households.col("housing_safe");
        hWater = households.col("drinking_water_safe");
        hBroadband = households.col("has_broadband");
        hTerminal = households.col("has_smart_terminal");
        hHelper = households.col("helper_cadre_id");
        members = extracts.get("registry", "members");
        mHousehold = members.col("household_id");
        mId = members.col("id_number");
        mName = members.col("name");
        mRelation = members.col("relation");
        mSex = members.col("sex");
        mBirth = members.col("birth_date");
        mEducation = members.col("education");
        mInSchool = members.col("in_school");
        mHealth = members.col("health");
        mLabor = members.col("labor_capacity");
        mSkilled = members.col("skill_trained");
        mInsurance = members.col("medical_insurance");
        poorVillages = extracts.get("registry", "poor_villages");
        pvVillage = poorVillages.col("village_code");
        pvDesignated = poorVillages.col("designated_year");
        pvExit = poorVillages.col("exit_year");
        assistance = extracts.get("registry", "assistance");
        aId = assistance.col("measure_id");
        aHousehold = assistance.col("household_id");
        aType = assistance.col("measure_type");
        aStart = assistance.col("start_date");
        aAmount = assistance.col("amount");
    }

    void household(Sinks out, HouseholdYear hy) {
        Household h = hy.household;
        String[] row = households.newRow();
        row[hId] = h.id;
        row[hVillage] = hy.village.code;
        row[hHeadId] = h.head().id;
        row[hHeadName] = h.head().name;
        row[hSize] = Formats.integer(hy.declaredSize);
        row[hAttribute] = v.label(Codes.ATTRIBUTE, h.attribute);
        row[hIdentified] = Formats.integer(h.identificationYear);
        row[hStatus] = v.label(Codes.STATUS, hy.status);
        row[hExit] = hy.exitYear == Years.NEVER ? Formats.NULL : Formats.integer(hy.exitYear);
        row[hCause] = h.causeRecorded ? v.label(Codes.CAUSE, h.cause) : Formats.NULL;
        row[hSecondary] = h.secondaryCauses;
        row[hIncome] = hy.incomeCents < 0 ? Formats.NULL : Formats.money(hy.incomeCents);
        row[hHousing] = Formats.bool(hy.housingSafe);
        row[hWater] = Formats.bool(hy.waterSafe);
        row[hBroadband] = Formats.bool(hy.broadband);
        row[hTerminal] = Formats.bool(hy.terminal);
        row[hHelper] = hy.helper == null ? Formats.NULL : hy.helper;
        out.emit(households, hy.year, row);
    }

    void members(Sinks out, HouseholdYear hy) {
        for (PersonYear py : hy.members) {
            Person p = py.person;
            String[] row = members.newRow();
            row[mHousehold] = hy.household.id;
            row[mId] = p.id;
            row[mName] = p.name;
            row[mRelation] = v.label(Codes.RELATION, p.relation);
            row[mSex] = v.label(Codes.SEX, p.male ? Codes.MALE : Codes.FEMALE);
            row[mBirth] = Formats.date(p.birthDay);
            row[mEducation] = v.label(Codes.EDUCATION, py.education);
            row[mInSchool] = Formats.bool(py.inSchool);
            row[mHealth] = py.health == null ? Formats.NULL : v.label(Codes.HEALTH, py.health);
            row[mLabor] = py.labor == null ? Formats.NULL : v.label(Codes.LABOR, py.labor);
            row[mSkilled] = Formats.bool(py.skilled);
            row[mInsurance] = Formats.bool(py.registryInsurance);
            out.emit(members, hy.year, row);
        }
    }

    void poorVillage(Sinks out, Village village, int year) {
        if (!village.poor || village.designatedYear > year) {
            return;
        }
        String[] row = poorVillages.newRow();
        row[pvVillage] = village.code;
        row[pvDesignated] = Formats.integer(village.designatedYear);
        row[pvExit] =
                village.poorExitYear <= year ? Formats.integer(village.poorExitYear) : Formats.NULL;
        out.emit(poorVillages, year, row);
    }

    /**
     * This year's assistance measures: most to households in poverty, matched to their cause
     * (因户施策).
     */
    void assistance(Sinks out, HouseholdYear hy) {
        Household h = hy.household;
        int year = hy.year;
        if (!hy.registered()) {
            return;
        }
        SplittableRandom r = Seeds.rng(Seeds.of(h.seed, Seeds.ASSISTANCE, year));
        List<String> types = new ArrayList<>();
        boolean poorThisYear = hy.poor() || year == h.exitYear;
        if (poorThisYear) {
            int n = 1 + (Draw.chance(r, 0.5) ? 1 : 0) + (Draw.chance(r, 0.15) ? 1 : 0);
            List<String> matched = model.matchedMeasures.get(h.cause);
            types.add(
                    matched != null && Draw.chance(r, 0.9)
                            ? Draw.oneOf(r, matched)
                            : model.measures.pick(r));
            while (types.size() < n) {
                types.add(model.measures.pick(r));
            }
        } else if (Draw.chance(r, 0.3)) {
            types.add(model.measures.pick(r));
        }
        if (year == h.relocationYear) {
            types.add(Codes.RELOCATION);
        }
        if (year == h.housingSafeYear && year > h.identificationYear) {
            types.add(Codes.HOUSING_RENOVATION);
        }
        int seq = 0;
        for (String type : types) {
            String[] row = assistance.newRow();
            seq++;
            row[aId] = "CS" + year + h.id + (seq < 10 ? "0" : "") + seq;
            row[aHousehold] = h.id;
            row[aType] = v.label(Codes.MEASURE, type);
            row[aStart] = Formats.date(Days.inYear(r, year));
            long amount = amount(r, type);
            row[aAmount] = amount < 0 ? Formats.NULL : Formats.money(amount);
            out.emit(assistance, year, row);
        }
    }

    /** Amount in cents (or -1 for none) by kind of measure. */
    private static long amount(SplittableRandom r, String type) {
        if (Draw.chance(r, 0.05)) {
            return -1;
        }
        int[] range =
                switch (type) {
                    case Codes.MICROCREDIT -> new int[] {10_000, 50_000};
                    case Codes.HOUSING_RENOVATION -> new int[] {10_000, 40_000};
                    case Codes.RELOCATION -> new int[] {20_000, 60_000};
                    case Codes.MEDICAL_AID -> new int[] {500, 20_000};
                    case Codes.EDUCATION_AID -> new int[] {500, 5_000};
                    case Codes.INDUSTRY -> new int[] {2_000, 10_000};
                    case Codes.SAFETY_NET -> new int[] {2_000, 8_000};
                    case Codes.ECO_COMPENSATION -> new int[] {1_000, 10_000};
                    default -> new int[] {300, 5_000};
                };
        return Draw.between(r, range[0], range[1]) * 100L;
    }
}
