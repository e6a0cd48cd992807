package dev.recommender.core.mf;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class SgdKernelTest {
    private static float[] gaussian(int n, SplittableRandom random) {
        float[] values = new float[n];
        for (int k = 0; k < n; k++) {
            values[k] = (float) random.nextGaussian() * 0.3f;
        }
        return values;
    }

    @Test
    void scalarUpdateMatchesTheFormulaByHand() {
        // one pair (user 0, item 0, r = 4), mean 3, biases 0, p = (1, 2), q = (0.5, -1)
        // prediction = 3 + 0 + 0 + (0.5 - 2) = 1.5, error e = 2.5
        // b_u = b_i = 0 + 0.1 * (2.5 - 0.5 * 0) = 0.25
        // p' = p (1 - 0.1 * 0.2) + 0.1 * 2.5 * q = (0.98 + 0.125, 1.96 - 0.25) = (1.105, 1.71)
        // q' = q (1 - 0.1 * 0.2) + 0.1 * 2.5 * p = (0.49 + 0.25, -0.98 + 0.5) = (0.74, -0.48)
        float[] userBias = {0f};
        float[] itemBias = {0f};
        float[] p = {1f, 2f};
        float[] q = {0.5f, -1f};
        double squaredError = new ScalarSgdKernel().run(new long[] {0L}, new float[] {4f}, null, 0, 1, 3f,
                userBias, itemBias, p, q, 2, 0.1f, 0.1f, 0.2f, 0.5f);
        assertEquals(6.25, squaredError, 1e-6);
        assertEquals(0.25f, userBias[0], 1e-6f);
        assertEquals(0.25f, itemBias[0], 1e-6f);
        assertArrayEquals(new float[] {1.105f, 1.71f}, p, 1e-6f);
        assertArrayEquals(new float[] {0.74f, -0.48f}, q, 1e-6f);
    }

    @Test
    void vectorKernelAgreesWithScalarKernelIncludingTails() {
        assumeTrue(SgdKernel.vectorModulePresent(), "needs --add-modules jdk.incubator.vector");
        SgdKernel scalar = new ScalarSgdKernel();
        SgdKernel vector = SgdKernel.select(Svd.Kernel.VECTOR);
        for (int factors : new int[] {1, 7, 8, 13, 64}) {
            SplittableRandom random = new SplittableRandom(factors);
            int users = 20;
            int items = 30;
            float[] userFactors = gaussian(users * factors, random);
            float[] itemFactors = gaussian(items * factors, random);
            float[] itemBias = gaussian(items, random);
            float[] a = new float[items];
            float[] b = new float[items];
            scalar.scoreAll(userFactors, 3 * factors, itemFactors, itemBias, 3.5f, factors, a);
            vector.scoreAll(userFactors, 3 * factors, itemFactors, itemBias, 3.5f, factors, b);
            assertArrayEquals(a, b, 1e-5f, "scores at " + factors + " factors");

            long[] pairs = new long[200];
            float[] values = new float[200];
            for (int k = 0; k < pairs.length; k++) {
                pairs[k] = ((long) random.nextInt(users) << 32) | random.nextInt(items);
                values[k] = 1 + random.nextInt(5);
            }
            float[] u1 = userFactors.clone();
            float[] i1 = itemFactors.clone();
            float[] u2 = userFactors.clone();
            float[] i2 = itemFactors.clone();
            float[] ub1 = new float[users];
            float[] ib1 = new float[items];
            float[] ub2 = new float[users];
            float[] ib2 = new float[items];
            double e1 = scalar.run(pairs, values, null, 0, pairs.length, 3f, ub1, ib1, u1, i1, factors,
                    0.01f, 0.01f, 0.05f, 0.02f);
            double e2 = vector.run(pairs, values, null, 0, pairs.length, 3f, ub2, ib2, u2, i2, factors,
                    0.01f, 0.01f, 0.05f, 0.02f);
            assertEquals(e1, e2, 1e-3 * e1, "squared errors at " + factors + " factors");
            assertArrayEquals(u1, u2, 1e-4f);
            assertArrayEquals(i1, i2, 1e-4f);
            assertArrayEquals(ib1, ib2, 1e-4f);
        }
    }

    @Test
    void askingForTheVectorKernelWithoutTheModuleFailsClearly() {
        assumeTrue(!SgdKernel.vectorModulePresent(), "only meaningful without the module");
        IllegalStateException error = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> SgdKernel.select(Svd.Kernel.VECTOR));
        assertEquals("kernel VECTOR needs the JVM option --add-modules jdk.incubator.vector", error.getMessage());
    }
}
