package dev.recommender.core.mf;

import dev.recommender.core.Algorithm;
import dev.recommender.core.EpochProgress;
import dev.recommender.core.InteractionsAlgorithm;
import dev.recommender.core.SeenItems;
import dev.recommender.core.TrainingData;
import dev.recommender.core.TrainingInput;
import dev.recommender.core.TrainingListener;
import dev.recommender.core.data.Interactions;
import dev.recommender.core.data.Signal;
import dev.recommender.core.internal.Args;
import dev.recommender.core.internal.ParallelRanges;
import dev.recommender.core.internal.VectorMath;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;

/**
 * An engagement-rate model that uses what an event log holds per pair: weighted least squares on the rate
 * {@code r = engaged / shown} with each pair weighted by how often it was shown, fitted by alternating least
 * squares. The prediction is {@code r_hat = mu + b_u + b_i + p_u . q_i}, clipped to the training range; the
 * parameters minimise
 * <pre>
 *   sum_ui w_ui (r_ui - r_hat_ui)^2 + lambda (|p_u|^2 + |q_i|^2) + lambdaBias (b_u^2 + b_i^2),
 *   w_ui = shown_ui ^ weightExponent
 * </pre>
 * A rate measured over many impressions pulls the factors harder than one from a single impression, so pairs
 * shown once are shrunk toward the biases (their rate is mostly 0 or 1, i.e. noise). With the items fixed a
 * user's {@code (b_u, p_u)} is one ridge regression of {@code d + 1} unknowns, solved exactly (Cholesky);
 * likewise for items. {@code mu} is the unweighted training mean and stays fixed.
 *
 * <p>Values: {@link Interactions#value(int)} is the rate (for example from {@code EngagementRate}), the weight
 * comes from {@link Interactions#eventCount(int)}; on data without counts (every count 1) the model is plain
 * biased ALS on the values.
 *
 * <p>Training: {@code O(iterations (nnz d^2 + (users + items) d^3))}, rows split over {@link Config#threads()}
 * threads; factors start from a Gaussian (standard deviation 0.1) seeded by {@link Config#seed()}, so the
 * same configuration and data give the same model whatever the thread count. Fallbacks as {@link Svd}: an
 * unknown user gets {@code mu + b_i}, an unknown item {@code mu + b_u}. Immutable and thread-safe.
 */
public final class RateAls extends BiasedFactorPredictor {
    /** Name used in reports and as the model file type. */
    public static final String NAME = "rate-als";

    /** What the fit minimises. */
    public enum Loss {
        /** Weighted squared error on the rate, weights {@code shown^weightExponent}; linear prediction. */
        SQUARED,
        /**
         * Negative binomial log-likelihood of {@code engaged} successes in {@code shown} trials with
         * {@code P(engage) = sigmoid(mu + b_u + b_i + p_u . q_i)} ({@code mu} the logit of the training
         * engagement share); fitted by one Newton (IRLS) step per row and sweep. The counts are the weights,
         * so {@code weightExponent} is not used. Needs values in [0, 1].
         */
        BINOMIAL
    }

    private final Config config;

    /**
     * @param mean   the training mean of the values (the {@link #globalMean()})
     * @param offset the constant of the linear predictor: {@code mu} for {@link Loss#SQUARED}, the logit of the
     *               training engagement share for {@link Loss#BINOMIAL}
     */
    RateAls(SeenItems seen, Config config, float mean, float offset, float minValue, float maxValue, float[] userBias,
            float[] itemBias, float[] userFactors, float[] itemFactors) {
        super(seen, NAME, mean, offset, minValue, maxValue, userBias, itemBias, userFactors, itemFactors,
                config.factors());
        this.config = config;
    }

    /**
     * Fits a model.
     *
     * @param training rates per pair with their shown counts
     * @param config   hyper-parameters
     * @return the fitted model
     * @throws IllegalArgumentException if the training data is empty
     */
    public static RateAls fit(Interactions training, Config config) {
        return config.fit(training, TrainingListener.NONE);
    }

    /**
     * Fits a model on training data, aggregated as {@link Config#fit(TrainingData, TrainingListener)}
     * says; the same as {@code config.fit(data)}.
     *
     * @param data   the training data (events and how they become values)
     * @param config the configuration
     * @return the fitted model
     * @throws IllegalArgumentException if the training data is empty
     */
    public static RateAls fit(TrainingData data, Config config) {
        return config.fit(data, TrainingListener.NONE);
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The configuration the model was fitted with. */
    public Config config() {
        return config;
    }

    /** The sigmoid for {@link Loss#BINOMIAL}, else the identity. */
    @Override
    double link(double linear) {
        return config.loss() == Loss.BINOMIAL ? sigmoid(linear) : linear;
    }

    @Override
    boolean identityLink() {
        return config.loss() != Loss.BINOMIAL;
    }

    static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    /**
     * Hyper-parameters of {@link RateAls}; also the {@link Algorithm} that fits it.
     *
     * @param loss               binomial likelihood of (engaged, shown) or weighted squared error on the rate
     * @param factors            latent dimension, at least 1
     * @param regularization     penalty {@code lambda} on the factors, non-negative
     * @param biasRegularization penalty on the biases, non-negative
     * @param weightExponent     pair weight {@code shown^weightExponent} (0: unweighted, 1: by shown count)
     * @param iterations         ALS sweeps (users then items), at least 1
     * @param seed               seed of the initial factors
     * @param threads            worker threads, at least 1
     */
    public record Config(Loss loss, int factors, double regularization, double biasRegularization,
                         double weightExponent, int iterations, long seed, int threads) implements InteractionsAlgorithm<RateAls> {
        /** Validates the fields. */
        public Config {
            Objects.requireNonNull(loss, "loss");
            Args.atLeast("factors", factors, 1);
            Args.nonNegative("regularization", regularization);
            Args.nonNegative("biasRegularization", biasRegularization);
            Args.nonNegative("weightExponent", weightExponent);
            Args.atLeast("iterations", iterations, 1);
            Args.atLeast("threads", threads, 1);
        }

        /**
         * The defaults: squared loss, 16 factors, lambda 50, bias penalty 10, pairs weighted by the square root
         * of the shown count, 10 sweeps,
         * seed 42, every available core ({@code Runtime.availableProcessors()}; results are deterministic for a
         * given thread count) (see docs/models.md for how they were chosen).
         */
        public static Config defaults() {
            return new Config(Loss.SQUARED, 16, 50, 10, 0.5, 10, 42, Runtime.getRuntime().availableProcessors());
        }

        /** This configuration with another loss. */
        public Config withLoss(Loss value) {
            return new Config(value, factors, regularization, biasRegularization, weightExponent, iterations, seed,
                    threads);
        }

        /** This configuration with another latent dimension. */
        public Config withFactors(int value) {
            return new Config(loss, value, regularization, biasRegularization, weightExponent, iterations, seed, threads);
        }

        /** This configuration with another factor penalty. */
        public Config withRegularization(double value) {
            return new Config(loss, factors, value, biasRegularization, weightExponent, iterations, seed, threads);
        }

        /** This configuration with another bias penalty. */
        public Config withBiasRegularization(double value) {
            return new Config(loss, factors, regularization, value, weightExponent, iterations, seed, threads);
        }

        /** This configuration with another weight exponent. */
        public Config withWeightExponent(double value) {
            return new Config(loss, factors, regularization, biasRegularization, value, iterations, seed, threads);
        }

        /** This configuration with another number of sweeps. */
        public Config withIterations(int value) {
            return new Config(loss, factors, regularization, biasRegularization, weightExponent, value, seed, threads);
        }

        /** This configuration with another seed. */
        public Config withSeed(long value) {
            return new Config(loss, factors, regularization, biasRegularization, weightExponent, iterations, value, threads);
        }

        /** This configuration with another thread count. */
        public Config withThreads(int value) {
            return new Config(loss, factors, regularization, biasRegularization, weightExponent, iterations, seed, value);
        }

        @Override
        public String name() {
            return NAME;
        }

        /** Trains on the data's rating signal (the engagement rate per pair on an engagement log). */
        @Override
        public TrainingInput input() {
            return TrainingInput.of(Signal.RATING);
        }

        /**
         * Fits on interactions the caller aggregated (rates with their shown counts).
         *
         * @param training the training pairs
         * @param listener receives one progress report per sweep
         * @return the fitted model
         */
        @Override
        public RateAls fit(Interactions training, TrainingListener listener) {
            Algorithm.checkFitArguments(training, listener);
            return new Trainer(training, this, listener).run();
        }
    }

    /** One fit: the weights, the two alternating half-steps and the loss. */
    private static final class Trainer {
        private final Interactions data;
        private final Config config;
        private final TrainingListener listener;
        private final int d;
        private final boolean binomial;
        private final float mean;
        private final float mu;
        private final float[] weights;
        private final float[] userBias;
        private final float[] itemBias;
        private final float[] userFactors;
        private final float[] itemFactors;

        Trainer(Interactions data, Config config, TrainingListener listener) {
            this.data = data;
            this.config = config;
            this.listener = listener;
            this.d = config.factors();
            this.binomial = config.loss() == Loss.BINOMIAL;
            this.mean = (float) data.meanValue();
            this.weights = new float[data.size()];
            double engaged = 0;
            double shown = 0;
            for (int e = 0; e < weights.length; e++) {
                if (binomial) {
                    float value = data.value(e);
                    if (!(value >= 0 && value <= 1)) {
                        throw new IllegalArgumentException("pair (" + data.users().id(rowOf(data, e)) + ", "
                                + data.items().id(data.itemAt(e)) + ") has value " + value
                                + "; the binomial loss needs engagement rates in [0, 1]");
                    }
                    weights[e] = data.eventCount(e);
                    engaged += (double) value * data.eventCount(e);
                    shown += data.eventCount(e);
                } else {
                    weights[e] = (float) Math.pow(data.eventCount(e), config.weightExponent());
                }
            }
            double share = Math.min(1 - 1e-6, Math.max(1e-6, engaged / Math.max(1, shown)));
            this.mu = binomial ? (float) Math.log(share / (1 - share)) : mean;
            this.userBias = new float[data.userCount()];
            this.itemBias = new float[data.itemCount()];
            SplittableRandom random = new SplittableRandom(config.seed());
            this.itemFactors = gaussian(random, data.itemCount() * d);
            this.userFactors = gaussian(random, data.userCount() * d);
        }

        private static float[] gaussian(SplittableRandom random, int n) {
            float[] values = new float[n];
            for (int k = 0; k < n; k++) {
                values[k] = (float) (0.1 * random.nextGaussian());
            }
            return values;
        }

        RateAls run() {
            long started = System.nanoTime();
            ExecutorService pool = ParallelRanges.newPool(config.threads(), "rate-als-worker");
            int chunks = config.threads() * 4;
            try {
                for (int iteration = 1; iteration <= config.iterations(); iteration++) {
                    ParallelRanges.run(pool, data.userCount(), chunks, (from, to) -> solve(true, from, to), NAME);
                    ParallelRanges.run(pool, data.itemCount(), chunks, (from, to) -> solve(false, from, to), NAME);
                    listener.onEpoch(new EpochProgress(NAME, iteration, config.iterations(), loss(),
                            Duration.ofNanos(System.nanoTime() - started), Map.of()));
                }
            } finally {
                if (pool != null) {
                    pool.shutdownNow();
                }
            }
            return new RateAls(SeenItems.of(data), config, mean, mu, data.minValue(), data.maxValue(), userBias,
                    itemBias, userFactors, itemFactors);
        }

        private static int rowOf(Interactions data, int entry) {
            int user = 0;
            while (data.userEnd(user) <= entry) {
                user++;
            }
            return user;
        }

        /**
         * Solves the rows {@code [from, to)} of one side (users when {@code users}, else items) against the
         * other side: unknowns {@code (b, x)}, design rows {@code (1, y)}, targets {@code r - mu - b_other}.
         */
        private void solve(boolean users, int from, int to) {
            int n = d + 1;
            double[] a = new double[n * n];
            double[] b = new double[n];
            float[] target = users ? userFactors : itemFactors;
            float[] targetBias = users ? userBias : itemBias;
            float[] fixed = users ? itemFactors : userFactors;
            float[] fixedBias = users ? itemBias : userBias;
            for (int row = from; row < to; row++) {
                java.util.Arrays.fill(a, 0);
                java.util.Arrays.fill(b, 0);
                a[0] = config.biasRegularization();
                for (int k = 1; k < n; k++) {
                    a[k * n + k] = config.regularization();
                }
                if (binomial) {
                    // Newton step on the penalised log-likelihood: b = gradient, a = Hessian (negated)
                    b[0] = -config.biasRegularization() * targetBias[row];
                    for (int k = 1; k < n; k++) {
                        b[k] = -config.regularization() * target[row * d + k - 1];
                    }
                }
                int start = users ? data.userStart(row) : data.itemStart(row);
                int end = users ? data.userEnd(row) : data.itemEnd(row);
                for (int position = start; position < end; position++) {
                    int entry = users ? position : data.entryAtItemPosition(position);
                    int other = users ? data.itemAt(position) : data.userAtItemPosition(position);
                    double w = weights[entry];
                    double residual = data.value(entry) - mu - fixedBias[other];
                    int offset = other * d;
                    if (binomial) {
                        double p = sigmoid(mu + targetBias[row] + fixedBias[other]
                                + VectorMath.dot(target, row * d, fixed, offset, d));
                        // gradient n (r - p) z and Hessian n p (1 - p) z z^T, as weight h and residual g / h
                        double g = w * (data.value(entry) - p);
                        w = Math.max(w * p * (1 - p), 1e-9);
                        residual = g / w;
                    }
                    // design row z = (1, y): A += w z z^T (lower triangle), b += w r z
                    a[0] += w;
                    b[0] += w * residual;
                    for (int i = 1; i < n; i++) {
                        double wy = w * fixed[offset + i - 1];
                        b[i] += wy * residual;
                        a[i * n] += wy;
                        for (int j = 1; j <= i; j++) {
                            a[i * n + j] += wy * fixed[offset + j - 1];
                        }
                    }
                }
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < i; j++) {
                        a[j * n + i] = a[i * n + j];
                    }
                }
                VectorMath.choleskySolve(a, b, n);
                float base = binomial ? 1f : 0f;
                targetBias[row] = (float) (base * targetBias[row] + b[0]);
                for (int k = 0; k < d; k++) {
                    target[row * d + k] = (float) (base * target[row * d + k] + b[k + 1]);
                }
            }
        }

        /**
         * Weighted squared error (or the binomial negative log-likelihood) per unit weight plus the penalties,
         * over the training pairs.
         */
        private double loss() {
            double error = 0;
            double totalWeight = 0;
            for (int u = 0; u < data.userCount(); u++) {
                for (int e = data.userStart(u); e < data.userEnd(u); e++) {
                    int i = data.itemAt(e);
                    double prediction = mu + userBias[u] + itemBias[i]
                            + VectorMath.dot(userFactors, u * d, itemFactors, i * d, d);
                    if (binomial) {
                        double p = Math.min(1 - 1e-9, Math.max(1e-9, sigmoid(prediction)));
                        double r = data.value(e);
                        error -= weights[e] * (r * Math.log(p) + (1 - r) * Math.log(1 - p));
                    } else {
                        double residual = data.value(e) - prediction;
                        error += weights[e] * residual * residual;
                    }
                    totalWeight += weights[e];
                }
            }
            double penalty = config.regularization() * (squares(userFactors) + squares(itemFactors))
                    + config.biasRegularization() * (squares(userBias) + squares(itemBias));
            return (error + penalty) / totalWeight;
        }

        private static double squares(float[] values) {
            double sum = 0;
            for (float v : values) {
                sum += v * v;
            }
            return sum;
        }
    }
}
