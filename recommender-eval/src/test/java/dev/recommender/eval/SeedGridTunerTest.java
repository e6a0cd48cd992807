package dev.recommender.eval;

import dev.recommender.core.data.EngagementRate;
import dev.recommender.core.data.Interactions;
import dev.recommender.core.mf.Svd;
import dev.recommender.core.sample.SampleEvents;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The seed notebook's SVD grid (epochs {5, 10}, learning rate {0.002, 0.005}, regularisation {0.4, 0.6} on
 * engaged pairs' engagement rates) through the {@link Tuner} with the real {@link Svd} on the small sample log.
 */
class SeedGridTunerTest {
    private static final ParameterGrid SEED_GRID = ParameterGrid.builder()
            .add("epochs", 5, 10).add("lr", 0.002, 0.005).add("reg", 0.4, 0.6).build();

    private static Tuner tuner() {
        return new Tuner(SEED_GRID.points(), p -> Svd.Config.builder().factors(32).epochs(p.getInt("epochs"))
                .learningRate(p.getDouble("lr")).biasLearningRate(p.getDouble("lr"))
                .regularization(p.getDouble("reg")).build(), "rmse", 0.2, 42);
    }

    @Test
    void tunesTheSeedGridPicksTheLowestValidationRmseAndRefitsOnEveryPair() {
        Interactions pairs = EngagementRate.seed().withEngagedPairsOnly(true)
                .aggregate(SampleEvents.of(SampleEvents.Config.small()).generate());
        Tuner.Result result = tuner().tune(pairs);
        assertEquals(8, result.trials().size());
        double lowest = result.trials().stream().mapToDouble(Tuner.Trial::score).min().orElseThrow();
        assertEquals(lowest, result.trials().stream().filter(t -> t.point().equals(result.best())).findFirst()
                .orElseThrow().score());
        // engagement rates lie in [0, 1]: any sensible model errs far less than 1
        assertTrue(lowest > 0 && lowest < 0.5, "best RMSE " + lowest);
        List<Double> again = tuner().tune(pairs).trials().stream().map(Tuner.Trial::score).toList();
        assertEquals(result.trials().stream().map(Tuner.Trial::score).toList(), again);
        Svd svd = assertInstanceOf(Svd.class, result.model());
        // the refit saw every pair, including the carved ones
        assertEquals(pairs.userCount(), svd.seenItems().users().size());
        assertEquals(pairs.size(), countSeen(svd));
    }

    private static int countSeen(Svd svd) {
        int count = 0;
        for (int u = 0; u < svd.seenItems().users().size(); u++) {
            count += svd.seenItems().userItemCount(u);
        }
        return count;
    }
}
