package dev.recommender.taste;

import dev.recommender.core.InteractionsAlgorithm;
import dev.recommender.core.TrainingInput;
import dev.recommender.core.TrainingListener;
import dev.recommender.core.data.Signal;
import dev.recommender.core.data.Interactions;
import org.apache.mahout.cf.taste.impl.recommender.svd.RatingSGDFactorizer;

/**
 * Preset {@code taste-sgd}: Taste's {@code SVDRecommender} over a {@code RatingSGDFactorizer}: biased
 * matrix factorization {@code r_ui ~ mu + b_u + b_i + p_u . q_i} trained by plain stochastic
 * gradient descent (Koren, Bell and Volinsky, "Matrix Factorization Techniques for Recommender
 * Systems", IEEE Computer 2009). Ratings are shuffled once, then visited in that order each
 * iteration; per rating with error {@code e}: biases move by
 * {@code 0.5 lr (e - 0.1 reg b)}, factors by {@code lr (e q_i - reg p_u)} and {@code lr (e p_u - reg q_i)};
 * the learning rate is multiplied by {@code learningRateDecay} after each iteration. Factors start
 * Gaussian with standard deviation {@code randomNoise}. The score of a pair is the prediction; every
 * item the user has not seen is a candidate.
 *
 * <p>Cost: O(entries x factors) per iteration, single-threaded (a peer harness measured about 1.1 s
 * for 30 iterations with 50 factors on MovieLens-small). Determinism: the random start and the
 * shuffle come from Mahout's global fixed seed (switched on by fitting) and the {@code seed}
 * permutes Taste's ids (see the package documentation). Thread safety of the model: see
 * {@link TasteRecommender}.
 *
 * @param factors           number of latent factors, at least 1 (default 50)
 * @param iterations        passes over the ratings, at least 1 (default 30)
 * @param learningRate      step size, positive (default 0.01, Taste's)
 * @param regularization    Taste's {@code preventOverfitting}, non-negative (default 0.1)
 * @param randomNoise       standard deviation of the initial factors, non-negative (default 0.01)
 * @param learningRateDecay multiplier of the learning rate per iteration, in (0, 1] (default 1)
 * @param seed              seed of the id permutation
 */
public record TasteSgd(int factors, int iterations, double learningRate, double regularization, double randomNoise,
                       double learningRateDecay, long seed) implements InteractionsAlgorithm<TasteRecommender> {

    /** The CLI and report name, {@value}. */
    public static final String NAME = "taste-sgd";

    /**
     * Validates the configuration.
     *
     * @throws IllegalArgumentException if a component is out of range (the message names it and its value)
     */
    public TasteSgd {
        Checks.atLeast("factors", factors, 1);
        Checks.atLeast("iterations", iterations, 1);
        Checks.positive("learningRate", learningRate);
        Checks.nonNegative("regularization", regularization);
        Checks.nonNegative("randomNoise", randomNoise);
        Checks.inUnitInterval("learningRateDecay", learningRateDecay);
    }

    /**
     * 50 factors, 30 iterations (the best Taste setting of the peer table in docs/protocols.md), learning
     * rate 0.01, regularization 0.1, noise 0.01, no decay, seed 42.
     */
    public static TasteSgd defaults() {
        return new TasteSgd(50, 30, 0.01, 0.1, 0.01, 1.0, 42L);
    }

    /** A copy with another number of factors. */
    public TasteSgd withFactors(int factors) {
        return new TasteSgd(factors, iterations, learningRate, regularization, randomNoise, learningRateDecay, seed);
    }

    /** A copy with another number of iterations. */
    public TasteSgd withIterations(int iterations) {
        return new TasteSgd(factors, iterations, learningRate, regularization, randomNoise, learningRateDecay, seed);
    }

    /** A copy with another learning rate. */
    public TasteSgd withLearningRate(double learningRate) {
        return new TasteSgd(factors, iterations, learningRate, regularization, randomNoise, learningRateDecay, seed);
    }

    /** A copy with another regularization. */
    public TasteSgd withRegularization(double regularization) {
        return new TasteSgd(factors, iterations, learningRate, regularization, randomNoise, learningRateDecay, seed);
    }

    /** A copy with another initial noise. */
    public TasteSgd withRandomNoise(double randomNoise) {
        return new TasteSgd(factors, iterations, learningRate, regularization, randomNoise, learningRateDecay, seed);
    }

    /** A copy with another learning-rate decay. */
    public TasteSgd withLearningRateDecay(double learningRateDecay) {
        return new TasteSgd(factors, iterations, learningRate, regularization, randomNoise, learningRateDecay, seed);
    }

    /** A copy with another seed. */
    public TasteSgd withSeed(long seed) {
        return new TasteSgd(factors, iterations, learningRate, regularization, randomNoise, learningRateDecay, seed);
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Trains on the {@link Signal#RATING} interactions of the training data. */
    @Override
    public TrainingInput input() {
        return TrainingInput.of(Signal.RATING);
    }

    @Override
    public TasteRecommender fit(Interactions training, TrainingListener listener) {
        return TasteFits.fitFactorization(NAME, training, seed, iterations, listener,
                model -> new RatingSGDFactorizer(model, factors, learningRate, regularization, randomNoise, iterations,
                        learningRateDecay));
    }
}
