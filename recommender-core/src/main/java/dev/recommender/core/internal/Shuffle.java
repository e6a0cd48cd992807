package dev.recommender.core.internal;

import java.util.SplittableRandom;

/**
 * The one Fisher-Yates shuffle of the library's trainers, splitters and id permutations: for
 * {@code k = length-1} down to 1, swap {@code a[k]} with {@code a[random.nextInt(k + 1)]}, the
 * order of draws {@code java.util.Collections.shuffle} uses. A seeded random therefore gives the
 * same permutation wherever it is shuffled. Stateless.
 */
public final class Shuffle {
    private Shuffle() {
    }

    /**
     * Shuffles the first {@code length} entries of an array in place.
     *
     * @param a      the array
     * @param length how many leading entries to shuffle, at most {@code a.length}
     * @param random the source of the swaps
     */
    public static void shuffle(int[] a, int length, SplittableRandom random) {
        for (int k = length - 1; k > 0; k--) {
            int j = random.nextInt(k + 1);
            int swap = a[k];
            a[k] = a[j];
            a[j] = swap;
        }
    }

    /**
     * A random permutation of {@code 0..n-1}: the identity, shuffled.
     *
     * @param n      the length, at least 0
     * @param random the source of the swaps
     * @return the permutation
     */
    public static int[] permutation(int n, SplittableRandom random) {
        int[] permutation = new int[n];
        for (int k = 0; k < n; k++) {
            permutation[k] = k;
        }
        shuffle(permutation, n, random);
        return permutation;
    }
}
