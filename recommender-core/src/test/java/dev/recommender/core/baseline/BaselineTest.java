package dev.recommender.core.baseline;

import dev.recommender.core.EpochProgress;
import dev.recommender.core.Recommender;
import dev.recommender.core.RecommenderContractTest;
import dev.recommender.core.data.Interactions;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BaselineTest extends RecommenderContractTest {
    private static final double EPS = 1e-9;

    @Override
    protected Recommender fit(Interactions training) {
        return Baseline.Config.defaults().fit(training);
    }

    /** A rates x = 5, y = 3; B rates x = 4. mu = (5 + 3 + 4) / 3 = 4. */
    private static Interactions tiny() {
        return Interactions.builder().add("A", "x", 5).add("A", "y", 3).add("B", "x", 4).build();
    }

    @Test
    void oneIterationMatchesHandComputedBiases() {
        Baseline model = new Baseline.Config(1, 1, 1).fit(tiny());
        assertEquals(4.0, model.globalMean(), EPS);
        // b_x = ((5 - 4 - 0) + (4 - 4 - 0)) / (1 + 2) = 1/3;  b_y = (3 - 4) / (1 + 1) = -1/2
        assertEquals(1.0 / 3, model.itemBias("x"), EPS);
        assertEquals(-0.5, model.itemBias("y"), EPS);
        // b_A = ((5 - 4 - 1/3) + (3 - 4 + 1/2)) / (1 + 2) = (2/3 - 1/2) / 3 = 1/18
        // b_B = (4 - 4 - 1/3) / (1 + 1) = -1/6
        assertEquals(1.0 / 18, model.userBias("A"), EPS);
        assertEquals(-1.0 / 6, model.userBias("B"), EPS);
        // predictions: mu + b_u + b_i, clipped to [3, 5]
        assertEquals(4 + 1.0 / 18 + 1.0 / 3, model.score("A", "x"), EPS);
        assertEquals(4 - 1.0 / 6 - 0.5, model.score("B", "y"), EPS);
        // fallbacks: unknown user -> mu + b_i, unknown item -> mu + b_u, both -> mu
        assertEquals(4 + 1.0 / 3, model.score("nobody", "x"), EPS);
        assertEquals(4 - 1.0 / 6, model.score("B", "nothing"), EPS);
        assertEquals(4.0, model.score("nobody", "nothing"), EPS);
    }

    @Test
    void secondIterationUsesTheUserBiases() {
        Baseline model = new Baseline.Config(1, 1, 2).fit(tiny());
        // b_x = ((5 - 4 - 1/18) + (4 - 4 + 1/6)) / 3 = (17/18 + 3/18) / 3 = 10/27
        // b_y = (3 - 4 - 1/18) / 2 = -19/36
        assertEquals(10.0 / 27, model.itemBias("x"), EPS);
        assertEquals(-19.0 / 36, model.itemBias("y"), EPS);
        // b_B = (4 - 4 - 10/27) / 2 = -5/27
        assertEquals(-5.0 / 27, model.userBias("B"), EPS);
    }

    @Test
    void predictionsAreClippedToTheTrainingRange() {
        // Without damping, one pass: b_x = (1 + 0) / 2 = 1/2, b_y = -1 / 1 = -1,
        // b_B = (4 - 4 - 1/2) / 1 = -1/2, so B on y would be 4 - 1/2 - 1 = 2.5 < 3: clipped to 3.
        Baseline model = new Baseline.Config(0, 0, 1).fit(tiny());
        assertEquals(3.0, model.score("B", "y"), EPS);
    }

    @Test
    void reportsEveryIterationToTheListener() {
        List<EpochProgress> progress = new ArrayList<>();
        Baseline.Config.defaults().fit(fixture(), progress::add);
        assertEquals(10, progress.size());
        assertEquals(10, progress.get(9).epoch());
        assertTrue(progress.get(9).loss() <= progress.get(0).loss() + 1e-12, "training error should not grow");
    }

    @Test
    void rejectsInvalidConfiguration() {
        var negative = assertThrows(IllegalArgumentException.class, () -> new Baseline.Config(-1, 25, 10));
        assertEquals("userDamping must be non-negative and finite, got -1.0", negative.getMessage());
        var nan = assertThrows(IllegalArgumentException.class, () -> new Baseline.Config(1, Double.NaN, 10));
        assertEquals("itemDamping must be non-negative and finite, got NaN", nan.getMessage());
        var zero = assertThrows(IllegalArgumentException.class, () -> new Baseline.Config(1, 1, 0));
        assertEquals("iterations must be at least 1, got 0", zero.getMessage());
    }
}
