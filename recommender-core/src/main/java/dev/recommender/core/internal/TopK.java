package dev.recommender.core.internal;

/**
 * A bounded selection of the {@code k} best (index, score) pairs: a min-heap of size {@code k}
 * whose root is the worst kept pair, so each offer costs O(1) when rejected and O(log k) when
 * kept. Ties in score are broken by the smaller index, so results are deterministic.
 * {@code NaN} scores are ignored.
 *
 * <p>Not thread-safe; reusable through {@link #clear()}. Allocates only at construction.
 */
public final class TopK {
    private final int capacity;
    private final int[] indexes;
    private final float[] scores;
    private int size;

    /**
     * @param k how many pairs to keep, at least 1
     * @throws IllegalArgumentException if {@code k < 1}
     */
    public TopK(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, got " + k);
        }
        this.capacity = k;
        this.indexes = new int[k];
        this.scores = new float[k];
    }

    /** Number of pairs kept so far. */
    public int size() {
        return size;
    }

    /** The capacity {@code k}. */
    public int capacity() {
        return capacity;
    }

    /** Forgets all pairs. */
    public void clear() {
        size = 0;
    }

    /** Offers a pair; keeps it if it is among the best {@code k} so far. */
    public void offer(int index, float score) {
        if (score != score) {
            return;
        }
        if (size < capacity) {
            indexes[size] = index;
            scores[size] = score;
            siftUp(size++);
        } else if (better(score, index, scores[0], indexes[0])) {
            indexes[0] = index;
            scores[0] = score;
            siftDown(0);
        }
    }

    /** Whether a pair would be kept if offered now (lets callers skip expensive work). */
    public boolean wouldKeep(float score) {
        return size < capacity || score > scores[0];
    }

    /**
     * Empties the heap into the arrays, best first, and returns how many were written.
     *
     * @param outIndexes receives indexes, length at least {@link #size()}
     * @param outScores  receives scores, length at least {@link #size()}
     */
    public int drainDescending(int[] outIndexes, float[] outScores) {
        int n = size;
        for (int position = n - 1; position >= 0; position--) {
            outIndexes[position] = indexes[0];
            outScores[position] = scores[0];
            size--;
            if (size > 0) {
                indexes[0] = indexes[size];
                scores[0] = scores[size];
                siftDown(0);
            }
        }
        return n;
    }

    /** True if (s1, i1) ranks before (s2, i2): higher score, then smaller index. */
    private static boolean better(float s1, int i1, float s2, int i2) {
        return s1 > s2 || (s1 == s2 && i1 < i2);
    }

    private void siftUp(int position) {
        while (position > 0) {
            int parent = (position - 1) >>> 1;
            if (better(scores[parent], indexes[parent], scores[position], indexes[position])) {
                swap(parent, position);
                position = parent;
            } else {
                return;
            }
        }
    }

    private void siftDown(int position) {
        while (true) {
            int left = 2 * position + 1;
            if (left >= size) {
                return;
            }
            int worst = left;
            int right = left + 1;
            if (right < size && better(scores[left], indexes[left], scores[right], indexes[right])) {
                worst = right;
            }
            if (better(scores[position], indexes[position], scores[worst], indexes[worst])) {
                swap(position, worst);
                position = worst;
            } else {
                return;
            }
        }
    }

    private void swap(int a, int b) {
        int index = indexes[a];
        indexes[a] = indexes[b];
        indexes[b] = index;
        float score = scores[a];
        scores[a] = scores[b];
        scores[b] = score;
    }
}
