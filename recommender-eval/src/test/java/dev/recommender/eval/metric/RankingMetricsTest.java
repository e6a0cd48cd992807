package dev.recommender.eval.metric;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RankingMetricsTest {
    private static final double LOG2_3 = Math.log(3) / Math.log(2);
    private static final double LOG2_5 = Math.log(5) / Math.log(2);

    // The list ranks items 5, 3, 9, 1, 7; the user's held-out items are 1, 3 and 8 (8 is never
    // ranked, e.g. unknown to the model: it stays relevant and is a miss).
    private final int[] ranked = {5, 3, 9, 1, 7};
    private final int[] relevant = {1, 3, 8};
    private final boolean[] hits = RankingMetrics.hits(ranked, relevant);

    @Test
    void hitsAreFlaggedByRank() {
        assertArrayEquals(new boolean[] {false, true, false, true, false}, hits);
        assertEquals(2, RankingMetrics.hitCount(hits, 5));
        assertEquals(1, RankingMetrics.hitCount(hits, 3));
    }

    @Test
    void precisionIsHitsOverK() {
        assertEquals(2.0 / 5, RankingMetrics.precision(hits, 5), 1e-15); // 2 hits in 5
        assertEquals(1.0 / 2, RankingMetrics.precision(hits, 2), 1e-15); // rank 2 hit
        assertEquals(0.0, RankingMetrics.precision(hits, 1));
        // a list shorter than k still divides by k: 2 hits / 10 = 0.2
        assertEquals(0.2, RankingMetrics.precision(hits, 10), 1e-15);
    }

    @Test
    void recallIsHitsOverAllRelevantIncludingUnrankable() {
        assertEquals(2.0 / 3, RankingMetrics.recall(hits, 3, 5), 1e-15); // 2 of {1, 3, 8}
        assertEquals(1.0 / 3, RankingMetrics.recall(hits, 3, 2), 1e-15);
    }

    @Test
    void hitRateIsOneWithAnyHit() {
        assertEquals(1.0, RankingMetrics.hitRate(hits, 2));
        assertEquals(0.0, RankingMetrics.hitRate(hits, 1));
    }

    @Test
    void binaryNdcgByHand() {
        // DCG@5 = 1/log2(2+1) + 1/log2(4+1) = 0.63093 + 0.43068 = 1.06161
        // IDCG over min(5, 3) = 3 ranks = 1 + 1/log2(3) + 1/log2(4) = 1 + 0.63093 + 0.5 = 2.13093
        // NDCG@5 = 1.06161 / 2.13093 = 0.49819
        assertEquals((1 / LOG2_3 + 1 / LOG2_5) / (1 + 1 / LOG2_3 + 0.5), RankingMetrics.ndcg(hits, 3, 5), 1e-12);
        assertEquals(0.498189, RankingMetrics.ndcg(hits, 3, 5), 1e-6);
        // NDCG@2 = (1/log2 3) / (1 + 1/log2 3) = 0.63093 / 1.63093 = 0.38685
        assertEquals(0.386853, RankingMetrics.ndcg(hits, 3, 2), 1e-6);
        // a perfect list of the only relevant item: 1
        assertEquals(1.0, RankingMetrics.ndcg(new boolean[] {true}, 1, 10), 1e-15);
    }

    @Test
    void gradedNdcgByHand() {
        // gains: item 1 -> 4, item 3 -> 2, item 8 -> 5
        float[] gains = {4, 2, 5};
        double[] byRank = RankingMetrics.gains(ranked, relevant, gains);
        assertArrayEquals(new double[] {0, 2, 0, 4, 0}, byRank);
        // DCG@5 = 2/log2 3 + 4/log2 5 = 1.26186 + 1.72271 = 2.98457
        // IDCG@5 from gains sorted 5, 4, 2 = 5 + 4/log2 3 + 2/log2 4 = 5 + 2.52372 + 1 = 8.52372
        // NDCG = 2.98457 / 8.52372 = 0.35015
        assertEquals(0.350148, RankingMetrics.ndcgGraded(byRank, gains, 5), 1e-6);
        // with equal gains graded NDCG equals binary NDCG
        float[] ones = {1, 1, 1};
        assertEquals(RankingMetrics.ndcg(hits, 3, 5),
                RankingMetrics.ndcgGraded(RankingMetrics.gains(ranked, relevant, ones), ones, 5), 1e-12);
        // all gains 0: undefined
        assertTrue(Double.isNaN(RankingMetrics.ndcgGraded(new double[5], new float[] {0, 0}, 5)));
    }

    @Test
    void averagePrecisionByHand() {
        // hits at ranks 2 and 4: P@2 = 1/2, P@4 = 2/4; sum 1 over min(5, 3) = 3 -> 1/3
        assertEquals(1.0 / 3, RankingMetrics.averagePrecision(hits, 3, 5), 1e-15);
        // k = 2: only P@2 = 1/2, over min(2, 3) = 2 -> 1/4
        assertEquals(0.25, RankingMetrics.averagePrecision(hits, 3, 2), 1e-15);
        // hits at ranks 1 and 2 with 2 relevant: (1 + 1) / 2 = 1
        assertEquals(1.0, RankingMetrics.averagePrecision(new boolean[] {true, true, false}, 2, 3), 1e-15);
    }

    @Test
    void reciprocalRankOfFirstHit() {
        assertEquals(0.5, RankingMetrics.reciprocalRank(hits, 5)); // first hit at rank 2
        assertEquals(0.0, RankingMetrics.reciprocalRank(hits, 1));
    }

    @Test
    void rejectsBadArguments() {
        IllegalArgumentException k = assertThrows(IllegalArgumentException.class,
                () -> RankingMetrics.precision(hits, 0));
        assertEquals("k must be at least 1, got 0", k.getMessage());
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> RankingMetrics.recall(hits, 0, 5));
        assertTrue(none.getMessage().startsWith("relevantCount must be at least 1"), none.getMessage());
        IllegalArgumentException tooMany = assertThrows(IllegalArgumentException.class,
                () -> RankingMetrics.ndcg(hits, 1, 5));
        assertEquals("the list has 2 hits but relevantCount is only 1", tooMany.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> RankingMetrics.ndcgGraded(new double[1], new float[] {-1}, 5));
    }
}
