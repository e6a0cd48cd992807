package dev.recommender.core.internal;

import dev.recommender.core.data.Interactions;

import java.util.Arrays;

/**
 * Small dense kernels on flat {@code float[]} rows shared by the retrieval models and indexes.
 * Every score the package reports goes through {@link #dot}, so exact search, candidate scoring and
 * re-scored approximate results agree to the last bit. Stateless.
 *
 * <p>Public only so that other core packages (the {@code mf} trainers) can share the solver; not part of the
 * library's API (issue 8 moves the helpers to one internal package).
 */
public final class VectorMath {
    private VectorMath() {
    }

    /**
     * Sets to zero the rows of the users and of the items that the numbering holds but that have no training
     * pair, so that no random initial values leak into their scores (or into a Gram matrix).
     *
     * @param training  the training interactions, whose numbering the rows follow
     * @param userRows  {@code training.userCount() x d} floats, row-major
     * @param itemRows  {@code training.itemCount() x d} floats, row-major
     * @param d         the row length
     */
    public static void zeroRowsWithoutPairs(Interactions training, float[] userRows, float[] itemRows, int d) {
        for (int u = 0; u < training.userCount(); u++) {
            if (training.userDegree(u) == 0) {
                Arrays.fill(userRows, u * d, (u + 1) * d, 0f);
            }
        }
        for (int i = 0; i < training.itemCount(); i++) {
            if (training.itemDegree(i) == 0) {
                Arrays.fill(itemRows, i * d, (i + 1) * d, 0f);
            }
        }
    }

    /**
     * Whether the kernels of this class ({@link #dot}, {@link #multiplySymmetric}, {@link #subtractFourRows},
     * {@link #addWeightedColumns}, {@link #addScaled}, {@link #addScaledAndDots}, {@link #expShiftedSum}) run on the
     * Vector API ({@code --add-modules jdk.incubator.vector} given and usable); their results are the same bits
     * either way.
     */
    static final boolean VECTOR_KERNELS = vectorKernelsUsable();

    /**
     * Whether the JDK incubator Vector API module is in the boot layer ({@code --add-modules
     * jdk.incubator.vector}): the one check every kernel choice of the library starts from.
     *
     * @return true if {@code jdk.incubator.vector} can be used
     */
    public static boolean vectorModulePresent() {
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }

    private static boolean vectorKernelsUsable() {
        if (!vectorModulePresent()) {
            return false;
        }
        try {
            float[] probe = {1f, 2f, 3f, 4f, 5f};
            return VectorDot.dot(probe, 0, probe, 0, probe.length) == scalarDot(probe, 0, probe, 0, probe.length);
        } catch (LinkageError | RuntimeException e) {
            return false;
        }
    }

    /**
     * Inner product of {@code a[aOffset..aOffset+length)} and {@code b[bOffset..bOffset+length)}, with four
     * independent accumulators summed in a fixed order (deterministic). With the Vector API module the four
     * accumulators are the lanes of one vector ({@code VectorDot}); the result is the same bits.
     */
    public static float dot(float[] a, int aOffset, float[] b, int bOffset, int length) {
        if (VECTOR_KERNELS) {
            return VectorDot.dot(a, aOffset, b, bOffset, length);
        }
        return scalarDot(a, aOffset, b, bOffset, length);
    }

    /** {@link #dot} in plain Java: the reference {@code VectorDot} must equal bit for bit. */
    static float scalarDot(float[] a, int aOffset, float[] b, int bOffset, int length) {
        float s0 = 0f;
        float s1 = 0f;
        float s2 = 0f;
        float s3 = 0f;
        int k = 0;
        for (; k + 3 < length; k += 4) {
            s0 += a[aOffset + k] * b[bOffset + k];
            s1 += a[aOffset + k + 1] * b[bOffset + k + 1];
            s2 += a[aOffset + k + 2] * b[bOffset + k + 2];
            s3 += a[aOffset + k + 3] * b[bOffset + k + 3];
        }
        for (; k < length; k++) {
            s0 += a[aOffset + k] * b[bOffset + k];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /**
     * {@code out = G v} for a symmetric, row-major {@code d x d} matrix (exactly symmetric: {@code G[r][c]} and
     * {@code G[c][r]} the same value), in double precision. Each row's sum runs over the columns in order, so
     * the result is that of the plain loop; with the Vector API module several rows are the lanes of one
     * vector ({@code VectorDot}), the same bits again.
     */
    public static void multiplySymmetric(double[] g, double[] v, double[] out, int d) {
        if (VECTOR_KERNELS) {
            VectorDot.multiplySymmetric(g, v, out, d);
        } else {
            scalarMultiplyRows(g, v, out, d, 0);
        }
    }

    /**
     * Rows {@code from..d-1} of {@code out = G v} in plain Java, four rows at a time so that four independent
     * sums overlap; each row's sum runs over the columns in order. The reference the vector path must equal.
     */
    static void scalarMultiplyRows(double[] g, double[] v, double[] out, int d, int from) {
        int i = from;
        for (; i + 4 <= d; i += 4) {
            int b0 = i * d;
            int b1 = b0 + d;
            int b2 = b1 + d;
            int b3 = b2 + d;
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            for (int j = 0; j < d; j++) {
                double vj = v[j];
                s0 += g[b0 + j] * vj;
                s1 += g[b1 + j] * vj;
                s2 += g[b2 + j] * vj;
                s3 += g[b3 + j] * vj;
            }
            out[i] = s0;
            out[i + 1] = s1;
            out[i + 2] = s2;
            out[i + 3] = s3;
        }
        for (; i < d; i++) {
            int base = i * d;
            double sum = 0;
            for (int j = 0; j < d; j++) {
                sum += g[base + j] * v[j];
            }
            out[i] = sum;
        }
    }

    /**
     * {@code m[mOffset + j] -= f0 w[w0 + j] + f1 w[w1 + j] + f2 w[w2 + j] + f3 w[w3 + j]} for {@code j < length},
     * the four products of each element added left to right (a rank-4 update of a row; EASE's inversion). The
     * rows of {@code w} must not overlap {@code m}'s range. With the Vector API module several elements at once,
     * each computed as here: the same bits.
     */
    public static void subtractFourRows(float[] m, int mOffset, float[] w, int w0, int w1, int w2, int w3, float f0,
                                        float f1, float f2, float f3, int length) {
        if (VECTOR_KERNELS) {
            VectorDot.subtractFourRows(m, mOffset, w, w0, w1, w2, w3, f0, f1, f2, f3, length);
        } else {
            scalarSubtractFourRows(m, mOffset, w, w0, w1, w2, w3, f0, f1, f2, f3, 0, length);
        }
    }

    /** Elements {@code from..length-1} of {@link #subtractFourRows} in plain Java: the reference. */
    static void scalarSubtractFourRows(float[] m, int mOffset, float[] w, int w0, int w1, int w2, int w3, float f0,
                                       float f1, float f2, float f3, int from, int length) {
        for (int j = from; j < length; j++) {
            m[mOffset + j] -= f0 * w[w0 + j] + f1 * w[w1 + j] + f2 * w[w2 + j] + f3 * w[w3 + j];
        }
    }

    /**
     * {@code out[i] += sum_f weights[wOffset + f] * columns[f * n + i]} for {@code i < n} and {@code f < k}, each
     * element's products added in order of {@code f} (for example, one user's logits over a catalog whose factors
     * are stored column by column). {@code out} must not overlap {@code columns}. With the Vector API module
     * several elements at once, each summed in the same order ({@code VectorDot}): the same bits.
     */
    public static void addWeightedColumns(double[] out, int n, double[] columns, double[] weights, int wOffset, int k) {
        if (VECTOR_KERNELS) {
            VectorDot.addWeightedColumns(out, n, columns, weights, wOffset, k);
            return;
        }
        for (int f = 0; f < k; f++) {
            double weight = weights[wOffset + f];
            int offset = f * n;
            for (int i = 0; i < n; i++) {
                out[i] += weight * columns[offset + i];
            }
        }
    }

    /**
     * {@code y[yOffset + i] += x[i] * a} for {@code i < n}. {@code y} must not overlap {@code x}. With the Vector API
     * module several elements at a time ({@code VectorDot}): the same bits, each element's arithmetic unchanged.
     */
    public static void addScaled(double[] y, int yOffset, double[] x, double a, int n) {
        if (VECTOR_KERNELS) {
            VectorDot.addScaled(y, yOffset, x, a, n);
            return;
        }
        for (int i = 0; i < n; i++) {
            y[yOffset + i] += x[i] * a;
        }
    }

    /**
     * For every column {@code f < k} of two column-major blocks ({@code f * n} is where column {@code f} starts):
     * {@code y[f * n + i] += x[i] * a[aOffset + f]} for {@code i < n}, and {@code dots[f] = sum_i x[i] * z[f * n + i]}
     * with four accumulators ({@code i mod 4}) summed as {@code (s0 + s1) + (s2 + s3)}, a fixed order: k gradient
     * column updates and k dot products. {@code y} must not overlap {@code x} or {@code z}. With the Vector API
     * module ({@code VectorDot}) the sums of four columns share one pass over {@code x}, in four independent
     * vectors (so no add waits for the previous one): the same bits as the plain loops.
     *
     * @param dots receives the k sums (length at least k)
     */
    public static void addScaledAndDots(double[] y, double[] x, double[] a, int aOffset, double[] z, int n, int k,
                                        double[] dots) {
        if (VECTOR_KERNELS) {
            VectorDot.addScaledAndDots(y, x, a, aOffset, z, n, k, dots);
            return;
        }
        for (int f = 0; f < k; f++) {
            int offset = f * n;
            double scale = a[aOffset + f];
            for (int i = 0; i < n; i++) {
                y[offset + i] += x[i] * scale;
            }
            dots[f] = scalarDot(x, z, offset, n, 0, 0, 0, 0, 0);
        }
    }

    /** {@code sum_i x[i] * z[offset + i]} from element {@code from} on, continuing four sums: the reference. */
    static double scalarDot(double[] x, double[] z, int offset, int n, int from, double s0, double s1, double s2,
                            double s3) {
        int i = from;
        for (; i + 3 < n; i += 4) {
            s0 += x[i] * z[offset + i];
            s1 += x[i + 1] * z[offset + i + 1];
            s2 += x[i + 2] * z[offset + i + 2];
            s3 += x[i + 3] * z[offset + i + 3];
        }
        for (; i < n; i++) {
            s0 += x[i] * z[offset + i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    static final double LOG2_E = 1.4426950408889634;
    /** ln 2 split in two (fdlibm's constants): {@code n * LN2_HIGH} is exact for the exponents used here. */
    static final double LN2_HIGH = 6.93147180369123816490e-01;
    static final double LN2_LOW = 1.90821492927058770002e-10;
    /** 1.5 * 2^52: adding it rounds to an integer, which then sits in the low bits of the sum's mantissa. */
    static final double ROUNDER = 6755399441055744.0;
    /** Arguments below are raised to it: {@code exp(-700)} is about {@code 1e-304}, still a normal double. */
    static final double MIN_EXP_ARGUMENT = -700;
    /** {@code 1/k!} for k = 0..11, the Taylor coefficients of {@code e^r} on {@code |r| <= ln(2)/2}. */
    static final double[] EXP_COEFFICIENTS = {1.0, 1.0, 1.0 / 2, 1.0 / 6, 1.0 / 24, 1.0 / 120, 1.0 / 720, 1.0 / 5040,
            1.0 / 40320, 1.0 / 362880, 1.0 / 3628800, 1.0 / 39916800};

    /**
     * {@code v[i] = exp(v[i] - shift)} for {@code i < n}, where every {@code v[i] <= shift} (for example, softmax
     * logits minus their maximum); returns the sum of the new values, added in index order. The exponential is
     * {@link #expNonPositive}, written with additions, multiplications and bit operations only, so the Vector API
     * path (several elements at once, {@code VectorDot}) gives the same bits as the scalar one; about 3 times
     * cheaper than {@link Math#exp} per element there.
     */
    public static double expShiftedSum(double[] v, int n, double shift) {
        if (VECTOR_KERNELS) {
            VectorDot.expShifted(v, n, shift);
        } else {
            for (int i = 0; i < n; i++) {
                v[i] = expNonPositive(v[i] - shift);
            }
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += v[i];
        }
        return sum;
    }

    /**
     * {@code e^x} for {@code x <= 0}, relative error below {@code 1e-14} against {@link Math#exp} (arguments below
     * {@value #MIN_EXP_ARGUMENT} give {@code e^-700}): {@code x = n ln 2 + r} with {@code n} rounded to the
     * nearest integer, {@code e^r} by its Taylor series to degree 11 (Horner), times {@code 2^n} built from bits.
     * The reference the vector path must equal.
     */
    public static double expNonPositive(double x) {
        double y = Math.max(x, MIN_EXP_ARGUMENT);
        double t = y * LOG2_E + ROUNDER;
        double n = t - ROUNDER;
        long exponent = Double.doubleToRawLongBits(t) - Double.doubleToRawLongBits(ROUNDER);
        double r = (y - n * LN2_HIGH) - n * LN2_LOW;
        double p = EXP_COEFFICIENTS[11];
        for (int k = 10; k >= 0; k--) {
            p = p * r + EXP_COEFFICIENTS[k];
        }
        return p * Double.longBitsToDouble((exponent + 1023) << 52);
    }

    /**
     * Solves {@code A x = b} for a symmetric positive definite {@code n x n} matrix (row-major, overwritten by
     * its Cholesky factor) and writes {@code x} into {@code b}.
     *
     * @throws IllegalArgumentException if the matrix is not positive definite
     */
    public static void choleskySolve(double[] a, double[] b, int n) {
        for (int j = 0; j < n; j++) {
            double diagonal = a[j * n + j];
            for (int k = 0; k < j; k++) {
                diagonal -= a[j * n + k] * a[j * n + k];
            }
            if (!(diagonal > 0)) {
                throw new IllegalArgumentException("matrix is not positive definite (pivot " + j + " = " + diagonal + ")");
            }
            double root = Math.sqrt(diagonal);
            a[j * n + j] = root;
            for (int i = j + 1; i < n; i++) {
                double sum = a[i * n + j];
                for (int k = 0; k < j; k++) {
                    sum -= a[i * n + k] * a[j * n + k];
                }
                a[i * n + j] = sum / root;
            }
        }
        for (int i = 0; i < n; i++) {
            double sum = b[i];
            for (int k = 0; k < i; k++) {
                sum -= a[i * n + k] * b[k];
            }
            b[i] = sum / a[i * n + i];
        }
        for (int i = n - 1; i >= 0; i--) {
            double sum = b[i];
            for (int k = i + 1; k < n; k++) {
                sum -= a[k * n + i] * b[k];
            }
            b[i] = sum / a[i * n + i];
        }
    }

    /** Throws an {@code IllegalArgumentException} naming the argument if a vector has a non-finite element. */
    public static void requireFinite(float[] values, String name) {
        for (int k = 0; k < values.length; k++) {
            if (!Float.isFinite(values[k])) {
                throw new IllegalArgumentException(name + "[" + k + "] is not finite: " + values[k]);
            }
        }
    }
}
