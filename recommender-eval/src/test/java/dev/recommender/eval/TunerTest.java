package dev.recommender.eval;

import dev.recommender.core.Algorithm;
import dev.recommender.core.ItemScorer;
import dev.recommender.core.RecommendRequest;
import dev.recommender.core.Recommendations;
import dev.recommender.core.Recommender;
import dev.recommender.core.ScoredItem;
import dev.recommender.core.TrainingData;
import dev.recommender.core.TrainingInput;
import dev.recommender.core.TrainingListener;
import dev.recommender.core.data.IdIndex;
import dev.recommender.core.data.Interactions;
import dev.recommender.core.data.Signal;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TunerTest {
    /** Predicts a constant and ranks unseen items by id, ascending or descending. */
    private record Fixed(double constant, boolean ascending, Interactions training) implements Recommender, ItemScorer {
        @Override
        public String name() {
            return "fixed";
        }

        @Override
        public IdIndex items() {
            return training.items();
        }

        @Override
        public boolean knowsUser(String userId) {
            return training.users().contains(userId);
        }

        @Override
        public Recommendations recommend(String userId, RecommendRequest request) {
            Set<Integer> seen = new HashSet<>();
            int user = training.users().find(userId).orElse(-1);
            if (user >= 0) {
                for (int item : training.itemsOf(user)) {
                    seen.add(item);
                }
            }
            List<ScoredItem> items = new ArrayList<>();
            int n = training.itemCount();
            for (int k = 0; k < n && items.size() < request.howMany(); k++) {
                int item = ascending ? k : n - 1 - k;
                if (!seen.contains(item)) {
                    items.add(new ScoredItem(training.items().id(item), n - k));
                }
            }
            return new Recommendations(userId, items, false);
        }

        @Override
        public double score(String userId, String itemId) {
            return constant;
        }
    }

    /** Records the size of every training set it is fitted on. */
    private static final List<Integer> FITTED_SIZES = new ArrayList<>();

    private static Algorithm<Fixed> fixed(double constant, boolean ascending) {
        return new Algorithm<>() {
            @Override
            public String name() {
                return "fixed";
            }

            @Override
            public Fixed fit(TrainingData data, TrainingListener listener) {
                Interactions training = data.interactions(Signal.RATING);
                FITTED_SIZES.add(training.size());
                return new Fixed(constant, ascending, training);
            }
        };
    }

    /** 30 users x 12 items "i00".."i11" with value 3; user u has the items whose index is below 6 + u % 6. */
    private static Interactions data() {
        Interactions.Builder builder = Interactions.builder();
        for (int u = 0; u < 30; u++) {
            for (int i = 0; i < 6 + u % 6; i++) {
                builder.add("u" + u, String.format("i%02d", i), 3f, 2, 1, 1000L * i);
            }
        }
        return builder.build();
    }

    private final ParameterGrid grid = ParameterGrid.builder().add("constant", 1.0, 3.0, 5.0)
            .add("ascending", false, true).build();

    private Tuner tuner(String metric) {
        return new Tuner(grid.points(), p -> fixed(p.getDouble("constant"), (Boolean) p.get("ascending")), metric,
                0.2, 9);
    }

    @Test
    void theCarveSplitsEachUsersTrainingPairsAndNothingElse() {
        Interactions training = data();
        Tuner.Carve carve = tuner("rmse").carve(training);
        assertEquals(training.size(), carve.fit().size() + carve.validation().size());
        for (int u = 0; u < training.userCount(); u++) {
            String user = training.users().id(u);
            int n = training.userDegree(u);
            int held = carve.validation().users().find(user).isPresent()
                    ? carve.validation().userDegree(carve.validation().users().indexOf(user)) : 0;
            assertEquals(Math.max(1, Math.round(0.2 * n)), held, "user " + user);
            for (int e = training.userStart(u); e < training.userEnd(u); e++) {
                String item = training.items().id(training.itemAt(e));
                boolean inFit = carve.fit().value(user, item).isPresent();
                boolean inValidation = carve.validation().value(user, item).isPresent();
                assertTrue(inFit ^ inValidation, user + "," + item);
            }
        }
        // the per-pair statistics survive the carve
        int entry = 0;
        assertEquals(2, carve.validation().eventCount(entry));
        assertEquals(1, carve.validation().engagedCount(entry));
        // a function of the data and the seed
        assertEquals(carve.validation().toString(), tuner("rmse").carve(training).validation().toString());
        assertEquals(carve.validation().users().ids(), tuner("rmse").carve(training).validation().users().ids());
    }

    @Test
    void rmsePicksTheConstantNearestTheValuesAndRefitsOnAllTrainingPairs() {
        Interactions training = data();
        FITTED_SIZES.clear();
        Tuner.Result result = tuner("rmse").tune(training);
        assertEquals(3.0, result.best().getDouble("constant"));
        assertFalse((Boolean) result.best().get("ascending"), "ties keep the first candidate");
        assertEquals(6, result.trials().size());
        assertEquals(2.0, result.trials().get(0).score(), 1e-12);
        assertEquals(0.0, result.trials().get(2).score(), 1e-12);
        assertEquals(7, FITTED_SIZES.size());
        assertEquals(training.size(), FITTED_SIZES.get(6));
        assertTrue(FITTED_SIZES.get(0) < training.size());
    }

    @Test
    void ndcgPicksTheOrderThatFindsTheHeldOutItems() {
        // every user's items are the lowest ids, so ascending order finds the carved ones first
        Tuner.Result result = tuner("ndcg@3").tune(data());
        assertTrue((Boolean) result.best().get("ascending"));
        assertTrue(result.trials().get(1).score() > 0.9, result.trials().toString());
        assertTrue(result.trials().get(0).score() < 0.5, result.trials().toString());
        Recommender viaAlgorithm = tuner("ndcg@3").asAlgorithm("fixed", TrainingInput.of(Signal.RATING))
                .fit(TrainingData.of(data()));
        assertTrue(((Fixed) viaAlgorithm).ascending());
    }

    @Test
    void ndcgSkipsUsersWithTooFewPairsToCarve() {
        // users with fewer than MIN_PAIRS training pairs keep them all: they have no validation pairs, so no NDCG
        Interactions.Builder builder = Interactions.builder();
        Interactions base = data();
        for (int u = 0; u < base.userCount(); u++) {
            for (int e = base.userStart(u); e < base.userEnd(u); e++) {
                builder.add(base.users().id(u), base.items().id(base.itemAt(e)), 3f, 2, 1, 1000L * e);
            }
        }
        for (int u = 0; u < 4; u++) {
            builder.add("light" + u, "i00", 3f, 2, 1, 0L);
            builder.add("light" + u, "i01", 3f, 2, 1, 1L);
        }
        Tuner.Result result = tuner("ndcg@3").tune(builder.build());
        assertTrue((Boolean) result.best().get("ascending"));
        for (Tuner.Trial trial : result.trials()) {
            assertTrue(Double.isFinite(trial.score()), result.trials().toString());
        }
        assertTrue(result.trials().get(1).score() > 0.9, result.trials().toString());
    }

    @Test
    void randomSearchDrawsDistinctPointsBySeed() {
        List<ParameterPoint> drawn = Tuner.random(grid, 4, 5);
        assertEquals(4, new HashSet<>(drawn).size());
        assertTrue(grid.points().containsAll(drawn));
        assertEquals(drawn, Tuner.random(grid, 4, 5));
        assertEquals(6, Tuner.random(grid, 100, 5).size());
    }

    @Test
    void refusesUnknownMetricsAndFractions() {
        assertThrows(IllegalArgumentException.class, () -> new Tuner(grid.points(), p -> fixed(1, true), "auc", 0.2, 1));
        assertThrows(IllegalArgumentException.class, () -> new Tuner(grid.points(), p -> fixed(1, true), "rmse", 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new Tuner(List.of(), p -> fixed(1, true), "rmse", 0.2, 1));
    }
}
