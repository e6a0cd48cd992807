package dev.recommender.core.internal;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link VectorMath#dot}, {@link VectorMath#multiplySymmetric}, {@link VectorMath#subtractFourRows},
 * {@link VectorMath#addWeightedColumns}, {@link VectorMath#addScaledAndDots} and the exponentials of
 * {@link VectorMath#expShiftedSum} on the JDK 17 incubator Vector API, each bit for bit equal to its scalar loop. Dot product: lane
 * {@code j} of a 4-float vector is the scalar loop's accumulator {@code s_j} (products rounded, then added,
 * exactly as the scalar {@code s_j += a * b}; no fused multiply-add), the remainder goes to {@code s_0}, and
 * the lanes are summed as {@code (s0 + s1) + (s2 + s3)}. So scores, exact search and trained models stay the
 * same with or without {@code --add-modules jdk.incubator.vector}; only the speed changes (one vector
 * multiply and add per four products). Loaded only when that module is in the boot layer.
 */
final class VectorDot {
    private static final VectorSpecies<Float> FOUR = FloatVector.SPECIES_128;
    private static final VectorSpecies<Double> ROWS = DoubleVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Float> FLOATS = FloatVector.SPECIES_PREFERRED;

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

    /**
     * {@code out = G v} for a symmetric {@code d x d} matrix: lane {@code k} of a vector is row {@code i + k},
     * whose sum runs over {@code j} in order, as the scalar loop's does. Row {@code i + k}'s element {@code j} is
     * read as {@code G[j][i + k]} (the same value: the matrix is symmetric), so a vector is one contiguous load.
     * Two vectors of rows at a time, so that their sums overlap; the rows left over go through the scalar loop.
     */
    static void multiplySymmetric(double[] g, double[] v, double[] out, int d) {
        int lanes = ROWS.length();
        int i = 0;
        for (; i + 2 * lanes <= d; i += 2 * lanes) {
            DoubleVector s0 = DoubleVector.zero(ROWS);
            DoubleVector s1 = DoubleVector.zero(ROWS);
            for (int j = 0; j < d; j++) {
                DoubleVector vj = DoubleVector.broadcast(ROWS, v[j]);
                int base = j * d + i;
                s0 = s0.add(DoubleVector.fromArray(ROWS, g, base).mul(vj));
                s1 = s1.add(DoubleVector.fromArray(ROWS, g, base + lanes).mul(vj));
            }
            s0.intoArray(out, i);
            s1.intoArray(out, i + lanes);
        }
        for (; i + lanes <= d; i += lanes) {
            DoubleVector s0 = DoubleVector.zero(ROWS);
            for (int j = 0; j < d; j++) {
                s0 = s0.add(DoubleVector.fromArray(ROWS, g, j * d + i).mul(DoubleVector.broadcast(ROWS, v[j])));
            }
            s0.intoArray(out, i);
        }
        VectorMath.scalarMultiplyRows(g, v, out, d, i);
    }

    /**
     * {@link VectorMath#subtractFourRows}: lane by lane the scalar expression, the four products added left to
     * right and the sum subtracted; the elements past the last whole vector go through the scalar loop.
     */
    static void subtractFourRows(float[] m, int mOffset, float[] w, int w0, int w1, int w2, int w3, float f0,
                                 float f1, float f2, float f3, int length) {
        int bound = FLOATS.loopBound(length);
        int j = 0;
        for (; j < bound; j += FLOATS.length()) {
            FloatVector sum = FloatVector.fromArray(FLOATS, w, w0 + j).mul(f0)
                    .add(FloatVector.fromArray(FLOATS, w, w1 + j).mul(f1))
                    .add(FloatVector.fromArray(FLOATS, w, w2 + j).mul(f2))
                    .add(FloatVector.fromArray(FLOATS, w, w3 + j).mul(f3));
            FloatVector.fromArray(FLOATS, m, mOffset + j).sub(sum).intoArray(m, mOffset + j);
        }
        VectorMath.scalarSubtractFourRows(m, mOffset, w, w0, w1, w2, w3, f0, f1, f2, f3, j, length);
    }

    private static final VectorSpecies<Double> FOUR_DOUBLES = DoubleVector.SPECIES_256;

    /**
     * {@link VectorMath#addScaledAndDots}: each column's update as its own loop, the sums of four columns in one
     * pass over {@code x} (the rest one at a time). Lane {@code j} of a column's 4-double sum vector is the scalar
     * loop's accumulator {@code s_j}; the elements past the last whole vector continue the scalar loop with those
     * sums. The four sum vectors are independent, so their adds can overlap where one column's adds each wait for
     * the last (measured: the exposure-rate fit about 3% faster, docs/benchmarks.md). Updates and sums in one loop
     * ran three to five times slower: C2 (JDK 17) then stopped intrinsifying the loop's vector stores.
     */
    static void addScaledAndDots(double[] y, double[] x, double[] a, int aOffset, double[] z, int n, int k,
                                 double[] dots) {
        for (int f = 0; f < k; f++) {
            addScaled(y, f * n, x, a[aOffset + f], n);
        }
        int f = 0;
        for (; f + 3 < k; f += 4) {
            dotQuad(x, z, f * n, n, dots, f);
        }
        for (; f < k; f++) {
            dots[f] = dot(x, z, f * n, n);
        }
    }

    /** {@link #dot} of four consecutive columns of {@code z} (the first at {@code o0}) in one pass. */
    private static void dotQuad(double[] x, double[] z, int o0, int n, double[] dots, int at) {
        int o1 = o0 + n;
        int o2 = o1 + n;
        int o3 = o2 + n;
        DoubleVector s0 = DoubleVector.zero(FOUR_DOUBLES);
        DoubleVector s1 = s0;
        DoubleVector s2 = s0;
        DoubleVector s3 = s0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            DoubleVector xv = DoubleVector.fromArray(FOUR_DOUBLES, x, i);
            s0 = s0.add(xv.mul(DoubleVector.fromArray(FOUR_DOUBLES, z, o0 + i)));
            s1 = s1.add(xv.mul(DoubleVector.fromArray(FOUR_DOUBLES, z, o1 + i)));
            s2 = s2.add(xv.mul(DoubleVector.fromArray(FOUR_DOUBLES, z, o2 + i)));
            s3 = s3.add(xv.mul(DoubleVector.fromArray(FOUR_DOUBLES, z, o3 + i)));
        }
        dots[at] = VectorMath.scalarDot(x, z, o0, n, i, s0.lane(0), s0.lane(1), s0.lane(2), s0.lane(3));
        dots[at + 1] = VectorMath.scalarDot(x, z, o1, n, i, s1.lane(0), s1.lane(1), s1.lane(2), s1.lane(3));
        dots[at + 2] = VectorMath.scalarDot(x, z, o2, n, i, s2.lane(0), s2.lane(1), s2.lane(2), s2.lane(3));
        dots[at + 3] = VectorMath.scalarDot(x, z, o3, n, i, s3.lane(0), s3.lane(1), s3.lane(2), s3.lane(3));
    }

    /** {@code sum_i x[i] * z[offset + i]}, lane {@code j} of a 4-double vector the scalar loop's {@code s_j}. */
    private static double dot(double[] x, double[] z, int offset, int n) {
        DoubleVector sums = DoubleVector.zero(FOUR_DOUBLES);
        int i = 0;
        for (; i + 3 < n; i += 4) {
            sums = sums.add(DoubleVector.fromArray(FOUR_DOUBLES, x, i).mul(DoubleVector.fromArray(FOUR_DOUBLES, z,
                    offset + i)));
        }
        return VectorMath.scalarDot(x, z, offset, n, i, sums.lane(0), sums.lane(1), sums.lane(2), sums.lane(3));
    }

    /**
     * {@link VectorMath#addWeightedColumns}: each lane sums its element's products in order of {@code f}, as the
     * scalar loop does.
     */
    static void addWeightedColumns(double[] out, int n, double[] columns, double[] weights, int wOffset, int k) {
        int bound = ROWS.loopBound(n);
        int i = 0;
        for (; i < bound; i += ROWS.length()) {
            DoubleVector sum = DoubleVector.fromArray(ROWS, out, i);
            for (int f = 0; f < k; f++) {
                sum = sum.add(DoubleVector.fromArray(ROWS, columns, f * n + i)
                        .mul(DoubleVector.broadcast(ROWS, weights[wOffset + f])));
            }
            sum.intoArray(out, i);
        }
        for (; i < n; i++) {
            double sum = out[i];
            for (int f = 0; f < k; f++) {
                sum += weights[wOffset + f] * columns[f * n + i];
            }
            out[i] = sum;
        }
    }

    /** {@code y[yOffset + i] += x[i] * a}, lane by lane the scalar expression (addition is commutative). */
    static void addScaled(double[] y, int yOffset, double[] x, double a, int n) {
        DoubleVector scale = DoubleVector.broadcast(ROWS, a);
        int bound = ROWS.loopBound(n);
        int i = 0;
        for (; i < bound; i += ROWS.length()) {
            DoubleVector.fromArray(ROWS, x, i).mul(scale).add(DoubleVector.fromArray(ROWS, y, yOffset + i))
                    .intoArray(y, yOffset + i);
        }
        for (; i < n; i++) {
            y[yOffset + i] += x[i] * a;
        }
    }

    /** {@link VectorMath#expShiftedSum}'s exponentials: lane by lane {@link VectorMath#expNonPositive}. */
    static void expShifted(double[] v, int n, double shift) {
        DoubleVector shiftVector = DoubleVector.broadcast(ROWS, shift);
        DoubleVector floor = DoubleVector.broadcast(ROWS, VectorMath.MIN_EXP_ARGUMENT);
        DoubleVector log2e = DoubleVector.broadcast(ROWS, VectorMath.LOG2_E);
        DoubleVector rounder = DoubleVector.broadcast(ROWS, VectorMath.ROUNDER);
        DoubleVector ln2High = DoubleVector.broadcast(ROWS, VectorMath.LN2_HIGH);
        DoubleVector ln2Low = DoubleVector.broadcast(ROWS, VectorMath.LN2_LOW);
        long rounderBits = Double.doubleToRawLongBits(VectorMath.ROUNDER);
        double[] c = VectorMath.EXP_COEFFICIENTS;
        int bound = ROWS.loopBound(n);
        int i = 0;
        for (; i < bound; i += ROWS.length()) {
            DoubleVector y = DoubleVector.fromArray(ROWS, v, i).sub(shiftVector).max(floor);
            DoubleVector t = y.mul(log2e).add(rounder);
            DoubleVector whole = t.sub(rounder);
            LongVector exponent = t.reinterpretAsLongs().sub(rounderBits);
            DoubleVector r = y.sub(whole.mul(ln2High)).sub(whole.mul(ln2Low));
            DoubleVector p = DoubleVector.broadcast(ROWS, c[11]);
            for (int k = 10; k >= 0; k--) {
                p = p.mul(r).add(DoubleVector.broadcast(ROWS, c[k]));
            }
            DoubleVector scale = exponent.add(1023).lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
            p.mul(scale).intoArray(v, i);
        }
        for (; i < n; i++) {
            v[i] = VectorMath.expNonPositive(v[i] - shift);
        }
    }
}
