package org.povlake.gold;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sum;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Indicator contributions before roll-up, in two parts:
 *
 * <ul>
 *   <li>{@code direct}: {@code indicator_id, place_code, numerator, denominator} already summed per
 *       place (a village, township or county code); every unit behind it lies in exactly one place,
 *       so regions just add them up;
 *   <li>{@code shared}: {@code indicator_id, entity, place_code, numerator, denominator} for units
 *       that lie in several places (a person in households of two villages, their claims): a region
 *       counts such a unit once (METRICS.md "Places"), so the roll-up de-duplicates them per
 *       region.
 * </ul>
 */
public record Facts(Dataset<Row> direct, Dataset<Row> shared) {
    public static final String AMOUNT = "decimal(38,4)";

    /**
     * Sums {@code measures} over {@code units} per {@code placeColumn}, one pass, then one row per
     * place and measure.
     */
    public static Dataset<Row> sumByPlace(
            Dataset<Row> units, Column place, List<Measure> measures) {
        List<Column> aggs = new ArrayList<>();
        StringBuilder stack = new StringBuilder("stack(").append(measures.size());
        for (int i = 0; i < measures.size(); i++) {
            Measure m = measures.get(i);
            aggs.add(sum(m.numerator()).cast(AMOUNT).as("n" + i));
            aggs.add(sum(m.denominator()).cast(AMOUNT).as("d" + i));
            stack.append(", '")
                    .append(m.indicatorId())
                    .append("', n")
                    .append(i)
                    .append(", d")
                    .append(i);
        }
        stack.append(") AS (indicator_id, numerator, denominator)");
        return units.groupBy(place.as("place_code"))
                .agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(new Column[0]))
                .selectExpr("place_code", stack.toString());
    }

    /**
     * Units that may lie in several places: {@code units} has the entity key in {@code entity} and
     * its places as an array in {@code places}. Entities with one place are summed per place
     * (direct); the others are kept per entity and place (shared), for the roll-up to count once
     * per region.
     */
    public static Facts byPlaces(
            Dataset<Row> units, String entity, String places, List<Measure> measures) {
        Dataset<Row> single = units.where(size(col(places)).equalTo(1));
        Dataset<Row> direct = sumByPlace(single, col(places).getItem(0), measures);
        Dataset<Row> several =
                units.where(size(col(places)).gt(1)).withColumn("place_code", explode(col(places)));
        List<Dataset<Row>> shared = new ArrayList<>();
        for (Measure m : measures) {
            shared.add(
                    several.select(
                            org.apache.spark.sql.functions.lit(m.indicatorId()).as("indicator_id"),
                            col(entity).cast("string").as("entity"),
                            col("place_code"),
                            m.numerator().cast(AMOUNT).as("numerator"),
                            m.denominator().cast(AMOUNT).as("denominator")));
        }
        return new Facts(direct, unionAll(shared));
    }

    public static Facts direct(Dataset<Row> direct) {
        return new Facts(direct, null);
    }

    public Facts plus(Facts other) {
        return new Facts(union(direct, other.direct), union(shared, other.shared));
    }

    private static Dataset<Row> union(Dataset<Row> a, Dataset<Row> b) {
        return a == null ? b : b == null ? a : a.unionByName(b);
    }

    static Dataset<Row> unionAll(List<Dataset<Row>> frames) {
        Dataset<Row> out = null;
        for (Dataset<Row> f : frames) {
            out = union(out, f);
        }
        return out;
    }
}
