package dev.recommender.core.internal;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VectorMathTest {

    @Test
    void theTestsRunWithTheVectorKernels() {
        // surefire's argLine adds jdk.incubator.vector: the vector path is the one under test here
        assertTrue(VectorMath.VECTOR_KERNELS);
    }

    @Test
    void dotSumsFourAccumulatorsInAFixedOrder() {
        float[] a = {1, 2, 3, 4, 5, 6};
        float[] b = {10, 20, 30, 40, 50, 60};
        // s0 = 1*10 + 5*50 (from the remainder) + 6*60 ... by hand: lanes 10, 40, 90, 160; tail 250 + 360 to s0
        assertEquals((10f + 250f + 360f + 40f) + (90f + 160f), VectorMath.dot(a, 0, b, 0, 6));
        assertEquals(2 * 20 + 3 * 30, VectorMath.dot(a, 1, b, 1, 2));
        assertEquals(0f, VectorMath.dot(a, 3, b, 3, 0));
    }

    @Test
    void theVectorDotIsBitForBitTheScalarOne() {
        SplittableRandom random = new SplittableRandom(7);
        float[] a = new float[300];
        float[] b = new float[300];
        for (int trial = 0; trial < 2_000; trial++) {
            double scale = Math.pow(10, random.nextInt(-6, 7));
            for (int k = 0; k < a.length; k++) {
                a[k] = (float) (random.nextGaussian() * scale);
                b[k] = (float) (random.nextGaussian() * (random.nextBoolean() ? 1e-3 : 1e3));
            }
            int length = random.nextInt(0, 140);
            int aOffset = random.nextInt(0, a.length - length + 1);
            int bOffset = random.nextInt(0, b.length - length + 1);
            float vector = VectorDot.dot(a, aOffset, b, bOffset, length);
            float scalar = VectorMath.scalarDot(a, aOffset, b, bOffset, length);
            assertEquals(Float.floatToIntBits(scalar), Float.floatToIntBits(vector),
                    () -> "length " + length + ": " + scalar + " vs " + vector);
        }
    }

    @Test
    void theScalarAndTheVectorGramProductsAreBitForBitThePlainLoop() {
        SplittableRandom random = new SplittableRandom(11);
        for (int d : new int[] {1, 5, 8, 16, 23, 64, 129}) {
            double[] g = new double[d * d];
            for (int r = 0; r < d; r++) {
                for (int c = 0; c <= r; c++) {
                    g[r * d + c] = random.nextGaussian() * Math.pow(10, random.nextInt(-4, 5));
                    g[c * d + r] = g[r * d + c];
                }
            }
            double[] v = new double[d];
            for (int k = 0; k < d; k++) {
                v[k] = random.nextGaussian();
            }
            double[] scalar = new double[d];
            double[] vector = new double[d];
            VectorMath.scalarMultiplyRows(g, v, scalar, d, 0);
            VectorDot.multiplySymmetric(g, v, vector, d);
            for (int i = 0; i < d; i++) {
                double sum = 0;
                for (int j = 0; j < d; j++) {
                    sum += g[i * d + j] * v[j];
                }
                assertEquals(Double.doubleToLongBits(sum), Double.doubleToLongBits(scalar[i]), "scalar, d " + d);
                assertEquals(Double.doubleToLongBits(sum), Double.doubleToLongBits(vector[i]), "vector, d " + d);
            }
        }
    }

    @Test
    void theVectorRankFourUpdateIsBitForBitTheScalarOne() {
        SplittableRandom random = new SplittableRandom(13);
        float[] w = new float[4 * 300];
        for (int k = 0; k < w.length; k++) {
            w[k] = (float) (random.nextGaussian() * Math.pow(10, random.nextInt(-3, 4)));
        }
        for (int length : new int[] {0, 1, 7, 15, 16, 17, 31, 64, 100, 299}) {
            float[] m = new float[310];
            for (int k = 0; k < m.length; k++) {
                m[k] = (float) random.nextGaussian();
            }
            float[] expected = m.clone();
            float f0 = (float) random.nextGaussian();
            float f1 = (float) random.nextGaussian();
            float f2 = (float) random.nextGaussian();
            float f3 = (float) random.nextGaussian();
            for (int j = 0; j < length; j++) {
                expected[5 + j] -= f0 * w[j] + f1 * w[300 + j] + f2 * w[600 + j] + f3 * w[900 + j];
            }
            VectorDot.subtractFourRows(m, 5, w, 0, 300, 600, 900, f0, f1, f2, f3, length);
            for (int k = 0; k < m.length; k++) {
                assertEquals(Float.floatToIntBits(expected[k]), Float.floatToIntBits(m[k]), "length " + length);
            }
        }
    }

    @Test
    void theColumnKernelsAreBitForBitThePlainLoops() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(5);
        for (int n : new int[] {1, 3, 4, 7, 8, 33, 130}) {
            int k = n % 2 == 0 ? 5 : 7;
            double[] columns = new double[k * n];
            double[] weights = new double[k + 2];
            double[] start = new double[n];
            for (int j = 0; j < columns.length; j++) {
                columns[j] = random.nextGaussian();
            }
            for (int j = 0; j < weights.length; j++) {
                weights[j] = random.nextGaussian();
            }
            for (int j = 0; j < n; j++) {
                start[j] = random.nextGaussian() * 1e3;
            }
            double[] fast = start.clone();
            VectorMath.addWeightedColumns(fast, n, columns, weights, 2, k);
            double[] plain = start.clone();
            for (int i = 0; i < n; i++) {
                for (int f = 0; f < k; f++) {
                    plain[i] += weights[2 + f] * columns[f * n + i];
                }
            }
            assertArrayEquals(plain, fast, "addWeightedColumns, n = " + n);

            double[] x = start.clone();
            double[] y = columns.clone();
            double[] yPlain = columns.clone();
            double[] dots = new double[k];
            VectorMath.addScaledAndDots(y, x, weights, 2, columns, n, k, dots);
            for (int f = 0; f < k; f++) {
                double[] sums = new double[4];
                for (int i = 0; i < n; i++) {
                    yPlain[f * n + i] += x[i] * weights[2 + f];
                    sums[i < n - n % 4 ? i % 4 : 0] += x[i] * columns[f * n + i];
                }
                assertEquals((sums[0] + sums[1]) + (sums[2] + sums[3]), dots[f], 0.0,
                        "addScaledAndDots sum of column " + f + ", n = " + n);
            }
            assertArrayEquals(yPlain, y, "addScaledAndDots update, n = " + n);
        }
    }

    @Test
    void theExponentialIsAccurateAndTheVectorPathGivesTheSameBits() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(9);
        double[] edges = {0.0, -0.0, -1e-300, -1e-12, -0.34657359027997264, -0.6931471805599453, -1, -20.5, -699.9,
                -700};
        for (double x : edges) {
            assertEquals(Math.exp(x), VectorMath.expNonPositive(x), 1e-14 * Math.exp(x), "x = " + x);
        }
        assertEquals(Math.exp(-700), VectorMath.expNonPositive(-1e6), 1e-14 * Math.exp(-700), "below the floor");
        for (int trial = 0; trial < 100_000; trial++) {
            double x = trial % 2 == 0 ? -random.nextDouble() * 40 : -random.nextDouble() * 700;
            double expected = Math.exp(x);
            assertEquals(expected, VectorMath.expNonPositive(x), 1e-14 * expected, "x = " + x);
        }
        for (int n : new int[] {1, 3, 8, 9, 17, 583}) {
            double[] logits = new double[n];
            for (int i = 0; i < n; i++) {
                logits[i] = random.nextGaussian() * 5;
            }
            double max = java.util.Arrays.stream(logits).max().orElseThrow();
            double[] fast = logits.clone();
            double sum = VectorMath.expShiftedSum(fast, n, max);
            double plainSum = 0;
            for (int i = 0; i < n; i++) {
                double plain = VectorMath.expNonPositive(logits[i] - max);
                assertEquals(plain, fast[i], 0.0, "element " + i + " of " + n);
                plainSum += plain;
            }
            assertEquals(plainSum, sum, 0.0);
        }
    }
}
