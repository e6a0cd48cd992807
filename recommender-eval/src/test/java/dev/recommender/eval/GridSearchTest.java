package dev.recommender.eval;

import dev.recommender.core.Algorithm;
import dev.recommender.core.DenseScoringRecommender;
import dev.recommender.core.PointPredictor;
import dev.recommender.core.Recommender;
import dev.recommender.core.SeenItems;
import dev.recommender.core.TrainingListener;
import dev.recommender.core.data.EventLog;
import dev.recommender.core.data.Interactions;
import dev.recommender.eval.split.KFold;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GridSearchTest {

    /** Predicts the constant {@code value} for every pair. */
    record Constant(double value) implements Algorithm<ConstantModel> {
        @Override
        public String name() {
            return "constant";
        }

        @Override

        public ConstantModel fit(dev.recommender.core.TrainingData data, TrainingListener listener) {

            return fit(data.interactions(dev.recommender.core.data.Signal.RATING), listener);

        }


        public ConstantModel fit(Interactions training, TrainingListener listener) {
            return new ConstantModel(SeenItems.of(training), value);
        }
    }

    static final class ConstantModel extends DenseScoringRecommender implements PointPredictor {
        private final double value;

        ConstantModel(SeenItems seen, double value) {
            super(seen);
            this.value = value;
        }

        @Override
        public String name() {
            return "constant";
        }

        @Override
        protected void scoreAll(int userIndex, float[] scores) {
            Arrays.fill(scores, (float) value);
        }

        @Override
        public double score(String userId, String itemId) {
            return value;
        }
    }

    /** Ratings 2, 3 or 4 (mean about 3) on 300 distinct pairs. */
    private static EventLog ratings() {
        SplittableRandom random = new SplittableRandom(8);
        EventLog.Builder builder = EventLog.builder();
        for (int pair = 0; pair < 300; pair++) {
            builder.add("u" + pair % 20, "i" + pair / 20, pair, "rating", 2 + random.nextInt(3));
        }
        return builder.build();
    }

    private final Evaluator evaluator = Evaluator.builder(dev.recommender.core.data.Signals.of(TestData.MEAN))
            .options(EvaluationOptions.builder().rankingMetrics(false).clip(0, 10).threads(1).build()).build();
    private final ParameterGrid grid = ParameterGrid.builder().add("value", 1.0, 3.0, 5.0).add("tag", "a", "b").build();

    @Test
    void gridPointsVaryTheLastParameterFastest() {
        assertEquals(6, grid.size());
        assertEquals(List.of("value=1.0, tag=a", "value=1.0, tag=b", "value=3.0, tag=a", "value=3.0, tag=b",
                "value=5.0, tag=a", "value=5.0, tag=b"), grid.points().stream().map(ParameterPoint::toString).toList());
    }

    @Test
    void findsTheConstantClosestToTheRatingsAndRefitsIt() {
        GridSearch search = new GridSearch(grid, point -> new Constant(point.getDouble("value")), KFold.of(3, 1),
                evaluator, "rmse");
        EventLog events = ratings();
        GridSearchResult result = search.run(events);
        assertEquals(6, result.rows().size());
        assertEquals(3, result.report().folds());
        // ratings lie in {2, 3, 4}: 3 is within 1 of every rating, 1 and 5 are at least 1 away from all
        assertEquals(2, result.bestIndex(), "first of the two equal value=3 points");
        assertEquals(3.0, result.bestPoint().getDouble("value"));
        assertTrue(result.rows().get(0).objective().mean() > 1.0, "constant 1 misses every rating by >= 1");
        assertTrue(result.best().objective().mean() < 1.0);
        assertEquals(result.rows().get(2).objective(), result.rows().get(3).objective(), "tag does not matter");
        assertEquals(GridSearch.Goal.MINIMISE, result.goal());
        assertTrue(result.toMarkdown().contains("| 3.0 | a |"), result.toMarkdown());
        Recommender refit = search.fitBest(result, events);
        assertEquals(3.0, assertInstanceOf(PointPredictor.class, refit).score("u0", "i0"));
    }

    @Test
    void rejectsObjectivesThatWereNotMeasured() {
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> new GridSearch(grid,
                point -> new Constant(point.getDouble("value")), KFold.of(3, 1), evaluator, "ndcg@10"));
        assertEquals("objective 'ndcg@10' is not among the evaluated metrics [rmse, mae]", missing.getMessage());
    }

    @Test
    void parameterPointsAndGridsValidate() {
        ParameterPoint point = grid.points().get(0);
        assertEquals(1, point.getInt("value"));
        IllegalArgumentException notNumber = assertThrows(IllegalArgumentException.class, () -> point.getInt("tag"));
        assertEquals("parameter 'tag' is not a number: a", notNumber.getMessage());
        IllegalArgumentException absent = assertThrows(IllegalArgumentException.class, () -> point.get("epochs"));
        assertEquals("no parameter 'epochs' in value=1.0, tag=a", absent.getMessage());
        IllegalArgumentException repeated = assertThrows(IllegalArgumentException.class,
                () -> ParameterGrid.builder().add("epochs", 5, 5).build());
        assertEquals("parameter 'epochs' repeats a value: [5, 5]", repeated.getMessage());
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> ParameterGrid.builder().add("epochs").build());
        assertEquals("parameter 'epochs' has no values", empty.getMessage());
    }
}
