package dev.recommender.core.retrieval;

import dev.recommender.core.OptionalLibrary;
import dev.recommender.core.internal.TopK;
import java.util.function.IntPredicate;

/**
 * Maximum-inner-product search over a fixed set of item vectors: given a query vector, the items with the
 * largest inner product, skipping excluded items. Items are numbered {@code 0..size()-1} in the order of the
 * vectors they were built from.
 *
 * <p>{@link #of(float[], int, IndexConfig)} picks the implementation: an {@link ExactTopKIndex} (a blocked
 * scan, always exact) for catalogs smaller than {@link IndexConfig#approximateThreshold()}, an
 * {@link HnswTopKIndex} (approximate, sub-linear) from that size on.
 *
 * <p>Implementations are immutable and safe for concurrent searches.
 */
public interface TopKIndex {
    /** Number of indexed items. */
    int size();

    /** Vector dimension. */
    int dimensions();

    /** Whether answers can miss true top items (approximate search). */
    boolean approximate();

    /**
     * Offers the best non-excluded items for a query to {@code top}, whose capacity is the number wanted.
     * Scores offered are exact inner products computed with the same kernel for every implementation,
     * so equal inputs give bit-identical scores.
     *
     * @param query         the query vector, length {@link #dimensions()}
     * @param excluded      items never to offer
     * @param excludedCount how many items {@code excluded} rejects at most (a hint that lets an approximate
     *                      index fetch enough candidates in one pass; exact indexes ignore it)
     * @param top           receives (item, inner product) pairs; emptied on entry
     * @throws IllegalArgumentException if the query has the wrong length
     */
    void search(float[] query, IntPredicate excluded, int excludedCount, TopK top);

    /**
     * Same as {@link #search(float[], IntPredicate, int, TopK)} without a hint about the excluded items.
     *
     * @param query    the query vector, length {@link #dimensions()}
     * @param excluded items never to offer
     * @param top      receives (item, inner product) pairs; emptied on entry
     */
    default void search(float[] query, IntPredicate excluded, TopK top) {
        search(query, excluded, 0, top);
    }

    /**
     * The inner product of a query with one indexed item, exactly as {@link #search} reports it.
     *
     * @param query the query vector, length {@link #dimensions()}
     * @param item  the item, {@code 0..size()-1}
     * @return the inner product
     */
    float score(float[] query, int item);

    /**
     * Builds the index a configuration asks for.
     *
     * @param vectors    item vectors, row-major ({@code item * dimensions + k}); copied
     * @param dimensions vector dimension, at least 1
     * @param config     exact/approximate threshold and HNSW parameters
     * @return an exact index below the threshold, an HNSW index otherwise
     * @throws IllegalArgumentException if the length is not a multiple of {@code dimensions} or a value is not finite
     * @throws IllegalStateException    if an HNSW index is needed and hnswlib ({@link OptionalLibrary#HNSWLIB})
     *                                  is not on the class path
     */
    static TopKIndex of(float[] vectors, int dimensions, IndexConfig config) {
        if (dimensions < 1) {
            throw new IllegalArgumentException("dimensions must be at least 1, got " + dimensions);
        }
        return shared(vectors.clone(), dimensions, config);
    }

    /** Like {@link #of} but keeps a reference to {@code vectors}, which the caller must never modify. */
    static TopKIndex shared(float[] vectors, int dimensions, IndexConfig config) {
        if (dimensions < 1) {
            throw new IllegalArgumentException("dimensions must be at least 1, got " + dimensions);
        }
        int size = vectors.length / dimensions;
        if (!config.approximate(size)) {
            return new ExactTopKIndex(vectors, dimensions, false);
        }
        OptionalLibrary.HNSWLIB.require();
        return HnswTopKIndex.buildShared(vectors, dimensions, config);
    }
}
