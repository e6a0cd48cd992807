package dev.recommender.core.mf;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The SGD kernel on the JDK 17 incubator Vector API ({@code jdk.incubator.vector}): the dot product
 * and both factor updates run {@link FloatVector#SPECIES_PREFERRED} lanes at a time (8 floats with
 * AVX2), the remainder in scalar code. About 3x the scalar kernel's throughput at 64 factors.
 * Only loaded when the module is in the boot layer ({@code --add-modules jdk.incubator.vector});
 * the lane-wise summation order differs from the scalar kernel, so the two kernels give slightly
 * different (each reproducible) models. Stateless and thread-safe (see {@link SgdKernel}).
 */
final class VectorSgdKernel extends SgdKernel {
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;

    @Override
    String name() {
        return "vector";
    }

    @Override
    double run(long[] pairs, float[] values, float[] weights, int from, int to, float mean,
               float[] userBias, float[] itemBias, float[] userFactors, float[] itemFactors, int factors,
               float rate, float biasRate, float factorReg, float biasReg) {
        final int lanes = SPECIES.length();
        final int bound = SPECIES.loopBound(factors);
        final float shrink = 1f - rate * factorReg;
        double squaredErrors = 0;
        for (int k = from; k < to; k++) {
            long pair = pairs[k];
            int user = (int) (pair >>> 32);
            int item = (int) pair;
            int userOffset = user * factors;
            int itemOffset = item * factors;
            FloatVector sum = FloatVector.zero(SPECIES);
            int f = 0;
            for (; f < bound; f += lanes) {
                FloatVector p = FloatVector.fromArray(SPECIES, userFactors, userOffset + f);
                FloatVector q = FloatVector.fromArray(SPECIES, itemFactors, itemOffset + f);
                sum = p.fma(q, sum);
            }
            float dot = sum.reduceLanes(VectorOperators.ADD);
            for (; f < factors; f++) {
                dot += userFactors[userOffset + f] * itemFactors[itemOffset + f];
            }
            float bu = userBias[user];
            float bi = itemBias[item];
            float error = values[k] - (mean + bu + bi + dot);
            squaredErrors += (double) error * error;
            if (weights != null) {
                error *= weights[k];
            }
            userBias[user] = bu + biasRate * (error - biasReg * bu);
            itemBias[item] = bi + biasRate * (error - biasReg * bi);
            float step = rate * error;
            FloatVector stepVector = FloatVector.broadcast(SPECIES, step);
            f = 0;
            for (; f < bound; f += lanes) {
                FloatVector p = FloatVector.fromArray(SPECIES, userFactors, userOffset + f);
                FloatVector q = FloatVector.fromArray(SPECIES, itemFactors, itemOffset + f);
                q.fma(stepVector, p.mul(shrink)).intoArray(userFactors, userOffset + f);
                p.fma(stepVector, q.mul(shrink)).intoArray(itemFactors, itemOffset + f);
            }
            for (; f < factors; f++) {
                float p = userFactors[userOffset + f];
                float q = itemFactors[itemOffset + f];
                userFactors[userOffset + f] = p * shrink + step * q;
                itemFactors[itemOffset + f] = q * shrink + step * p;
            }
        }
        return squaredErrors;
    }

    @Override
    void scoreAll(float[] userFactors, int userOffset, float[] itemFactors, float[] itemBias, float base,
                  int factors, float[] scores) {
        final int lanes = SPECIES.length();
        final int bound = SPECIES.loopBound(factors);
        for (int item = 0, n = itemBias.length; item < n; item++) {
            int itemOffset = item * factors;
            FloatVector sum = FloatVector.zero(SPECIES);
            int f = 0;
            for (; f < bound; f += lanes) {
                FloatVector p = FloatVector.fromArray(SPECIES, userFactors, userOffset + f);
                sum = p.fma(FloatVector.fromArray(SPECIES, itemFactors, itemOffset + f), sum);
            }
            float dot = sum.reduceLanes(VectorOperators.ADD);
            for (; f < factors; f++) {
                dot += userFactors[userOffset + f] * itemFactors[itemOffset + f];
            }
            scores[item] = base + itemBias[item] + dot;
        }
    }
}
