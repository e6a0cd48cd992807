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
import dev.recommender.core.internal.Shuffle;
import dev.recommender.core.internal.VectorMath;

import java.time.Duration;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * SVD++ (Koren, "Factorization meets the neighborhood", KDD 2008): biased matrix factorization whose user
 * vector also learns from <em>which</em> items the user rated, not only from the values:
 * <pre>
 *   r_hat = mu + b_u + b_i + q_i . (p_u + |N(u)|^(-1/2) sum_{j in N(u)} y_j)
 * </pre>
 * where {@code N(u)} is the set of items the user has in the training data. Each item carries a second factor
 * vector {@code y_j}; a user with few ratings gets most of their taste from the sum of the {@code y_j} of what
 * they rated, which the plain factors ({@link Svd}) must learn from those few values alone.
 *
 * <p>Fit: SGD on the squared error with L2 penalties, one thread, by user (the usual fast scheme): every epoch
 * visits the users in a fresh seeded random order; for a user it computes the implicit term
 * {@code z_u = |N(u)|^(-1/2) sum y_j} once, runs SGD over the user's ratings in a fresh random order updating
 * {@code b_u, b_i, p_u, q_i} with {@code z_u} held fixed, accumulates the gradient on {@code z_u}, and at the end
 * of the user applies it to every {@code y_j} of {@code N(u)} (see {@link Config} for the exact updates).
 * {@code mu} is the training mean and stays fixed. The model is a function of the data, the configuration and
 * the seed.
 *
 * <p>Serving: after the fit the implicit term is folded into the user factors,
 * {@code p'_u = p_u + |N(u)|^(-1/2) sum_{j in N(u)} y_j}, so the stored and served model is a plain biased factor
 * model {@code mu + b_u + b_i + q_i . p'_u}, clipped to the smallest and largest training value; the
 * {@code y_j} are not kept (a user's vector does not change after the fit). Fallbacks as {@link Svd}: an unknown
 * user gets {@code mu + b_i}, an unknown item {@code mu + b_u}, both unknown {@code mu}; users and items of the
 * numbering without training pairs predict like unknown ones.
 *
 * <p>Cost: {@code O(epochs · pairs · factors)} time (each pair is touched three times an epoch: in the user's
 * implicit sum, its SGD step and the {@code y} update), in scalar loops on one thread: on MovieLens latest-small
 * about four times {@link Svd}'s time per epoch on its Vector API kernel; memory 4 · (users + 2 items) · factors bytes of parameters while fitting. Prediction: O(factors)
 * per pair. Immutable and thread-safe.
 */
public final class SvdPlusPlus extends BiasedFactorPredictor {
    /** Name used in reports and as the model file type. */
    public static final String NAME = "svdpp";

    private final Config config;

    /**
     * @param mean the training mean of the values (the {@link #globalMean()} and the constant of the prediction)
     */
    SvdPlusPlus(SeenItems seen, Config config, float mean, float minValue, float maxValue, float[] userBias,
                float[] itemBias, float[] userFactors, float[] itemFactors) {
        super(seen, NAME, mean, mean, minValue, maxValue, userBias, itemBias, userFactors, itemFactors,
                config.factors());
        this.config = config;
    }

    /**
     * Fits a model.
     *
     * @param training ratings per pair
     * @param config   hyper-parameters
     * @return the fitted model
     * @throws IllegalArgumentException if the training data is empty
     */
    public static SvdPlusPlus fit(Interactions training, Config config) {
        return config.fit(training, TrainingListener.NONE);
    }

    /**
     * Fits a model on training data's rating signal; the same as {@code config.fit(data)}.
     *
     * @param data   the training data (events and how they become values)
     * @param config the configuration
     * @return the fitted model
     * @throws IllegalArgumentException if the training data is empty
     */
    public static SvdPlusPlus fit(TrainingData data, Config config) {
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

    @Override
    public String toString() {
        return "SvdPlusPlus[users=" + seenItems().users().size() + ", items=" + items().size() + ", factors="
                + config.factors() + "]";
    }

    /**
     * Hyper-parameters of {@link SvdPlusPlus}; also the {@link Algorithm} that fits it (on the data's ratings).
     *
     * <p>Per rating {@code (u, i, r)} with error {@code e = r - r_hat} and {@code z_u} fixed during the user:
     * {@code b_u += lr (e - biasRegularization b_u)}, the same for {@code b_i},
     * {@code p_u += lr (e q_i - regularization p_u)}, {@code q_i += lr (e (p_u + z_u) - regularization q_i)}
     * (both from the old values), and {@code g += e q_i}. At the end of the user, for every {@code j} in
     * {@code N(u)}: {@code y_j += lr (|N(u)|^(-1/2) g - implicitRegularization y_j)}, i.e. one SGD step per user
     * visit on the user's summed loss, the penalty on {@code y_j} counted once per user who rated {@code j}.
     * {@code lr} is multiplied by {@code learningRateDecay} after every epoch. {@code p} and {@code q} start as
     * independent N(0, initStd) draws, {@code y} and the biases at 0 (so the first steps are those of
     * {@link Svd}).
     *
     * @param factors                latent dimension, at least 1
     * @param epochs                 passes over the users, at least 1
     * @param learningRate           SGD step of every parameter, positive
     * @param regularization         L2 penalty of {@code p_u} and {@code q_i}, non-negative
     * @param implicitRegularization L2 penalty of {@code y_j}, non-negative, with {@code learningRate} times it below 1
     * @param biasRegularization     L2 penalty of the biases, non-negative
     * @param initStd                standard deviation of the initial {@code p} and {@code q}, non-negative
     * @param learningRateDecay      factor applied to the learning rate after each epoch, in (0, 1]
     * @param seed                   seed of the initial factors and of the visiting orders
     */
    public record Config(int factors, int epochs, double learningRate, double regularization,
                         double implicitRegularization, double biasRegularization, double initStd,
                         double learningRateDecay, long seed) implements InteractionsAlgorithm<SvdPlusPlus> {
        /**
         * Validates the fields.
         *
         * @throws IllegalArgumentException naming the first invalid field and its value
         */
        public Config {
            Args.atLeast("factors", factors, 1);
            Args.atLeast("epochs", epochs, 1);
            Args.positive("learningRate", learningRate);
            Args.nonNegative("regularization", regularization);
            Args.nonNegative("implicitRegularization", implicitRegularization);
            Args.nonNegative("biasRegularization", biasRegularization);
            Args.nonNegative("initStd", initStd);
            if (!(learningRateDecay > 0 && learningRateDecay <= 1)) {
                throw new IllegalArgumentException("learningRateDecay must be in (0, 1], got " + learningRateDecay);
            }
            if (!(learningRate * implicitRegularization < 1)) {
                throw new IllegalArgumentException("learningRate * implicitRegularization must be below 1 (every user "
                        + "visit multiplies y_j by 1 - their product), got " + learningRate + " * "
                        + implicitRegularization);
            }
        }

        /**
         * The defaults, for star ratings: 100 factors, 80 epochs, learning rate 0.005 (no decay), regularisation
         * 0.08 on {@code p} and {@code q}, 15 on {@code y} (per user visit), 0.02 on the biases, initial standard
         * deviation 0.02, seed 42. Chosen by validation RMSE on pairs carved from the training sides of two
         * MovieLens latest-small protocol-A folds, never on their test pairs (docs/models.md has the grid).
         */
        public static Config defaults() {
            return new Config(100, 80, 0.005, 0.08, 15, 0.02, 0.02, 1.0, 42L);
        }

        /** This configuration with another latent dimension. */
        public Config withFactors(int value) {
            return new Config(value, epochs, learningRate, regularization, implicitRegularization, biasRegularization,
                    initStd, learningRateDecay, seed);
        }

        /** This configuration with another number of epochs. */
        public Config withEpochs(int value) {
            return new Config(factors, value, learningRate, regularization, implicitRegularization, biasRegularization,
                    initStd, learningRateDecay, seed);
        }

        /** This configuration with another learning rate. */
        public Config withLearningRate(double value) {
            return new Config(factors, epochs, value, regularization, implicitRegularization, biasRegularization,
                    initStd, learningRateDecay, seed);
        }

        /** This configuration with another penalty of {@code p} and {@code q}. */
        public Config withRegularization(double value) {
            return new Config(factors, epochs, learningRate, value, implicitRegularization, biasRegularization,
                    initStd, learningRateDecay, seed);
        }

        /** This configuration with another penalty of {@code y}. */
        public Config withImplicitRegularization(double value) {
            return new Config(factors, epochs, learningRate, regularization, value, biasRegularization, initStd,
                    learningRateDecay, seed);
        }

        /** This configuration with another bias penalty. */
        public Config withBiasRegularization(double value) {
            return new Config(factors, epochs, learningRate, regularization, implicitRegularization, value, initStd,
                    learningRateDecay, seed);
        }

        /** This configuration with another learning-rate decay. */
        public Config withLearningRateDecay(double value) {
            return new Config(factors, epochs, learningRate, regularization, implicitRegularization,
                    biasRegularization, initStd, value, seed);
        }

        /** This configuration with another standard deviation of the initial factors. */
        public Config withInitStd(double value) {
            return new Config(factors, epochs, learningRate, regularization, implicitRegularization,
                    biasRegularization, value, learningRateDecay, seed);
        }

        /** This configuration with another seed. */
        public Config withSeed(long value) {
            return new Config(factors, epochs, learningRate, regularization, implicitRegularization,
                    biasRegularization, initStd, learningRateDecay, value);
        }

        @Override
        public String name() {
            return NAME;
        }

        /** Trains on the data's {@link Signal#RATING} values. */
        @Override
        public TrainingInput input() {
            return TrainingInput.of(Signal.RATING);
        }

        /**
         * Fits on interactions the caller aggregated. After every epoch the listener receives the training mean
         * squared error of that epoch (each rating's error measured just before its update) and the epoch's
         * learning rate (metric {@code "learningRate"}).
         *
         * @param training the training pairs
         * @param listener receives one progress report per epoch
         * @return the fitted model
         * @throws IllegalArgumentException if the training data is empty or the factor tables would not fit
         *                                  in a Java array
         * @throws IllegalStateException    if training diverges (non-finite loss; lower the learning rate)
         */
        @Override
        public SvdPlusPlus fit(Interactions training, TrainingListener listener) {
            Algorithm.checkFitArguments(training, listener);
            long rows = Math.max(training.userCount(), training.itemCount());
            if (rows * factors > Integer.MAX_VALUE - 16) {
                throw new IllegalArgumentException("factors " + factors + " times " + rows
                        + " users or items exceeds the largest Java array");
            }
            Parameters trained = train(training, this, listener);
            return new SvdPlusPlus(SeenItems.of(training), this, trained.mean(), training.minValue(),
                    training.maxValue(), trained.userBias(), trained.itemBias(), trained.foldedUserFactors(training),
                    trained.itemFactors());
        }
    }

    /**
     * The fitted parameters before folding.
     *
     * @param implicitFactors the {@code y_j}, row-major like {@code itemFactors}
     */
    record Parameters(float mean, float[] userBias, float[] itemBias, float[] userFactors, float[] itemFactors,
                      float[] implicitFactors, int factors) {
        /** {@code |N(u)|^(-1/2) sum_{j in N(u)} y_j} into {@code out} (zeros for a user without pairs). */
        void implicitTerm(Interactions training, int user, float[] out) {
            java.util.Arrays.fill(out, 0f);
            int n = training.userDegree(user);
            if (n == 0) {
                return;
            }
            for (int e = training.userStart(user); e < training.userEnd(user); e++) {
                int row = training.itemAt(e) * factors;
                for (int f = 0; f < factors; f++) {
                    out[f] += implicitFactors[row + f];
                }
            }
            float norm = (float) (1 / Math.sqrt(n));
            for (int f = 0; f < factors; f++) {
                out[f] *= norm;
            }
        }

        /** The served user factors {@code p'_u = p_u + z_u}, a new array. */
        float[] foldedUserFactors(Interactions training) {
            float[] folded = userFactors.clone();
            float[] z = new float[factors];
            for (int u = 0; u < training.userCount(); u++) {
                implicitTerm(training, u, z);
                for (int f = 0; f < factors; f++) {
                    folded[u * factors + f] += z[f];
                }
            }
            return folded;
        }
    }

    /** The SGD fit by user (see the class documentation); package-private so tests can check the folding. */
    static Parameters train(Interactions training, Config config, TrainingListener listener) {
        long started = System.nanoTime();
        int d = config.factors();
        int users = training.userCount();
        int items = training.itemCount();
        SplittableRandom random = new SplittableRandom(config.seed());
        float mean = (float) training.meanValue();
        float[] userBias = new float[users];
        float[] itemBias = new float[items];
        float[] p = SvdTrainer.gaussian(users * d, config.initStd(), random);
        float[] q = SvdTrainer.gaussian(items * d, config.initStd(), random);
        float[] y = new float[items * d];
        Parameters parameters = new Parameters(mean, userBias, itemBias, p, q, y, d);
        int maxDegree = 0;
        for (int u = 0; u < users; u++) {
            maxDegree = Math.max(maxDegree, training.userDegree(u));
        }
        int[] order = new int[maxDegree];
        float[] z = new float[d];
        float[] gradient = new float[d];
        float reg = (float) config.regularization();
        float implicitReg = (float) config.implicitRegularization();
        float biasReg = (float) config.biasRegularization();
        double rate = config.learningRate();
        for (int epoch = 1; epoch <= config.epochs(); epoch++) {
            float lr = (float) rate;
            double squaredErrors = 0;
            for (int u : Shuffle.permutation(users, random)) {
                int start = training.userStart(u);
                int n = training.userDegree(u);
                if (n == 0) {
                    continue;
                }
                parameters.implicitTerm(training, u, z);
                java.util.Arrays.fill(gradient, 0f);
                for (int k = 0; k < n; k++) {
                    order[k] = start + k;
                }
                Shuffle.shuffle(order, n, random);
                int userRow = u * d;
                for (int k = 0; k < n; k++) {
                    int e = order[k];
                    int i = training.itemAt(e);
                    int itemRow = i * d;
                    float dot = 0f;
                    for (int f = 0; f < d; f++) {
                        dot += q[itemRow + f] * (p[userRow + f] + z[f]);
                    }
                    float bu = userBias[u];
                    float bi = itemBias[i];
                    float error = training.value(e) - (mean + bu + bi + dot);
                    squaredErrors += (double) error * error;
                    userBias[u] = bu + lr * (error - biasReg * bu);
                    itemBias[i] = bi + lr * (error - biasReg * bi);
                    for (int f = 0; f < d; f++) {
                        float pf = p[userRow + f];
                        float qf = q[itemRow + f];
                        p[userRow + f] = pf + lr * (error * qf - reg * pf);
                        q[itemRow + f] = qf + lr * (error * (pf + z[f]) - reg * qf);
                        gradient[f] += error * qf;
                    }
                }
                float step = (float) (lr / Math.sqrt(n));
                float shrink = 1f - lr * implicitReg;
                for (int e = start; e < start + n; e++) {
                    int row = training.itemAt(e) * d;
                    for (int f = 0; f < d; f++) {
                        y[row + f] = y[row + f] * shrink + step * gradient[f];
                    }
                }
            }
            double loss = squaredErrors / training.size();
            if (!Double.isFinite(loss)) {
                throw new IllegalStateException(NAME + " diverged in epoch " + epoch + " (training MSE " + loss
                        + "); lower learningRate (" + config.learningRate() + ")");
            }
            listener.onEpoch(new EpochProgress(NAME, epoch, config.epochs(), loss,
                    Duration.ofNanos(System.nanoTime() - started), Map.of("learningRate", rate)));
            rate *= config.learningRateDecay();
        }
        // users and items of the numbering without a training pair were never updated: no random initial
        // factors may leak into their predictions (y of such items is still 0 and never enters a sum)
        VectorMath.zeroRowsWithoutPairs(training, p, q, d);
        return parameters;
    }
}
