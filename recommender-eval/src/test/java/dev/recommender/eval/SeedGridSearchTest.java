package dev.recommender.eval;

import dev.recommender.core.Recommender;
import dev.recommender.core.data.EngagementRate;
import dev.recommender.core.data.EventLog;
import dev.recommender.core.mf.Svd;
import dev.recommender.core.sample.SampleEvents;
import dev.recommender.eval.split.KFold;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The seed notebook's SVD grid search (3-fold CV over epochs {5, 10}, learning rate
 * {0.002, 0.005}, regularisation {0.4, 0.6} on engaged pairs' engagement rates) with the real
 * {@link Svd} on the built-in seed-shaped sample log.
 */
class SeedGridSearchTest {
    private static final ParameterGrid SEED_GRID = ParameterGrid.builder()
            .add("epochs", 5, 10).add("lr", 0.002, 0.005).add("reg", 0.4, 0.6).build();

    private static GridSearch search() {
        Evaluator evaluator = Evaluator.builder(dev.recommender.core.data.Signals.of(EngagementRate.seed().withEngagedPairsOnly(true)))
                .options(EvaluationOptions.builder().rankingMetrics(false).threads(2).build()).build();
        return new GridSearch(SEED_GRID, p -> Svd.Config.builder().factors(32).epochs(p.getInt("epochs"))
                .learningRate(p.getDouble("lr")).biasLearningRate(p.getDouble("lr"))
                .regularization(p.getDouble("reg")).build(), KFold.of(3, 42), evaluator, "rmse");
    }

    @Test
    void runsTheSeedGridPicksTheLowestCrossValidatedRmseAndRefits() {
        EventLog events = SampleEvents.of(SampleEvents.Config.small()).generate();
        GridSearch search = search();
        GridSearchResult result = search.run(events);
        assertEquals(8, result.rows().size());
        double lowest = Double.POSITIVE_INFINITY;
        for (GridRow row : result.rows()) {
            assertEquals(3, row.objective().count(), row.point().toString());
            lowest = Math.min(lowest, row.objective().mean());
        }
        assertEquals(lowest, result.best().objective().mean());
        // engagement rates lie in [0, 1]: any sensible model errs far less than 1
        assertTrue(lowest > 0 && lowest < 0.5, "best RMSE " + lowest);
        // same data, grid and seeds: the same table
        List<Double> again = search.run(events).rows().stream().map(r -> r.objective().mean()).toList();
        assertEquals(result.rows().stream().map(r -> r.objective().mean()).toList(), again);
        Recommender refit = search.fitBest(result, events);
        Svd svd = assertInstanceOf(Svd.class, refit);
        assertTrue(svd.knowsUser(events.userId(0)));
    }
}
