package dev.recommender.eval.split;

import dev.recommender.core.data.EventLog;

import java.util.Arrays;

/**
 * The distinct (user, item) pairs of an event log, numbered {@code 0..pairCount()-1} in order of
 * their first event, with the pair of every event and each pair's latest event time.
 *
 * <p>Built in O(n log n) time and O(n) memory by a counting sort of the events by user, then a
 * sort of each user's (item, event) keys packed into longs; no per-event objects. Immutable.
 */
final class PairIndex {
    private final int[] pairOfEvent;
    private final int[] userOfPair;
    private final int[] itemOfPair;
    private final long[] lastTimeOfPair;

    private PairIndex(int[] pairOfEvent, int[] userOfPair, int[] itemOfPair, long[] lastTimeOfPair) {
        this.pairOfEvent = pairOfEvent;
        this.userOfPair = userOfPair;
        this.itemOfPair = itemOfPair;
        this.lastTimeOfPair = lastTimeOfPair;
    }

    static PairIndex of(EventLog events) {
        int n = events.size();
        int userCount = events.users().size();
        // Counting sort of events by user; within a user, file order.
        int[] start = new int[userCount + 1];
        for (int e = 0; e < n; e++) {
            start[events.userIndex(e) + 1]++;
        }
        for (int u = 0; u < userCount; u++) {
            start[u + 1] += start[u];
        }
        int[] next = Arrays.copyOf(start, userCount);
        long[] keys = new long[n];
        for (int e = 0; e < n; e++) {
            keys[next[events.userIndex(e)]++] = ((long) events.itemIndex(e) << 32) | e;
        }
        // Within a user, sort by (item, event): runs of one item are one pair, led by its first event.
        int[] leader = new int[n];
        for (int u = 0; u < userCount; u++) {
            Arrays.sort(keys, start[u], start[u + 1]);
            int runItem = -1;
            int runLeader = -1;
            for (int p = start[u]; p < start[u + 1]; p++) {
                int item = (int) (keys[p] >>> 32);
                int event = (int) keys[p];
                if (item != runItem) {
                    runItem = item;
                    runLeader = event;
                }
                leader[event] = runLeader;
            }
        }
        int[] pairOfEvent = new int[n];
        int pairCount = 0;
        for (int e = 0; e < n; e++) {
            pairOfEvent[e] = leader[e] == e ? pairCount++ : pairOfEvent[leader[e]];
        }
        int[] userOfPair = new int[pairCount];
        int[] itemOfPair = new int[pairCount];
        long[] lastTime = new long[pairCount];
        Arrays.fill(lastTime, Long.MIN_VALUE);
        for (int e = 0; e < n; e++) {
            int pair = pairOfEvent[e];
            userOfPair[pair] = events.userIndex(e);
            itemOfPair[pair] = events.itemIndex(e);
            lastTime[pair] = Math.max(lastTime[pair], events.timeMillis(e));
        }
        return new PairIndex(pairOfEvent, userOfPair, itemOfPair, lastTime);
    }

    int pairCount() {
        return userOfPair.length;
    }

    int pairOf(int event) {
        return pairOfEvent[event];
    }

    int user(int pair) {
        return userOfPair[pair];
    }

    int item(int pair) {
        return itemOfPair[pair];
    }

    long lastTimeMillis(int pair) {
        return lastTimeOfPair[pair];
    }

    /**
     * Pairs grouped by user: {@code result[0]} holds row starts (length users + 1), {@code result[1]}
     * the pair ids of each user in ascending pair order (order of first appearance).
     */
    int[][] pairsByUser(int userCount) {
        int[] start = new int[userCount + 1];
        for (int user : userOfPair) {
            start[user + 1]++;
        }
        for (int u = 0; u < userCount; u++) {
            start[u + 1] += start[u];
        }
        int[] next = Arrays.copyOf(start, userCount);
        int[] pairs = new int[userOfPair.length];
        for (int pair = 0; pair < userOfPair.length; pair++) {
            pairs[next[userOfPair[pair]]++] = pair;
        }
        return new int[][] {start, pairs};
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
