package dev.recommender.core.data;

import java.util.Arrays;

/**
 * The one grouper of events by (user, item) pair: numbers distinct pairs densely,
 * {@code 0..size()-1}, in order of first appearance, and lays the pairs out by user for
 * compressed-row storage. The aggregations ({@link EngagementRate}, {@link ImplicitConfidence},
 * {@link ExplicitRating}), {@link Interactions#of}, the ranking stage's per-pair counts and the
 * pair-based splits of the evaluation module all group through it, so they agree on which events
 * form a pair and in which order pairs come.
 *
 * <p>An open-addressing hash map from the pair packed into a {@code long} to an {@code int}
 * (linear probing, load at most 1/2, a multiplicative hash mixing both halves): O(1) expected per
 * lookup, no allocation per lookup, no sort of the events. Users and items are the dense indexes
 * of an {@link IdIndex} (non-negative). Not thread-safe.
 */
public final class PairIndex {
    private static final long EMPTY = -1L;

    private long[] keys;
    private int[] values;
    private int mask;
    private int size;
    private int[] users;
    private int[] items;

    /**
     * Creates an empty index.
     *
     * @param expectedPairs a capacity hint (the index grows past it)
     */
    public PairIndex(int expectedPairs) {
        int capacity = Integer.highestOneBit(Math.max(16, expectedPairs) * 2 - 1) << 1;
        keys = new long[capacity];
        values = new int[capacity];
        Arrays.fill(keys, EMPTY);
        mask = capacity - 1;
        users = new int[Math.max(16, expectedPairs)];
        items = new int[users.length];
    }

    /**
     * Groups all events of a log: numbers their pairs into {@code pairs} and returns the pair of
     * every event.
     *
     * @param events the log
     * @param pairs  the index to number the pairs in, usually new
     * @return for each event position, its pair's number
     */
    public static int[] indexEvents(EventLog events, PairIndex pairs) {
        int[] pairOfEvent = new int[events.size()];
        for (int e = 0; e < pairOfEvent.length; e++) {
            pairOfEvent[e] = pairs.index(events.userIndex(e), events.itemIndex(e));
        }
        return pairOfEvent;
    }

    /** Number of distinct pairs. */
    public int size() {
        return size;
    }

    /** Returns the pair's dense number, assigning the next one to a new pair. */
    public int index(int user, int item) {
        long key = key(user, item);
        int slot = slot(key);
        if (keys[slot] == key) {
            return values[slot];
        }
        int index = size++;
        keys[slot] = key;
        values[slot] = index;
        if (index == users.length) {
            users = Arrays.copyOf(users, index * 2);
            items = Arrays.copyOf(items, index * 2);
        }
        users[index] = user;
        items[index] = item;
        if (size * 2 > keys.length) {
            rehash();
        }
        return index;
    }

    /** The pair's number, or -1 if the pair was never indexed. */
    public int find(int user, int item) {
        long key = key(user, item);
        int slot = slot(key);
        return keys[slot] == key ? values[slot] : -1;
    }

    /** User of a pair. */
    public int user(int pair) {
        return users[checked(pair)];
    }

    /** Item of a pair. */
    public int item(int pair) {
        return items[checked(pair)];
    }

    /** Users of the pairs, by pair number (a copy of length {@link #size()}). */
    public int[] users() {
        return Arrays.copyOf(users, size);
    }

    /** Items of the pairs, by pair number (a copy of length {@link #size()}). */
    public int[] items() {
        return Arrays.copyOf(items, size);
    }

    /**
     * The pairs grouped by user, each user's pairs in ascending pair number (order of first
     * appearance). {@code result[0]} holds the row starts (length {@code userCount + 1}),
     * {@code result[1]} the pair numbers, user {@code u}'s from {@code result[0][u]} to
     * {@code result[0][u + 1]}.
     *
     * @param userCount one more than the largest user index
     */
    public int[][] byUser(int userCount) {
        int[] start = rowStarts(userCount);
        int[] next = Arrays.copyOf(start, userCount);
        int[] pairs = new int[size];
        for (int pair = 0; pair < size; pair++) {
            pairs[next[users[pair]]++] = pair;
        }
        return new int[][] {start, pairs};
    }

    /**
     * The pairs grouped by user as {@link #byUser(int)}, but each user's pairs in ascending item
     * order: the whole of {@code result[1]} is ascending by (user, item), the order of a
     * compressed-row matrix.
     *
     * @param userCount one more than the largest user index
     */
    public int[][] byUserAndItem(int userCount) {
        int[][] rows = byUser(userCount);
        int[] start = rows[0];
        int[] pairs = rows[1];
        long[] keyed = new long[size];
        for (int p = 0; p < size; p++) {
            keyed[p] = ((long) items[pairs[p]] << 32) | pairs[p];
        }
        for (int u = 0; u < userCount; u++) {
            Arrays.sort(keyed, start[u], start[u + 1]);
        }
        for (int p = 0; p < size; p++) {
            pairs[p] = (int) keyed[p];
        }
        return rows;
    }

    private int[] rowStarts(int userCount) {
        int[] start = new int[userCount + 1];
        for (int pair = 0; pair < size; pair++) {
            if (users[pair] >= userCount) {
                throw new IllegalArgumentException("pair " + pair + " has user " + users[pair]
                        + ", not below the user count " + userCount);
            }
            start[users[pair] + 1]++;
        }
        for (int u = 0; u < userCount; u++) {
            start[u + 1] += start[u];
        }
        return start;
    }

    private int checked(int pair) {
        if (pair < 0 || pair >= size) {
            throw new IndexOutOfBoundsException("pair " + pair + " of " + size);
        }
        return pair;
    }

    private static long key(int user, int item) {
        if (user < 0 || item < 0) {
            throw new IllegalArgumentException("indexes must be non-negative, got user " + user + ", item " + item);
        }
        return ((long) user << 32) | item;
    }

    /** The slot holding {@code key}, or the empty slot where it would go. */
    private int slot(long key) {
        int slot = mix(key) & mask;
        while (keys[slot] != key && keys[slot] != EMPTY) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private void rehash() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new int[keys.length];
        Arrays.fill(keys, EMPTY);
        mask = keys.length - 1;
        for (int k = 0; k < oldKeys.length; k++) {
            if (oldKeys[k] != EMPTY) {
                int slot = slot(oldKeys[k]);
                keys[slot] = oldKeys[k];
                values[slot] = oldValues[k];
            }
        }
    }

    private static int mix(long key) {
        // MurmurHash3's 64-bit finaliser: every key bit affects the low bits used for the slot.
        long h = key ^ (key >>> 33);
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        return (int) (h ^ (h >>> 33));
    }
}
