package dev.recommender.core.ranking;

import dev.recommender.core.data.EventLog;

import java.util.Arrays;

/**
 * Per (user, item) event and engagement counts over a time window of an {@link EventLog}, keyed by
 * the log's dense indexes packed into one sorted {@code long} per pair ({@code user << 32 | item}).
 * Lookup is a binary search. Built in O(n log n) for n events in the window; immutable.
 */
final class PairCounts {
    private final long[] keys;
    private final int[] events;
    private final int[] engaged;

    private PairCounts(long[] keys, int[] events, int[] engaged) {
        this.keys = keys;
        this.events = events;
        this.engaged = engaged;
    }

    /**
     * Counts the events with {@code fromMillis <= time < toMillis}.
     *
     * @param log         the events
     * @param fromMillis  start of the window, inclusive
     * @param toMillis    end of the window, exclusive
     * @param engagedType for each event type index of the log, whether it is an engagement
     */
    static PairCounts of(EventLog log, long fromMillis, long toMillis, boolean[] engagedType) {
        int n = log.size();
        long[] all = new long[n];
        long[] engagements = new long[n];
        int count = 0;
        int engagedCount = 0;
        for (int e = 0; e < n; e++) {
            long time = log.timeMillis(e);
            if (time < fromMillis || time >= toMillis) {
                continue;
            }
            long key = key(log.userIndex(e), log.itemIndex(e));
            all[count++] = key;
            if (engagedType[log.eventType(e)]) {
                engagements[engagedCount++] = key;
            }
        }
        Arrays.sort(all, 0, count);
        Arrays.sort(engagements, 0, engagedCount);
        int distinct = 0;
        for (int k = 0; k < count; k++) {
            if (k == 0 || all[k] != all[k - 1]) {
                distinct++;
            }
        }
        long[] keys = new long[distinct];
        int[] eventCounts = new int[distinct];
        int[] engagedCounts = new int[distinct];
        int pair = -1;
        for (int k = 0; k < count; k++) {
            if (k == 0 || all[k] != all[k - 1]) {
                keys[++pair] = all[k];
            }
            eventCounts[pair]++;
        }
        pair = 0;
        for (int k = 0; k < engagedCount; k++) {
            while (keys[pair] != engagements[k]) {
                pair++;
            }
            engagedCounts[pair]++;
        }
        return new PairCounts(keys, eventCounts, engagedCounts);
    }

    static long key(int user, int item) {
        return ((long) user << 32) | (item & 0xffffffffL);
    }

    static int userOf(long key) {
        return (int) (key >>> 32);
    }

    static int itemOf(long key) {
        return (int) key;
    }

    /** Number of pairs. */
    int size() {
        return keys.length;
    }

    /** Packed key of the {@code k}-th pair (ascending by user, then item). */
    long keyAt(int k) {
        return keys[k];
    }

    /** Events of the {@code k}-th pair. */
    int eventsAt(int k) {
        return events[k];
    }

    /** Engagement events of the {@code k}-th pair. */
    int engagedAt(int k) {
        return engaged[k];
    }

    /** Position of a pair, or a negative number if it has no event in the window. */
    int find(int user, int item) {
        return Arrays.binarySearch(keys, key(user, item));
    }
}
