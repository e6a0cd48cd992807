package dev.recommender.core.retrieval;

import dev.recommender.core.EpochProgress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TwoTowerRetrievalTest {
    private static final Planted PLANTED = Planted.generate(300, 200, 5, 15, 0.9, 1);

    private static TwoTowerRetrieval.Config small() {
        return TwoTowerRetrieval.Config.builder().dimensions(16).epochs(15).batchSize(64).learningRate(0.02)
                .temperature(0.1).historyLength(5).build();
    }

    @Test
    void recoversPlantedClustersAndTheLossFalls() {
        List<EpochProgress> progress = new ArrayList<>();
        TwoTowerRetrieval model = small().fit(PLANTED.all(), progress::add);
        assertEquals(15, progress.size());
        double first = progress.get(0).loss();
        double last = progress.get(14).loss();
        // a uniform softmax over a batch of 64 costs ln 64 = 4.16 nats
        assertTrue(first <= Math.log(64) + 0.5, "first-epoch loss " + first);
        assertTrue(last < first - 0.3, "loss " + first + " -> " + last);
        double precision = PLANTED.meanGroupPrecision(model, 10);
        assertTrue(precision >= 0.85, "in-group share of top-10 " + precision);
    }

    @Test
    void sameSeedGivesIdenticalEmbeddingsWhateverTheThreadCount() {
        TwoTowerRetrieval.Config config = small().toBuilder().epochs(3).build();
        TwoTowerRetrieval one = TwoTowerRetrieval.fit(PLANTED.all(), config);
        TwoTowerRetrieval two = TwoTowerRetrieval.fit(PLANTED.all(), config.toBuilder().threads(2).build());
        TwoTowerRetrieval three = TwoTowerRetrieval.fit(PLANTED.all(), config.toBuilder().threads(3).build());
        TwoTowerRetrieval other = TwoTowerRetrieval.fit(PLANTED.all(), config.toBuilder().seed(9).build());
        assertArrayEquals(one.userVectorsView(), two.userVectorsView());
        assertArrayEquals(one.itemVectorsView(), two.itemVectorsView());
        assertArrayEquals(one.historyVectorsView(), three.historyVectorsView());
        assertFalse(Arrays.equals(one.itemVectorsView(), other.itemVectorsView()));
    }

    @Test
    void adagradAndIdOnlyTowersLearnToo() {
        TwoTowerRetrieval model = TwoTowerRetrieval.fit(PLANTED.all(), small().toBuilder()
                .optimizer(TwoTowerRetrieval.Optimizer.ADAGRAD).learningRate(0.1).historyLength(0).build());
        double precision = PLANTED.meanGroupPrecision(model, 10);
        assertTrue(precision >= 0.8, "in-group share of top-10 " + precision);
        assertEquals("this two-tower model was trained without a history tower (historyLength 0), so it cannot "
                + "fold in new users", assertThrows(IllegalArgumentException.class,
                () -> model.foldIn(List.of("i1"))).getMessage());
    }

    @Test
    void savedAndLoadedModelAnswersIdentically(@TempDir Path directory) throws IOException {
        TwoTowerRetrieval model = TwoTowerRetrieval.fit(PLANTED.all(), small().toBuilder().epochs(3).build());
        TwoTowerRetrieval loaded = PLANTED.assertSavedAndLoadedAnswersIdentically(model,
                directory.resolve("two-tower.model"), TwoTowerRetrieval.class, TwoTowerRetrieval::foldIn);
        assertEquals(model.config(), loaded.config());
    }

    @Test
    void foldInIsTheMeanHistoryEmbeddingOfTheLastItems() {
        TwoTowerRetrieval model = TwoTowerRetrieval.fit(PLANTED.all(), small().toBuilder().epochs(1).build());
        // historyLength 5: of i1..i7 (oldest first) only i3..i7 count; "nope" is ignored
        List<String> items = List.of("i1", "i2", "i3", "nope", "i4", "i5", "i6", "i7");
        float[] expected = new float[16];
        for (String id : List.of("i3", "i4", "i5", "i6", "i7")) {
            int item = model.items().indexOf(id);
            for (int r = 0; r < 16; r++) {
                expected[r] += model.historyVectorsView()[item * 16 + r];
            }
        }
        float[] actual = model.foldIn(items).vector();
        for (int r = 0; r < 16; r++) {
            assertEquals(expected[r] / 5, actual[r], 1e-6);
        }
        assertEquals(7, model.foldIn(items).seenItemIds().size());
    }

    @Test
    void foldedInUsersRecallAlmostAsWellAsTrainedUsers() {
        TwoTowerRetrieval.Config config = TwoTowerRetrieval.Config.builder().dimensions(16).epochs(8)
                .batchSize(128).learningRate(0.01).temperature(0.1).historyLength(20).userIdDropout(1.0).build();
        Planted.assertFoldInRecallsAlmostAsWellAsTraining("two-tower", training -> TwoTowerRetrieval.fit(training, config),
                TwoTowerRetrieval::foldIn);
    }

    /**
     * Gradient check. Three pairs (u0, i0), (u1, i0), (u1, i1) in one batch, one Adagrad step: the step is
     * {@code -lr g / sqrt(0.1 + g^2)}, so each parameter's gradient {@code g} can be read back from its change and
     * compared with a central-difference gradient of the objective, computed here independently in double:
     * mean over rows a of [logsumexp_b s_ab - s_aa] with s_ab = u_a . v_b / tau - log Q(i_b), Q(i0) = 2/3,
     * Q(i1) = 1/3, the other row with the same item masked, plus lambda times every squared parameter.
     */
    @Test
    void oneAdagradStepFollowsTheNumericalGradientOfTheLogQCorrectedInBatchSoftmax() {
        int d = 2;
        double tau = 0.5;
        double lambda = 0.01;
        double lr = 0.001;
        double scale = 0.7;
        dev.recommender.core.data.Interactions training = dev.recommender.core.data.Interactions.builder()
                .add("u0", "i0", 1f).add("u1", "i0", 1f).add("u1", "i1", 1f).build();
        TwoTowerRetrieval.Config config = TwoTowerRetrieval.Config.builder().dimensions(d).epochs(1).batchSize(3)
                .optimizer(TwoTowerRetrieval.Optimizer.ADAGRAD).learningRate(lr).temperature(tau)
                .regularization(lambda).historyLength(0).initScale(scale).seed(5).build();
        TwoTowerRetrieval model = TwoTowerRetrieval.fit(training, config);
        // initial values: the trainer draws item rows, then user rows, from SplittableRandom(seed)
        java.util.SplittableRandom random = new java.util.SplittableRandom(5);
        double[] v = new double[2 * d];
        double[] u = new double[2 * d];
        for (int k = 0; k < v.length; k++) {
            v[k] = (float) (scale * random.nextGaussian());
        }
        for (int k = 0; k < u.length; k++) {
            u[k] = (float) (scale * random.nextGaussian());
        }
        double[] params = new double[8];
        System.arraycopy(u, 0, params, 0, 4);
        System.arraycopy(v, 0, params, 4, 4);
        float[] after = new float[8];
        System.arraycopy(model.userVectorsView(), 0, after, 0, 4);
        System.arraycopy(model.itemVectorsView(), 0, after, 4, 4);
        for (int p = 0; p < 8; p++) {
            double h = 1e-5;
            double[] plus = params.clone();
            double[] minus = params.clone();
            plus[p] += h;
            minus[p] -= h;
            double numeric = (objective(plus, tau, lambda) - objective(minus, tau, lambda)) / (2 * h);
            double ratio = -(after[p] - params[p]) / lr;
            double fromStep = ratio * Math.sqrt(0.1) / Math.sqrt(1 - ratio * ratio);
            assertEquals(numeric, fromStep, 2e-3 + 2e-2 * Math.abs(numeric), "parameter " + p);
        }
    }

    /** The objective of the gradient check; params = u0, u1, v0, v1 (2-d each). */
    private static double objective(double[] params, double tau, double lambda) {
        int[] users = {0, 1, 1};
        int[] items = {0, 0, 1};
        double[] logQ = {Math.log(2.0 / 3), Math.log(1.0 / 3)};
        double loss = 0;
        for (int a = 0; a < 3; a++) {
            double[] logits = new double[3];
            double max = Double.NEGATIVE_INFINITY;
            for (int b = 0; b < 3; b++) {
                if (b != a && items[b] == items[a]) {
                    logits[b] = Double.NEGATIVE_INFINITY;
                    continue;
                }
                double dot = 0;
                for (int r = 0; r < 2; r++) {
                    dot += params[users[a] * 2 + r] * params[4 + items[b] * 2 + r];
                }
                logits[b] = dot / tau - logQ[items[b]];
                max = Math.max(max, logits[b]);
            }
            double sum = 0;
            for (double logit : logits) {
                sum += Math.exp(logit - max);
            }
            loss += max + Math.log(sum) - logits[a];
        }
        double penalty = 0;
        for (double p : params) {
            penalty += p * p;
        }
        return loss / 3 + lambda * penalty;
    }

    @Test
    void badArgumentsAreRejectedWithTheirNames() {
        assertEquals("batchSize must be at least 2, got 1", assertThrows(IllegalArgumentException.class,
                () -> TwoTowerRetrieval.Config.builder().batchSize(1).build()).getMessage());
        assertEquals("temperature must be finite and positive, got 0.0", assertThrows(IllegalArgumentException.class,
                () -> TwoTowerRetrieval.Config.builder().temperature(0).build()).getMessage());
        assertEquals("userIdDropout must be between 0.0 and 1.0, got 1.5", assertThrows(IllegalArgumentException.class,
                () -> TwoTowerRetrieval.Config.builder().userIdDropout(1.5).build()).getMessage());
        assertEquals("optimizer must be adagrad or adam, got 'sgd'", assertThrows(IllegalArgumentException.class,
                () -> TwoTowerRetrieval.Optimizer.parse("sgd")).getMessage());
        assertEquals(TwoTowerRetrieval.Optimizer.ADAGRAD, TwoTowerRetrieval.Optimizer.parse("Adagrad"));
    }
}
