package dev.recommender.core;

import dev.recommender.core.data.IdIndex;
import dev.recommender.core.data.Interactions;
import dev.recommender.core.io.ModelData;

import java.util.Arrays;

/**
 * What a fitted model remembers of its training data for serving: the user and item ids, each
 * user's training items (sorted, for seen-item exclusion) and each item's number of training users
 * (the popularity fallback). Immutable; about 4 bytes per training pair.
 */
public final class SeenItems {
    private final IdIndex users;
    private final IdIndex items;
    private final int[] rowStart;
    private final int[] seen;
    private final int[] itemUserCounts;

    private SeenItems(IdIndex users, IdIndex items, int[] rowStart, int[] seen, int[] itemUserCounts) {
        this.users = users;
        this.items = items;
        this.rowStart = rowStart;
        this.seen = seen;
        this.itemUserCounts = itemUserCounts;
    }

    /** Captures the ids, seen items and popularity of training interactions. */
    public static SeenItems of(Interactions training) {
        int userCount = training.userCount();
        int[] rowStart = new int[userCount + 1];
        int[] seen = new int[training.size()];
        for (int u = 0; u < userCount; u++) {
            rowStart[u + 1] = training.userEnd(u);
            for (int p = training.userStart(u); p < training.userEnd(u); p++) {
                seen[p] = training.itemAt(p);
            }
        }
        int[] counts = new int[training.itemCount()];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = training.itemDegree(i);
        }
        return new SeenItems(training.users(), training.items(), rowStart, seen, counts);
    }

    /** Users known at training time. */
    public IdIndex users() {
        return users;
    }

    /** The catalog. */
    public IdIndex items() {
        return items;
    }

    /** Number of training users of an item. */
    public int itemUserCount(int item) {
        return itemUserCounts[item];
    }

    /** Number of training items of a user. */
    public int userItemCount(int user) {
        return rowStart[user + 1] - rowStart[user];
    }

    /** The {@code k}-th (ascending) training item of a user, {@code 0 <= k < userItemCount(user)}. */
    public int userItem(int user, int k) {
        return seen[rowStart[user] + k];
    }

    /** Whether the user had the item in training (binary search). */
    public boolean hasSeen(int user, int item) {
        return Arrays.binarySearch(seen, rowStart[user], rowStart[user + 1], item) >= 0;
    }

    /** Writes the state into model data under the given name prefix. */
    public void writeTo(ModelData.Builder data, String prefix) {
        data.putStrings(prefix + "users", users.toArray())
                .putStrings(prefix + "items", items.toArray())
                .putInts(prefix + "seenStart", rowStart)
                .putInts(prefix + "seenItems", seen)
                .putInts(prefix + "itemUserCounts", itemUserCounts);
    }

    /**
     * Reads the state written by {@link #writeTo}.
     *
     * @throws IllegalArgumentException if sections are missing or inconsistent
     */
    public static SeenItems readFrom(ModelData data, String prefix) {
        IdIndex users = IdIndex.of(data.strings(prefix + "users"));
        IdIndex items = IdIndex.of(data.strings(prefix + "items"));
        if (items.size() == 0) {
            throw new IllegalArgumentException("section '" + prefix + "items' is empty: a model needs a catalog");
        }
        int[] seen = data.ints(prefix + "seenItems", -1, 0, items.size() - 1);
        int[] rowStart = data.ints(prefix + "seenStart", users.size() + 1L, 0, seen.length);
        int[] counts = data.ints(prefix + "itemUserCounts", items.size(), 0, users.size());
        if (rowStart[0] != 0 || rowStart[users.size()] != seen.length) {
            throw new IllegalArgumentException("section '" + prefix + "seenStart' must start at 0 and end at "
                    + seen.length + ", got " + rowStart[0] + " and " + rowStart[users.size()]);
        }
        for (int u = 0; u < users.size(); u++) {
            if (rowStart[u] > rowStart[u + 1]) {
                throw new IllegalArgumentException("section '" + prefix + "seenStart' decreases at user " + u);
            }
            for (int p = rowStart[u] + 1; p < rowStart[u + 1]; p++) {
                if (seen[p - 1] >= seen[p]) {
                    throw new IllegalArgumentException("section '" + prefix + "seenItems' is not strictly ascending"
                            + " within user " + u);
                }
            }
        }
        return new SeenItems(users, items, rowStart, seen, counts);
    }
}
