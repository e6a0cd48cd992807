package dev.recommender.core.retrieval;

import dev.recommender.core.internal.TopK;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExactTopKIndexTest {

    @Test
    void handComputedInnerProductsRankedBestFirst() {
        // items (2-d): 0 = (1, 0), 1 = (0, 1), 2 = (2, 2), 3 = (-1, 3)
        // query (1, 0.5): scores 1, 0.5, 2 + 1 = 3, -1 + 1.5 = 0.5 -> order 2, 0, then the 0.5 tie 1 before 3
        ExactTopKIndex index = new ExactTopKIndex(new float[] {1, 0, 0, 1, 2, 2, -1, 3}, 2);
        int[] items = new int[4];
        float[] scores = new float[4];
        TopK top = new TopK(4);
        index.search(new float[] {1, 0.5f}, item -> false, top);
        top.drainDescending(items, scores);
        assertArrayEquals(new int[] {2, 0, 1, 3}, items);
        assertArrayEquals(new float[] {3f, 1f, 0.5f, 0.5f}, scores);
        assertFalse(index.approximate());
        assertEquals(4, index.size());
        assertEquals(2, index.dimensions());
    }

    @Test
    void excludedItemsAreSkipped() {
        ExactTopKIndex index = new ExactTopKIndex(new float[] {1, 0, 0, 1, 2, 2, -1, 3}, 2);
        TopK top = new TopK(2);
        index.search(new float[] {1, 0.5f}, item -> item == 2, 1, top);
        int[] items = new int[2];
        top.drainDescending(items, new float[2]);
        assertArrayEquals(new int[] {0, 1}, items);
    }

    @Test
    void equalsBruteForceOnRandomVectorsAcrossBlocks() {
        int n = 3 * ExactTopKIndex.BLOCK + 17;
        int d = 13;
        SplittableRandom random = new SplittableRandom(7);
        float[] vectors = new float[n * d];
        for (int k = 0; k < vectors.length; k++) {
            vectors[k] = (float) random.nextGaussian();
        }
        ExactTopKIndex index = new ExactTopKIndex(vectors, d);
        for (int q = 0; q < 20; q++) {
            float[] query = new float[d];
            for (int k = 0; k < d; k++) {
                query[k] = (float) random.nextGaussian();
            }
            int k = 1 + q * 3;
            // brute force: score every non-multiple-of-5 item, sort by score desc then index
            float[] all = new float[n];
            for (int item = 0; item < n; item++) {
                float s = 0;
                for (int r = 0; r < d; r++) {
                    s += query[r] * vectors[item * d + r];
                }
                all[item] = s;
            }
            int[] expected = IntStream.range(0, n).filter(item -> item % 5 != 0).boxed()
                    .sorted(Comparator.<Integer>comparingDouble(item -> -all[item]).thenComparing(item -> item))
                    .limit(k).mapToInt(Integer::intValue).toArray();
            TopK top = new TopK(k);
            index.search(query, item -> item % 5 == 0, top);
            int[] actual = new int[k];
            float[] scores = new float[k];
            top.drainDescending(actual, scores);
            assertArrayEquals(expected, actual, "query " + q);
            for (int r = 0; r < k; r++) {
                assertEquals(all[actual[r]], scores[r], 1e-4f);
                assertEquals(index.score(query, actual[r]), scores[r]);
            }
        }
    }

    @Test
    void rejectsBadShapesAndValues() {
        IllegalArgumentException length = assertThrows(IllegalArgumentException.class,
                () -> new ExactTopKIndex(new float[5], 2));
        assertEquals("vectors length 5 is not a multiple of dimensions 2", length.getMessage());
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> new ExactTopKIndex(new float[] {1, Float.NaN}, 2));
        assertEquals("vectors[1] is not finite: NaN", nan.getMessage());
        ExactTopKIndex index = new ExactTopKIndex(new float[] {1, 2}, 2);
        IllegalArgumentException query = assertThrows(IllegalArgumentException.class,
                () -> index.search(new float[3], item -> false, new TopK(1)));
        assertEquals("query length must be 2, got 3", query.getMessage());
    }

    @Test
    void factoryPicksExactBelowThresholdAndCopiesInput() {
        float[] vectors = {1, 0, 0, 1};
        TopKIndex index = TopKIndex.of(vectors, 2, IndexConfig.defaults());
        assertTrue(index instanceof ExactTopKIndex);
        vectors[0] = 100;
        assertEquals(1f, index.score(new float[] {1, 0}, 0));
        assertTrue(Arrays.equals(new float[] {100, 0, 0, 1}, vectors));
    }
}
