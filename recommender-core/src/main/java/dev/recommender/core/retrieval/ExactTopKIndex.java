package dev.recommender.core.retrieval;


import dev.recommender.core.internal.TopK;
import dev.recommender.core.internal.VectorMath;
import java.util.function.IntPredicate;

/**
 * Exact maximum-inner-product search by a blocked scan: item vectors lie in one contiguous row-major
 * {@code float[]}; a block of 256 items is scored into a per-thread buffer, then the non-excluded
 * scores are offered to a bounded min-heap ({@link TopK}), so a request allocates nothing per item.
 *
 * <p>Cost per query: {@code O(n d)} multiply-adds plus {@code O(n log k)} heap work in the worst case (in
 * practice most offers are rejected in O(1)). For 10,000 items of 64 dimensions that is about 0.1 ms.
 *
 * <p>Immutable and safe for concurrent searches.
 */
public final class ExactTopKIndex extends VectorTopKIndex {
    static final int BLOCK = 256;

    private final ThreadLocal<float[]> blockScores = ThreadLocal.withInitial(() -> new float[BLOCK]);

    /**
     * Indexes item vectors.
     *
     * @param vectors    row-major item vectors; copied
     * @param dimensions vector dimension, at least 1
     * @throws IllegalArgumentException if the length is not a multiple of {@code dimensions} or a value is not finite
     */
    public ExactTopKIndex(float[] vectors, int dimensions) {
        this(vectors, dimensions, true);
    }

    ExactTopKIndex(float[] vectors, int dimensions, boolean copy) {
        super(checked(vectors, dimensions, copy), dimensions);
    }

    private static float[] checked(float[] vectors, int dimensions, boolean copy) {
        checkVectors(vectors, dimensions, true);
        return copy ? vectors.clone() : vectors;
    }

    @Override
    public boolean approximate() {
        return false;
    }

    @Override
    public void search(float[] query, IntPredicate excluded, int excludedCount, TopK top) {
        top.clear();
        checkQuery(query);
        float[] scores = blockScores.get();
        for (int start = 0; start < size; start += BLOCK) {
            int end = Math.min(size, start + BLOCK);
            int offset = start * dimensions;
            for (int item = start; item < end; item++, offset += dimensions) {
                scores[item - start] = VectorMath.dot(query, 0, vectors, offset, dimensions);
            }
            for (int item = start; item < end; item++) {
                float score = scores[item - start];
                if (top.wouldKeep(score) && !excluded.test(item)) {
                    top.offer(item, score);
                }
            }
        }
    }

    @Override
    public String toString() {
        return "ExactTopKIndex[items=" + size + ", dimensions=" + dimensions + "]";
    }
}
