package dev.recommender.core.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * An immutable, columnar log of events: for each event a user, an item, a time, an event type and
 * a value (a rating, or {@code NaN} where the source has none).
 *
 * <p>Users, items and event types are stored as dense indexes into three {@link IdIndex}es. A
 * subset made by {@link #select(int[])} shares those indexes, so events of a train/test split keep
 * the same numbering. Memory: 25 bytes per event plus the id strings.
 *
 * <p>Thread safety: immutable once built; the {@link Builder} is not thread-safe.
 */
public final class EventLog {
    private final IdIndex users;
    private final IdIndex items;
    private final IdIndex eventTypes;
    private final int[] userIndexes;
    private final int[] itemIndexes;
    private final long[] times;
    private final byte[] types;
    private final float[] values;

    private EventLog(IdIndex users, IdIndex items, IdIndex eventTypes, int[] userIndexes,
                     int[] itemIndexes, long[] times, byte[] types, float[] values) {
        this.users = users;
        this.items = items;
        this.eventTypes = eventTypes;
        this.userIndexes = userIndexes;
        this.itemIndexes = itemIndexes;
        this.times = times;
        this.types = types;
        this.values = values;
    }

    /**
     * Wraps columns without copying or checking them: for readers in this package that build
     * dense, consistent columns themselves (all arrays of one length, indexes in range).
     */
    static EventLog wrap(IdIndex users, IdIndex items, IdIndex eventTypes, int[] userIndexes, int[] itemIndexes,
                         long[] times, byte[] types, float[] values) {
        return new EventLog(users, items, eventTypes, userIndexes, itemIndexes, times, types, values);
    }

    /** Returns a builder for a new log. */
    public static Builder builder() {
        return new Builder();
    }

    /** Number of events. */
    public int size() {
        return userIndexes.length;
    }

    /** The users referenced by {@link #userIndex(int)} (may include users with no event in a subset). */
    public IdIndex users() {
        return users;
    }

    /** The items referenced by {@link #itemIndex(int)} (may include items with no event in a subset). */
    public IdIndex items() {
        return items;
    }

    /** The event type names referenced by {@link #eventType(int)}. */
    public IdIndex eventTypes() {
        return eventTypes;
    }

    /** Dense user index of event {@code event}. */
    public int userIndex(int event) {
        return userIndexes[event];
    }

    /** Dense item index of event {@code event}. */
    public int itemIndex(int event) {
        return itemIndexes[event];
    }

    /** Time of event {@code event} in milliseconds since the Unix epoch (0 where the source has no time). */
    public long timeMillis(int event) {
        return times[event];
    }

    /** Dense event type index of event {@code event}, into {@link #eventTypes()}. */
    public int eventType(int event) {
        return types[event];
    }

    /** Value of event {@code event} (a rating), or {@code NaN} where the source has none. */
    public float value(int event) {
        return values[event];
    }

    /** External user id of event {@code event}. */
    public String userId(int event) {
        return users.id(userIndexes[event]);
    }

    /** External item id of event {@code event}. */
    public String itemId(int event) {
        return items.id(itemIndexes[event]);
    }

    /** Event type name of event {@code event}. */
    public String eventTypeName(int event) {
        return eventTypes.id(types[event]);
    }

    /** Smallest event time in milliseconds; {@code Long.MAX_VALUE} for an empty log. */
    public long minTimeMillis() {
        long min = Long.MAX_VALUE;
        for (long t : times) {
            min = Math.min(min, t);
        }
        return min;
    }

    /** Largest event time in milliseconds; {@code Long.MIN_VALUE} for an empty log. */
    public long maxTimeMillis() {
        long max = Long.MIN_VALUE;
        for (long t : times) {
            max = Math.max(max, t);
        }
        return max;
    }

    /**
     * The start of the last {@code share} of this log's time span: {@code end - round(share · (end -
     * start))} with {@code start} the first event time and {@code end} one millisecond after the last.
     * This is the one meaning of "the last 20%" in the library (the seed notebook's test period and
     * the two-stage model's label window): a share of time, not of events.
     *
     * @param share the share of the time span, in (0, 1)
     * @return the first time of the last share, milliseconds since the epoch
     * @throws IllegalArgumentException if the log is empty or {@code share} is not in (0, 1)
     */
    public long startOfLastShare(double share) {
        if (!(share > 0 && share < 1)) {
            throw new IllegalArgumentException("share of the time span must be in (0, 1), got " + share);
        }
        if (size() == 0) {
            throw new IllegalArgumentException("the event log is empty");
        }
        long start = minTimeMillis();
        long end = maxTimeMillis() + 1;
        return end - Math.round(share * (end - start));
    }

    /**
     * Returns the events at the given positions, in the given order, sharing this log's id indexes.
     *
     * @throws IndexOutOfBoundsException if a position is out of range
     */
    public EventLog select(int[] events) {
        int n = events.length;
        int[] u = new int[n];
        int[] i = new int[n];
        long[] t = new long[n];
        byte[] e = new byte[n];
        float[] v = new float[n];
        for (int k = 0; k < n; k++) {
            int event = events[k];
            u[k] = userIndexes[event];
            i[k] = itemIndexes[event];
            t[k] = times[event];
            e[k] = types[event];
            v[k] = values[event];
        }
        return new EventLog(users, items, eventTypes, u, i, t, e, v);
    }

    /**
     * Returns the events of this log followed by those of {@code other}; both must share the same
     * id indexes (for example the two sides of one split).
     *
     * @throws IllegalArgumentException if the id indexes differ
     */
    public EventLog concat(EventLog other) {
        if (other.users != users || other.items != items || other.eventTypes != eventTypes) {
            throw new IllegalArgumentException("can only concatenate logs that share their id indexes");
        }
        int n = size();
        int m = other.size();
        int[] u = Arrays.copyOf(userIndexes, n + m);
        int[] i = Arrays.copyOf(itemIndexes, n + m);
        long[] t = Arrays.copyOf(times, n + m);
        byte[] e = Arrays.copyOf(types, n + m);
        float[] v = Arrays.copyOf(values, n + m);
        System.arraycopy(other.userIndexes, 0, u, n, m);
        System.arraycopy(other.itemIndexes, 0, i, n, m);
        System.arraycopy(other.times, 0, t, n, m);
        System.arraycopy(other.types, 0, e, n, m);
        System.arraycopy(other.values, 0, v, n, m);
        return new EventLog(users, items, eventTypes, u, i, t, e, v);
    }

    @Override
    public String toString() {
        return "EventLog[events=" + size() + ", users=" + users.size() + ", items=" + items.size()
                + ", eventTypes=" + eventTypes.ids() + "]";
    }

    /**
     * Accumulates events in growable primitive arrays. At most 127 distinct event types.
     */
    public static final class Builder {
        private final IdIndex.Builder users = IdIndex.builder();
        private final IdIndex.Builder items = IdIndex.builder();
        private final IdIndex.Builder eventTypes = IdIndex.builder();
        private int size;
        private int[] userIndexes = new int[1024];
        private int[] itemIndexes = new int[1024];
        private long[] times = new long[1024];
        private byte[] types = new byte[1024];
        private float[] values = new float[1024];

        private Builder() {
        }

        /**
         * Adds one event.
         *
         * @param userId    external user id, non-empty
         * @param itemId    external item id, non-empty
         * @param timeMillis milliseconds since the Unix epoch
         * @param eventType event type name, e.g. {@code "viewed"} or {@code "rating"}
         * @param value     a rating or other value, {@code NaN} if none
         * @return this builder
         * @throws IllegalArgumentException if an id is empty or there are more than 127 event types
         */
        public Builder add(String userId, String itemId, long timeMillis, String eventType, float value) {
            requireNonEmpty(userId, "userId");
            requireNonEmpty(itemId, "itemId");
            Objects.requireNonNull(eventType, "eventType");
            int type = eventTypes.add(eventType);
            if (type > Byte.MAX_VALUE) {
                throw new IllegalArgumentException("too many event types (at most 127): " + eventType);
            }
            if (size == userIndexes.length) {
                grow();
            }
            userIndexes[size] = users.add(userId);
            itemIndexes[size] = items.add(itemId);
            times[size] = timeMillis;
            types[size] = (byte) type;
            values[size] = value;
            size++;
            return this;
        }

        /** Registers an event type name ahead of its first event, so its index is stable. */
        public Builder declareEventType(String eventType) {
            eventTypes.add(Objects.requireNonNull(eventType, "eventType"));
            return this;
        }

        /** Number of events added so far. */
        public int size() {
            return size;
        }

        /** Returns the immutable log; the builder should not be used afterwards. */
        public EventLog build() {
            return new EventLog(users.build(), items.build(), eventTypes.build(),
                    Arrays.copyOf(userIndexes, size), Arrays.copyOf(itemIndexes, size),
                    Arrays.copyOf(times, size), Arrays.copyOf(types, size), Arrays.copyOf(values, size));
        }

        private void grow() {
            int capacity = userIndexes.length * 2;
            userIndexes = Arrays.copyOf(userIndexes, capacity);
            itemIndexes = Arrays.copyOf(itemIndexes, capacity);
            times = Arrays.copyOf(times, capacity);
            types = Arrays.copyOf(types, capacity);
            values = Arrays.copyOf(values, capacity);
        }

        private static void requireNonEmpty(String id, String name) {
            if (id == null || id.isEmpty()) {
                throw new IllegalArgumentException(name + " must be non-empty, got '" + id + "'");
            }
        }
    }
}
