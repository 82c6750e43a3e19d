package org.povlake.generate;

import java.util.concurrent.Callable;

/**
 * Everything of one county, all delivery years in one pass: its villages' network and poor-village
 * rows, its facilities, schools, service points, shops and their orders, then each household's life
 * read year by year. Writes the county's part files and returns their (closed) writers, which hold
 * each part's counts.
 */
final class CountyTask implements Callable<Sinks> {
    private final Generator.Run run;
    private final County county;

    CountyTask(Generator.Run run, County county) {
        this.run = run;
        this.county = county;
    }

    @Override
    public Sinks call() throws Exception {
        Years years = run.years;
        long seed = run.seed;
        IdAllocator ids = new IdAllocator(county.code);
        CountyPlan plan = CountyPlan.build(county, seed, run.model, ids);
        Sinks out =
                new Sinks(
                        run.partsDir,
                        run.budget,
                        county,
                        years,
                        run.extracts,
                        run.faults,
                        seed,
                        run.errorRate);
        try (out) {
            long reported = 0;
            for (Village v : county.villages) {
                for (int y : years.list()) {
                    run.registry.poorVillage(out, v, y);
                }
                run.network.village(out, v, seed, years);
            }
            for (Facility f : plan.facilities) {
                for (int y : years.list()) {
                    run.health.facility(out, f, y);
                }
            }
            for (School s : plan.schools) {
                for (int y : years.list()) {
                    run.education.school(out, s, y);
                }
            }
            for (ServicePoint p : plan.points) {
                for (int y : years.list()) {
                    run.ecommerce.point(out, p, y);
                }
            }
            for (Shop s : plan.shops) {
                for (int y : years.list()) {
                    run.ecommerce.shop(out, s, y);
                    run.ecommerce.orders(out, s, y);
                }
            }
            run.progress.add(0, out.rows() - reported);
            reported = out.rows();
            HouseholdSimulator simulator =
                    new HouseholdSimulator(run.model, plan, ids, years.horizon());
            for (Village v : county.adminVillages) {
                for (int k = 1; k <= v.households; k++) {
                    Household h = simulator.simulate(v.firstHousehold + k - 1, seed, v, k);
                    household(out, h, plan, years);
                    run.progress.add(1, out.rows() - reported);
                    reported = out.rows();
                }
            }
        }
        return out;
    }

    private void household(Sinks out, Household h, CountyPlan plan, Years years) {
        for (int y : years.list()) {
            if (!h.listedIn(y)) {
                continue;
            }
            HouseholdYear hy = HouseholdYear.of(h, y, run.model, plan);
            run.registry.household(out, hy);
            run.registry.members(out, hy);
            run.health.insurance(out, hy);
            run.education.enrollment(out, hy);
            run.registry.assistance(out, hy);
            run.health.claims(out, hy, plan);
            run.education.training(out, h, y);
            if (h.shop != null) {
                run.ecommerce.shop(out, h.shop, y);
                run.ecommerce.orders(out, h.shop, y);
            }
            run.ecommerce.links(out, h, y);
        }
    }

    County county() {
        return county;
    }
}
