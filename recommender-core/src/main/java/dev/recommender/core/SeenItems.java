package dev.recommender.core;

import dev.recommender.core.internal.TopK;
import dev.recommender.core.data.IdIndex;
import dev.recommender.core.data.Interactions;
import dev.recommender.core.io.ModelData;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.OptionalInt;

/**
 * What a fitted model remembers of its training data for serving: the user and item ids, each
 * user's training items (sorted, for seen-item exclusion) and each item's number of training users
 * (the popularity fallback). Immutable; about 4 bytes per training pair.
 *
 * <p>The id indexes are the training data's: with one numbering they may hold users and items that
 * have no training pair (the test-only ones of a split). A model knows a user only if the user has
 * a training pair ({@link #knowsUser(int)}), and recommends only items with a training pair
 * ({@link #isCatalogItem(int)}); the others get the fallback or are never listed.
 */
public final class SeenItems {
    private final IdIndex users;
    private final IdIndex items;
    private final int[] rowStart;
    private final int[] seen;
    private final int[] itemUserCounts;
    private final int[] absentItems;
    private final int catalogSize;
    private final int[] popularityOrder;
    private final float maxUserCount;

    private SeenItems(IdIndex users, IdIndex items, int[] rowStart, int[] seen, int[] itemUserCounts) {
        this.users = users;
        this.items = items;
        this.rowStart = rowStart;
        this.seen = seen;
        this.itemUserCounts = itemUserCounts;
        int absent = 0;
        for (int count : itemUserCounts) {
            absent += count == 0 ? 1 : 0;
        }
        this.absentItems = new int[absent];
        int next = 0;
        for (int item = 0; item < itemUserCounts.length; item++) {
            if (itemUserCounts[item] == 0) {
                absentItems[next++] = item;
            }
        }
        this.catalogSize = itemUserCounts.length - absent;
        long[] keyed = new long[catalogSize];
        int max = 0;
        for (int item = 0, k = 0; item < itemUserCounts.length; item++) {
            if (itemUserCounts[item] > 0) {
                // ascending sort of (-count, index): most popular first, ties by catalog order
                keyed[k++] = ((long) (Integer.MAX_VALUE - itemUserCounts[item]) << 32) | item;
                max = Math.max(max, itemUserCounts[item]);
            }
        }
        Arrays.sort(keyed);
        this.popularityOrder = new int[catalogSize];
        for (int k = 0; k < catalogSize; k++) {
            popularityOrder[k] = (int) keyed[k];
        }
        this.maxUserCount = Math.max(1, max);
    }

    /**
     * The popularity fallback by index: the {@code howMany} most popular catalog items, scores as in
     * {@link #popular(RecommendRequest)}. O(howMany).
     *
     * @param howMany the list's length, at least 1
     * @return the fallback list, flagged as such
     */
    public RankedItems popularIndexes(int howMany) {
        int n = Math.min(howMany, popularityOrder.length);
        int[] indexes = Arrays.copyOf(popularityOrder, n);
        float[] scores = new float[n];
        for (int k = 0; k < n; k++) {
            scores[k] = itemUserCounts[indexes[k]] / maxUserCount;
        }
        return new RankedItems(indexes, scores, true);
    }

    /**
     * The popularity fallback every model gives a user it does not know: catalog items by number
     * of training users, ties by catalog order, under the request's candidate and exclude sets.
     * Scores are the item's share of the most popular item's users, in (0, 1], so a fallback score
     * never looks like a model's prediction. O(howMany) for a plain request, O(candidates) with a
     * candidate set.
     *
     * @param request how many, which candidates, what to exclude (seen items do not apply)
     * @return the most popular items, best first
     */
    public List<ScoredItem> popular(RecommendRequest request) {
        Set<String> exclude = request.exclude();
        List<ScoredItem> result = new ArrayList<>(Math.min(request.howMany(), catalogSize));
        if (request.candidates().isPresent()) {
            TopK top = new TopK(request.howMany());
            for (String candidate : request.candidates().get()) {
                OptionalInt item = items.find(candidate);
                if (item.isPresent() && isCatalogItem(item.getAsInt()) && !exclude.contains(candidate)) {
                    top.offer(item.getAsInt(), itemUserCounts[item.getAsInt()]);
                }
            }
            int[] indexes = new int[top.size()];
            float[] counts = new float[top.size()];
            int n = top.drainDescending(indexes, counts);
            for (int k = 0; k < n; k++) {
                result.add(new ScoredItem(items.id(indexes[k]), counts[k] / maxUserCount));
            }
            return result;
        }
        for (int k = 0; k < popularityOrder.length && result.size() < request.howMany(); k++) {
            int item = popularityOrder[k];
            String id = items.id(item);
            if (!exclude.contains(id)) {
                result.add(new ScoredItem(id, itemUserCounts[item] / maxUserCount));
            }
        }
        return result;
    }

    /**
     * Whether the model knows the user: the index is in range and the user has a training pair.
     *
     * @param user a user index, any int
     * @return true for a user with training pairs
     */
    public boolean knowsUser(int user) {
        return user >= 0 && user < users.size() && rowStart[user + 1] > rowStart[user];
    }

    /**
     * The index of a user the model knows (with a training pair), or -1.
     *
     * @param userId external user id
     * @return the index, or -1 for an unknown user or one without training pairs
     */
    public int knownUser(String userId) {
        OptionalInt user = users.find(userId);
        return user.isPresent() && knowsUser(user.getAsInt()) ? user.getAsInt() : -1;
    }

    /**
     * Whether an item can be recommended: it has a training user.
     *
     * @param item an item index of {@link #items()}
     * @return true for an item with training pairs
     */
    public boolean isCatalogItem(int item) {
        return itemUserCounts[item] > 0;
    }

    /** Number of items with a training pair (the recommendable catalog). */
    public int catalogSize() {
        return catalogSize;
    }

    /**
     * Marks the items without a training pair as {@code NaN} in a dense score array, so that no
     * list ever contains them. O(items without pairs).
     *
     * @param scores one score per item of {@link #items()}
     */
    public void maskAbsentItems(float[] scores) {
        for (int item : absentItems) {
            scores[item] = Float.NaN;
        }
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
