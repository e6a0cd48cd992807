package dev.recommender.core.internal;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TopKTest {
    private static int[] drain(TopK top, float[] scoresOut) {
        int[] indexes = new int[top.size()];
        float[] scores = new float[top.size()];
        int n = top.drainDescending(indexes, scores);
        System.arraycopy(scores, 0, scoresOut, 0, n);
        return indexes;
    }

    /** A top-k of the given capacity after offering {@code items[j]} with {@code scores[j]}, in order. */
    private static TopK offered(int capacity, int[] items, float... scores) {
        TopK top = new TopK(capacity);
        for (int j = 0; j < items.length; j++) {
            top.offer(items[j], scores[j]);
        }
        return top;
    }

    @Test
    void keepsTheBestInDescendingOrder() {
        TopK top = offered(3, new int[] {0, 1, 2, 3, 4, 5}, 0.5f, 2f, -1f, 7f, 3f, 2.5f);
        float[] scores = new float[3];
        assertArrayEquals(new int[] {3, 4, 5}, drain(top, scores));
        assertArrayEquals(new float[] {7f, 3f, 2.5f}, scores);
        assertEquals(0, top.size());
    }

    @Test
    void tiesGoToTheSmallerIndexWhateverTheOfferOrder() {
        TopK top = offered(2, new int[] {9, 4, 6, 1}, 1f, 1f, 1f, 0.5f);
        float[] scores = new float[2];
        assertArrayEquals(new int[] {4, 6}, drain(top, scores));
    }

    @Test
    void ignoresNaNAndKeepsInfinities() {
        TopK top = offered(3, new int[] {0, 1, 2, 3}, Float.NaN, Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY,
                Float.NaN);
        assertEquals(2, top.size());
        float[] scores = new float[2];
        assertArrayEquals(new int[] {2, 1}, drain(top, scores));
    }

    @Test
    void capacityLargerThanTheInputReturnsEverything() {
        TopK top = offered(10, new int[] {5, 6, 7}, 1f, 3f, 2f);
        float[] scores = new float[3];
        assertArrayEquals(new int[] {6, 7, 5}, drain(top, scores));
        assertArrayEquals(new float[] {3f, 2f, 1f}, scores);
    }

    @Test
    void wouldKeepAndClear() {
        TopK top = new TopK(1);
        assertTrue(top.wouldKeep(-100f));
        top.offer(0, 5f);
        assertFalse(top.wouldKeep(4f));
        assertTrue(top.wouldKeep(6f));
        top.clear();
        assertEquals(0, top.size());
        assertEquals(1, top.capacity());
    }

    @Test
    void rejectsNonPositiveCapacity() {
        assertEquals("k must be at least 1, got 0", assertThrows(IllegalArgumentException.class, () -> new TopK(0)).getMessage());
    }
}
