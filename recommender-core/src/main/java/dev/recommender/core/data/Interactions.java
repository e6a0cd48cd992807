package dev.recommender.core.data;

import java.util.Arrays;
import java.util.OptionalDouble;

/**
 * The sparse user×item matrix that algorithms train on: one entry per observed (user, item) pair,
 * holding a value (a rating, an engagement rate or a confidence weight, depending on the
 * {@link Aggregation} that made it) and per-pair statistics kept for feature building.
 *
 * <p>Storage is compressed sparse rows by user (entries of a user are contiguous and sorted by
 * item index; {@link #userStart(int)} to {@link #userEnd(int)}) plus compressed sparse columns by
 * item ({@link #itemStart(int)} to {@link #itemEnd(int)}, each column position pointing back to its
 * row position through {@link #entryAtItemPosition(int)}). Users and items are numbered by the two
 * {@link IdIndex}es they were built with: interactions aggregated from an {@link EventLog} keep the
 * log's numbering, so the aggregations of one log, the two sides of a split and the sub-models of a
 * composite model all mean the same user and item by the same index. Users and items of the index
 * without an entry are allowed ({@link #userDegree(int)} and {@link #itemDegree(int)} are 0): they
 * are, for example, the test-only users of a split.
 *
 * <p>Per entry: {@link #value(int)}, {@link #eventCount(int)} (events aggregated into the pair,
 * the seed's shown_count), {@link #engagedCount(int)} (of which engagement events, the seed's
 * engaged_count), {@link #lastTimeMillis(int)} (time of the pair's last event).
 *
 * <p>Memory: about 40 bytes per entry. Thread safety: immutable.
 */
public final class Interactions {
    private final IdIndex users;
    private final IdIndex items;
    private final int[] rowStart;
    private final int[] itemOfEntry;
    private final float[] values;
    private final int[] eventCounts;
    private final int[] engagedCounts;
    private final long[] lastTimes;
    private final int[] columnStart;
    private final int[] entryOfColumnPosition;
    private final int[] userOfColumnPosition;
    private final float minValue;
    private final float maxValue;

    private Interactions(IdIndex users, IdIndex items, int[] rowStart, int[] itemOfEntry, float[] values,
                         int[] eventCounts, int[] engagedCounts, long[] lastTimes) {
        this.users = users;
        this.items = items;
        this.rowStart = rowStart;
        this.itemOfEntry = itemOfEntry;
        this.values = values;
        this.eventCounts = eventCounts;
        this.engagedCounts = engagedCounts;
        this.lastTimes = lastTimes;
        int itemCount = items.size();
        this.columnStart = new int[itemCount + 1];
        for (int item : itemOfEntry) {
            columnStart[item + 1]++;
        }
        for (int i = 0; i < itemCount; i++) {
            columnStart[i + 1] += columnStart[i];
        }
        this.entryOfColumnPosition = new int[itemOfEntry.length];
        this.userOfColumnPosition = new int[itemOfEntry.length];
        int[] next = Arrays.copyOf(columnStart, itemCount);
        for (int user = 0; user < users.size(); user++) {
            for (int entry = rowStart[user]; entry < rowStart[user + 1]; entry++) {
                int position = next[itemOfEntry[entry]]++;
                entryOfColumnPosition[position] = entry;
                userOfColumnPosition[position] = user;
            }
        }
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        this.minValue = values.length == 0 ? 0f : min;
        this.maxValue = values.length == 0 ? 0f : max;
    }

    /**
     * Builds interactions from parallel per-pair arrays indexed by dense ids of {@code userIds}
     * and {@code itemIds}, keeping that numbering (users and items without an entry stay, with
     * degree 0). Arrays are not retained.
     *
     * @param userIds       ids for {@code userIndexes}
     * @param itemIds       ids for {@code itemIndexes}
     * @param userIndexes   user of each pair
     * @param itemIndexes   item of each pair
     * @param values        value of each pair (finite)
     * @param eventCounts   events per pair (at least 1)
     * @param engagedCounts engagement events per pair (0..eventCount)
     * @param lastTimes     last event time per pair, milliseconds since the epoch
     * @throws IllegalArgumentException if lengths differ, a pair repeats, an index is out of range
     *                                  or a value is not finite
     */
    public static Interactions of(IdIndex userIds, IdIndex itemIds, int[] userIndexes, int[] itemIndexes,
                                  float[] values, int[] eventCounts, int[] engagedCounts, long[] lastTimes) {
        int n = userIndexes.length;
        if (itemIndexes.length != n || values.length != n || eventCounts.length != n
                || engagedCounts.length != n || lastTimes.length != n) {
            throw new IllegalArgumentException("per-pair arrays must have the same length, got "
                    + n + ", " + itemIndexes.length + ", " + values.length + ", " + eventCounts.length + ", "
                    + engagedCounts.length + ", " + lastTimes.length);
        }
        for (int k = 0; k < n; k++) {
            int u = userIndexes[k];
            int i = itemIndexes[k];
            if (u < 0 || u >= userIds.size() || i < 0 || i >= itemIds.size()) {
                throw new IllegalArgumentException("pair " + k + " has index out of range: user " + u + ", item " + i);
            }
            if (!Float.isFinite(values[k])) {
                throw new IllegalArgumentException("pair " + k + " (" + userIds.id(u) + ", " + itemIds.id(i)
                        + ") has a non-finite value: " + values[k]);
            }
        }
        IdIndex users = userIds;
        IdIndex items = itemIds;
        PairIndex pairs = new PairIndex(n);
        for (int k = 0; k < n; k++) {
            if (pairs.index(userIndexes[k], itemIndexes[k]) != k) {
                throw new IllegalArgumentException("duplicate pair (" + users.id(userIndexes[k]) + ", "
                        + items.id(itemIndexes[k]) + ")");
            }
        }
        // Rows by user, each sorted by item; with no pair repeated, pair number k is the k-th pair given.
        int[][] rows = pairs.byUserAndItem(users.size());
        int[] rowStart = rows[0];
        int[] itemOfEntry = new int[n];
        float[] v = new float[n];
        int[] ec = new int[n];
        int[] gc = new int[n];
        long[] lt = new long[n];
        for (int p = 0; p < n; p++) {
            int source = rows[1][p];
            if (eventCounts[source] < 1 || engagedCounts[source] < 0 || engagedCounts[source] > eventCounts[source]) {
                throw new IllegalArgumentException("pair (" + users.id(userIndexes[source]) + ", "
                        + items.id(itemIndexes[source]) + ") has invalid counts: events " + eventCounts[source]
                        + ", engaged " + engagedCounts[source]);
            }
            itemOfEntry[p] = itemIndexes[source];
            v[p] = values[source];
            ec[p] = eventCounts[source];
            gc[p] = engagedCounts[source];
            lt[p] = lastTimes[source];
        }
        return new Interactions(users, items, rowStart, itemOfEntry, v, ec, gc, lt);
    }

    /** Returns a builder that takes pairs by external id. */
    public static Builder builder() {
        return new Builder();
    }

    /** The users with at least one entry. */
    public IdIndex users() {
        return users;
    }

    /** The items with at least one entry. */
    public IdIndex items() {
        return items;
    }

    /** Number of users. */
    public int userCount() {
        return users.size();
    }

    /** Number of items. */
    public int itemCount() {
        return items.size();
    }

    /** Number of (user, item) entries. */
    public int size() {
        return itemOfEntry.length;
    }

    /** Share of the user×item matrix that has an entry. */
    public double density() {
        return size() == 0 ? 0 : (double) size() / ((double) userCount() * itemCount());
    }

    /** First entry position of a user's row. */
    public int userStart(int user) {
        return rowStart[user];
    }

    /** One past the last entry position of a user's row. */
    public int userEnd(int user) {
        return rowStart[user + 1];
    }

    /** Number of entries of a user. */
    public int userDegree(int user) {
        return rowStart[user + 1] - rowStart[user];
    }

    /** Item index of the entry at row position {@code entry}. */
    public int itemAt(int entry) {
        return itemOfEntry[entry];
    }

    /** Value of the entry at row position {@code entry}. */
    public float value(int entry) {
        return values[entry];
    }

    /** Number of events aggregated into the entry. */
    public int eventCount(int entry) {
        return eventCounts[entry];
    }

    /** Number of engagement events aggregated into the entry. */
    public int engagedCount(int entry) {
        return engagedCounts[entry];
    }

    /** Time of the entry's last event, milliseconds since the epoch. */
    public long lastTimeMillis(int entry) {
        return lastTimes[entry];
    }

    /** First column position of an item. */
    public int itemStart(int item) {
        return columnStart[item];
    }

    /** One past the last column position of an item. */
    public int itemEnd(int item) {
        return columnStart[item + 1];
    }

    /** Number of entries (users) of an item. */
    public int itemDegree(int item) {
        return columnStart[item + 1] - columnStart[item];
    }

    /** Row position (entry) of the column position {@code columnPosition}; use it with {@link #value(int)} etc. */
    public int entryAtItemPosition(int columnPosition) {
        return entryOfColumnPosition[columnPosition];
    }

    /** User of the column position {@code columnPosition} (users of an item are ascending). */
    public int userAtItemPosition(int columnPosition) {
        return userOfColumnPosition[columnPosition];
    }

    /** Row position of the (user, item) entry, or a negative number if absent (binary search). */
    public int entryOf(int user, int item) {
        int position = Arrays.binarySearch(itemOfEntry, rowStart[user], rowStart[user + 1], item);
        return position >= 0 ? position : -1;
    }

    /** Whether the (user, item) pair has an entry. */
    public boolean contains(int user, int item) {
        return entryOf(user, item) >= 0;
    }

    /** Value of the pair given by external ids, if present. */
    public OptionalDouble value(String userId, String itemId) {
        var user = users.find(userId);
        var item = items.find(itemId);
        if (user.isEmpty() || item.isEmpty()) {
            return OptionalDouble.empty();
        }
        int entry = entryOf(user.getAsInt(), item.getAsInt());
        return entry < 0 ? OptionalDouble.empty() : OptionalDouble.of(values[entry]);
    }

    /** Smallest value (0 when empty). */
    public float minValue() {
        return minValue;
    }

    /** Largest value (0 when empty). */
    public float maxValue() {
        return maxValue;
    }

    /** Mean of all values (0 when empty). */
    public double meanValue() {
        double sum = 0;
        for (float v : values) {
            sum += v;
        }
        return values.length == 0 ? 0 : sum / values.length;
    }

    /** Returns a copy of the item indexes of a user's entries, ascending. */
    public int[] itemsOf(int user) {
        return Arrays.copyOfRange(itemOfEntry, rowStart[user], rowStart[user + 1]);
    }

    /**
     * Returns interactions with the same entries and statistics but new values, one per entry in
     * row order (for example binarised or reweighted).
     *
     * @throws IllegalArgumentException if the array length differs from {@link #size()} or a value is not finite
     */
    public Interactions withValues(float[] newValues) {
        if (newValues.length != size()) {
            throw new IllegalArgumentException("expected " + size() + " values, got " + newValues.length);
        }
        for (int k = 0; k < newValues.length; k++) {
            if (!Float.isFinite(newValues[k])) {
                throw new IllegalArgumentException("value " + k + " is not finite: " + newValues[k]);
            }
        }
        return new Interactions(users, items, rowStart, itemOfEntry, newValues.clone(), eventCounts,
                engagedCounts, lastTimes);
    }

    @Override
    public String toString() {
        return "Interactions[users=" + userCount() + ", items=" + itemCount() + ", entries=" + size() + "]";
    }

    /**
     * Collects pairs by external id; every pair at most once. Not thread-safe.
     */
    public static final class Builder {
        private final IdIndex.Builder users = IdIndex.builder();
        private final IdIndex.Builder items = IdIndex.builder();
        private int size;
        private int[] userIndexes = new int[256];
        private int[] itemIndexes = new int[256];
        private float[] values = new float[256];
        private int[] eventCounts = new int[256];
        private int[] engagedCounts = new int[256];
        private long[] lastTimes = new long[256];

        private Builder() {
        }

        /** Adds a pair with one event, no engagement count and time 0. */
        public Builder add(String userId, String itemId, float value) {
            return add(userId, itemId, value, 1, 0, 0L);
        }

        /** Adds a pair with its statistics. */
        public Builder add(String userId, String itemId, float value, int eventCount, int engagedCount,
                           long lastTimeMillis) {
            if (size == userIndexes.length) {
                int capacity = size * 2;
                userIndexes = Arrays.copyOf(userIndexes, capacity);
                itemIndexes = Arrays.copyOf(itemIndexes, capacity);
                values = Arrays.copyOf(values, capacity);
                eventCounts = Arrays.copyOf(eventCounts, capacity);
                engagedCounts = Arrays.copyOf(engagedCounts, capacity);
                lastTimes = Arrays.copyOf(lastTimes, capacity);
            }
            if (userId == null || userId.isEmpty() || itemId == null || itemId.isEmpty()) {
                throw new IllegalArgumentException("ids must be non-empty, got user '" + userId + "', item '" + itemId + "'");
            }
            userIndexes[size] = users.add(userId);
            itemIndexes[size] = items.add(itemId);
            values[size] = value;
            eventCounts[size] = eventCount;
            engagedCounts[size] = engagedCount;
            lastTimes[size] = lastTimeMillis;
            size++;
            return this;
        }

        /**
         * Returns the interactions.
         *
         * @throws IllegalArgumentException if a pair was added twice or statistics are invalid
         */
        public Interactions build() {
            return of(users.build(), items.build(), Arrays.copyOf(userIndexes, size), Arrays.copyOf(itemIndexes, size),
                    Arrays.copyOf(values, size), Arrays.copyOf(eventCounts, size), Arrays.copyOf(engagedCounts, size),
                    Arrays.copyOf(lastTimes, size));
        }
    }
}
