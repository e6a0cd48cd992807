package dev.recommender.eval.split;

import dev.recommender.core.data.EventLog;

import java.util.List;
import java.util.Objects;

/**
 * Random holdout of (user, item) pairs: the pairs of the log, in order of first appearance, are
 * shuffled with the seed and the first {@code Math.round(testFraction * pairs)} go to test with
 * all their events; everything else is training data. The seed's 75/25 split is
 * {@code RandomHoldout.of(0.25, seed)}.
 *
 * <p>O(n log n) for n events. Immutable and thread-safe.
 *
 * @param testFraction share of pairs held out, in (0, 1)
 * @param seed         the shuffle seed
 * @param source       the random stream used for the shuffle
 */
public record RandomHoldout(double testFraction, long seed, ShuffleSource source) implements Splitter {
    /**
     * Validates the fields.
     *
     * @throws IllegalArgumentException if {@code testFraction} is not in (0, 1)
     */
    public RandomHoldout {
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("testFraction must be in (0, 1), got " + testFraction);
        }
        Objects.requireNonNull(source, "source");
    }

    /**
     * A holdout of {@code testFraction} of the pairs, shuffled by a {@link java.util.SplittableRandom}.
     *
     * @param testFraction share of pairs held out, in (0, 1)
     * @param seed         the shuffle seed
     * @return the splitter
     */
    public static RandomHoldout of(double testFraction, long seed) {
        return new RandomHoldout(testFraction, seed, ShuffleSource.SPLITTABLE_RANDOM);
    }

    @Override
    public String name() {
        return "random holdout " + Math.round(testFraction * 100) + "% of pairs (seed " + seed + ")";
    }

    @Override
    public List<Split> split(EventLog events) {
        EventPairs pairs = EventPairs.of(events);
        int pairCount = pairs.pairCount();
        int testCount = (int) Math.round(testFraction * pairCount);
        if (testCount == 0 || testCount == pairCount) {
            throw new IllegalArgumentException("cannot hold out " + testFraction + " of " + pairCount
                    + " pairs: one side would be empty");
        }
        int[] order = new int[pairCount];
        for (int p = 0; p < pairCount; p++) {
            order[p] = p;
        }
        source.stream(seed).shuffle(order, 0, pairCount);
        boolean[] test = new boolean[pairCount];
        for (int p = 0; p < testCount; p++) {
            test[order[p]] = true;
        }
        return List.of(pairs.split(events, test));
    }
}
