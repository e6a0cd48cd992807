package dev.recommender.core.mf;

import dev.recommender.core.SeenItems;
import dev.recommender.core.ValuePredictor;
import dev.recommender.core.internal.VectorMath;

/**
 * The serving side that {@link RateAls} and {@link ExposureRate} share: a value predictor
 * {@code r_hat = link(offset + b_u + b_i + p_u . q_i)}, clipped to the training range, with the terms of an
 * unknown user or item left out. The parameters are checked against the numbering once, at construction; the
 * arrays are never modified afterwards. Immutable and thread-safe.
 */
abstract class BiasedFactorPredictor extends ValuePredictor {
    private final int d;
    private final float offset;
    private final float[] userBias;
    private final float[] itemBias;
    private final float[] userFactors;
    private final float[] itemFactors;
    private final SgdKernel scorer = SgdKernel.select(Svd.Kernel.SCALAR);

    /**
     * @param name        the model name, for error messages
     * @param mean        the training mean of the values (the {@link #globalMean()})
     * @param offset      the constant of the linear predictor
     * @param d           the stored factor dimension
     * @throws IllegalArgumentException if a length does not match the numbering or the offset is not finite
     */
    BiasedFactorPredictor(SeenItems seen, String name, float mean, float offset, float minValue, float maxValue,
                          float[] userBias, float[] itemBias, float[] userFactors, float[] itemFactors, int d) {
        super(seen, name, mean, minValue, maxValue);
        int users = seen.users().size();
        int items = seen.items().size();
        if (userBias.length != users || itemBias.length != items
                || userFactors.length != (long) users * d || itemFactors.length != (long) items * d) {
            throw new IllegalArgumentException(name + " parameter sizes do not match " + users + " users, " + items
                    + " items, " + d + " factors");
        }
        if (!Float.isFinite(offset)) {
            throw new IllegalArgumentException(name + " offset " + offset + " is not finite");
        }
        this.d = d;
        this.offset = offset;
        this.userBias = userBias;
        this.itemBias = itemBias;
        this.userFactors = userFactors;
        this.itemFactors = itemFactors;
    }

    /** Maps the linear predictor to the value scale: the identity unless a subclass says otherwise. */
    double link(double linear) {
        return linear;
    }

    /** Whether {@link #link} is the identity (then {@link #scoreAll} skips it). */
    boolean identityLink() {
        return true;
    }

    /**
     * {@inheritDoc}
     *
     * <p>{@code link(offset + b_u + b_i + p_u . q_i)}; unknown users or items have zero terms.
     */
    @Override
    protected final double prediction(int user, int item) {
        boolean knownUser = user >= 0 && user < userBias.length;
        boolean knownItem = item >= 0 && item < itemBias.length;
        double prediction = offset + (knownUser ? userBias[user] : 0) + (knownItem ? itemBias[item] : 0);
        if (knownUser && knownItem) {
            prediction += VectorMath.dot(userFactors, user * d, itemFactors, item * d, d);
        }
        return link(prediction);
    }

    /** Scores are predicted values before clipping. */
    @Override
    protected final void scoreAll(int userIndex, float[] scores) {
        scorer.scoreAll(userFactors, userIndex * d, itemFactors, itemBias, offset + userBias[userIndex], d, scores);
        if (!identityLink()) {
            for (int i = 0; i < scores.length; i++) {
                scores[i] = (float) link(scores[i]);
            }
        }
    }

    // Package-private views for the codecs.
    float offset() {
        return offset;
    }

    float[] userBiasArray() {
        return userBias;
    }

    float[] itemBiasArray() {
        return itemBias;
    }

    float[] userFactorArray() {
        return userFactors;
    }

    float[] itemFactorArray() {
        return itemFactors;
    }
}
