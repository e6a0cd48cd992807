package dev.recommender.core.mf;

/**
 * The portable SGD kernel: plain float loops. About 4 million updates per second per thread at 64
 * factors on the reference machine. Stateless and thread-safe (see {@link SgdKernel}).
 */
final class ScalarSgdKernel extends SgdKernel {
    @Override
    String name() {
        return "scalar";
    }

    @Override
    double run(long[] pairs, float[] values, float[] weights, int from, int to, float mean,
               float[] userBias, float[] itemBias, float[] userFactors, float[] itemFactors, int factors,
               float rate, float biasRate, float factorReg, float biasReg) {
        final float shrink = 1f - rate * factorReg;
        double squaredErrors = 0;
        for (int k = from; k < to; k++) {
            long pair = pairs[k];
            int user = (int) (pair >>> 32);
            int item = (int) pair;
            int userOffset = user * factors;
            int itemOffset = item * factors;
            float dot = 0f;
            for (int f = 0; f < factors; f++) {
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
            for (int f = 0; f < factors; f++) {
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
        for (int item = 0, n = itemBias.length; item < n; item++) {
            int itemOffset = item * factors;
            float dot = 0f;
            for (int f = 0; f < factors; f++) {
                dot += userFactors[userOffset + f] * itemFactors[itemOffset + f];
            }
            scores[item] = base + itemBias[item] + dot;
        }
    }
}
