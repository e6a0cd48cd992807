package dev.recommender.spark;

import java.util.List;

/**
 * Scores one user's vector against every item vector and keeps the best {@code k} unseen items, as core's exact
 * index does: the same float dot product (four partial sums, in core's order) so that scores and ties agree bit
 * for bit, higher score first, ties to the lower item index. A bounded heap keeps the cost at
 * {@code O(items d + items log k)} per user. One instance per task; not thread-safe.
 */
final class TopKScorer {
    private final float[] items;
    private final int d;
    private final int itemCount;
    private final int k;
    private final boolean[] seen;
    private final float[] query;
    private final int[] heapItems;
    private final float[] heapScores;
    private final int[] resultItems;
    private final float[] resultScores;

    TopKScorer(float[] items, int d, int k) {
        this.items = items;
        this.d = d;
        this.itemCount = items.length / d;
        this.k = k;
        this.seen = new boolean[itemCount];
        this.query = new float[d];
        this.heapItems = new int[k];
        this.heapScores = new float[k];
        this.resultItems = new int[k];
        this.resultScores = new float[k];
    }

    /**
     * Ranks the catalog for one user.
     *
     * @param features  the user's vector
     * @param seenItems item indexes to exclude
     * @return how many items were kept (at most {@code k})
     */
    int rank(List<Float> features, List<Integer> seenItems) {
        for (int r = 0; r < d; r++) {
            query[r] = features.get(r);
        }
        for (int item : seenItems) {
            seen[item] = true;
        }
        int size = 0;
        for (int item = 0; item < itemCount; item++) {
            if (seen[item]) {
                continue;
            }
            float score = dot(query, items, item * d, d);
            if (size < k) {
                heapItems[size] = item;
                heapScores[size] = score;
                siftUp(size++);
            } else if (worse(heapItems[0], heapScores[0], item, score)) {
                heapItems[0] = item;
                heapScores[0] = score;
                siftDown(0, size);
            }
        }
        for (int item : seenItems) {
            seen[item] = false;
        }
        for (int r = size - 1; r >= 0; r--) {
            resultItems[r] = heapItems[0];
            resultScores[r] = heapScores[0];
            heapItems[0] = heapItems[r];
            heapScores[0] = heapScores[r];
            siftDown(0, r);
        }
        return size;
    }

    /** The item at 0-based rank {@code r} of the last {@link #rank} call. */
    int item(int r) {
        return resultItems[r];
    }

    /** Its score. */
    float score(int r) {
        return resultScores[r];
    }

    /** Whether (a, sa) ranks below (b, sb): lower score, or equal score and later in the catalog. */
    private static boolean worse(int a, float sa, int b, float sb) {
        return sa < sb || (sa == sb && a > b);
    }

    /** Min-heap on rank: the root is the worst kept item. */
    private void siftUp(int child) {
        while (child > 0) {
            int parent = (child - 1) >>> 1;
            if (!worse(heapItems[child], heapScores[child], heapItems[parent], heapScores[parent])) {
                return;
            }
            swap(child, parent);
            child = parent;
        }
    }

    private void siftDown(int parent, int size) {
        while (true) {
            int worst = parent;
            int left = 2 * parent + 1;
            int right = left + 1;
            if (left < size && worse(heapItems[left], heapScores[left], heapItems[worst], heapScores[worst])) {
                worst = left;
            }
            if (right < size && worse(heapItems[right], heapScores[right], heapItems[worst], heapScores[worst])) {
                worst = right;
            }
            if (worst == parent) {
                return;
            }
            swap(parent, worst);
            parent = worst;
        }
    }

    private void swap(int a, int b) {
        int item = heapItems[a];
        heapItems[a] = heapItems[b];
        heapItems[b] = item;
        float score = heapScores[a];
        heapScores[a] = heapScores[b];
        heapScores[b] = score;
    }

    /** Core's {@code VectorMath.dot}: four partial sums, combined as {@code (s0 + s1) + (s2 + s3)}. */
    static float dot(float[] a, float[] b, int bOffset, int length) {
        float s0 = 0f;
        float s1 = 0f;
        float s2 = 0f;
        float s3 = 0f;
        int k = 0;
        for (; k + 3 < length; k += 4) {
            s0 += a[k] * b[bOffset + k];
            s1 += a[k + 1] * b[bOffset + k + 1];
            s2 += a[k + 2] * b[bOffset + k + 2];
            s3 += a[k + 3] * b[bOffset + k + 3];
        }
        for (; k < length; k++) {
            s0 += a[k] * b[bOffset + k];
        }
        return (s0 + s1) + (s2 + s3);
    }
}
