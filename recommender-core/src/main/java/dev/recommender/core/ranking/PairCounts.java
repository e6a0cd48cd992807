package dev.recommender.core.ranking;

import dev.recommender.core.data.EventLog;
import dev.recommender.core.data.PairIndex;

import java.util.Arrays;

/**
 * Per (user, item) event and engagement counts over a time window of an {@link EventLog}, keyed by
 * the log's dense indexes packed into one sorted {@code long} per pair ({@code user << 32 | item}).
 * The events are grouped by {@link PairIndex}; lookup is a binary search. Built in O(n + p log p)
 * for n events and p pairs in the window; immutable.
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
        PairIndex pairs = new PairIndex(n / 2);
        int[] eventsOfPair = new int[16];
        int[] engagedOfPair = new int[16];
        for (int e = 0; e < n; e++) {
            long time = log.timeMillis(e);
            if (time < fromMillis || time >= toMillis) {
                continue;
            }
            int pair = pairs.index(log.userIndex(e), log.itemIndex(e));
            if (pair == eventsOfPair.length) {
                eventsOfPair = Arrays.copyOf(eventsOfPair, pair * 2);
                engagedOfPair = Arrays.copyOf(engagedOfPair, pair * 2);
            }
            eventsOfPair[pair]++;
            if (engagedType[log.eventType(e)]) {
                engagedOfPair[pair]++;
            }
        }
        int[] order = pairs.byUserAndItem(log.users().size())[1];
        long[] keys = new long[order.length];
        int[] eventCounts = new int[order.length];
        int[] engagedCounts = new int[order.length];
        for (int k = 0; k < order.length; k++) {
            int pair = order[k];
            keys[k] = key(pairs.user(pair), pairs.item(pair));
            eventCounts[k] = eventsOfPair[pair];
            engagedCounts[k] = engagedOfPair[pair];
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
