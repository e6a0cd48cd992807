package dev.recommender.core.data;

import java.util.Arrays;

/**
 * Numbers distinct (user, item) pairs densely in order of first appearance: an open-addressing
 * hash map from the pair packed into a {@code long} to an {@code int} (linear probing, load at
 * most 1/2, a multiplicative hash mixing both halves). Used by the aggregations instead of sorting
 * the events; O(1) expected per lookup, no allocation per lookup. Not thread-safe.
 */
final class PairIndex {
    private static final long EMPTY = -1L;

    private long[] keys;
    private int[] values;
    private int mask;
    private int size;
    private int[] users;
    private int[] items;

    /** @param expectedPairs a capacity hint */
    PairIndex(int expectedPairs) {
        int capacity = Integer.highestOneBit(Math.max(16, expectedPairs) * 2 - 1) << 1;
        keys = new long[capacity];
        values = new int[capacity];
        Arrays.fill(keys, EMPTY);
        mask = capacity - 1;
        users = new int[Math.max(16, expectedPairs)];
        items = new int[users.length];
    }

    /** Number of distinct pairs. */
    int size() {
        return size;
    }

    /** Returns the pair's dense number, assigning the next one to a new pair. Indexes are non-negative. */
    int index(int user, int item) {
        long key = ((long) user << 32) | (item & 0xFFFFFFFFL);
        int slot = mix(key) & mask;
        while (true) {
            long existing = keys[slot];
            if (existing == key) {
                return values[slot];
            }
            if (existing == EMPTY) {
                break;
            }
            slot = (slot + 1) & mask;
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

    /** Users of the pairs, by pair number (a copy of length {@link #size()}). */
    int[] users() {
        return Arrays.copyOf(users, size);
    }

    /** Items of the pairs, by pair number (a copy of length {@link #size()}). */
    int[] items() {
        return Arrays.copyOf(items, size);
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
                int slot = mix(oldKeys[k]) & mask;
                while (keys[slot] != EMPTY) {
                    slot = (slot + 1) & mask;
                }
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
