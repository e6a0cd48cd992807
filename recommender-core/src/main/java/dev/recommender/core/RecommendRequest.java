package dev.recommender.core;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What to recommend: how many items, whether to exclude items the user already interacted with in
 * the training data, an optional candidate set and an exclude set.
 *
 * <p>The items considered are: the candidates if a candidate set is given (ids unknown to the
 * model are ignored), otherwise the model's whole catalog; minus the exclude set; minus the
 * user's training items when {@link #excludeSeen()} is true (the default). Of those, the
 * {@link #howMany()} highest-scoring are returned, best first, ties broken by the model's item order.
 *
 * <p>Immutable; build with {@link #top(int)} or {@link #builder(int)}.
 */
public final class RecommendRequest {
    private final int howMany;
    private final boolean excludeSeen;
    private final Set<String> candidates;
    private final Set<String> exclude;

    private RecommendRequest(Builder builder) {
        this.howMany = builder.howMany;
        this.excludeSeen = builder.excludeSeen;
        this.candidates = builder.candidates == null ? null : Set.copyOf(builder.candidates);
        this.exclude = Set.copyOf(builder.exclude);
    }

    /**
     * The top {@code howMany} unseen items of the whole catalog.
     *
     * @throws IllegalArgumentException if {@code howMany < 1}
     */
    public static RecommendRequest top(int howMany) {
        return builder(howMany).build();
    }

    /**
     * A builder starting from "top {@code howMany}, seen items excluded, whole catalog".
     *
     * @throws IllegalArgumentException if {@code howMany < 1}
     */
    public static Builder builder(int howMany) {
        return new Builder(howMany);
    }

    /** Maximum number of items to return (at least 1). */
    public int howMany() {
        return howMany;
    }

    /** Whether the user's training items are excluded. */
    public boolean excludeSeen() {
        return excludeSeen;
    }

    /** The candidate set, if the request restricts the catalog. */
    public Optional<Set<String>> candidates() {
        return Optional.ofNullable(candidates);
    }

    /** Items never to return. */
    public Set<String> exclude() {
        return exclude;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RecommendRequest r && r.howMany == howMany && r.excludeSeen == excludeSeen
                && Objects.equals(r.candidates, candidates) && r.exclude.equals(exclude);
    }

    @Override
    public int hashCode() {
        return Objects.hash(howMany, excludeSeen, candidates, exclude);
    }

    @Override
    public String toString() {
        return "RecommendRequest[howMany=" + howMany + ", excludeSeen=" + excludeSeen
                + ", candidates=" + (candidates == null ? "all" : candidates.size())
                + ", exclude=" + exclude.size() + "]";
    }

    /** Builder for {@link RecommendRequest}. Not thread-safe. */
    public static final class Builder {
        private final int howMany;
        private boolean excludeSeen = true;
        private Set<String> candidates;
        private Set<String> exclude = Set.of();

        private Builder(int howMany) {
            if (howMany < 1) {
                throw new IllegalArgumentException("howMany must be at least 1, got " + howMany);
            }
            this.howMany = howMany;
        }

        /** Whether to exclude the user's training items (default true). */
        public Builder excludeSeen(boolean excludeSeen) {
            this.excludeSeen = excludeSeen;
            return this;
        }

        /** Restricts the catalog to these items (ids unknown to the model are ignored). */
        public Builder candidates(Set<String> candidates) {
            this.candidates = Objects.requireNonNull(candidates, "candidates");
            return this;
        }

        /** Items never to return. */
        public Builder exclude(Set<String> exclude) {
            this.exclude = Objects.requireNonNull(exclude, "exclude");
            return this;
        }

        /** Returns the request. */
        public RecommendRequest build() {
            return new RecommendRequest(this);
        }
    }
}
