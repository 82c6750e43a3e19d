package org.povlake.gold;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.when;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.povlake.contract.Catalogue;

/**
 * MPI — the people-weighted Alkire–Foster multidimensional poverty index over registered households
 * of Y with member rows: MPI_H, MPI_A, MPI_M0 and the censored headcounts MPI_CH_&lt;J&gt;
 * (METRICS.md). The cut-off k and the weights come from the catalogue. n = the household's member
 * rows; c = Σ weights of its deprivations; MPI-poor iff c ≥ k. H = Σn(poor)/Σn; A =
 * Σ(n·c)(poor)/Σn(poor); M0 = Σ(n·c)(poor)/Σn (= H·A exactly); CH_J = Σn(poor and deprived in
 * J)/Σn.
 */
public final class MpiIndicators {
    private MpiIndicators() {}

    /** The deprivation of each dimension; a null household boolean counts as deprived. */
    static Map<String, Column> deprivations() {
        Map<String, Column> d = new LinkedHashMap<>();
        d.put("INCOME", coalesce(col("per_capita_net_income").lt(col("poverty_line")), lit(true)));
        d.put("SCHOOLING", not(col("any_adult_primary_or_above")));
        d.put("ATTENDANCE", col("children_not_enrolled").gt(0));
        d.put("INSURANCE", col("members_not_insured").gt(0));
        d.put("SERIOUS_ILLNESS", col("any_serious_health"));
        d.put("HOUSING", not(coalesce(col("housing_safe"), lit(false))));
        d.put("WATER", not(coalesce(col("drinking_water_safe"), lit(false))));
        d.put("BROADBAND", not(coalesce(col("has_broadband"), lit(false))));
        d.put("TERMINAL", not(coalesce(col("has_smart_terminal"), lit(false))));
        return d;
    }

    /**
     * Adds {@code deprived_<j>} per dimension, {@code mpi_score} (c) and {@code mpi_poor}; both
     * null for a household without member rows (left out of the MPI).
     */
    public static Dataset<Row> withDeprivations(Dataset<Row> households, Catalogue catalogue) {
        Map<String, Column> dims = deprivations();
        if (!dims.keySet().equals(catalogue.mpiWeights().keySet())) {
            throw new IllegalStateException(
                    "the catalogue's MPI weights "
                            + catalogue.mpiWeights().keySet()
                            + " do not name the dimensions povlake computes "
                            + dims.keySet());
        }
        Column score = lit(BigDecimal.ZERO);
        Map<String, Column> added = new LinkedHashMap<>();
        for (Map.Entry<String, Column> e : dims.entrySet()) {
            added.put("deprived_" + e.getKey().toLowerCase(), e.getValue());
            score =
                    score.plus(
                            when(e.getValue(), lit(catalogue.mpiWeights().get(e.getKey())))
                                    .otherwise(lit(BigDecimal.ZERO)));
        }
        Column withMembers = col("member_rows").gt(0);
        Catalogue.Fraction k = catalogue.mpiCutoff();
        Column c = when(withMembers, score.cast("decimal(10,6)"));
        added.put("mpi_score", c);
        added.put(
                "mpi_poor",
                when(withMembers, c.multiply(lit(k.denominator())).geq(lit(k.numerator()))));
        return households.withColumns(added);
    }

    /**
     * The MPI indicators over {@link HouseholdFacts} (households without member rows contribute
     * nothing).
     */
    public static List<Measure> measures() {
        Column n = when(col("member_rows").gt(0), col("member_rows")).otherwise(0);
        Column poor = coalesce(col("mpi_poor"), lit(false));
        Column nc =
                when(poor, col("member_rows").multiply(col("mpi_score")))
                        .otherwise(lit(BigDecimal.ZERO));
        List<Measure> m = new ArrayList<>();
        m.add(Measure.sum("MPI_H", when(poor, n).otherwise(0), n));
        m.add(Measure.sum("MPI_A", nc, when(poor, n).otherwise(0)));
        m.add(Measure.sum("MPI_M0", nc, n));
        for (String j : deprivations().keySet()) {
            m.add(
                    Measure.sum(
                            "MPI_CH_" + j,
                            when(poor.and(col("deprived_" + j.toLowerCase())), n).otherwise(0),
                            n));
        }
        return m;
    }
}
