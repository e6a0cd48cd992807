package dev.recommender.eval.metric;

import java.util.Arrays;

/**
 * Accuracy of one ranked list at a cutoff {@code k}, against the user's relevant (held-out)
 * items. The list is given as hit flags by rank ({@link #hits(int[], int[])}) or gains by rank
 * ({@link #gains(int[], int[], float[])}); {@code relevantCount} is the number of relevant items
 * including those the model could never rank (items absent from training count as misses, never
 * dropped). A list shorter than {@code k} (small catalog) is scored as if padded with misses.
 *
 * <p>Definitions, with ranks {@code r = 1..k} and {@code hits} the relevant items among the first
 * {@code k} (protocol B of docs/protocols.md where it defines them):
 * <ul>
 *   <li>Precision@k = hits / k;</li>
 *   <li>Recall@k = hits / relevantCount;</li>
 *   <li>HitRate@k = 1 if hits &gt; 0 else 0;</li>
 *   <li>NDCG@k (binary) = DCG / IDCG, DCG = sum over hit ranks of 1 / log2(r + 1), IDCG the same
 *       sum over ranks 1..min(k, relevantCount);</li>
 *   <li>NDCG@k (graded) = the same with gain g instead of 1 (linear gain: the held-out value, e.g.
 *       the rating), IDCG from the relevant gains sorted descending; undefined ({@code NaN}) when
 *       every relevant gain is 0;</li>
 *   <li>AP@k (MAP when averaged over users) = sum over hit ranks r of Precision@r, divided by
 *       min(k, relevantCount);</li>
 *   <li>RR@k (MRR when averaged) = 1 / rank of the first hit, 0 without a hit in the first k.</li>
 * </ul>
 *
 * <p>Pure functions; O(k) each (O(m log m) for graded IDCG over m relevant items); thread-safe.
 */
public final class RankingMetrics {
    private static final double LN2 = Math.log(2);

    private RankingMetrics() {
    }

    /**
     * Hit flags of a ranked list: {@code hits[r]} is true if {@code ranked[r]} is relevant.
     *
     * @param ranked         item keys best first (any int; keys never relevant, e.g. -1, are misses)
     * @param relevantSorted the relevant item keys, ascending, distinct
     * @return the hit flags, same length as {@code ranked}
     */
    public static boolean[] hits(int[] ranked, int[] relevantSorted) {
        boolean[] hits = new boolean[ranked.length];
        for (int r = 0; r < ranked.length; r++) {
            hits[r] = Arrays.binarySearch(relevantSorted, ranked[r]) >= 0;
        }
        return hits;
    }

    /**
     * Gains of a ranked list: the relevant item's gain at its rank, 0 for non-relevant items.
     *
     * @param ranked         item keys best first
     * @param relevantSorted the relevant item keys, ascending, distinct
     * @param relevantGains  the gain of each relevant item, aligned with {@code relevantSorted}
     * @return the gains by rank, same length as {@code ranked}
     * @throws IllegalArgumentException if the relevant arrays differ in length
     */
    public static double[] gains(int[] ranked, int[] relevantSorted, float[] relevantGains) {
        if (relevantSorted.length != relevantGains.length) {
            throw new IllegalArgumentException("relevantSorted and relevantGains must have the same length, got "
                    + relevantSorted.length + " and " + relevantGains.length);
        }
        double[] gains = new double[ranked.length];
        for (int r = 0; r < ranked.length; r++) {
            int position = Arrays.binarySearch(relevantSorted, ranked[r]);
            gains[r] = position >= 0 ? relevantGains[position] : 0;
        }
        return gains;
    }

    /**
     * Number of hits among the first {@code k} ranks.
     *
     * @param hits hit flags by rank
     * @param k    the cutoff, at least 1
     * @return the number of hits
     */
    public static int hitCount(boolean[] hits, int k) {
        checkK(k);
        int count = 0;
        for (int r = 0, n = Math.min(k, hits.length); r < n; r++) {
            if (hits[r]) {
                count++;
            }
        }
        return count;
    }

    /**
     * Precision@k = hits / k.
     *
     * @param hits hit flags by rank
     * @param k    the cutoff, at least 1
     * @return the precision
     */
    public static double precision(boolean[] hits, int k) {
        return (double) hitCount(hits, k) / k;
    }

    /**
     * Recall@k = hits / relevantCount.
     *
     * @param hits          hit flags by rank
     * @param relevantCount number of relevant items, at least 1
     * @param k             the cutoff, at least 1
     * @return the recall
     */
    public static double recall(boolean[] hits, int relevantCount, int k) {
        checkRelevant(relevantCount, hits, k);
        return (double) hitCount(hits, k) / relevantCount;
    }

    /**
     * HitRate@k of one list: 1 if any of the first {@code k} items is relevant, else 0.
     *
     * @param hits hit flags by rank
     * @param k    the cutoff, at least 1
     * @return 1 or 0
     */
    public static double hitRate(boolean[] hits, int k) {
        return hitCount(hits, k) > 0 ? 1 : 0;
    }

    /**
     * Binary NDCG@k = DCG / IDCG with IDCG over ranks 1..min(k, relevantCount).
     *
     * @param hits          hit flags by rank
     * @param relevantCount number of relevant items, at least 1
     * @param k             the cutoff, at least 1
     * @return the NDCG in [0, 1]
     */
    public static double ndcg(boolean[] hits, int relevantCount, int k) {
        checkRelevant(relevantCount, hits, k);
        double dcg = 0;
        for (int r = 0, n = Math.min(k, hits.length); r < n; r++) {
            if (hits[r]) {
                dcg += discount(r + 1);
            }
        }
        double idcg = 0;
        for (int r = 1, n = Math.min(k, relevantCount); r <= n; r++) {
            idcg += discount(r);
        }
        return dcg / idcg;
    }

    /**
     * Graded NDCG@k with linear gains: DCG = sum of gain / log2(r + 1) over ranks 1..k; IDCG the
     * same over the relevant gains sorted descending.
     *
     * @param gains         gains by rank (see {@link #gains(int[], int[], float[])})
     * @param relevantGains the gains of all relevant items (any order), each at least 0
     * @param k             the cutoff, at least 1
     * @return the NDCG in [0, 1], or {@code NaN} if every relevant gain is 0
     * @throws IllegalArgumentException if there is no relevant item or a gain is negative or not finite
     */
    public static double ndcgGraded(double[] gains, float[] relevantGains, int k) {
        checkK(k);
        if (relevantGains.length == 0) {
            throw new IllegalArgumentException("relevantGains must not be empty (users without relevant items are skipped)");
        }
        float[] ideal = relevantGains.clone();
        for (float g : ideal) {
            if (!(g >= 0) || Float.isInfinite(g)) {
                throw new IllegalArgumentException("gains must be finite and at least 0, got " + g);
            }
        }
        Arrays.sort(ideal);
        double idcg = 0;
        for (int r = 1, n = Math.min(k, ideal.length); r <= n; r++) {
            idcg += ideal[ideal.length - r] * discount(r);
        }
        if (idcg == 0) {
            return Double.NaN;
        }
        double dcg = 0;
        for (int r = 0, n = Math.min(k, gains.length); r < n; r++) {
            dcg += gains[r] * discount(r + 1);
        }
        return dcg / idcg;
    }

    /**
     * Average precision at k: the sum of Precision@r over the hit ranks r &le; k, divided by
     * min(k, relevantCount).
     *
     * @param hits          hit flags by rank
     * @param relevantCount number of relevant items, at least 1
     * @param k             the cutoff, at least 1
     * @return AP@k in [0, 1]
     */
    public static double averagePrecision(boolean[] hits, int relevantCount, int k) {
        checkRelevant(relevantCount, hits, k);
        double sum = 0;
        int found = 0;
        for (int r = 0, n = Math.min(k, hits.length); r < n; r++) {
            if (hits[r]) {
                found++;
                sum += (double) found / (r + 1);
            }
        }
        return sum / Math.min(k, relevantCount);
    }

    /**
     * Reciprocal rank at k: 1 / (rank of the first hit), 0 if none of the first {@code k} is relevant.
     *
     * @param hits hit flags by rank
     * @param k    the cutoff, at least 1
     * @return RR@k in [0, 1]
     */
    public static double reciprocalRank(boolean[] hits, int k) {
        checkK(k);
        for (int r = 0, n = Math.min(k, hits.length); r < n; r++) {
            if (hits[r]) {
                return 1.0 / (r + 1);
            }
        }
        return 0;
    }

    /** The rank discount 1 / log2(rank + 1), rank 1-based. */
    static double discount(int rank) {
        return LN2 / Math.log(rank + 1);
    }

    private static void checkK(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, got " + k);
        }
    }

    private static void checkRelevant(int relevantCount, boolean[] hits, int k) {
        checkK(k);
        if (relevantCount < 1) {
            throw new IllegalArgumentException("relevantCount must be at least 1 (users without relevant items "
                    + "are skipped), got " + relevantCount);
        }
        int found = hitCount(hits, hits.length == 0 ? 1 : hits.length);
        if (found > relevantCount) {
            throw new IllegalArgumentException("the list has " + found + " hits but relevantCount is only "
                    + relevantCount);
        }
    }
}
