package dev.recommender.core.data;

import java.util.Arrays;

/**
 * The per-pair bookkeeping the event aggregations share: the pairs of the counted events numbered in
 * first-seen order by a {@link PairIndex}, and for every pair the number of counted events, the number of
 * engaged ones and the latest event time. The arrays grow as pairs appear. Not thread-safe; used once per
 * aggregation.
 */
final class PairTally {
    private final PairIndex pairs;
    private int[] events = new int[16];
    private int[] engaged = new int[16];
    private long[] last = new long[16];

    /**
     * Starts an empty tally.
     *
     * @param expectedPairs a hint for the pair index's initial capacity
     */
    PairTally(int expectedPairs) {
        pairs = new PairIndex(expectedPairs);
    }

    /**
     * Counts one event.
     *
     * @param log          the event log
     * @param event        the event's index in the log
     * @param engagedEvent whether it counts as an engagement
     * @return the number of the event's (user, item) pair
     */
    int add(EventLog log, int event, boolean engagedEvent) {
        int pair = pairs.index(log.userIndex(event), log.itemIndex(event));
        if (pair == events.length) {
            events = Arrays.copyOf(events, pair * 2);
            engaged = Arrays.copyOf(engaged, pair * 2);
            last = Arrays.copyOf(last, pair * 2);
        }
        long time = log.timeMillis(event);
        if (events[pair] == 0 || time > last[pair]) {
            last[pair] = time;
        }
        events[pair]++;
        if (engagedEvent) {
            engaged[pair]++;
        }
        return pair;
    }

    /** The number of pairs. */
    int size() {
        return pairs.size();
    }

    /** The latest event time of a pair counted so far. */
    long lastTime(int pair) {
        return last[pair];
    }

    /** The user of every pair, in pair order (a new array). */
    int[] users() {
        return pairs.users();
    }

    /** The item of every pair, in pair order (a new array). */
    int[] items() {
        return pairs.items();
    }

    /** The number of counted events of every pair, in pair order (a new array). */
    int[] eventCounts() {
        return Arrays.copyOf(events, size());
    }

    /** The number of engaged events of every pair, in pair order (a new array). */
    int[] engagedCounts() {
        return Arrays.copyOf(engaged, size());
    }

    /** The latest event time of every pair, in pair order (a new array). */
    long[] lastTimes() {
        return Arrays.copyOf(last, size());
    }
}
