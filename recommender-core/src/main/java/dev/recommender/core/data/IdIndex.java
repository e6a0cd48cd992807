package dev.recommender.core.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A bijection between external string ids (user ids, content ids, event type names) and dense
 * indexes {@code 0..size()-1}, in order of first appearance.
 *
 * <p>Everything after loading works on the dense indexes; the index turns them back into the ids
 * callers know. Instances are immutable and safe to share between threads; build one with
 * {@link #builder()} or {@link #of(String...)}.
 */
public final class IdIndex {
    private final String[] ids;
    private final Map<String, Integer> indexes;

    private IdIndex(String[] ids, Map<String, Integer> indexes) {
        this.ids = ids;
        this.indexes = indexes;
    }

    /** Returns an index of the given distinct ids, in the given order. */
    public static IdIndex of(String... ids) {
        return of(Arrays.asList(ids));
    }

    /**
     * Returns an index of the given distinct ids, in the given order.
     *
     * @throws IllegalArgumentException if an id is repeated or empty
     */
    public static IdIndex of(List<String> ids) {
        Builder builder = builder();
        for (String id : ids) {
            Objects.requireNonNull(id, "id");
            if (builder.contains(id)) {
                throw new IllegalArgumentException("duplicate id: '" + id + "'");
            }
            builder.add(id);
        }
        return builder.build();
    }

    /** Returns a builder that assigns indexes in order of first appearance. */
    public static Builder builder() {
        return new Builder();
    }

    /** Number of ids. */
    public int size() {
        return ids.length;
    }

    /**
     * Returns the external id of a dense index.
     *
     * @throws IndexOutOfBoundsException if {@code index} is not in {@code 0..size()-1}
     */
    public String id(int index) {
        return ids[index];
    }

    /** Returns the dense index of an id, or empty if the id is unknown. */
    public OptionalInt find(String id) {
        Integer index = indexes.get(id);
        return index == null ? OptionalInt.empty() : OptionalInt.of(index);
    }

    /** Whether the id is known. */
    public boolean contains(String id) {
        return indexes.containsKey(id);
    }

    /**
     * Returns the dense index of a known id.
     *
     * @throws IllegalArgumentException if the id is unknown
     */
    public int indexOf(String id) {
        Integer index = indexes.get(id);
        if (index == null) {
            throw new IllegalArgumentException("unknown id: '" + id + "'");
        }
        return index;
    }

    /** Returns a copy of the ids in index order. */
    public List<String> ids() {
        return List.of(ids);
    }

    /** Returns a copy of the ids in index order, as an array. */
    public String[] toArray() {
        return ids.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IdIndex that && Arrays.equals(ids, that.ids);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(ids);
    }

    @Override
    public String toString() {
        return "IdIndex[size=" + ids.length + "]";
    }

    /**
     * Accumulates ids, assigning the next dense index to each new one. Not thread-safe.
     */
    public static final class Builder {
        private final List<String> ids = new ArrayList<>();
        private final Map<String, Integer> indexes = new HashMap<>();

        private Builder() {
        }

        /** Returns the index of {@code id}, assigning the next free one if it is new. */
        public int add(String id) {
            Integer index = indexes.get(id);
            if (index != null) {
                return index;
            }
            Objects.requireNonNull(id, "id");
            int next = ids.size();
            ids.add(id);
            indexes.put(id, next);
            return next;
        }

        /** Whether the id has been added. */
        public boolean contains(String id) {
            return indexes.containsKey(id);
        }

        /** Number of ids added so far. */
        public int size() {
            return ids.size();
        }

        /** Returns the immutable index; the builder may go on being used. */
        public IdIndex build() {
            return new IdIndex(ids.toArray(String[]::new), Map.copyOf(indexes));
        }
    }
}
