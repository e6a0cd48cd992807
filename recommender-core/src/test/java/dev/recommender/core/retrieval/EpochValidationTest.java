package dev.recommender.core.retrieval;

import dev.recommender.core.EpochProgress;
import dev.recommender.core.InteractionsAlgorithm;
import dev.recommender.core.RecommendRequest;
import dev.recommender.core.TrainingListener;
import dev.recommender.core.data.Interactions;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Per-epoch top-K accuracy: hand-computed values, agreement with the final model, no effect on the factors. */
class EpochValidationTest {
    private static final Planted PLANTED = Planted.generate(200, 120, 4, 15, 0.9, 7);

    /** Training: first 80% of every user's picks but user 0; validation: the last 20%, plus unknown user 0. */
    private static final Interactions TRAINING = PLANTED.interactions(0, 0.8, Set.of(0));
    private static final EpochValidation VALIDATION = heldOut();

    private static EpochValidation heldOut() {
        EpochValidation.Builder builder = EpochValidation.builder().cutoffs(10, 1, 30);
        for (int u = 0; u < PLANTED.users; u++) {
            for (String item : PLANTED.itemsOf(u, 0.8, 1.0)) {
                builder.add(Planted.user(u), item);
            }
        }
        return builder.build();
    }

    @Test
    void handComputedAccuracyOnFixedVectors() {
        // training: a saw i0, b saw i1, c saw i2 and i3 (c has no held-out pair)
        Interactions training = Interactions.builder().add("a", "i0", 1f).add("b", "i1", 1f).add("c", "i2", 1f)
                .add("c", "i3", 1f).build();
        // one dimension; item scores i0 = 4, i1 = 3, i2 = 2, i3 = 1; user a = +1, b = -1, c = 0
        float[] items = new float[4];
        for (int i = 0; i < 4; i++) {
            items[training.items().find("i" + i).getAsInt()] = 4 - i;
        }
        float[] users = new float[3];
        users[training.users().find("a").getAsInt()] = 1;
        users[training.users().find("b").getAsInt()] = -1;
        EpochValidation validation = EpochValidation.builder().cutoffs(2, 1)
                .add("a", "i2")   // a's list without seen i0: i1 (3), i2 (2), i3 (1): rank 2, hit at K=2 only
                .add("b", "i1")   // b's own training item is excluded: miss
                .add("b", "i3")   // b's list without i1: i3 (-1), i2 (-2), i0 (-4): rank 1, hit at K=1 and 2
                .add("z", "i0")   // user unknown to training: miss
                .add("a", "i9")   // item unknown to training: miss
                .build();
        Map<String, Double> metrics = validation.bind(training).evaluate(users, items, 1);
        // K=1: 1 hit of 5 pairs = 0.2; K=2: 2 hits of 5 = 0.4
        assertEquals(Map.of("top_k_accuracy@1", 0.2, "top_k_accuracy@2", 0.4), metrics);
        assertEquals(List.of("top_k_accuracy@1", "top_k_accuracy@2"), validation.metricNames());
    }

    @Test
    void alsReportsEveryIterationAndTheLastMatchesTheFinalModel() {
        ImplicitAls.Config config = ImplicitAls.Config.builder().factors(8).regularization(1).alpha(4).iterations(5)
                .build();
        List<EpochProgress> epochs = assertReportsMatchTheModelAndLeaveItAlone(5, config,
                listener -> config.fit(TRAINING, VALIDATION, listener));
        for (EpochProgress progress : epochs) {
            assertEquals(Set.of("top_k_accuracy@1", "top_k_accuracy@10", "top_k_accuracy@30"),
                    progress.metrics().keySet());
        }
        // planted groups: far above the 30 / 120 = 0.25 share a random top-30 list would reach
        Map<String, Double> last = epochs.get(4).metrics();
        assertTrue(last.get("top_k_accuracy@30") > 0.5, last.toString());
    }

    @Test
    void twoTowerReportsEveryEpochAndTheLastMatchesTheFinalModel() {
        TwoTowerRetrieval.Config config = TwoTowerRetrieval.Config.builder().dimensions(16).epochs(3).batchSize(64)
                .learningRate(0.02).historyLength(5).threads(2).build();
        assertReportsMatchTheModelAndLeaveItAlone(3, config, listener -> config.fit(TRAINING, VALIDATION, listener));
    }

    /**
     * Fits with the validation: one report per epoch, the last one's metrics equal to the final model's accuracy
     * found by recommending; the vectors are those of a fit without validation, and a second validated fit
     * reports the same metrics.
     *
     * @return the reports of the first validated fit
     */
    private static <M extends EmbeddingRecommender> List<EpochProgress> assertReportsMatchTheModelAndLeaveItAlone(
            int epochCount, InteractionsAlgorithm<M> config, Function<TrainingListener, M> fitWithValidation) {
        List<EpochProgress> epochs = new ArrayList<>();
        M model = fitWithValidation.apply(epochs::add);
        assertEquals(epochCount, epochs.size());
        Map<String, Double> last = epochs.get(epochCount - 1).metrics();
        for (int k : new int[] {1, 10, 30}) {
            assertEquals(accuracyByRecommending(model, k), last.get(EpochValidation.metricName(k)), 1e-12, "K=" + k);
        }
        assertSameVectors(config.fit(TRAINING, TrainingListener.NONE), model);
        List<EpochProgress> again = new ArrayList<>();
        fitWithValidation.apply(again::add);
        assertEquals(metrics(epochs), metrics(again));
        return epochs;
    }

    @Test
    void invalidValidationsAreRejectedWithTheirValues() {
        assertEquals("validation pairs must not be empty",
                assertThrows(IllegalArgumentException.class, () -> EpochValidation.builder().build()).getMessage());
        assertEquals("cutoff must be at least 1, got 0", assertThrows(IllegalArgumentException.class,
                () -> EpochValidation.builder().add("u", "i").cutoffs(10, 0).build()).getMessage());
        assertEquals("cutoffs must not repeat, got [10, 5, 10]", assertThrows(IllegalArgumentException.class,
                () -> EpochValidation.builder().add("u", "i").cutoffs(10, 5, 10).build()).getMessage());
        assertEquals("cutoffs must not be empty", assertThrows(IllegalArgumentException.class,
                () -> EpochValidation.builder().add("u", "i").cutoffs().build()).getMessage());
        assertEquals("userIds and itemIds must have the same length, got 2 and 1",
                assertThrows(IllegalArgumentException.class,
                        () -> EpochValidation.of(List.of("u", "v"), List.of("i"))).getMessage());
        EpochValidation defaults = EpochValidation.of(List.of("u"), List.of("i"));
        assertArrayEquals(new int[] {10, 100}, defaults.cutoffs());
        assertEquals(1, defaults.size());
    }

    /** Share of held-out pairs found in the model's own top-K list (unknown users: misses). */
    private static double accuracyByRecommending(EmbeddingRecommender model, int k) {
        int hits = 0;
        int pairs = 0;
        for (int u = 0; u < PLANTED.users; u++) {
            for (String item : PLANTED.itemsOf(u, 0.8, 1.0)) {
                pairs++;
                String user = Planted.user(u);
                if (model.knowsUser(user) && model.recommend(user, RecommendRequest.top(k)).itemIds().contains(item)) {
                    hits++;
                }
            }
        }
        return (double) hits / pairs;
    }

    private static void assertSameVectors(EmbeddingRecommender expected, EmbeddingRecommender actual) {
        assertArrayEquals(expected.userVectorsView(), actual.userVectorsView());
        assertArrayEquals(expected.itemVectorsView(), actual.itemVectorsView());
    }

    private static List<Map<String, Double>> metrics(List<EpochProgress> epochs) {
        List<Map<String, Double>> metrics = new ArrayList<>();
        for (EpochProgress progress : epochs) {
            metrics.add(progress.metrics());
        }
        return metrics;
    }
}
