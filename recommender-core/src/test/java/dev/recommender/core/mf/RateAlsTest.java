package dev.recommender.core.mf;

import dev.recommender.core.EpochProgress;
import dev.recommender.core.TrainingData;
import dev.recommender.core.baseline.Baseline;
import dev.recommender.core.data.Interactions;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RateAlsTest {
    /** A planted log: rate = clip(0.3 + user bias + item bias + 0.25 u.v) on 2 factors, engaged ~ Binomial(shown, rate). */
    private static Interactions[] plantedSplit(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int users = 400;
        int items = 120;
        double[][] u = new double[users][2];
        double[][] v = new double[items][2];
        double[] bu = new double[users];
        double[] bi = new double[items];
        for (int k = 0; k < users; k++) {
            u[k][0] = random.nextGaussian();
            u[k][1] = random.nextGaussian();
            bu[k] = 0.1 * random.nextGaussian();
        }
        for (int k = 0; k < items; k++) {
            v[k][0] = random.nextGaussian();
            v[k][1] = random.nextGaussian();
            bi[k] = 0.1 * random.nextGaussian();
        }
        Interactions.Builder train = Interactions.builder();
        Interactions.Builder test = Interactions.builder();
        for (int user = 0; user < users; user++) {
            for (int item = 0; item < items; item++) {
                if (random.nextDouble() > 0.25) {
                    continue;
                }
                double rate = 0.3 + bu[user] + bi[item] + 0.25 * (u[user][0] * v[item][0] + u[user][1] * v[item][1]);
                rate = Math.max(0, Math.min(1, rate));
                int shown = 1 + random.nextInt(random.nextDouble() < 0.5 ? 2 : 12);
                int engaged = 0;
                for (int s = 0; s < shown; s++) {
                    engaged += random.nextDouble() < rate ? 1 : 0;
                }
                (random.nextDouble() < 0.2 ? test : train).add("u" + user, "i" + item, (float) engaged / shown,
                        shown, engaged, 0L);
            }
        }
        return new Interactions[] {train.build(), test.build()};
    }

    @Test
    void beatsTheBiasesOnAPlantedLowRankRate() {
        Interactions[] split = plantedSplit(11);
        double baseline = HeldOut.rmse(Baseline.Config.defaults().fit(TrainingData.of(split[0])), split[1]);
        RateAls.Config config = RateAls.Config.defaults().withFactors(4).withRegularization(10).withWeightExponent(1);
        double rateAls = HeldOut.rmse(RateAls.fit(split[0], config), split[1]);
        double unweighted = HeldOut.rmse(RateAls.fit(split[0], config.withWeightExponent(0)), split[1]);
        assertTrue(rateAls < baseline - 0.01, "rate-als " + rateAls + " vs baseline " + baseline);
        assertTrue(rateAls < unweighted, "weighted " + rateAls + " vs unweighted " + unweighted);
    }

    @Test
    void infinitePenaltiesLeaveTheUnweightedMean() {
        Interactions data = Interactions.builder()
                .add("a", "x", 1f, 4, 4, 0L).add("a", "y", 0f, 1, 0, 0L).add("b", "x", 0.5f, 2, 1, 0L)
                .build();
        RateAls model = RateAls.fit(data, RateAls.Config.defaults().withFactors(2).withRegularization(1e12)
                .withBiasRegularization(1e12));
        assertEquals(0.5, model.globalMean(), 1e-7);
        assertEquals(0.5, model.score("a", "y"), 1e-6);
        assertEquals(0.5, model.score("nobody", "nothing"), 1e-7);
    }

    @Test
    void biasesAreTheWeightedRidgeSolutionWithoutFactors() {
        // pairs (a, x, rate 1, shown 3) and (b, x, rate 0, shown 1): mu = 0.5; factors pinned to 0
        Interactions data = Interactions.builder()
                .add("a", "x", 1f, 3, 3, 0L).add("b", "x", 0f, 1, 0, 0L).build();
        RateAls model = RateAls.fit(data, RateAls.Config.defaults().withFactors(1).withWeightExponent(1).withRegularization(1e12)
                .withBiasRegularization(1).withIterations(200));
        // fixed point of the weighted ridge steps: b_a = 3 (0.5 - b_x) / (3 + 1), b_b = (-0.5 - b_x) / (1 + 1),
        // b_x = (3 (0.5 - b_a) + (-0.5 - b_b)) / (3 + 1 + 1); by hand b_x = 1/18, b_a = 1/3, b_b = -5/18
        assertEquals(0.5 + 1.0 / 3 + 1.0 / 18, model.score("a", "x"), 1e-5);
        assertEquals(0.5 - 5.0 / 18 + 1.0 / 18, model.score("b", "x"), 1e-5);
    }

    @Test
    void theFitDoesNotDependOnTheThreadCountAndReportsEveryIteration() {
        Interactions train = plantedSplit(3)[0];
        List<EpochProgress> epochs = new ArrayList<>();
        RateAls one = RateAls.Config.defaults().withIterations(4).fit(train, epochs::add);
        RateAls two = RateAls.fit(train, RateAls.Config.defaults().withIterations(4).withThreads(2));
        for (int user = 0; user < 20; user++) {
            for (int item = 0; item < 20; item++) {
                assertEquals(one.score("u" + user, "i" + item), two.score("u" + user, "i" + item), 0.0);
            }
        }
        assertEquals(4, epochs.size());
        assertTrue(epochs.get(3).loss() <= epochs.get(0).loss(), epochs.toString());
    }

    @Test
    void theBinomialLossBeatsTheBiasesAndRefusesValuesOutsideTheUnitInterval() {
        Interactions[] split = plantedSplit(11);
        double baseline = HeldOut.rmse(Baseline.Config.defaults().fit(TrainingData.of(split[0])), split[1]);
        double binomial = HeldOut.rmse(RateAls.fit(split[0], RateAls.Config.defaults().withLoss(RateAls.Loss.BINOMIAL)
                .withFactors(4).withRegularization(5).withBiasRegularization(5)), split[1]);
        assertTrue(binomial < baseline - 0.01, "binomial " + binomial + " vs baseline " + baseline);
        Interactions ratings = Interactions.builder().add("a", "x", 4f).add("b", "x", 1f).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RateAls.fit(ratings, RateAls.Config.defaults().withLoss(RateAls.Loss.BINOMIAL)));
        assertTrue(e.getMessage().contains("(a, x)") && e.getMessage().contains("[0, 1]"), e.getMessage());
    }

    @Test
    void rejectsInvalidConfiguration() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RateAls.Config.defaults().withFactors(0));
        assertTrue(e.getMessage().contains("factors"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RateAls.Config.defaults().withRegularization(-1));
        assertThrows(IllegalArgumentException.class, () -> RateAls.Config.defaults().withWeightExponent(Double.NaN));
    }
}
