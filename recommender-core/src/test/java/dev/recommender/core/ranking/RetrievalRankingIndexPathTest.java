package dev.recommender.core.ranking;

import dev.recommender.core.ExposureScorer;
import dev.recommender.core.IndexedRecommender;
import dev.recommender.core.IndexedScorer;
import dev.recommender.core.RankedItems;
import dev.recommender.core.RecommendRequest;
import dev.recommender.core.Recommendations;
import dev.recommender.core.TrainingData;
import dev.recommender.core.TrainingListener;
import dev.recommender.core.data.EventLog;
import dev.recommender.core.mf.ExposureRate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The int path of the two-stage model (per-thread buffers, one feature fill per user, a primitive
 * top-k) answers exactly as the id path and as a plain reference: every candidate's features by
 * {@link RankingFeatures#fill(int, int, double, double, double, double[])}, one prediction per row, a full
 * sort by score then catalog order.
 */
class RetrievalRankingIndexPathTest {
    static EventLog log;
    static RetrievalRanking model;
    static RetrievalRanking ordered;
    /** Ordered (weight 1), with an exposure-rate scorer: the only model here whose exposure_score column is not 0. */
    static RetrievalRanking exposureScored;

    @BeforeAll
    static void fit() {
        log = SyntheticLog.generate(120, 40, 30, 4, 3);
        model = RetrievalRankingTest.algorithm().fit(TrainingData.of(log), TrainingListener.NONE);
        RankingConfig trees = RankingConfig.builder().trees(40).maxDepth(4).maxNodes(8).nodeSize(10).shrinkage(0.1)
                .build();
        ordered = new RetrievalRankingAlgorithm<>(StandIns.cooccurrenceStage(), StandIns.biasStage(),
                RetrievalRankingConfig.builder().candidates(15).target(RankingTarget.ENGAGED).ranking(trees).build())
                .fit(TrainingData.of(log), TrainingListener.NONE);
        assertTrue(ordered.orderer().isPresent(), "the ENGAGED target fits an ordering model");
        RetrievalRanking fitted = new RetrievalRankingAlgorithm<>(StandIns.cooccurrenceStage(),
                ExposureRate.Config.defaults().withFactors(4).withEpochs(5).withThreads(1),
                RetrievalRankingConfig.builder().candidates(15).target(RankingTarget.ENGAGED).ranking(trees).build())
                .fit(TrainingData.of(log), TrainingListener.NONE);
        // this small log holds too few users to choose the ordering weight: the orderer's order, so its trees are read
        exposureScored = RetrievalRanking.create(fitted.retrieval(), fitted.scorer(), fitted.features(),
                fitted.ranker(), fitted.orderer().orElseThrow(), 1, fitted.candidates());
    }

    @Test
    void anExposureScorerFillsItsColumnAndOtherScorersLeaveItZero() {
        int[] items = {0, 1, 2, 3, 4, 5, 6, 7};
        int column = RankingFeature.EXPOSURE_SCORE.ordinal();
        double[] matrix = new double[RankingFeature.count()];
        float[] distinct = exposureScores(exposureScored, 3, items);
        long different = java.util.stream.IntStream.range(0, items.length).mapToDouble(k -> distinct[k]).distinct()
                .count();
        assertTrue(different > 1, "an exposure-rate scorer gives items different exposure scores");
        exposureScored.features().fill(3, items[2], 0, 0, distinct[2], matrix);
        assertEquals(distinct[2], matrix[column], 0.0);
        float[] none = new float[items.length];
        Arrays.fill(none, Float.NaN);
        RetrievalRanking.exposureScores((IndexedScorer) ordered.scorer(), 3, items, none);
        assertArrayEquals(new float[items.length], none, "a scorer without exposures contributes 0");
    }

    /** The ordered model's parts with another ordering weight. */
    private static RetrievalRanking weighted(double weight) {
        return RetrievalRanking.create(ordered.retrieval(), ordered.scorer(), ordered.features(), ordered.ranker(),
                ordered.orderer().orElseThrow(), weight, ordered.candidates());
    }

    @Test
    void theIntPathTheIdPathAndAPlainReferenceAgree() {
        for (RetrievalRanking m : List.of(model, ordered, weighted(1), weighted(0.5), weighted(0), exposureScored)) {
            int compared = 0;
            for (int user = 0; user < 30; user++) {
                String userId = m.users().id(user);
                for (boolean excludeSeen : new boolean[] {true, false}) {
                    for (int howMany : new int[] {1, 3, 10, 40}) {
                        RankedItems byIndex = m.recommend(user, howMany, excludeSeen);
                        Recommendations byId = m.recommend(userId,
                                RecommendRequest.builder(howMany).excludeSeen(excludeSeen).build());
                        Reference reference = reference(m, user, howMany, excludeSeen);
                        assertEquals(byId.size(), byIndex.size());
                        assertArrayEquals(reference.items, byIndex.items(), userId + " " + howMany + " " + excludeSeen);
                        for (int k = 0; k < byIndex.size(); k++) {
                            assertEquals(m.items().id(byIndex.items()[k]), byId.items().get(k).itemId());
                            assertEquals(byIndex.scores()[k], (float) byId.items().get(k).score());
                            assertEquals((float) reference.scores[k], byIndex.scores()[k]);
                        }
                        compared += byIndex.size();
                    }
                }
            }
            assertTrue(compared > 1000, "compared " + compared + " list entries");
        }
    }

    @Test
    void scoreIntoEqualsThePerPairScoreAndOneRowPredictions() {
        int[] items = new int[m().items().size()];
        for (int i = 0; i < items.length; i++) {
            items[i] = i;
        }
        for (RetrievalRanking m : List.of(model, weighted(1), exposureScored)) {
            for (int user : new int[] {0, 5, 17, -1}) {
                float[] rates = new float[items.length];
                float[] orderScores = new float[items.length];
                m.scoreInto(user, items, rates);
                m.rankingScores(user, items, orderScores);
                float[] retrieval = new float[items.length];
                RetrievalRanking.retrievalScores((IndexedRecommender) m.retrieval(), user, items, retrieval);
                float[] svd = new float[items.length];
                ((IndexedScorer) m.scorer()).scoreInto(user, items, svd);
                float[] exposure = exposureScores(m, user, items);
                double[] row = new double[RankingFeature.count()];
                for (int i = 0; i < items.length; i++) {
                    m.features().fill(user, items[i], retrieval[i], svd[i], exposure[i], row);
                    assertEquals((float) m.ranker().predict(row), rates[i]);
                    assertEquals((float) m.orderer().orElse(m.ranker()).predict(row), orderScores[i]);
                    String userId = user < 0 ? "nobody" : m.users().id(user);
                    assertEquals(m.ranker().predict(row), m.score(userId, m.items().id(i)));
                }
            }
        }
    }

    @Test
    void fillRowsWritesTheRowsOfFill() {
        RankingFeatures features = model.features();
        int[] items = {3, 0, 39, -1, 3, 12};
        double[] retrieval = {0.5, -1, 2, 0, 0.25, 7};
        float[] svd = {0.1f, 0.9f, 0.3f, 0.4f, 0.5f, 0.0f};
        float[] exposure = {-2f, 1.5f, 0f, 3f, -0.25f, 8f};
        int width = RankingFeature.count();
        for (int user : new int[] {0, 1, 50, -1}) {
            double[] matrix = new double[items.length * width];
            Arrays.fill(matrix, Double.NaN);
            features.fillRows(user, items, retrieval, svd, exposure, items.length, matrix);
            for (int k = 0; k < items.length; k++) {
                double[] row = new double[width];
                features.fill(user, items[k], retrieval[k], svd[k], exposure[k], row);
                assertArrayEquals(row, Arrays.copyOfRange(matrix, k * width, (k + 1) * width), "row " + k);
            }
        }
    }

    @Test
    void selectBestIsTheHeadOfAFullSortWithTiesInCatalogOrder() {
        SplittableRandom random = new SplittableRandom(11);
        for (int round = 0; round < 200; round++) {
            int count = 1 + random.nextInt(60);
            double[] scores = new double[count];
            int[] items = new int[count];
            List<Integer> shuffled = new ArrayList<>();
            for (int k = 0; k < count; k++) {
                shuffled.add(k * 3);
            }
            java.util.Collections.shuffle(shuffled, new java.util.Random(round));
            for (int k = 0; k < count; k++) {
                scores[k] = random.nextInt(5) * 0.25; // many ties
                items[k] = shuffled.get(k);
            }
            int size = random.nextInt(count + 2);
            int[] order = new int[Math.max(count, size)];
            RetrievalRanking.selectBest(scores, items, count, Math.min(size, count), order);
            Integer[] expected = new Integer[count];
            for (int k = 0; k < count; k++) {
                expected[k] = k;
            }
            Arrays.sort(expected, Comparator.<Integer>comparingDouble(k -> -scores[k]).thenComparingInt(k -> items[k]));
            for (int r = 0; r < Math.min(size, count); r++) {
                assertEquals(expected[r], order[r], "round " + round + " rank " + r);
            }
        }
    }

    private static RetrievalRanking m() {
        return model;
    }

    /** The top of the retrieved candidates ranked one pair at a time, full sort. */
    private static Reference reference(RetrievalRanking m, int user, int howMany, boolean excludeSeen) {
        IndexedRecommender retrieval = (IndexedRecommender) m.retrieval();
        // max(candidates, howMany) of the retrieval; more only if the features' history leaves too few
        int base = Math.max(1, Math.min(Math.max(m.candidates(), howMany), m.items().size()));
        RankedItems candidates = retrieval.recommend(user, base, excludeSeen);
        long unseen = java.util.Arrays.stream(candidates.items()).filter(i -> !m.features().hasEvents(user, i)).count();
        if (excludeSeen && !candidates.fallback() && candidates.size() == base && base < m.items().size()
                && unseen < Math.min(howMany, base)) {
            int history = m.features().historyItemCount(user);
            candidates = retrieval.recommend(user, (int) Math.min((long) Math.max(m.candidates(), howMany) + history,
                    m.items().size()), true);
        }
        List<Integer> kept = new ArrayList<>();
        for (int k = 0; k < candidates.size(); k++) {
            if (!(excludeSeen && m.features().hasEvents(user, candidates.items()[k]))) {
                kept.add(k);
            }
        }
        int n = kept.size();
        double[] scores = new double[n];
        int[] items = new int[n];
        double[] row = new double[RankingFeature.count()];
        for (int j = 0; j < n; j++) {
            int k = kept.get(j);
            items[j] = candidates.items()[k];
            float[] svd = new float[1];
            ((IndexedScorer) m.scorer()).scoreInto(user, new int[] {items[j]}, svd);
            float[] exposure = exposureScores(m, user, new int[] {items[j]});
            m.features().fill(user, items[j], candidates.fallback() ? 0 : candidates.scores()[k], svd[0], exposure[0],
                    row);
            scores[j] = m.orderer().orElse(m.ranker()).predict(row);
        }
        Integer[] order = new Integer[n];
        for (int j = 0; j < n; j++) {
            order[j] = j;
        }
        if (!candidates.fallback() && m.orderer().isPresent() && m.orderingWeight() < 1) {
            // rank by the orderer (full sort), mixed with the position j in the retrieval list
            Integer[] byOrderer = order.clone();
            Arrays.sort(byOrderer, Comparator.<Integer>comparingDouble(j -> -scores[j]).thenComparingInt(j -> items[j]));
            double w = m.orderingWeight();
            double[] mixed = new double[n];
            for (int r = 0; r < n; r++) {
                int j = byOrderer[r];
                mixed[j] = w * (1 - (double) r / n) + (1 - w) * (1 - (double) j / n);
            }
            System.arraycopy(mixed, 0, scores, 0, n);
        }
        if (!candidates.fallback()) {
            Arrays.sort(order, Comparator.<Integer>comparingDouble(j -> -scores[j]).thenComparingInt(j -> items[j]));
        }
        int size = Math.min(howMany, n);
        Reference reference = new Reference(new int[size], new double[size]);
        for (int r = 0; r < size; r++) {
            reference.items[r] = items[order[r]];
            reference.scores[r] = candidates.fallback() ? candidates.scores()[kept.get(order[r])] : scores[order[r]];
        }
        return reference;
    }

    private record Reference(int[] items, double[] scores) {
    }

    /** The exposure-score feature as the public interface gives it: the scorer's own, or 0 without one. */
    private static float[] exposureScores(RetrievalRanking m, int user, int[] items) {
        float[] out = new float[items.length];
        if (m.scorer() instanceof ExposureScorer exposure) {
            exposure.exposureScoresInto(user, items, out);
        }
        return out;
    }
}
