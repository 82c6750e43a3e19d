package org.povlake.generate;

/**
 * The enumeration codes the generator's models reason with (its behaviour, e.g. "an exited
 * household shows its exit year"). Labels are never written here: they come from the contract, and
 * {@link #verify} fails at start-up if the contract no longer has one of these codes.
 */
final class Codes {
    // enumeration names
    static final String ATTRIBUTE = "attribute";
    static final String STATUS = "status";
    static final String CAUSE = "cause";
    static final String RELATION = "relation";
    static final String SEX = "sex";
    static final String EDUCATION = "education";
    static final String HEALTH = "health";
    static final String LABOR = "labor";
    static final String MEASURE = "measure";
    static final String OPERATOR = "operator";
    static final String FACILITY = "facility";
    static final String SCHOOL = "school";
    static final String ENROLLMENT = "enrollment";
    static final String COURSE = "course";
    static final String POINT = "point";
    static final String PLATFORM = "platform";
    static final String OPERATOR_TYPE = "operator_type";
    static final String LINK = "link";
    static final String DIRECTION = "direction";
    static final String CATEGORY = "category";
    static final String ORDER_STATUS = "order_status";

    static final String GENERAL = "GENERAL";
    static final String DIBAO = "DIBAO";
    static final String EXTREME_SUPPORT = "EXTREME_SUPPORT";

    static final String POOR = "POOR";
    static final String EXITED = "EXITED";
    static final String RETURNED = "RETURNED";
    static final String REMOVED = "REMOVED";
    static final String DISSOLVED = "DISSOLVED";

    static final String ILLNESS = "ILLNESS";
    static final String DISABILITY = "DISABILITY";
    static final String EDUCATION_COST = "EDUCATION";
    static final String DISASTER = "DISASTER";
    static final String LACK_LAND = "LACK_LAND";
    static final String LACK_WATER = "LACK_WATER";
    static final String LACK_SKILL = "LACK_SKILL";
    static final String LACK_LABOR = "LACK_LABOR";
    static final String LACK_CAPITAL = "LACK_CAPITAL";
    static final String POOR_TRANSPORT = "POOR_TRANSPORT";
    static final String LOW_MOTIVATION = "LOW_MOTIVATION";

    static final String HEAD = "HEAD";
    static final String SPOUSE = "SPOUSE";
    static final String CHILD = "CHILD";
    static final String CHILD_IN_LAW = "CHILD_IN_LAW";
    static final String GRANDCHILD = "GRANDCHILD";
    static final String PARENT = "PARENT";
    static final String SIBLING = "SIBLING";

    static final String MALE = "M";
    static final String FEMALE = "F";

    static final String PRESCHOOL = "PRESCHOOL";
    static final String ILLITERATE = "ILLITERATE";
    static final String PRIMARY = "PRIMARY";
    static final String JUNIOR = "JUNIOR";
    static final String SENIOR = "SENIOR";
    static final String TERTIARY = "TERTIARY";

    static final String HEALTHY = "HEALTHY";
    static final String CHRONIC = "CHRONIC";
    static final String SERIOUS = "SERIOUS";
    static final String DISABLED = "DISABLED";

    static final String ORDINARY = "ORDINARY";
    static final String SKILLED = "SKILLED";
    static final String WEAK = "WEAK";
    static final String LOST = "LOST";
    static final String NO_LABOR = "NONE";

    static final String INDUSTRY = "INDUSTRY";
    static final String MICROCREDIT = "MICROCREDIT";
    static final String EDUCATION_AID = "EDUCATION_AID";
    static final String MEDICAL_AID = "MEDICAL_AID";
    static final String HOUSING_RENOVATION = "HOUSING_RENOVATION";
    static final String RELOCATION = "RELOCATION";
    static final String EMPLOYMENT = "EMPLOYMENT";
    static final String SKILL_TRAINING = "SKILL_TRAINING";
    static final String ECOMMERCE_AID = "ECOMMERCE";
    static final String ECO_COMPENSATION = "ECO_COMPENSATION";
    static final String SAFETY_NET = "SAFETY_NET";

    static final String CMCC = "CMCC";
    static final String CT = "CT";
    static final String CU = "CU";
    static final String CABLE = "CABLE";

    static final String COUNTY_HOSPITAL = "COUNTY_HOSPITAL";
    static final String TOWNSHIP_CENTER = "TOWNSHIP_CENTER";
    static final String VILLAGE_CLINIC = "VILLAGE_CLINIC";

    static final String SCHOOL_PRIMARY = "PRIMARY";
    static final String SCHOOL_JUNIOR = "JUNIOR";
    static final String NINE_YEAR = "NINE_YEAR";
    static final String SCHOOL_SENIOR = "SENIOR";
    static final String TEACHING_POINT = "TEACHING_POINT";
    static final String VOCATIONAL = "VOCATIONAL";

    static final String ENROLLED = "ENROLLED";
    static final String DROPPED_OUT = "DROPPED_OUT";
    static final String TRANSFERRED = "TRANSFERRED";
    static final String SUSPENDED = "SUSPENDED";

    static final String COUNTY_CENTER = "COUNTY_CENTER";
    static final String TOWNSHIP_STATION = "TOWNSHIP_STATION";
    static final String VILLAGE_POINT = "VILLAGE_POINT";

    static final String POOR_HOUSEHOLD = "POOR_HOUSEHOLD";

    static final String UPWARD = "UPWARD";
    static final String DOWNWARD = "DOWNWARD";
    static final String FARM_PRODUCE = "FARM_PRODUCE";
    static final String HANDICRAFT = "HANDICRAFT";
    static final String RURAL_TOURISM = "RURAL_TOURISM";
    static final String CONSUMER_GOODS = "CONSUMER_GOODS";
    static final String FARM_INPUTS = "FARM_INPUTS";

    static final String COMPLETED = "COMPLETED";
    static final String REFUNDED = "REFUNDED";
    static final String CANCELLED = "CANCELLED";

    private Codes() {}

    /** Fails if the contract lacks a code the generator reasons with. */
    static void verify(Vocabulary v) {
        v.require(ATTRIBUTE, GENERAL, DIBAO, EXTREME_SUPPORT);
        v.require(STATUS, POOR, EXITED, RETURNED, REMOVED, DISSOLVED);
        v.require(
                CAUSE,
                ILLNESS,
                DISABILITY,
                EDUCATION_COST,
                DISASTER,
                LACK_LAND,
                LACK_WATER,
                LACK_SKILL,
                LACK_LABOR,
                LACK_CAPITAL,
                POOR_TRANSPORT,
                LOW_MOTIVATION);
        v.require(RELATION, HEAD, SPOUSE, CHILD, CHILD_IN_LAW, GRANDCHILD, PARENT, SIBLING);
        v.require(SEX, MALE, FEMALE);
        v.require(EDUCATION, PRESCHOOL, ILLITERATE, PRIMARY, JUNIOR, SENIOR, TERTIARY);
        v.require(HEALTH, HEALTHY, CHRONIC, SERIOUS, DISABLED);
        v.require(LABOR, ORDINARY, SKILLED, WEAK, LOST, NO_LABOR);
        v.require(
                MEASURE,
                INDUSTRY,
                MICROCREDIT,
                EDUCATION_AID,
                MEDICAL_AID,
                HOUSING_RENOVATION,
                RELOCATION,
                EMPLOYMENT,
                SKILL_TRAINING,
                ECOMMERCE_AID,
                ECO_COMPENSATION,
                SAFETY_NET);
        v.require(OPERATOR, CMCC, CT, CU, CABLE);
        v.require(FACILITY, COUNTY_HOSPITAL, TOWNSHIP_CENTER, VILLAGE_CLINIC);
        v.require(
                SCHOOL,
                SCHOOL_PRIMARY,
                SCHOOL_JUNIOR,
                NINE_YEAR,
                SCHOOL_SENIOR,
                TEACHING_POINT,
                VOCATIONAL);
        v.require(ENROLLMENT, ENROLLED, DROPPED_OUT, TRANSFERRED, SUSPENDED);
        v.require(POINT, COUNTY_CENTER, TOWNSHIP_STATION, VILLAGE_POINT);
        v.require(OPERATOR_TYPE, POOR_HOUSEHOLD);
        v.require(DIRECTION, UPWARD, DOWNWARD);
        v.require(CATEGORY, FARM_PRODUCE, HANDICRAFT, RURAL_TOURISM, CONSUMER_GOODS, FARM_INPUTS);
        v.require(ORDER_STATUS, COMPLETED, REFUNDED, CANCELLED);
    }
}
