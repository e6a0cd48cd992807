package dev.recommender.eval.split;

import java.util.Random;
import java.util.SplittableRandom;

/**
 * The random stream a splitter shuffles with. Both shuffle an array by the Fisher–Yates
 * algorithm as {@code java.util.Collections.shuffle} does it: for {@code i = n-1} down to 1,
 * swap {@code a[i]} with {@code a[r.nextInt(i + 1)]}.
 */
public enum ShuffleSource {
    /** A {@link SplittableRandom} seeded with the splitter's seed: the library default. */
    SPLITTABLE_RANDOM,
    /**
     * A {@link Random} seeded with the splitter's seed: the stream of the peer benchmark
     * harness, so that protocols A and B give exactly its folds.
     */
    JAVA_UTIL_RANDOM;

    /** Returns a fresh bounded-integer stream for a seed. */
    IntSource stream(long seed) {
        if (this == JAVA_UTIL_RANDOM) {
            Random random = new Random(seed);
            return random::nextInt;
        }
        SplittableRandom random = new SplittableRandom(seed);
        return random::nextInt;
    }

    /** A source of uniform integers in {@code [0, bound)}; not thread-safe. */
    @FunctionalInterface
    interface IntSource {
        int nextInt(int bound);

        /** Shuffles {@code a[from, to)} in place (Fisher–Yates, as {@code Collections.shuffle}). */
        default void shuffle(int[] a, int from, int to) {
            for (int i = to - from - 1; i > 0; i--) {
                int j = nextInt(i + 1);
                int t = a[from + i];
                a[from + i] = a[from + j];
                a[from + j] = t;
            }
        }
    }
}
