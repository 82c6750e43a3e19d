package org.povlake.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.povlake.contract.ReasonCode.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.povlake.contract.Contract;
import org.povlake.contract.ExtractSchema;
import org.povlake.contract.ReasonCode;

/** Every row-level rule of EXTRACTS.md on hand-made records (given values → expected codes). */
class RecordValidatorTest {
    static final Contract C = Contract.get();
    static final LocalDate AS_OF = LocalDate.of(2019, 12, 31);
    // valid GB 11643 IDs: 620102 + 19800101 + 001 (odd: male) / 002 (even: female) + check
    // character
    static final String MALE_1980 = id("62010219800101001");
    static final String FEMALE_2015 = id("62010220150601002");
    static final String VILLAGE =
            C.divisions().villages().keySet().stream()
                    .filter(v -> org.povlake.contract.Divisions.isAdministrativeVillage(v))
                    .findFirst()
                    .orElseThrow();

    static String id(String first17) {
        return first17 + ResidentId.checkCharacter(first17);
    }

    static Map<String, String> household() {
        Map<String, String> m = new HashMap<>();
        m.put("household_id", VILLAGE + "0001");
        m.put("village_code", VILLAGE);
        m.put("head_id_number", MALE_1980);
        m.put("head_name", "张三");
        m.put("household_size", "4");
        m.put("poverty_attribute", "一般贫困户");
        m.put("identification_year", "2014");
        m.put("status", "未脱贫");
        m.put("exit_year", "");
        m.put("primary_cause", "因病");
        m.put("secondary_causes", "缺水;LACK_SKILL;");
        m.put("per_capita_net_income", "2100.10");
        m.put("housing_safe", "是");
        m.put("drinking_water_safe", "0");
        m.put("has_broadband", "Y");
        m.put("has_smart_terminal", "false");
        m.put("helper_cadre_id", "NULL");
        return m;
    }

    static Map<String, String> member() {
        Map<String, String> m = new HashMap<>();
        m.put("household_id", VILLAGE + "0001");
        m.put("id_number", FEMALE_2015);
        m.put("name", "王小红");
        m.put("relation", "子女");
        m.put("sex", "女");
        m.put("birth_date", "2015/06/01");
        return m;
    }

    static RecordValidator.Result validate(String extract, Map<String, String> values) {
        return validate(extract, values, null);
    }

    static RecordValidator.Result validate(
            String extract, Map<String, String> values, String kinds) {
        ExtractSchema s = C.extracts().get(extract);
        String[] row = new String[s.columns().size()];
        for (int i = 0; i < row.length; i++) {
            row[i] = values.get(s.columns().get(i).name());
        }
        return new RecordValidator(s, C)
                .validate(new RawRecord(1, "raw", row, kinds, null, null), AS_OF);
    }

    static void assertCodes(RecordValidator.Result r, ReasonCode... codes) {
        EnumSet<ReasonCode> expected =
                codes.length == 0 ? EnumSet.noneOf(ReasonCode.class) : EnumSet.of(codes[0], codes);
        assertEquals(expected, r.reasons(), () -> "details " + r.details());
    }

    @Test
    void validHouseholdIsTypedWithEveryAcceptedSpelling() {
        RecordValidator.Result r = validate("registry_households", household());
        assertCodes(r);
        Object[] v = r.values();
        assertEquals(4, v[4]);
        assertEquals("GENERAL", v[5]);
        assertEquals("POOR", v[7]);
        assertNull(v[8]);
        assertEquals(List.of("LACK_WATER", "LACK_SKILL"), v[10]);
        assertEquals(new BigDecimal("2100.1000"), v[11]);
        assertEquals(Boolean.TRUE, v[12]);
        assertEquals(Boolean.FALSE, v[13]);
        assertEquals(Boolean.TRUE, v[14]);
        assertEquals(Boolean.FALSE, v[15]);
        assertNull(v[16], "NULL is a null token");
    }

    @Test
    void decimalsAreExact() {
        BigDecimal sum =
                Values.parseDecimal("2100.10")
                        .add(Values.parseDecimal("600.20"))
                        .add(Values.parseDecimal("300.30"));
        assertEquals(0, sum.compareTo(new BigDecimal("3000.60")));
    }

    @Test
    void trimsFullWidthSpacesAndTreatsWhitespaceAsNull() {
        Map<String, String> h = household();
        h.put("head_name", "\u3000 张三 \u3000");
        h.put("primary_cause", "\u3000");
        RecordValidator.Result r = validate("registry_households", h);
        assertCodes(r);
        assertEquals("张三", r.values()[3]);
        assertNull(r.values()[9]);
    }

    @Test
    void nullTokensMatchExactly() {
        for (String token : List.of("", "NULL", "null", "N/A", "/", "-", "—", "无")) {
            Map<String, String> h = household();
            h.put("helper_cadre_id", token);
            assertNull(validate("registry_households", h).values()[16], token);
        }
        Map<String, String> h = household();
        h.put("helper_cadre_id", "Null");
        assertEquals("Null", validate("registry_households", h).values()[16], "'Null' is a value");
    }

    @Test
    void missingRequiredAndConditionallyRequired() {
        Map<String, String> h = household();
        h.put("head_name", "");
        assertCodes(validate("registry_households", h), MISSING_REQUIRED);
        h = household();
        h.put("status", "已脱贫"); // exited without exit_year
        assertCodes(validate("registry_households", h), MISSING_REQUIRED);
        h.put("exit_year", "2019");
        assertCodes(validate("registry_households", h));
    }

    @Test
    void numbersDatesBooleansAndEnums() {
        Map<String, String> h = household();
        h.put("per_capita_net_income", "1,234.00");
        assertCodes(validate("registry_households", h), BAD_NUMBER);
        h = household();
        h.put("household_size", "4.0");
        assertCodes(validate("registry_households", h), BAD_NUMBER);
        h = household();
        h.put("housing_safe", "maybe");
        assertCodes(validate("registry_households", h), BAD_TYPE);
        h = household();
        h.put("poverty_attribute", "富裕户");
        assertCodes(validate("registry_households", h), BAD_ENUM);
        h = household();
        h.put("secondary_causes", "因病;天灾");
        assertCodes(validate("registry_households", h), BAD_ENUM);
        Map<String, String> m = member();
        m.put("birth_date", "2015-02-30");
        assertCodes(validate("registry_members", m), BAD_DATE);
    }

    @Test
    void rangesAndCrossColumnRules() {
        Map<String, String> h = household();
        h.put("household_size", "21");
        assertCodes(validate("registry_households", h), OUT_OF_RANGE);
        h = household();
        h.put("identification_year", "2020"); // past the as-of year
        assertCodes(validate("registry_households", h), OUT_OF_RANGE);
        h = household();
        h.put("status", "EXITED");
        h.put("identification_year", "2016");
        h.put("exit_year", "2015"); // before identification
        assertCodes(validate("registry_households", h), OUT_OF_RANGE);
    }

    @Test
    void residentIdChecksAndAgreement() {
        Map<String, String> m = member();
        m.put(
                "id_number",
                FEMALE_2015.substring(0, 17) + (FEMALE_2015.charAt(17) == '0' ? '1' : '0'));
        assertCodes(validate("registry_members", m), BAD_ID_NUMBER);
        m.put("id_number", FEMALE_2015.substring(0, 17));
        assertCodes(validate("registry_members", m), BAD_ID_NUMBER);
        m = member();
        m.put("sex", "男");
        assertCodes(validate("registry_members", m), ID_MISMATCH);
        m = member();
        m.put("birth_date", "20150602");
        assertCodes(validate("registry_members", m), ID_MISMATCH);
        m = member();
        m.put("id_number", MALE_1980.substring(0, 17) + "x".charAt(0));
        // a lower-case x is accepted when it is the right check character
        String withX = findIdWithCheckX();
        m.put("id_number", withX.toLowerCase());
        m.put("sex", ResidentId.sexCode(withX).equals("M") ? "M" : "F");
        m.put("birth_date", ResidentId.birthDate(withX).toString());
        assertCodes(validate("registry_members", m));
    }

    static String findIdWithCheckX() {
        for (int seq = 100; seq < 999; seq++) {
            String first = "62010219900101" + seq;
            if (ResidentId.checkCharacter(first) == 'X') {
                return first + "X";
            }
        }
        throw new AssertionError("no X check character found");
    }

    @Test
    void futureDatesAndTimestamps() {
        Map<String, String> m = member();
        m.put("id_number", id("62010220200101002"));
        m.put("birth_date", "2020-01-01");
        assertCodes(validate("registry_members", m), FUTURE_DATE);

        Map<String, String> o =
                new HashMap<>(
                        Map.of(
                                "order_id",
                                "O1",
                                "shop_id",
                                "S1",
                                "order_time",
                                "2019/12/31 23:59:59",
                                "direction",
                                "上行",
                                "category",
                                "农产品",
                                "amount",
                                "10.5",
                                "status",
                                "已完成"));
        RecordValidator.Result ok = validate("ecommerce_orders", o);
        assertCodes(ok);
        assertEquals(LocalDateTime.of(2019, 12, 31, 23, 59, 59), ok.values()[2]);
        o.put("order_time", "20200101 00:00:00");
        assertCodes(validate("ecommerce_orders", o), FUTURE_DATE);
        o.put("order_time", "2019-12-31");
        assertCodes(validate("ecommerce_orders", o), BAD_DATE);
    }

    @Test
    void regionsMustExistAtTheirLevel() {
        Map<String, String> h = household();
        h.put("village_code", "110101001001"); // Beijing
        assertCodes(validate("registry_households", h), UNKNOWN_REGION);
        h.put("village_code", VILLAGE.substring(0, 6)); // a county code in a village column
        assertCodes(validate("registry_households", h), UNKNOWN_REGION);

        String township = VILLAGE.substring(0, 9);
        Map<String, String> p =
                new HashMap<>(
                        Map.of(
                                "point_id",
                                "P1",
                                "level",
                                "TOWNSHIP_STATION",
                                "region_code",
                                township,
                                "opened_date",
                                "2018-01-01"));
        assertCodes(validate("ecommerce_service_points", p));
        p.put("region_code", VILLAGE);
        assertCodes(validate("ecommerce_service_points", p), UNKNOWN_REGION);
        p.put("closed_date", "2017-01-01");
        p.put("region_code", township);
        assertCodes(validate("ecommerce_service_points", p), OUT_OF_RANGE);
    }

    @Test
    void claimsPaidAmountsMayNotExceedTheCost() {
        Map<String, String> c =
                new HashMap<>(
                        Map.of(
                                "claim_id",
                                "C1",
                                "id_number",
                                MALE_1980,
                                "facility_code",
                                "F1",
                                "admission_date",
                                "2019-03-01",
                                "discharge_date",
                                "2019-03-05",
                                "total_cost",
                                "1000.00",
                                "basic_reimbursed",
                                "600",
                                "serious_reimbursed",
                                "300",
                                "assistance_paid",
                                "100.00",
                                "one_stop",
                                "是"));
        assertCodes(validate("health_inpatient_claims", c));
        c.put("assistance_paid", "100.01");
        assertCodes(validate("health_inpatient_claims", c), OUT_OF_RANGE);
        c.put("assistance_paid", "-");
        c.put("discharge_date", "2019-02-28");
        assertCodes(validate("health_inpatient_claims", c), OUT_OF_RANGE);
    }

    @Test
    void schoolsMultimediaNotAboveClassrooms() {
        Map<String, String> s =
                new HashMap<>(
                        Map.of(
                                "school_code",
                                "S1",
                                "village_code",
                                VILLAGE,
                                "school_type",
                                "小学",
                                "broadband",
                                "1",
                                "classrooms",
                                "6",
                                "multimedia_classrooms",
                                "7"));
        assertCodes(validate("education_schools", s), OUT_OF_RANGE);
    }

    @Test
    void jsonKindsAreChecked() {
        Map<String, String> o =
                new HashMap<>(
                        Map.of(
                                "order_id",
                                "123",
                                "shop_id",
                                "S1",
                                "order_time",
                                "2019-05-01 10:00:00",
                                "direction",
                                "UPWARD",
                                "category",
                                "FARM_PRODUCE",
                                "amount",
                                "10.50",
                                "status",
                                "COMPLETED"));
        // columns: order_id shop_id order_time direction category amount quantity status
        assertCodes(validate("ecommerce_orders", o, "ssssssss"));
        assertCodes(
                validate("ecommerce_orders", o, "nsssssss"), BAD_TYPE); // a number in a str column
        o.put("quantity", "true");
        assertCodes(
                validate("ecommerce_orders", o, "sssssnbs"),
                BAD_TYPE); // a boolean in an int column
        o.put("quantity", "3");
        RecordValidator.Result r = validate("ecommerce_orders", o, "sssssnns");
        assertCodes(r);
        assertEquals(3, r.values()[6]);
        assertTrue(validate("ecommerce_orders", o, "ssssssos").reasons().contains(BAD_TYPE));
    }

    @Test
    void recordErrorsCarryOnlyTheirOwnCode() {
        ExtractSchema s = C.extracts().get("registry_households");
        RecordValidator.Result r =
                new RecordValidator(s, C)
                        .validate(new RawRecord(7, "a,b", null, null, null, "BAD_RECORD"), AS_OF);
        assertCodes(r, BAD_RECORD);
        assertEquals(List.of("record:BAD_RECORD"), r.details());
    }

    @Test
    void detailsNeverHoldValues() {
        Map<String, String> m = member();
        m.put("sex", "男");
        RecordValidator.Result r = validate("registry_members", m);
        assertEquals(List.of("sex:ID_MISMATCH"), r.details());
    }
}
