package dev.recommender.core.internal;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link VectorMath#dot} on the JDK 17 incubator Vector API, bit for bit equal to the scalar loop: lane
 * {@code j} of a 4-float vector is the scalar loop's accumulator {@code s_j} (products rounded, then added,
 * exactly as the scalar {@code s_j += a * b}; no fused multiply-add), the remainder goes to {@code s_0}, and
 * the lanes are summed as {@code (s0 + s1) + (s2 + s3)}. So scores, exact search and trained models stay the
 * same with or without {@code --add-modules jdk.incubator.vector}; only the speed changes (one vector
 * multiply and add per four products). Loaded only when that module is in the boot layer.
 */
final class VectorDot {
    private static final VectorSpecies<Float> FOUR = FloatVector.SPECIES_128;

    private VectorDot() {
    }

    static float dot(float[] a, int aOffset, float[] b, int bOffset, int length) {
        FloatVector sums = FloatVector.zero(FOUR);
        int k = 0;
        for (; k + 3 < length; k += 4) {
            FloatVector x = FloatVector.fromArray(FOUR, a, aOffset + k);
            FloatVector y = FloatVector.fromArray(FOUR, b, bOffset + k);
            sums = sums.add(x.mul(y));
        }
        float s0 = sums.lane(0);
        for (; k < length; k++) {
            s0 += a[aOffset + k] * b[bOffset + k];
        }
        return (s0 + sums.lane(1)) + (sums.lane(2) + sums.lane(3));
    }
}
