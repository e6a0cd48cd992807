package dev.recommender.core.mf;

import dev.recommender.core.EpochProgress;
import dev.recommender.core.Recommender;
import dev.recommender.core.RecommenderContractTest;
import dev.recommender.core.baseline.Baseline;
import dev.recommender.core.data.Interactions;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SvdTest extends RecommenderContractTest {
    private static final Svd.Config SMALL = Svd.Config.builder().factors(4).epochs(20).learningRate(0.01)
            .regularization(0.05).seed(7).build();

    @Override
    protected Recommender fit(Interactions training) {
        return SMALL.fit(training);
    }

    private static void assertSameParameters(Svd a, Svd b) {
        assertEquals(Float.floatToIntBits(a.mean()), Float.floatToIntBits(b.mean()));
        assertArrayEquals(a.userBiasArray(), b.userBiasArray());
        assertArrayEquals(a.itemBiasArray(), b.itemBiasArray());
        assertArrayEquals(a.userFactorArray(), b.userFactorArray());
        assertArrayEquals(a.itemFactorArray(), b.itemFactorArray());
    }

    @Test
    void oneThreadIsBitForBitReproduciblePerKernel() {
        for (Svd.Order order : Svd.Order.values()) {
            for (Svd.Kernel kernel : availableKernels()) {
                Svd.Config config = SMALL.toBuilder().kernel(kernel).order(order).build();
                Svd first = config.fit(fixture());
                Svd second = config.fit(fixture());
                assertSameParameters(first, second);
                assertEquals(kernel.name().toLowerCase(java.util.Locale.ROOT), first.kernel());
            }
        }
    }

    @Test
    void twoThreadsAreReproducibleAndDifferentSeedsDiffer() {
        Planted planted = Planted.generate(1);
        Svd.Config config = SMALL.toBuilder().threads(2).build();
        Svd first = config.fit(planted.training);
        Svd second = config.fit(planted.training);
        assertSameParameters(first, second);
        Svd otherSeed = config.toBuilder().seed(8).build().fit(planted.training);
        assertFalse(java.util.Arrays.equals(first.userFactorArray(), otherSeed.userFactorArray()));
    }

    private static List<Svd.Kernel> availableKernels() {
        return SgdKernel.vectorModulePresent() ? List.of(Svd.Kernel.SCALAR, Svd.Kernel.VECTOR)
                : List.of(Svd.Kernel.SCALAR);
    }

    @Test
    void autoKernelIsVectorExactlyWhenTheModuleIsPresent() {
        Svd model = SMALL.fit(fixture());
        assertEquals(SgdKernel.vectorModulePresent() ? "vector" : "scalar", model.kernel());
    }

    /**
     * Data from known rank-3 factors and biases plus Gaussian noise (std 0.1): SVD must recover
     * held-out values to near the noise level, the bias baseline cannot (the interaction term has
     * std about 0.9).
     */
    @Test
    void recoversPlantedLowRankStructure() {
        for (int threads : new int[] {1, 2}) {
            Planted planted = Planted.generate(threads);
            Svd.Order order = threads == 1 ? Svd.Order.SHUFFLED_PAIRS : Svd.Order.SHUFFLED_USERS;
            Svd svd = Svd.Config.builder().factors(8).epochs(120).learningRate(0.02).regularization(0.01)
                    .initStd(0.1).threads(threads).order(order).seed(11).build().fit(planted.training);
            Baseline baseline = Baseline.Config.defaults().fit(planted.training);
            double svdRmse = planted.heldOutRmse(svd::score);
            double baselineRmse = planted.heldOutRmse(baseline::score);
            assertTrue(svdRmse < 0.25, "svd held-out RMSE " + svdRmse + " with " + threads + " threads");
            assertTrue(baselineRmse > 0.6, "baseline held-out RMSE " + baselineRmse);
        }
    }

    /** Planted rank-3 data: 300 users, 150 items, 40 items per user; 10% of pairs held out. */
    private static final class Planted {
        final Interactions training;
        final List<String[]> heldOut = new ArrayList<>();
        final List<Double> heldOutValues = new ArrayList<>();

        private Planted(Interactions training) {
            this.training = training;
        }

        static Planted generate(long seed) {
            SplittableRandom random = new SplittableRandom(seed);
            int users = 300;
            int items = 150;
            int rank = 3;
            double[][] p = new double[users][rank];
            double[][] q = new double[items][rank];
            double[] bu = new double[users];
            double[] bi = new double[items];
            for (int u = 0; u < users; u++) {
                for (int f = 0; f < rank; f++) {
                    p[u][f] = random.nextGaussian() * 0.7;
                }
                bu[u] = random.nextGaussian() * 0.3;
            }
            for (int i = 0; i < items; i++) {
                for (int f = 0; f < rank; f++) {
                    q[i][f] = random.nextGaussian() * 0.7;
                }
                bi[i] = random.nextGaussian() * 0.3;
            }
            Interactions.Builder builder = Interactions.builder();
            List<String[]> heldOut = new ArrayList<>();
            List<Double> heldOutValues = new ArrayList<>();
            for (int u = 0; u < users; u++) {
                java.util.Set<Integer> chosen = new java.util.LinkedHashSet<>();
                while (chosen.size() < 40) {
                    chosen.add(random.nextInt(items));
                }
                for (int i : chosen) {
                    double value = 3 + bu[u] + bi[i] + random.nextGaussian() * 0.1;
                    for (int f = 0; f < rank; f++) {
                        value += p[u][f] * q[i][f];
                    }
                    if (random.nextInt(10) == 0) {
                        heldOut.add(new String[] {"u" + u, "i" + i});
                        heldOutValues.add(value);
                    } else {
                        builder.add("u" + u, "i" + i, (float) value);
                    }
                }
            }
            Planted planted = new Planted(builder.build());
            planted.heldOut.addAll(heldOut);
            planted.heldOutValues.addAll(heldOutValues);
            return planted;
        }

        double heldOutRmse(java.util.function.ToDoubleBiFunction<String, String> scorer) {
            double sum = 0;
            for (int k = 0; k < heldOut.size(); k++) {
                double error = scorer.applyAsDouble(heldOut.get(k)[0], heldOut.get(k)[1]) - heldOutValues.get(k);
                sum += error * error;
            }
            return Math.sqrt(sum / heldOut.size());
        }
    }

    @Test
    void reportsTrainingLossPerEpochAndItFalls() {
        List<EpochProgress> progress = new ArrayList<>();
        SMALL.fit(fixture(), progress::add);
        assertEquals(20, progress.size());
        for (int k = 0; k < progress.size(); k++) {
            assertEquals(k + 1, progress.get(k).epoch());
            assertEquals(20, progress.get(k).totalEpochs());
            assertEquals("svd", progress.get(k).algorithm());
        }
        assertTrue(progress.get(19).loss() < progress.get(0).loss() * 0.9,
                "loss " + progress.get(0).loss() + " -> " + progress.get(19).loss());
        assertEquals(0.01, progress.get(0).metrics().get("learningRate"), 1e-12);
    }

    @Test
    void learningRateDecaysPerEpoch() {
        List<EpochProgress> progress = new ArrayList<>();
        SMALL.toBuilder().epochs(3).learningRateDecay(0.5).build().fit(fixture(), progress::add);
        // 0.01, then 0.01 * 0.5 = 0.005, then 0.0025
        assertEquals(0.0025, progress.get(2).metrics().get("learningRate"), 1e-12);
    }

    @Test
    void scoresAreClippedAndUnknownIdsFallBackToBiases() {
        Interactions tiny = Interactions.builder().add("a", "x", 1).add("a", "y", 5).add("b", "x", 2)
                .add("b", "y", 4).build();
        Svd model = SMALL.fit(tiny);
        // mu = (1 + 5 + 2 + 4) / 4 = 3
        assertEquals(3.0, model.globalMean(), 1e-6);
        assertEquals(3.0, model.score("nobody", "nothing"), 1e-6);
        float[] itemBias = model.itemBiasArray();
        float[] userBias = model.userBiasArray();
        assertEquals(3.0 + itemBias[1], model.score("nobody", "y"), 1e-6);
        assertEquals(3.0 + userBias[0], model.score("a", "nothing"), 1e-6);
        // every score lies in the training range [1, 5]
        Svd overfit = SMALL.toBuilder().learningRate(0.2).epochs(200).regularization(0).build().fit(tiny);
        for (String user : List.of("a", "b")) {
            for (String item : List.of("x", "y")) {
                double score = overfit.score(user, item);
                assertTrue(score >= 1 && score <= 5, user + "/" + item + ": " + score);
            }
        }
        assertEquals(overfit.predict(0, 0) < 1 ? 1.0 : Math.min(5, overfit.predict(0, 0)), overfit.score("a", "x"), 1e-6);
        assertEquals(4, model.userVector("a").length);
        assertEquals(0, model.userVector("nobody").length);
        assertEquals(4, model.itemVector("y").length);
    }

    @Test
    void equalEventCountsMakeWeightingANoOp() {
        // The fixture has 1 to 3 events per pair; rebuild it with one event per pair.
        Interactions.Builder ones = Interactions.builder();
        Interactions data = fixture();
        for (int u = 0; u < data.userCount(); u++) {
            for (int p = data.userStart(u); p < data.userEnd(u); p++) {
                ones.add(data.users().id(u), data.items().id(data.itemAt(p)), data.value(p));
            }
        }
        Interactions unitCounts = ones.build();
        Svd plain = SMALL.fit(unitCounts);
        Svd weighted = SMALL.toBuilder().pairWeight(Svd.PairWeight.EVENT_COUNT).build().fit(unitCounts);
        assertSameParameters(plain, weighted); // weights normalise to exactly 1.0f
        Svd weightedFixture = SMALL.toBuilder().pairWeight(Svd.PairWeight.EVENT_COUNT).build().fit(data);
        assertFalse(java.util.Arrays.equals(SMALL.fit(data).itemBiasArray(), weightedFixture.itemBiasArray()));
    }

    @Test
    void eventCountWeightsPullTowardWellObservedPairs() {
        // x: a says 1 (9 events), b says 0 (1 event); y: a says 0, b says 1 (1 event each).
        // Unweighted the two items are symmetric; weighted, x's evidence is mostly "1".
        Interactions data = Interactions.builder()
                .add("a", "x", 1f, 9, 9, 0L).add("b", "x", 0f, 1, 0, 0L)
                .add("a", "y", 0f, 1, 0, 0L).add("b", "y", 1f, 1, 1, 0L).build();
        Svd.Config config = SMALL.toBuilder().factors(1).initStd(0).epochs(300).learningRate(0.01).build();
        Svd plain = config.fit(data);
        Svd weighted = config.toBuilder().pairWeight(Svd.PairWeight.EVENT_COUNT).build().fit(data);
        assertEquals(plain.score("c", "x"), plain.score("c", "y"), 1e-3);
        assertTrue(weighted.score("c", "x") > weighted.score("c", "y") + 0.05,
                weighted.score("c", "x") + " vs " + weighted.score("c", "y"));
    }

    @Test
    void codecKeepsConfigurationKernelAndOrder() {
        Svd model = SMALL.toBuilder().order(Svd.Order.SHUFFLED_PAIRS).kernel(Svd.Kernel.SCALAR).build().fit(fixture());
        dev.recommender.core.io.ModelData data = new SvdCodec().encode(model);
        assertEquals("scalar", data.property("kernel"));
        assertEquals("SHUFFLED_PAIRS", data.property("order"));
        assertEquals("NONE", data.property("pairWeight"));
        Svd decoded = new SvdCodec().decode(data);
        assertEquals(model.config(), decoded.config());
        assertEquals("scalar", decoded.kernel());
        assertSameParameters(model, decoded);
    }

    @Test
    void divergenceFailsClearly() {
        Svd.Config wild = SMALL.toBuilder().learningRate(50).regularization(0).epochs(30).build();
        var error = assertThrows(IllegalStateException.class, () -> wild.fit(fixture()));
        assertTrue(error.getMessage().startsWith("svd diverged in epoch"), error.getMessage());
    }

    @Test
    void rejectsInvalidConfiguration() {
        assertEquals("factors must be at least 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> Svd.Config.builder().factors(0).build()).getMessage());
        assertEquals("epochs must be at least 1, got -2",
                assertThrows(IllegalArgumentException.class, () -> Svd.Config.builder().epochs(-2).build()).getMessage());
        assertEquals("learningRate must be positive and finite, got 0.0",
                assertThrows(IllegalArgumentException.class, () -> Svd.Config.builder().learningRate(0).build()).getMessage());
        assertEquals("factorRegularization must be non-negative and finite, got -0.1",
                assertThrows(IllegalArgumentException.class,
                        () -> Svd.Config.builder().factorRegularization(-0.1).build()).getMessage());
        assertEquals("learningRateDecay must be in (0, 1], got 1.5",
                assertThrows(IllegalArgumentException.class,
                        () -> Svd.Config.builder().learningRateDecay(1.5).build()).getMessage());
        assertEquals("threads must be at least 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> Svd.Config.builder().threads(0).build()).getMessage());
        assertEquals("training interactions are empty", assertThrows(IllegalArgumentException.class,
                () -> SMALL.fit(Interactions.builder().build())).getMessage());
    }

    @Test
    void builderKeepsBiasLearningRateInStepUnlessSet() {
        assertEquals(0.02, Svd.Config.builder().learningRate(0.02).build().biasLearningRate(), 0);
        assertEquals(0.001, Svd.Config.builder().biasLearningRate(0.001).learningRate(0.02).build().biasLearningRate(), 0);
        Svd.Config engagement = Svd.Config.forEngagementRate();
        assertEquals(Svd.PairWeight.SQRT_EVENT_COUNT, engagement.pairWeight());
        assertEquals(Svd.PairWeight.NONE, Svd.Config.defaults().pairWeight());
        assertEquals(Svd.Config.forRatings(), Svd.Config.defaults());
    }
}
