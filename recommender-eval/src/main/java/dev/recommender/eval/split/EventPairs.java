package dev.recommender.eval.split;

import dev.recommender.core.data.EventLog;
import dev.recommender.core.data.PairIndex;

import java.util.Arrays;

/**
 * The (user, item) pairs of an event log as the pair-based splits see them: grouped by core's
 * {@link PairIndex} (numbered {@code 0..pairCount()-1} in order of their first event), with the
 * pair of every event and each pair's latest event time, and the split that sends whole pairs to
 * test. O(n) time and memory for n events; immutable.
 */
final class EventPairs {
    private final PairIndex pairs;
    private final int[] pairOfEvent;
    private final long[] lastTimeOfPair;

    private EventPairs(PairIndex pairs, int[] pairOfEvent, long[] lastTimeOfPair) {
        this.pairs = pairs;
        this.pairOfEvent = pairOfEvent;
        this.lastTimeOfPair = lastTimeOfPair;
    }

    static EventPairs of(EventLog events) {
        PairIndex pairs = new PairIndex(events.size() / 2);
        int[] pairOfEvent = PairIndex.indexEvents(events, pairs);
        long[] lastTime = new long[pairs.size()];
        Arrays.fill(lastTime, Long.MIN_VALUE);
        for (int e = 0; e < pairOfEvent.length; e++) {
            int pair = pairOfEvent[e];
            lastTime[pair] = Math.max(lastTime[pair], events.timeMillis(e));
        }
        return new EventPairs(pairs, pairOfEvent, lastTime);
    }

    int pairCount() {
        return pairs.size();
    }

    int item(int pair) {
        return pairs.item(pair);
    }

    long lastTimeMillis(int pair) {
        return lastTimeOfPair[pair];
    }

    /** The pairs grouped by user, in order of first appearance: see {@link PairIndex#byUser(int)}. */
    int[][] pairsByUser(int userCount) {
        return pairs.byUser(userCount);
    }

    /** The split putting every event of the flagged pairs in test, all others in train. */
    Split split(EventLog events, boolean[] testPair) {
        int n = events.size();
        int testCount = 0;
        for (int e = 0; e < n; e++) {
            if (testPair[pairOfEvent[e]]) {
                testCount++;
            }
        }
        int[] train = new int[n - testCount];
        int[] test = new int[testCount];
        int a = 0;
        int b = 0;
        for (int e = 0; e < n; e++) {
            if (testPair[pairOfEvent[e]]) {
                test[b++] = e;
            } else {
                train[a++] = e;
            }
        }
        return new Split(events.select(train), events.select(test));
    }
}
