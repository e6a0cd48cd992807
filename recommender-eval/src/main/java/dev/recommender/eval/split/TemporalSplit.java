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
 * <p>O(n) per split ({@link #lastFraction(EventLog, double)} sorts the times once: O(n log n)).
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
     * A split whose cut-off is the time of the event at position {@code n - round(testFraction * n)}
     * of the log's times sorted ascending, so about {@code testFraction} of the events (more if
     * several events share the cut-off time) are test data.
     *
     * @param events       the log the cut-off is computed from
     * @param testFraction share of events to hold out, in (0, 1)
     * @return the splitter
     * @throws IllegalArgumentException if {@code testFraction} is not in (0, 1) or the log is too small
     */
    public static TemporalSplit lastFraction(EventLog events, double testFraction) {
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("testFraction must be in (0, 1), got " + testFraction);
        }
        int n = events.size();
        int testCount = (int) Math.round(testFraction * n);
        if (testCount == 0 || testCount == n) {
            throw new IllegalArgumentException("cannot hold out " + testFraction + " of " + n
                    + " events: one side would be empty");
        }
        long[] times = new long[n];
        for (int e = 0; e < n; e++) {
            times[e] = events.timeMillis(e);
        }
        Arrays.sort(times);
        return new TemporalSplit(times[n - testCount]);
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
