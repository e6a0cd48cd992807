package dev.recommender.core.retrieval;

import dev.recommender.core.internal.TopK;
import dev.recommender.core.internal.VectorMath;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HnswTopKIndexTest {
    private static final int DIMENSIONS = 24;

    /**
     * A clustered catalog: 60 centres, items are centre + noise with norms varying by a factor of about 3,
     * so inner-product order differs from cosine order.
     */
    private static float[] clustered(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int clusters = 60;
        float[] centres = new float[clusters * DIMENSIONS];
        for (int k = 0; k < centres.length; k++) {
            centres[k] = (float) random.nextGaussian();
        }
        float[] vectors = new float[n * DIMENSIONS];
        for (int item = 0; item < n; item++) {
            int c = random.nextInt(clusters);
            double scale = 0.5 + random.nextDouble();
            for (int k = 0; k < DIMENSIONS; k++) {
                vectors[item * DIMENSIONS + k] = (float) (scale * (centres[c * DIMENSIONS + k]
                        + 0.3 * random.nextGaussian()));
            }
        }
        return vectors;
    }

    @Test
    void recallAtTenAgainstExactSearchOnClusteredData() {
        int n = 10_000;
        float[] vectors = clustered(n, 11);
        IndexConfig config = IndexConfig.defaults().withApproximateThreshold(1);
        TopKIndex approximate = TopKIndex.of(vectors, DIMENSIONS, config);
        TopKIndex exact = TopKIndex.of(vectors, DIMENSIONS, IndexConfig.exactOnly());
        assertTrue(approximate instanceof HnswTopKIndex);
        assertTrue(exact instanceof ExactTopKIndex);
        SplittableRandom random = new SplittableRandom(12);
        int queries = 200;
        int found = 0;
        for (int q = 0; q < queries; q++) {
            float[] query = new float[DIMENSIONS];
            // queries near an item (as a user vector near the items they like) plus noise
            int anchor = random.nextInt(n);
            for (int k = 0; k < DIMENSIONS; k++) {
                query[k] = vectors[anchor * DIMENSIONS + k] + (float) (0.5 * random.nextGaussian());
            }
            Set<Integer> truth = ids(exact, query, 10);
            Set<Integer> answer = ids(approximate, query, 10);
            answer.retainAll(truth);
            found += answer.size();
        }
        double recall = found / (queries * 10.0);
        System.out.printf("HNSW recall@10 vs exact on %d clustered items: %.4f%n", n, recall);
        assertTrue(recall >= 0.95, "recall@10 " + recall);
    }

    @Test
    void excludedItemsNeverReturnedAndResultFilledEvenWhenMostNeighboursExcluded() {
        float[] vectors = clustered(5_000, 3);
        TopKIndex index = HnswTopKIndex.build(vectors, DIMENSIONS, IndexConfig.defaults());
        float[] query = new float[DIMENSIONS];
        System.arraycopy(vectors, 0, query, 0, DIMENSIONS);
        Set<Integer> nearest = ids(index, query, 300);
        TopK top = new TopK(10);
        index.search(query, nearest::contains, 0, top);
        assertEquals(10, top.size());
        int[] items = new int[10];
        top.drainDescending(items, new float[10]);
        for (int item : items) {
            assertTrue(!nearest.contains(item), "excluded item " + item + " returned");
        }
    }

    @Test
    void buildIsDeterministicAndScoresAreExactInnerProducts() {
        float[] vectors = clustered(3_000, 5);
        TopKIndex first = HnswTopKIndex.build(vectors, DIMENSIONS, IndexConfig.defaults().withHnsw(8, 40, 20));
        TopKIndex second = HnswTopKIndex.build(vectors, DIMENSIONS, IndexConfig.defaults().withHnsw(8, 40, 20));
        SplittableRandom random = new SplittableRandom(9);
        for (int q = 0; q < 30; q++) {
            float[] query = new float[DIMENSIONS];
            for (int k = 0; k < DIMENSIONS; k++) {
                query[k] = (float) random.nextGaussian();
            }
            int[] a = new int[10];
            float[] as = new float[10];
            int[] b = new int[10];
            float[] bs = new float[10];
            TopK top = new TopK(10);
            first.search(query, item -> false, top);
            top.drainDescending(a, as);
            second.search(query, item -> false, top);
            top.drainDescending(b, bs);
            assertArrayEquals(a, b);
            assertArrayEquals(as, bs);
            for (int r = 0; r < 10; r++) {
                assertEquals(VectorMath.dot(query, 0, vectors, a[r] * DIMENSIONS, DIMENSIONS), as[r]);
            }
        }
    }

    private static Set<Integer> ids(TopKIndex index, float[] query, int k) {
        TopK top = new TopK(k);
        index.search(query, item -> false, top);
        int[] items = new int[k];
        int n = top.drainDescending(items, new float[k]);
        Set<Integer> set = new HashSet<>();
        for (int r = 0; r < n; r++) {
            set.add(items[r]);
        }
        return set;
    }
}
