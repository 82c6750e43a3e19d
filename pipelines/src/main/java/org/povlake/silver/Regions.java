package org.povlake.silver;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.povlake.contract.Divisions;
import org.povlake.lake.LakeSchemas;

/** {@code silver.regions}: the shipped Gansu divisions as one dimension of five levels. */
public final class Regions {
    public static final String TABLE = "silver.regions";

    private Regions() {}

    public static Dataset<Row> build(SparkSession spark, Divisions d) {
        List<Row> rows = new ArrayList<>();
        rows.add(
                row(
                        "province",
                        Divisions.PROVINCE_CODE,
                        Divisions.PROVINCE_NAME,
                        null,
                        null,
                        null));
        for (Map.Entry<String, String> e : new TreeMap<>(d.cities()).entrySet()) {
            rows.add(row("city", e.getKey(), e.getValue(), Divisions.PROVINCE_CODE, null, null));
        }
        for (Map.Entry<String, String> e : new TreeMap<>(d.counties()).entrySet()) {
            rows.add(row("county", e.getKey(), e.getValue(), d.parentOf(e.getKey()), null, null));
        }
        for (Map.Entry<String, String> e : new TreeMap<>(d.townships()).entrySet()) {
            String code = e.getKey();
            rows.add(
                    row(
                            "township",
                            code,
                            e.getValue(),
                            d.parentOf(code),
                            townshipType(code),
                            Divisions.isTownship(code)));
        }
        for (Map.Entry<String, String> e : new TreeMap<>(d.villages()).entrySet()) {
            String code = e.getKey();
            rows.add(
                    row(
                            "village",
                            code,
                            e.getValue(),
                            d.parentOf(code),
                            villageType(code),
                            Divisions.isAdministrativeVillage(code)));
        }
        return spark.createDataFrame(rows, LakeSchemas.schema(TABLE));
    }

    private static Row row(
            String level, String code, String name, String parent, String unitType, Boolean flag) {
        String city = code.length() >= 4 ? code.substring(0, 4) : null;
        String county = code.length() >= 6 ? code.substring(0, 6) : null;
        String township = code.length() >= 9 ? code.substring(0, 9) : null;
        return RowFactory.create(
                code,
                level,
                name,
                parent,
                city,
                county,
                township,
                unitType,
                level.equals("township") ? flag : null,
                level.equals("village") ? flag : null);
    }

    /**
     * Township-level unit type from digits 7–9: 001–099 街道, 100–199 镇, 200–399 乡, 400+ other units.
     */
    static String townshipType(String code) {
        int n = Integer.parseInt(code.substring(6, 9));
        return n < 100 ? "SUBDISTRICT" : n < 200 ? "TOWN" : n < 400 ? "TOWNSHIP" : "OTHER";
    }

    /** Village-level unit type from digits 10–12: 001–199 居委会, 200–399 村委会, 400+ other units. */
    static String villageType(String code) {
        int n = Integer.parseInt(code.substring(9, 12));
        return n < 200 ? "COMMUNITY" : n < 400 ? "VILLAGE" : "OTHER";
    }
}
