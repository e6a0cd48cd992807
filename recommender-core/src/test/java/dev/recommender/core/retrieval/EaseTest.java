package dev.recommender.core.retrieval;

import dev.recommender.core.Recommendations;
import dev.recommender.core.data.Interactions;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EaseTest {
    /** u1 {a, b}, u2 {a, b}, u3 {b, c}: G + I = [[3,2,0],[2,4,1],[0,1,2]], det 13. */
    private static Interactions threeUsers(float value) {
        return Interactions.builder()
                .add("u1", "a", value).add("u1", "b", value)
                .add("u2", "a", value).add("u2", "b", value)
                .add("u3", "b", value).add("u3", "c", value)
                .build();
    }

    @Test
    void weightsMatchTheHandComputedClosedForm() {
        Interactions data = threeUsers(5f);
        Ease model = Ease.fit(data, Ease.Config.defaults().withRegularization(1));
        int a = data.items().indexOf("a");
        int b = data.items().indexOf("b");
        int c = data.items().indexOf("c");
        // P = (G + I)^-1 = [[7,-4,2],[-4,6,-3],[2,-3,8]] / 13; B_ij = -P_ij / P_jj
        assertEquals(4.0 / 6, model.weight(a, b), 1e-6);
        assertEquals(4.0 / 7, model.weight(b, a), 1e-6);
        assertEquals(-2.0 / 8, model.weight(a, c), 1e-6);
        assertEquals(-2.0 / 7, model.weight(c, a), 1e-6);
        assertEquals(3.0 / 8, model.weight(b, c), 1e-6);
        assertEquals(3.0 / 6, model.weight(c, b), 1e-6);
        for (int i = 0; i < 3; i++) {
            assertEquals(0f, model.weight(i, i));
        }
        Recommendations forU3 = model.recommend("u3", 5);
        assertEquals(1, forU3.size());
        assertEquals("a", forU3.items().get(0).itemId());
        assertEquals(4.0 / 7 - 2.0 / 7, forU3.items().get(0).score(), 1e-6);
        assertEquals(-0.25 + 0.375, model.recommend("u1", 5).items().get(0).score(), 1e-6);
    }

    @Test
    void valuesScaleTheGramMatrixWhenNotBinarised() {
        // X -> 2X and lambda -> 4 lambda leave B unchanged; the scores double
        Ease ones = Ease.fit(threeUsers(1f), Ease.Config.defaults().withRegularization(1).withBinarise(false));
        Ease twos = Ease.fit(threeUsers(2f), Ease.Config.defaults().withRegularization(4).withBinarise(false));
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                assertEquals(ones.weight(i, j), twos.weight(i, j), 1e-6);
            }
        }
        assertEquals(2 * ones.recommend("u3", 1).items().get(0).score(),
                twos.recommend("u3", 1).items().get(0).score(), 1e-6);
    }

    @Test
    void refusesCatalogsAboveTheLimitNamingBoth() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Ease.fit(threeUsers(1f), Ease.Config.defaults().withMaxItems(2)));
        assertTrue(e.getMessage().contains("3 items"), e.getMessage());
        assertTrue(e.getMessage().contains("maxItems = 2"), e.getMessage());
    }

    @Test
    void rejectsInvalidConfiguration() {
        assertThrows(IllegalArgumentException.class, () -> Ease.Config.defaults().withRegularization(0));
        assertThrows(IllegalArgumentException.class, () -> Ease.Config.defaults().withThreads(0));
    }

    /** A random symmetric positive definite matrix of size n (not a multiple of the block). */
    private static float[] spd(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] x = new float[n * (n / 2)];
        for (int k = 0; k < x.length; k++) {
            x[k] = random.nextDouble() < 0.2 ? 1f : 0f;
        }
        float[] g = new float[n * n];
        int cols = n / 2;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                float sum = 0;
                for (int k = 0; k < cols; k++) {
                    sum += x[i * cols + k] * x[j * cols + k];
                }
                g[i * n + j] = sum + (i == j ? 3f : 0f);
            }
        }
        return g;
    }

    @Test
    void columnTilesGiveTheSameBitsAsWholeRows() throws Exception {
        // more columns than tiles hold, a last block shorter than the others, and parallel row ranges
        int n = 1_100;
        float[] whole = spd(n, 11);
        float[] tiled = whole.clone();
        float[] narrow = whole.clone();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            SymmetricSweep.invertLower(whole, n, Ease.BLOCK, pool, 5, Integer.MAX_VALUE);
            SymmetricSweep.invertLower(tiled, n, Ease.BLOCK, pool, 5);
            SymmetricSweep.invertLower(narrow, n, Ease.BLOCK, pool, 3, 97);
        } finally {
            pool.shutdownNow();
        }
        assertArrayEquals(whole, tiled);
        assertArrayEquals(whole, narrow);
    }

    @Test
    void blockedSweepInvertsAndDoesNotDependOnThreads() throws Exception {
        int n = 150;
        float[] serial = spd(n, 7);
        double[] full = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                full[i * n + j] = serial[i * n + j];
                full[j * n + i] = serial[i * n + j];
            }
        }
        float[] parallel = serial.clone();
        SymmetricSweep.invertLower(serial, n, Ease.BLOCK, null, 1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            SymmetricSweep.invertLower(parallel, n, Ease.BLOCK, pool, 7);
        } finally {
            pool.shutdownNow();
        }
        assertArrayEquals(serial, parallel);
        // reference: the unblocked sweep in double precision
        SymmetricSweep.sweepAll(full, n, 0);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                assertEquals(full[i * n + j], serial[i * n + j], 1e-5, "entry " + i + "," + j);
            }
        }
        // and -M^-1 times M is -I
        float[] original = spd(n, 7);
        for (int i = 0; i < n; i += 13) {
            for (int j = 0; j < n; j += 11) {
                double sum = 0;
                for (int k = 0; k < n; k++) {
                    double inv = k <= i ? serial[i * n + k] : serial[k * n + i];
                    double m = k >= j ? original[k * n + j] : original[j * n + k];
                    sum += inv * m;
                }
                assertEquals(i == j ? -1 : 0, sum, 1e-4, "entry " + i + "," + j);
            }
        }
    }

    @Test
    void refusesAMatrixThatIsNotPositiveDefinite() {
        float[] m = {1, 0, 2, 1};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SymmetricSweep.invertLower(m, 2, Ease.BLOCK, null, 1));
        assertTrue(e.getMessage().contains("pivot 1"), e.getMessage());
    }
}
