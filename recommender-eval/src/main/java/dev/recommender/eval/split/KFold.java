package dev.recommender.eval.split;

import dev.recommender.core.data.EventLog;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * K-fold cross-validation over (user, item) pairs. The pairs, numbered in order of their first
 * event, form {@code perm = 0..P-1} shuffled with the seed; fold {@code f}'s test set is
 * {@code { perm[p] : p mod k = f }} with all their events, its training set everything else.
 * Every pair is tested exactly once over the {@code k} folds, and fold sizes differ by at most one.
 *
 * <p>{@link #protocolA(int, long)} is protocol A of the peer harness exactly: with one event per
 * pair (MovieLens ratings) the pairs are the ratings in file order and the shuffle is
 * {@code Collections.shuffle} with {@code new java.util.Random(seed)}. The seed's 3-fold and
 * Surprise's 5-fold cross-validation are {@code KFold.of(3, seed)} and {@code KFold.of(5, seed)}.
 *
 * <p>O(n log n) for n events plus O(k n) to copy the folds. Immutable and thread-safe.
 *
 * @param folds  number of folds k, at least 2
 * @param seed   the shuffle seed
 * @param source the random stream used for the shuffle
 */
public record KFold(int folds, long seed, ShuffleSource source) implements Splitter {
    /**
     * Validates the fields.
     *
     * @throws IllegalArgumentException if {@code folds < 2}
     */
    public KFold {
        if (folds < 2) {
            throw new IllegalArgumentException("folds must be at least 2, got " + folds);
        }
        Objects.requireNonNull(source, "source");
    }

    /**
     * K-fold over pairs shuffled by a {@link java.util.SplittableRandom}.
     *
     * @param folds number of folds, at least 2
     * @param seed  the shuffle seed
     * @return the splitter
     */
    public static KFold of(int folds, long seed) {
        return new KFold(folds, seed, ShuffleSource.SPLITTABLE_RANDOM);
    }

    /**
     * Protocol A of the peer harness (docs/protocols.md): ratings in file order, shuffled as
     * {@code Collections.shuffle(list, new java.util.Random(seed))}, fold {@code f} tests the
     * positions {@code p} with {@code p mod folds = f}. Use {@code protocolA(5, 42)}.
     *
     * @param folds number of folds, at least 2
     * @param seed  the {@code java.util.Random} seed
     * @return the splitter
     */
    public static KFold protocolA(int folds, long seed) {
        return new KFold(folds, seed, ShuffleSource.JAVA_UTIL_RANDOM);
    }

    @Override
    public String name() {
        return folds + "-fold over pairs (" + (source == ShuffleSource.JAVA_UTIL_RANDOM ? "protocol A, " : "")
                + "seed " + seed + ")";
    }

    @Override
    public List<Split> split(EventLog events) {
        EventPairs pairs = EventPairs.of(events);
        int pairCount = pairs.pairCount();
        if (pairCount < folds) {
            throw new IllegalArgumentException("cannot make " + folds + " folds of " + pairCount + " pairs");
        }
        int[] perm = new int[pairCount];
        for (int p = 0; p < pairCount; p++) {
            perm[p] = p;
        }
        source.stream(seed).shuffle(perm, 0, pairCount);
        List<Split> result = new ArrayList<>(folds);
        for (int f = 0; f < folds; f++) {
            boolean[] test = new boolean[pairCount];
            for (int p = f; p < pairCount; p += folds) {
                test[perm[p]] = true;
            }
            result.add(pairs.split(events, test));
        }
        return List.copyOf(result);
    }
}
