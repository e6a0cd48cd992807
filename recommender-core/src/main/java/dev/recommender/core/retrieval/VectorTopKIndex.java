package dev.recommender.core.retrieval;

import dev.recommender.core.internal.VectorMath;

/**
 * What {@link ExactTopKIndex} and {@link HnswTopKIndex} share: the original item vectors (row-major,
 * {@code size x dimensions}) that both score exactly with the package's one inner-product kernel, the checks
 * of their shape and of a query's length, and the accessors of {@link TopKIndex}.
 */
abstract class VectorTopKIndex implements TopKIndex {
    final float[] vectors;
    final int dimensions;
    final int size;

    /**
     * Keeps a reference to already checked vectors (see {@link #checkVectors}).
     *
     * @param vectors    row-major item vectors, never modified afterwards
     * @param dimensions vector dimension, at least 1
     */
    VectorTopKIndex(float[] vectors, int dimensions) {
        this.vectors = vectors;
        this.dimensions = dimensions;
        this.size = vectors.length / dimensions;
    }

    /**
     * Checks item vectors before indexing.
     *
     * @param vectors    row-major item vectors
     * @param dimensions vector dimension
     * @param allowEmpty whether an empty catalog is accepted
     * @throws IllegalArgumentException if {@code dimensions} is below 1, the length is not a (positive, unless
     *                                  {@code allowEmpty}) multiple of {@code dimensions} or a value is not finite
     */
    static void checkVectors(float[] vectors, int dimensions, boolean allowEmpty) {
        if (dimensions < 1) {
            throw new IllegalArgumentException("dimensions must be at least 1, got " + dimensions);
        }
        if ((!allowEmpty && vectors.length == 0) || vectors.length % dimensions != 0) {
            throw new IllegalArgumentException("vectors length " + vectors.length + " is not a "
                    + (allowEmpty ? "" : "positive ") + "multiple of dimensions " + dimensions);
        }
        VectorMath.requireFinite(vectors, "vectors");
    }

    /**
     * Checks a query's length.
     *
     * @param query the query vector
     * @throws IllegalArgumentException if its length is not {@link #dimensions()}
     */
    final void checkQuery(float[] query) {
        if (query.length != dimensions) {
            throw new IllegalArgumentException("query length must be " + dimensions + ", got " + query.length);
        }
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public int dimensions() {
        return dimensions;
    }

    @Override
    public float score(float[] query, int item) {
        return VectorMath.dot(query, 0, vectors, item * dimensions, dimensions);
    }
}
