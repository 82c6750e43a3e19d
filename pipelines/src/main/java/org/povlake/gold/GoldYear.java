package org.povlake.gold;

import static org.apache.spark.sql.functions.col;

import java.math.BigDecimal;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.povlake.contract.Catalogue;
import org.povlake.gold.YearFrames.Frame;

/**
 * One year of gold from its {@link YearFrames}: every indicator of the catalogue for every region
 * (rolled up), the pillar and composite scores, the MPI table and the household portrait. Pure:
 * frames in, frames out; the frames several steps read are materialised by the caller's {@link
 * Checkpoints}. Where each indicator is computed is named in its pillar's class ({@code
 * NetworkIndicators}, {@code EcommerceIndicators}, {@code EducationIndicators}, {@code
 * HealthIndicators}, {@code TargetIndicators}, {@code MpiIndicators}).
 */
public final class GoldYear {
    /**
     * The outputs; {@link #release()} frees the materialised intermediate frames once they are
     * written.
     */
    public record Output(
            Dataset<Row> indicators,
            Dataset<Row> pillarScores,
            Dataset<Row> regionScores,
            Dataset<Row> mpi,
            Dataset<Row> portrait,
            Checkpoints checkpoints) {
        public void release() {
            checkpoints.release();
        }
    }

    private GoldYear() {}

    /**
     * @param previous the printed values of Y−1 ({@code region_code, indicator_id, value}), for
     *     {@code change}
     */
    public static Output compute(
            YearFrames f,
            YearInputs inputs,
            Catalogue catalogue,
            BigDecimal povertyLine,
            Dataset<Row> previous,
            Checkpoints checkpoints) {
        int y = inputs.year();
        IndicatorRegistry.check(catalogue, y, povertyLine);
        // the members, the households and return to poverty read it: materialised once, not re-read
        // from the history
        Dataset<Row> householdsNow = checkpoints.save(f.get(Frame.HOUSEHOLDS));
        Dataset<Row> registered = HouseholdFacts.registered(householdsNow);
        Dataset<Row> members =
                checkpoints.save(
                        MemberFacts.of(
                                registered,
                                f.get(Frame.MEMBERS),
                                f.get(Frame.ENROLLMENT),
                                f.get(Frame.INSURANCE),
                                f.get(Frame.TRAINING),
                                y));
        Dataset<Row> households =
                checkpoints.save(
                        HouseholdFacts.of(
                                registered,
                                members,
                                f.get(Frame.ASSISTANCE),
                                f.get(Frame.CLAIMS),
                                f.get(Frame.SHOPS),
                                f.get(Frame.LINKS),
                                catalogue,
                                y,
                                povertyLine));
        Dataset<Row> persons = checkpoints.save(MemberFacts.persons(members));

        List<Measure> perHousehold = IndicatorRegistry.householdMeasures(y, povertyLine);
        List<Measure> perMember = IndicatorRegistry.memberMeasures();

        Facts facts =
                Facts.direct(Facts.sumByPlace(households, col("village_code"), perHousehold))
                        .plus(
                                Facts.direct(
                                        Facts.sumByPlace(members, col("village_code"), perMember)))
                        .plus(
                                Facts.direct(
                                        NetworkIndicators.villageFacts(
                                                f.get(Frame.REGIONS),
                                                f.get(Frame.VILLAGE_NETWORK),
                                                f.get(Frame.POOR_VILLAGES),
                                                y)))
                        .plus(
                                Facts.direct(
                                        NetworkIndicators.townshipFacts(
                                                f.get(Frame.REGIONS),
                                                f.get(Frame.VILLAGE_NETWORK))))
                        .plus(
                                Facts.direct(
                                        EcommerceIndicators.servicePointFacts(
                                                f.get(Frame.REGIONS),
                                                f.get(Frame.SERVICE_POINTS),
                                                y)))
                        .plus(
                                Facts.direct(
                                        EcommerceIndicators.tradeFacts(
                                                f.get(Frame.ORDERS),
                                                f.get(Frame.SHOPS_UP_TO_Y),
                                                y)))
                        .plus(Facts.direct(EducationIndicators.schoolFacts(f.get(Frame.SCHOOLS))))
                        .plus(Facts.direct(HealthIndicators.facilityFacts(f.get(Frame.FACILITIES))))
                        .plus(HealthIndicators.claimFacts(f.get(Frame.CLAIMS), persons, y))
                        .plus(TargetIndicators.duplicatePersons(persons))
                        .plus(
                                Facts.direct(
                                        TargetIndicators.returnToPoverty(
                                                f.get(Frame.HOUSEHOLDS_PREVIOUS), householdsNow)));

        Dataset<Row> dimension =
                Scores.dimension(f.get(Frame.REGIONS).sparkSession(), catalogue, inputs);
        Dataset<Row> rolled = Rollup.toRegions(facts, f.get(Frame.REGIONS), dimension);
        Dataset<Row> indicators =
                checkpoints.save(Scores.indicators(rolled, previous, y, catalogue.version()));
        Dataset<Row> pillars = checkpoints.save(Scores.pillars(indicators, catalogue));
        Dataset<Row> regionScores = Scores.composites(pillars, catalogue);
        Dataset<Row> portrait =
                HouseholdPortrait.of(
                        households,
                        f.get(Frame.HISTORY),
                        f.householdsDate(),
                        members,
                        f.get(Frame.CLAIMS),
                        y);
        return new Output(
                indicators, pillars, regionScores, Scores.mpi(indicators), portrait, checkpoints);
    }
}
