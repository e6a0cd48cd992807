package dev.recommender.core.data;

import java.util.Arrays;

/**
 * Maps character slices to dense ids and canonical strings without allocating for slices seen
 * before: an open-addressing hash table (linear probing, load at most 1/2) keyed by the slice's
 * {@link String#hashCode()}-compatible hash. A {@code String} is created only for a new slice.
 *
 * <p>Used by the CSV reader so that a log with half a million events but a few thousand ids
 * creates a few thousand strings. Not thread-safe.
 */
final class SliceInterner {
    private int[] table;
    private int mask;
    private String[] strings = new String[64];
    private char[][] keys = new char[64][];
    private int[] hashes = new int[64];
    private int size;

    SliceInterner() {
        table = new int[128];
        Arrays.fill(table, -1);
        mask = table.length - 1;
    }

    /** Number of distinct slices seen. */
    int size() {
        return size;
    }

    /** The distinct strings in id order (a copy). */
    String[] strings() {
        return Arrays.copyOf(strings, size);
    }

    /** The canonical string of an id. */
    String string(int id) {
        return strings[id];
    }

    /**
     * Returns the id of {@code chars[start..end)}, assigning the next one if the slice is new.
     */
    int intern(char[] chars, int start, int end) {
        int hash = 0;
        for (int k = start; k < end; k++) {
            hash = 31 * hash + chars[k];
        }
        int slot = mix(hash) & mask;
        int length = end - start;
        while (true) {
            int id = table[slot];
            if (id < 0) {
                break;
            }
            if (hashes[id] == hash && Arrays.equals(keys[id], 0, keys[id].length, chars, start, end)) {
                return id;
            }
            slot = (slot + 1) & mask;
        }
        if (size == strings.length) {
            strings = Arrays.copyOf(strings, size * 2);
            keys = Arrays.copyOf(keys, size * 2);
            hashes = Arrays.copyOf(hashes, size * 2);
        }
        int id = size++;
        keys[id] = Arrays.copyOfRange(chars, start, end);
        strings[id] = new String(chars, start, length);
        hashes[id] = hash;
        table[slot] = id;
        if (size * 2 > table.length) {
            rehash();
        }
        return id;
    }

    private void rehash() {
        table = new int[table.length * 2];
        Arrays.fill(table, -1);
        mask = table.length - 1;
        for (int id = 0; id < size; id++) {
            int slot = mix(hashes[id]) & mask;
            while (table[slot] >= 0) {
                slot = (slot + 1) & mask;
            }
            table[slot] = id;
        }
    }

    private static int mix(int hash) {
        int h = hash * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
