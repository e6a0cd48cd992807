package dev.recommender.core.internal;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VectorMathTest {

    @Test
    void theTestsRunWithTheVectorDot() {
        // surefire's argLine adds jdk.incubator.vector: the vector path is the one under test here
        assertTrue(VectorMath.VECTOR_DOT);
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
}
