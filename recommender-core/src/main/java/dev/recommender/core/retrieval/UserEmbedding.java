package dev.recommender.core.retrieval;

import dev.recommender.core.data.IdIndex;

import java.util.Arrays;
import java.util.List;

/**
 * A user representation computed outside training (a fold-in): a vector in a model's embedding space plus
 * the catalog items the user already has, which {@link EmbeddingRecommender#recommend(UserEmbedding,
 * dev.recommender.core.RecommendRequest)} excludes by default. Made by a model's {@code foldIn} method and only
 * valid with a model over the same catalog.
 *
 * <p>Immutable; arrays are copied in and out.
 */
public final class UserEmbedding {
    private final float[] vector;
    private final int[] seenItems;
    private final IdIndex catalog;

    UserEmbedding(float[] vector, int[] seenItems, IdIndex catalog) {
        this.vector = vector.clone();
        int[] sorted = seenItems.clone();
        Arrays.sort(sorted);
        this.seenItems = sorted;
        this.catalog = catalog;
    }

    /** A copy of the vector. */
    public float[] vector() {
        return vector.clone();
    }

    /** The vector dimension. */
    public int dimensions() {
        return vector.length;
    }

    /** The catalog ids of the items the representation was computed from, in catalog order. */
    public List<String> seenItemIds() {
        return Arrays.stream(seenItems).mapToObj(catalog::id).toList();
    }

    float[] vectorView() {
        return vector;
    }

    int[] seenItemsView() {
        return seenItems;
    }

    IdIndex catalog() {
        return catalog;
    }

    @Override
    public String toString() {
        return "UserEmbedding[dimensions=" + vector.length + ", seenItems=" + seenItems.length + "]";
    }
}
