package dev.recommender.core.internal;

import java.util.Arrays;

/**
 * The seed notebook's top-K categorical accuracy, counted in one place for the evaluator and for
 * the per-epoch validation of the retrieval models: the share of relevant (user, item) pairs whose
 * item is among the first K items of the user's list. This class counts the hits of one user's
 * list; the caller divides the total by the number of relevant pairs. Stateless.
 */
public final class TopKAccuracy {
    private TopKAccuracy() {
    }

    /**
     * Adds, for every cut-off K, how many of the user's relevant items are among the first K ranked items.
     *
     * @param ranked      item indexes, best first
     * @param rankedCount how many of {@code ranked} are the list
     * @param relevant    item indexes; {@code relevant[from, to)} ascending (other values are never hits)
     * @param from        first relevant position
     * @param to          one past the last relevant position
     * @param cutoffs     the cut-offs K
     * @param hits        one counter per cut-off, added to
     */
    public static void addHits(int[] ranked, int rankedCount, int[] relevant, int from, int to, int[] cutoffs,
                               long[] hits) {
        for (int r = 0; r < rankedCount; r++) {
            if (Arrays.binarySearch(relevant, from, to, ranked[r]) < 0) {
                continue;
            }
            for (int c = 0; c < cutoffs.length; c++) {
                if (r < cutoffs[c]) {
                    hits[c]++;
                }
            }
        }
    }

    /**
     * Hits over relevant pairs; {@code NaN} without relevant pairs.
     *
     * @param hits          relevant pairs found in their user's top K
     * @param relevantPairs all relevant pairs, users without a list included
     * @return the accuracy in [0, 1], or NaN
     */
    public static double accuracy(long hits, long relevantPairs) {
        return relevantPairs == 0 ? Double.NaN : (double) hits / relevantPairs;
    }
}
