package dev.recommender.eval.split;

import dev.recommender.core.data.EventLog;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Temporal cut-off, the realistic production protocol: events strictly before the cut-off time
 * are training data, events at or after it are test data. Unlike the other splitters it may put
 * events of one (user, item) pair on both sides (a user who came back to an item after the
 * cut-off), and test users or items may be absent from training (cold start), exactly as in
 * production. No randomness.
 *
 * <p>O(n) per split.
 * Immutable and thread-safe.
 *
 * @param cutoffMillis the first test time, milliseconds since the Unix epoch
 */
public record TemporalSplit(long cutoffMillis) implements Splitter {

    /**
     * A split at an instant.
     *
     * @param cutoff the first test time
     * @return the splitter
     */
    public static TemporalSplit at(Instant cutoff) {
        return new TemporalSplit(cutoff.toEpochMilli());
    }

    /**
     * A split whose test period is the last {@code share} of each log's time span
     * ({@link EventLog#startOfLastShare(double)}: the seed notebook's "last 20%", a share of time, not
     * of events).
     *
     * @param share the share of the time span held out, in (0, 1)
     * @return the splitter
     * @throws IllegalArgumentException if {@code share} is not in (0, 1)
     */
    public static Splitter lastShareOfTime(double share) {
        return new LastShareOfTime(share);
    }

    /**
     * The splitter of {@link #lastShareOfTime(double)}: the cut-off is computed from each log it splits.
     *
     * @param share the share of the time span held out, in (0, 1)
     */
    public record LastShareOfTime(double share) implements Splitter {
        /** Validates the share. */
        public LastShareOfTime {
            if (!(share > 0 && share < 1)) {
                throw new IllegalArgumentException("share of the time span must be in (0, 1), got " + share);
            }
        }

        @Override
        public String name() {
            return "temporal, last " + (float) (100 * share) + "% of the time span";
        }

        @Override
        public List<Split> split(EventLog events) {
            return new TemporalSplit(events.startOfLastShare(share)).split(events);
        }
    }

    @Override
    public String name() {
        return "temporal cut-off at " + Instant.ofEpochMilli(cutoffMillis);
    }

    /**
     * @throws IllegalArgumentException if one side would be empty
     */
    @Override
    public List<Split> split(EventLog events) {
        int n = events.size();
        int testCount = 0;
        for (int e = 0; e < n; e++) {
            if (events.timeMillis(e) >= cutoffMillis) {
                testCount++;
            }
        }
        if (testCount == 0 || testCount == n) {
            throw new IllegalArgumentException("cut-off " + Instant.ofEpochMilli(cutoffMillis) + " leaves "
                    + (testCount == 0 ? "no test" : "no training") + " events among " + n);
        }
        int[] train = new int[n - testCount];
        int[] test = new int[testCount];
        int a = 0;
        int b = 0;
        for (int e = 0; e < n; e++) {
            if (events.timeMillis(e) >= cutoffMillis) {
                test[b++] = e;
            } else {
                train[a++] = e;
            }
        }
        return List.of(new Split(events.select(train), events.select(test)));
    }
}
