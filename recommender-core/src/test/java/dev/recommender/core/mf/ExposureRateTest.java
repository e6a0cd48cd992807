package dev.recommender.core.mf;

import dev.recommender.core.EpochProgress;
import dev.recommender.core.TrainingData;
import dev.recommender.core.TrainingListener;
import dev.recommender.core.baseline.Baseline;
import dev.recommender.core.data.Interactions;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExposureRateTest {
    private static final int USERS = 1200;
    private static final int ITEMS = 120;

    /**
     * A planted log: hidden 3-dimensional tastes {@code s_ui = x_u . y_i}; each user is shown 12 to 30 distinct
     * items drawn without replacement with weight {@code exp(exposure * s_ui)}, each 1 to 4 times, and engages
     * each time with probability {@code sigmoid(-0.4 + b_i + engagement * s_ui)}. 20% of the pairs are held out.
     */
    private static Interactions[] planted(long seed, double exposure, double engagement) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] x = new double[USERS][3];
        double[][] y = new double[ITEMS][3];
        double[] quality = new double[ITEMS];
        for (double[] row : x) {
            for (int f = 0; f < 3; f++) {
                row[f] = 0.7 * random.nextGaussian();
            }
        }
        for (int i = 0; i < ITEMS; i++) {
            for (int f = 0; f < 3; f++) {
                y[i][f] = 0.7 * random.nextGaussian();
            }
            quality[i] = 0.3 * random.nextGaussian();
        }
        Interactions.Builder train = Interactions.builder();
        Interactions.Builder test = Interactions.builder();
        double[] weight = new double[ITEMS];
        for (int u = 0; u < USERS; u++) {
            double[] s = new double[ITEMS];
            for (int i = 0; i < ITEMS; i++) {
                s[i] = x[u][0] * y[i][0] + x[u][1] * y[i][1] + x[u][2] * y[i][2];
                weight[i] = Math.exp(exposure * s[i]);
            }
            int distinct = 12 + random.nextInt(19);
            for (int d = 0; d < distinct; d++) {
                int item = HeldOut.drawAndRemove(weight, random);
                int shown = 1 + random.nextInt(4);
                double p = 1 / (1 + Math.exp(-(-0.4 + quality[item] + engagement * s[item])));
                int engaged = 0;
                for (int k = 0; k < shown; k++) {
                    engaged += random.nextDouble() < p ? 1 : 0;
                }
                (random.nextDouble() < 0.2 ? test : train).add("u" + u, "i" + item, (float) engaged / shown, shown,
                        engaged, 0L);
            }
        }
        return new Interactions[] {train.build(), test.build()};
    }

    private static final ExposureRate.Config CONFIG = ExposureRate.Config.defaults().withFactors(4).withThreads(2);

    @Test
    void recoversTasteFromWhatUsersWereShown() {
        Interactions[] split = planted(3, 1.5, 1.0);
        double baseline = HeldOut.rmse(Baseline.Config.defaults().fit(TrainingData.of(split[0])), split[1]);
        ExposureRate model = ExposureRate.fit(split[0], CONFIG);
        double exposureRate = HeldOut.rmse(model, split[1]);
        assertTrue(exposureRate < baseline - 0.01, "exposure-rate " + exposureRate + " vs baseline " + baseline);
        assertTrue(model.affinityWeight() > 0.02, "affinity weight " + model.affinityWeight());
    }

    /**
     * The exposure score ranks a user's held-out shown items above items the user was never shown, whichever sign
     * the rate regression gave the affinity: with engagement falling as the hidden taste rises, {@code beta} turns
     * negative and the folded factors flip, but the score must still grow with the chance of being shown.
     */
    @Test
    void exposureScoresRankShownItemsAboveUnshownOnesWhateverTheRateWeightsSign() {
        for (double engagement : new double[] {1.0, -1.0}) {
            Interactions[] split = planted(5, 1.5, engagement);
            ExposureRate model = ExposureRate.fit(split[0], CONFIG);
            assertTrue(engagement > 0 ? model.affinityWeight() > 0.02 : model.affinityWeight() < -0.02,
                    "affinity weight " + model.affinityWeight() + " for engagement slope " + engagement);
            double auc = shownAboveUnshown(model, split);
            assertTrue(auc > 0.7, "P(held-out shown item > unshown item) = " + auc + " (engagement " + engagement + ")");
        }
    }

    /** Share of (held-out shown item, never-shown item) pairs of a user that the exposure score orders right. */
    private static double shownAboveUnshown(ExposureRate model, Interactions[] split) {
        long right = 0;
        long pairs = 0;
        float[] scores = new float[ITEMS];
        int[] all = new int[ITEMS];
        for (int i = 0; i < ITEMS; i++) {
            all[i] = model.items().find("i" + i).orElse(-1);
        }
        Interactions test = split[1];
        for (int tu = 0; tu < test.userCount(); tu++) {
            String userId = test.users().id(tu);
            int user = model.users().find(userId).orElse(-1);
            if (user < 0 || test.userDegree(tu) == 0) {
                continue;
            }
            model.exposureScoresInto(user, all, scores);
            java.util.Set<String> shown = new java.util.HashSet<>();
            for (Interactions side : split) {
                side.users().find(userId).ifPresent(u -> {
                    for (int e = side.userStart(u); e < side.userEnd(u); e++) {
                        shown.add(side.items().id(side.itemAt(e)));
                    }
                });
            }
            for (int e = test.userStart(tu); e < test.userEnd(tu); e++) {
                int held = Integer.parseInt(test.items().id(test.itemAt(e)).substring(1));
                for (int other = 0; other < ITEMS; other++) {
                    if (!shown.contains("i" + other) && all[held] >= 0 && all[other] >= 0) {
                        right += scores[held] > scores[other] ? 1 : 0;
                        pairs++;
                    }
                }
            }
        }
        assertTrue(pairs > 10_000, "compared " + pairs + " pairs");
        return (double) right / pairs;
    }

    @Test
    void theCodecKeepsTheExposureScoresBitForBitAndRefusesFilesWithoutThem() {
        Interactions[] split = planted(7, 1.5, 1.0);
        ExposureRate model = ExposureRate.fit(split[0], CONFIG);
        dev.recommender.core.io.ModelData data = new ExposureRateCodec().encode(model);
        assertEquals(2, data.modelVersion());
        ExposureRate decoded = new ExposureRateCodec().decode(data);
        int[] items = new int[model.items().size() + 1];
        for (int i = 0; i < model.items().size(); i++) {
            items[i] = i;
        }
        items[items.length - 1] = -1;
        float[] before = new float[items.length];
        float[] after = new float[items.length];
        for (int user : new int[] {0, 7, model.users().size() - 1, -1}) {
            model.exposureScoresInto(user, items, before);
            decoded.exposureScoresInto(user, items, after);
            assertArrayEquals(before, after, "user " + user);
            assertEquals(0f, after[items.length - 1], "an item outside the numbering scores 0");
        }
        dev.recommender.core.io.ModelData.Builder old = dev.recommender.core.io.ModelData.builder(ExposureRate.NAME, 1);
        data.properties().forEach(old::property);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ExposureRateCodec().decode(old.build()));
        assertEquals("exposure-rate model version 1 has no exposure constants; fit and save the model again",
                e.getMessage());
    }

    @Test
    void staysAtTheBiasesWhenExposureSaysNothing() {
        // shown at random, engagement without taste: the affinity is noise and its weight must stay near 0
        Interactions[] split = planted(5, 0.0, 0.0);
        double baseline = HeldOut.rmse(Baseline.Config.defaults().fit(TrainingData.of(split[0])), split[1]);
        ExposureRate model = ExposureRate.fit(split[0], CONFIG);
        assertTrue(Math.abs(model.affinityWeight()) < 0.01, "affinity weight " + model.affinityWeight());
        assertTrue(HeldOut.rmse(model, split[1]) < baseline + 0.002, "exposure-rate " + HeldOut.rmse(model, split[1])
                + " vs baseline " + baseline);
    }

    @Test
    void sameSeedSameModelWhateverTheThreadCount() {
        Interactions train = planted(7, 1.5, 1.0)[0];
        ExposureRate one = ExposureRate.fit(train, CONFIG.withEpochs(3).withThreads(1));
        ExposureRate two = ExposureRate.fit(train, CONFIG.withEpochs(3).withThreads(2));
        assertArrayEquals(one.userFactorArray(), two.userFactorArray());
        assertArrayEquals(one.itemFactorArray(), two.itemFactorArray());
        assertArrayEquals(one.userBiasArray(), two.userBiasArray());
        assertEquals(one.offset(), two.offset());
        ExposureRate otherSeed = ExposureRate.fit(train, CONFIG.withEpochs(3).withSeed(43));
        assertTrue(otherSeed.offset() != one.offset() || otherSeed.userFactorArray()[0] != one.userFactorArray()[0]);
    }

    @Test
    void reportsOneFallingLossPerEpochAndPredictsTheFoldedFormula() {
        Interactions train = planted(9, 1.5, 1.0)[0];
        List<EpochProgress> epochs = new ArrayList<>();
        TrainingListener listener = epochs::add;
        ExposureRate model = CONFIG.withEpochs(6).fit(train, listener);
        assertEquals(6, epochs.size());
        assertTrue(epochs.get(5).loss() < epochs.get(0).loss(), "loss " + epochs.get(0).loss() + " -> "
                + epochs.get(5).loss());
        // a known pair: offset + b_u + b_i + p_u . q_i, clipped
        int user = 0;
        int item = train.itemAt(train.userStart(user));
        int d = 2 * CONFIG.factors();
        double expected = model.offset() + model.userBiasArray()[user] + model.itemBiasArray()[item];
        for (int f = 0; f < d; f++) {
            expected += (double) model.userFactorArray()[user * d + f] * model.itemFactorArray()[item * d + f];
        }
        expected = Math.max(train.minValue(), Math.min(train.maxValue(), expected));
        assertEquals(expected, model.score(train.users().id(user), train.items().id(item)), 1e-6);
        // a stranger gets offset + b_i
        assertEquals(Math.max(train.minValue(), Math.min(train.maxValue(),
                model.offset() + model.itemBiasArray()[item])), model.score("stranger", train.items().id(item)), 1e-6);
    }

    @Test
    void aUserTheNumberingHoldsWithoutTrainingPairsIsScoredLikeAStranger() {
        // the log's numbering keeps a user whose events are left out of the training subset (as in a split)
        dev.recommender.core.data.EventLog log = dev.recommender.core.sample.SampleEvents.of(
                dev.recommender.core.sample.SampleEvents.Config.small()).generate();
        int ghost = log.userIndex(0);
        int[] kept = java.util.stream.IntStream.range(0, log.size()).filter(e -> log.userIndex(e) != ghost).toArray();
        Interactions train = TrainingData.of(log.select(kept)).interactions(dev.recommender.core.data.Signal.RATING);
        int ghostRow = train.users().find(log.userId(0)).orElseThrow();
        assertEquals(0, train.userDegree(ghostRow));
        ExposureRate model = ExposureRate.fit(train, CONFIG.withEpochs(3));
        for (int item = 0; item < 5; item++) {
            String id = train.items().id(item);
            assertEquals(model.score("stranger", id), model.score(log.userId(0), id), 0.0, id);
        }
    }

    @Test
    void refusesInvalidConfigurations() {
        assertThrows(IllegalArgumentException.class, () -> CONFIG.withFactors(0));
        assertThrows(IllegalArgumentException.class, () -> CONFIG.withRegularization(-1));
        assertThrows(IllegalArgumentException.class, () -> CONFIG.withEpochs(0));
        assertThrows(IllegalArgumentException.class, () -> new ExposureRate.Config(4, 0.1, 5, 0, 256, 5, 1, 1));
    }
}
