package dev.recommender.core.mf;

import dev.recommender.core.Algorithm;
import dev.recommender.core.EpochProgress;
import dev.recommender.core.ExposureScorer;
import dev.recommender.core.InteractionsAlgorithm;
import dev.recommender.core.SeenItems;
import dev.recommender.core.TrainingData;
import dev.recommender.core.TrainingInput;
import dev.recommender.core.TrainingListener;
import dev.recommender.core.data.Interactions;
import dev.recommender.core.data.Signal;
import dev.recommender.core.internal.Args;
import dev.recommender.core.internal.ParallelRanges;
import dev.recommender.core.internal.Shuffle;
import dev.recommender.core.internal.VectorMath;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * An engagement-rate model that learns a user's taste from <em>which</em> items the user was shown, not only
 * from how often each one was engaged: {@code r_hat = mu + b_u + b_i + beta * a_ui}, where the affinity
 * {@code a_ui} comes from a factor model of the exposures.
 *
 * <p>Why: an engagement rate measured over two or three impressions is mostly noise, so a factorisation of the
 * rates alone ({@link RateAls}, {@link Svd}) barely beats the biases. But what a user is shown (or chooses to
 * open) follows the same taste, and every pair carries that signal whatever its rate. A softmax factor model of
 * exposures, {@code P(item i | user u) = softmax_i(x_u . y_i + c_i)} over the catalog (the retrieval model of
 * two-tower systems, here with full softmax), recovers it; {@code x_u . y_i} is the affinity.
 *
 * <p>Fit:
 * <ol>
 *   <li>The training pairs are split in two halves (seeded coin per pair). One softmax model is fitted on each
 *       half's pairs (mini-batch Adam over users, full softmax over the catalog, L2 penalty).</li>
 *   <li>Cross-fitting: each pair's affinity for the regression comes from the model of the <em>other</em> half,
 *       which never saw the pair. A model scored on its own training pairs rates them higher than pairs it did
 *       not see (a held-out or served pair), so a weight fitted on those scores would not transfer.</li>
 *   <li>The affinities are standardised (training mean and standard deviation), then {@code b_u}, {@code b_i}
 *       and {@code beta} are fitted by alternating least squares on the rates (every pair weight 1; ridge
 *       penalty {@link Config#biasRegularization()} on the biases).</li>
 *   <li>Serving uses the mean affinity of the two halves' models. The constants fold into the factors, so the
 *       model is stored and served as a biased factor model ({@code BiasedFactorPredictor}) of dimension {@code 2 * factors}:
 *       {@code r_hat = offset + b_u + b_i + p_u . q_i}, clipped to the training range.</li>
 *   <li>The exposure model itself stays available as an {@link ExposureScorer}: {@link #exposureScoresInto} gives
 *       {@code (|beta| / s) (a_ui + c_i)} with the two halves' mean affinity {@code a_ui} and mean item constant
 *       {@code c_i}, {@code s} the affinity's standard deviation, i.e. an increasing affine function of the log of
 *       the exposure probability (the same for every pair when {@code beta = 0}). Whether a user will be shown an
 *       item and whether the user will engage with it are different questions; the two-stage model's ranking
 *       stage reads both.</li>
 * </ol>
 * On the built-in sample (whose generator draws both exposure and engagement from one hidden affinity, as real
 * logs do) this is the model that beats the biases by a margin; docs/models.md has the numbers and how the
 * defaults were chosen. On data without exposure structure it falls back to about the biases ({@code beta}
 * near 0).
 *
 * <p>Values: {@link Interactions#value(int)} is the rate (for example from {@code EngagementRate}); every
 * training pair counts once as an exposure. Training: {@code O(epochs * users * items * factors)} per half, the
 * two halves on two threads when {@link Config#threads()} allows; each half's random draws come from its own
 * stream split off {@link Config#seed()}, so the model does not depend on the thread count. Unknown users get
 * {@code offset + b_i}, unknown items {@code offset + b_u}. Immutable and thread-safe.
 */
public final class ExposureRate extends BiasedFactorPredictor implements ExposureScorer {
    /** Name used in reports and as the model file type. */
    public static final String NAME = "exposure-rate";

    private final Config config;
    private final float beta;
    /** Per item, the exposure model's mean item constant scaled like the folded affinity ({@code |beta| c_i / s}). */
    private final float[] exposureBias;

    /**
     * @param mean         the training mean of the rates (the {@link #globalMean()})
     * @param offset       the constant of the prediction ({@code mu} minus the affinity's folded centre)
     * @param beta         the fitted weight of the standardised affinity (reported, already folded into the factors)
     * @param exposureBias per item, {@code |beta| c_i / s} (see {@link #exposureScoresInto})
     */
    ExposureRate(SeenItems seen, Config config, float mean, float offset, float beta, float minValue,
                 float maxValue, float[] userBias, float[] itemBias, float[] userFactors, float[] itemFactors,
                 float[] exposureBias) {
        super(seen, NAME, mean, offset, minValue, maxValue, userBias, itemBias, userFactors, itemFactors,
                2 * config.factors());
        if (!Float.isFinite(beta)) {
            throw new IllegalArgumentException(NAME + " affinity weight " + beta + " is not finite");
        }
        if (exposureBias.length != seen.items().size()) {
            throw new IllegalArgumentException(NAME + " has " + exposureBias.length + " exposure constants for "
                    + seen.items().size() + " items");
        }
        for (int i = 0; i < exposureBias.length; i++) {
            if (!Float.isFinite(exposureBias[i])) {
                throw new IllegalArgumentException(NAME + " exposure constant " + i + " is not finite");
            }
        }
        this.config = config;
        this.beta = beta;
        this.exposureBias = exposureBias;
    }

    /**
     * {@inheritDoc}
     *
     * <p>Here {@code (|beta| / s) (a_ui + c_i)} up to a constant of the model: the two exposure models' mean
     * affinity plus their mean item constant, the log of the softmax exposure probability up to the user's
     * normaliser, scaled by the weight the rate regression gave the affinity. A user outside the numbering gets
     * the item's constant alone; an item outside it 0.
     */
    @Override
    public void exposureScoresInto(int user, int[] items, float[] out) {
        int d = 2 * config.factors();
        float[] userFactors = userFactorArray();
        float[] itemFactors = itemFactorArray();
        boolean knownUser = user >= 0 && user < users().size();
        // the folded factors carry beta's sign; the score must grow with the exposure probability
        double sign = beta < 0 ? -1 : 1;
        for (int k = 0; k < items.length; k++) {
            int item = items[k];
            if (item < 0 || item >= exposureBias.length) {
                out[k] = 0;
                continue;
            }
            double score = exposureBias[item];
            if (knownUser) {
                score += sign * VectorMath.dot(userFactors, user * d, itemFactors, item * d, d);
            }
            out[k] = (float) score;
        }
    }

    float[] exposureBiasArray() {
        return exposureBias;
    }

    /**
     * Fits a model.
     *
     * @param training rates per pair (each pair one exposure)
     * @param config   hyper-parameters
     * @return the fitted model
     * @throws IllegalArgumentException if the training data is empty
     */
    public static ExposureRate fit(Interactions training, Config config) {
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
    public static ExposureRate fit(TrainingData data, Config config) {
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

    /**
     * The fitted weight of the standardised affinity: how much one standard deviation of exposure affinity moves
     * the predicted rate. Near 0 when the exposures say nothing about the rates.
     */
    public float affinityWeight() {
        return beta;
    }

    /**
     * Hyper-parameters of {@link ExposureRate}; also the {@link Algorithm} that fits it.
     *
     * @param factors            latent dimension of each half's exposure model, at least 1 (the stored model has
     *                           twice as many)
     * @param regularization     L2 penalty of the exposure models ({@code lambda/2 (|x|^2 / users + |y|^2 / items)}
     *                           added to the mean negative log-likelihood), non-negative
     * @param epochs             passes over the users per exposure model, at least 1
     * @param learningRate       Adam step size, positive
     * @param batchSize          users per Adam step, at least 1
     * @param biasRegularization ridge penalty on {@code b_u} and {@code b_i} (in pairs), non-negative
     * @param seed               seed of the halves, the initial factors and the user order
     * @param threads            worker threads (the two halves fit in parallel from 2), at least 1
     */
    public record Config(int factors, double regularization, int epochs, double learningRate, int batchSize,
                         double biasRegularization, long seed, int threads) implements InteractionsAlgorithm<ExposureRate> {
        /** Validates the fields. */
        public Config {
            Args.atLeast("factors", factors, 1);
            Args.nonNegative("regularization", regularization);
            Args.atLeast("epochs", epochs, 1);
            Args.positive("learningRate", learningRate);
            Args.atLeast("batchSize", batchSize, 1);
            Args.nonNegative("biasRegularization", biasRegularization);
            Args.atLeast("threads", threads, 1);
        }

        /**
         * The defaults: 8 factors per half, penalty 0.3, 20 epochs, Adam step 0.05, 256 users per step, bias
         * penalty 5, seed 42, every available core. Chosen on generated logs other than the built-in sample
         * (validation pairs only; see docs/models.md).
         */
        public static Config defaults() {
            return new Config(8, 0.3, 20, 0.05, 256, 5, 42, Runtime.getRuntime().availableProcessors());
        }

        /** This configuration with another latent dimension. */
        public Config withFactors(int value) {
            return new Config(value, regularization, epochs, learningRate, batchSize, biasRegularization, seed, threads);
        }

        /** This configuration with another exposure-model penalty. */
        public Config withRegularization(double value) {
            return new Config(factors, value, epochs, learningRate, batchSize, biasRegularization, seed, threads);
        }

        /** This configuration with another number of epochs. */
        public Config withEpochs(int value) {
            return new Config(factors, regularization, value, learningRate, batchSize, biasRegularization, seed, threads);
        }

        /** This configuration with another bias penalty. */
        public Config withBiasRegularization(double value) {
            return new Config(factors, regularization, epochs, learningRate, batchSize, value, seed, threads);
        }

        /** This configuration with another seed. */
        public Config withSeed(long value) {
            return new Config(factors, regularization, epochs, learningRate, batchSize, biasRegularization, value,
                    threads);
        }

        /** This configuration with another thread count. */
        public Config withThreads(int value) {
            return new Config(factors, regularization, epochs, learningRate, batchSize, biasRegularization, seed,
                    value);
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
         * Fits on interactions the caller aggregated.
         *
         * @param training the training pairs
         * @param listener receives one progress report per epoch (the mean exposure log-loss of the two halves)
         * @return the fitted model
         */
        @Override
        public ExposureRate fit(Interactions training, TrainingListener listener) {
            Algorithm.checkFitArguments(training, listener);
            return new Trainer(training, this, listener).run();
        }
    }

    /** One fit: the two halves' exposure models, the cross-fitted affinities and the bias regression. */
    private static final class Trainer {
        private static final int BIAS_SWEEPS = 30;
        private final Interactions data;
        private final Config config;
        private final TrainingListener listener;
        private final byte[] half;

        Trainer(Interactions data, Config config, TrainingListener listener) {
            this.data = data;
            this.config = config;
            this.listener = listener;
            this.half = new byte[data.size()];
            SplittableRandom coin = new SplittableRandom(config.seed());
            for (int e = 0; e < half.length; e++) {
                half[e] = (byte) (coin.nextBoolean() ? 1 : 0);
            }
        }

        ExposureRate run() {
            long started = System.nanoTime();
            SplittableRandom root = new SplittableRandom(config.seed() ^ 0x5DEECE66DL);
            SoftmaxFactors[] models = {new SoftmaxFactors(data, half, (byte) 0, config, root.split()),
                    new SoftmaxFactors(data, half, (byte) 1, config, root.split())};
            ExecutorService pool = ParallelRanges.newPool(Math.min(2, config.threads()), "exposure-rate-worker");
            try {
                for (int epoch = 1; epoch <= config.epochs(); epoch++) {
                    double loss = 0;
                    if (pool == null) {
                        for (SoftmaxFactors model : models) {
                            loss += model.epoch();
                        }
                    } else {
                        List<Future<Double>> futures = new ArrayList<>(2);
                        for (SoftmaxFactors model : models) {
                            Callable<Double> task = model::epoch;
                            futures.add(pool.submit(task));
                        }
                        for (Future<Double> future : futures) {
                            loss += ParallelRanges.join(future, NAME);
                        }
                    }
                    listener.onEpoch(new EpochProgress(NAME, epoch, config.epochs(), loss / 2,
                            Duration.ofNanos(System.nanoTime() - started), Map.of()));
                }
            } finally {
                if (pool != null) {
                    pool.shutdownNow();
                }
            }
            for (SoftmaxFactors model : models) {
                model.zeroRowsWithoutExposures();
            }
            return regress(models);
        }

        /** Cross-fitted affinities, the bias regression, and the folded model. */
        private ExposureRate regress(SoftmaxFactors[] models) {
            int k = config.factors();
            int items = data.itemCount();
            double[] affinity = new double[data.size()];
            double sum = 0;
            for (int u = 0; u < data.userCount(); u++) {
                for (int e = data.userStart(u); e < data.userEnd(u); e++) {
                    affinity[e] = models[1 - half[e]].affinity(u, data.itemAt(e));
                    sum += affinity[e];
                }
            }
            double centre = sum / affinity.length;
            double squares = 0;
            for (int e = 0; e < affinity.length; e++) {
                affinity[e] -= centre;
                squares += affinity[e] * affinity[e];
            }
            double scale = Math.sqrt(squares / affinity.length);
            if (!(scale > 1e-12)) {
                scale = 1;
            }
            for (int e = 0; e < affinity.length; e++) {
                affinity[e] /= scale;
            }
            float mean = (float) data.meanValue();
            double[] userBias = new double[data.userCount()];
            double[] itemBias = new double[data.itemCount()];
            double beta = 0;
            double lambda = config.biasRegularization();
            for (int sweep = 0; sweep < BIAS_SWEEPS; sweep++) {
                for (int u = 0; u < data.userCount(); u++) {
                    double residual = 0;
                    for (int e = data.userStart(u); e < data.userEnd(u); e++) {
                        residual += data.value(e) - mean - itemBias[data.itemAt(e)] - beta * affinity[e];
                    }
                    userBias[u] = residual / (data.userEnd(u) - data.userStart(u) + lambda);
                }
                for (int i = 0; i < data.itemCount(); i++) {
                    double residual = 0;
                    for (int p = data.itemStart(i); p < data.itemEnd(i); p++) {
                        int e = data.entryAtItemPosition(p);
                        residual += data.value(e) - mean - userBias[data.userAtItemPosition(p)] - beta * affinity[e];
                    }
                    itemBias[i] = residual / (data.itemEnd(i) - data.itemStart(i) + lambda);
                }
                double cross = 0;
                double norm = 0;
                for (int u = 0; u < data.userCount(); u++) {
                    for (int e = data.userStart(u); e < data.userEnd(u); e++) {
                        cross += (data.value(e) - mean - userBias[u] - itemBias[data.itemAt(e)]) * affinity[e];
                        norm += affinity[e] * affinity[e];
                    }
                }
                beta = norm > 0 ? cross / norm : 0;
            }
            // serving: the two halves' mean affinity, standardised and weighted, folded into the factors
            double factorScale = beta / (2 * scale);
            int d = 2 * k;
            float[] userFactors = new float[data.userCount() * d];
            float[] itemFactors = new float[data.itemCount() * d];
            for (int h = 0; h < 2; h++) {
                for (int u = 0; u < data.userCount(); u++) {
                    for (int f = 0; f < k; f++) {
                        userFactors[u * d + h * k + f] = (float) (factorScale * models[h].user[u * k + f]);
                    }
                }
                for (int i = 0; i < data.itemCount(); i++) {
                    for (int f = 0; f < k; f++) {
                        itemFactors[i * d + h * k + f] = (float) models[h].item[f * items + i];
                    }
                }
            }
            float offset = (float) (mean - beta * centre / scale);
            // the exposure score's item part, in the folded affinity's units (see exposureScoresInto)
            float[] exposureBias = new float[items];
            for (int i = 0; i < items; i++) {
                exposureBias[i] = (float) (Math.abs(beta) / scale
                        * (models[0].itemConstant[i] + models[1].itemConstant[i]) / 2);
            }
            return new ExposureRate(SeenItems.of(data), config, mean, offset, (float) beta, data.minValue(),
                    data.maxValue(), toFloats(userBias), toFloats(itemBias), userFactors, itemFactors, exposureBias);
        }

        private static float[] toFloats(double[] values) {
            float[] out = new float[values.length];
            for (int k = 0; k < values.length; k++) {
                out[k] = (float) values[k];
            }
            return out;
        }
    }

    /**
     * A full-softmax factor model of one half's exposures, {@code P(i | u) = softmax_i(x_u . y_i + c_i)},
     * fitted by mini-batch Adam on the mean negative log-likelihood per exposure plus
     * {@code lambda/2 (|x|^2 / users + |y|^2 / items)}. Not thread-safe; one thread fits it.
     */
    private static final class SoftmaxFactors {
        private static final double BETA1 = 0.9;
        private static final double BETA2 = 0.999;
        private static final double EPSILON = 1e-12;
        private final int users;
        private final int items;
        private final int k;
        private final Config config;
        private final SplittableRandom random;
        /** Per user, the items of this half (CSR). */
        private final int[] start;
        private final int[] exposed;
        private final int total;
        final double[] user;
        /** Item factors column by column ({@code item[f * items + i]}), so the loops over items vectorise. */
        final double[] item;
        final double[] itemConstant;
        private final double[][] moments;
        private final double[] userGradient;
        private final double[] itemGradient;
        private final double[] constantGradient;
        private final double[] logits;
        /** The user's k gradient sums of one softmax row ({@link VectorMath#addScaledAndDots}). */
        private final double[] dots;
        private long step;

        SoftmaxFactors(Interactions data, byte[] half, byte which, Config config, SplittableRandom random) {
            this.users = data.userCount();
            this.items = data.itemCount();
            this.k = config.factors();
            this.config = config;
            this.random = random;
            this.start = new int[users + 1];
            int count = 0;
            for (int u = 0; u < users; u++) {
                for (int e = data.userStart(u); e < data.userEnd(u); e++) {
                    count += half[e] == which ? 1 : 0;
                }
                start[u + 1] = count;
            }
            this.exposed = new int[count];
            int at = 0;
            for (int u = 0; u < users; u++) {
                for (int e = data.userStart(u); e < data.userEnd(u); e++) {
                    if (half[e] == which) {
                        exposed[at++] = data.itemAt(e);
                    }
                }
            }
            this.total = Math.max(1, count);
            this.user = gaussian(random, users * k);
            this.item = gaussian(random, items * k);
            this.itemConstant = new double[items];
            this.moments = new double[][] {new double[users * k], new double[users * k], new double[items * k],
                    new double[items * k], new double[items], new double[items]};
            this.userGradient = new double[users * k];
            this.itemGradient = new double[items * k];
            this.constantGradient = new double[items];
            this.logits = new double[items];
            this.dots = new double[k];
        }

        private static double[] gaussian(SplittableRandom random, int n) {
            double[] values = new double[n];
            for (int j = 0; j < n; j++) {
                values[j] = 0.1 * random.nextGaussian();
            }
            return values;
        }

        /**
         * Sets to zero the factors of the users and items with no exposure in this half (never trained, only
         * shrunk from their random start), so their affinity in this half is 0 rather than noise; a user or
         * item the numbering holds without any training pair thus gets {@code offset + b_i} (or {@code + b_u}).
         */
        void zeroRowsWithoutExposures() {
            boolean[] seenItem = new boolean[items];
            for (int item : exposed) {
                seenItem[item] = true;
            }
            for (int u = 0; u < users; u++) {
                if (start[u + 1] == start[u]) {
                    java.util.Arrays.fill(user, u * k, (u + 1) * k, 0);
                }
            }
            for (int i = 0; i < items; i++) {
                if (!seenItem[i]) {
                    for (int f = 0; f < k; f++) {
                        item[f * items + i] = 0;
                    }
                }
            }
        }

        double affinity(int u, int i) {
            double sum = 0;
            for (int f = 0; f < k; f++) {
                sum += user[u * k + f] * item[f * items + i];
            }
            return sum;
        }

        /** One pass over the users in a fresh random order; returns the mean log-loss per exposure seen. */
        double epoch() {
            int[] order = Shuffle.permutation(users, random);
            double loss = 0;
            for (int from = 0; from < users; from += config.batchSize()) {
                int to = Math.min(users, from + config.batchSize());
                loss += batch(order, from, to);
            }
            return loss / total;
        }

        private double batch(int[] order, int from, int to) {
            java.util.Arrays.fill(userGradient, 0);
            java.util.Arrays.fill(itemGradient, 0);
            java.util.Arrays.fill(constantGradient, 0);
            // the batch's gradient, scaled to estimate the gradient of the mean over all exposures
            double scale = (double) users / ((double) total * (to - from));
            double loss = 0;
            for (int b = from; b < to; b++) {
                int u = order[b];
                int n = start[u + 1] - start[u];
                if (n == 0) {
                    continue;
                }
                int row = u * k;
                System.arraycopy(itemConstant, 0, logits, 0, items);
                VectorMath.addWeightedColumns(logits, items, item, user, row, k);
                double max = Double.NEGATIVE_INFINITY;
                for (int i = 0; i < items; i++) {
                    max = Math.max(max, logits[i]);
                }
                for (int p = start[u]; p < start[u + 1]; p++) {
                    loss -= logits[exposed[p]];
                }
                double partition = VectorMath.expShiftedSum(logits, items, max);
                loss += n * (max + Math.log(partition));
                // d loss / d logit_i = scale (n p_i - [i exposed])
                double factor = scale * n / partition;
                for (int i = 0; i < items; i++) {
                    logits[i] *= factor;
                }
                for (int p = start[u]; p < start[u + 1]; p++) {
                    logits[exposed[p]] -= scale;
                }
                for (int i = 0; i < items; i++) {
                    constantGradient[i] += logits[i];
                }
                VectorMath.addScaledAndDots(itemGradient, logits, user, row, item, items, k, dots);
                for (int f = 0; f < k; f++) {
                    userGradient[row + f] += dots[f];
                }
            }
            double lambda = config.regularization();
            for (int b = from; b < to; b++) {
                int u = order[b];
                for (int f = 0; f < k; f++) {
                    userGradient[u * k + f] += lambda * user[u * k + f] / users;
                }
            }
            for (int j = 0; j < itemGradient.length; j++) {
                itemGradient[j] += lambda * item[j] / items;
            }
            step++;
            adam(user, userGradient, moments[0], moments[1]);
            adam(item, itemGradient, moments[2], moments[3]);
            adam(itemConstant, constantGradient, moments[4], moments[5]);
            return loss;
        }

        /** One Adam step on every parameter (rows outside the batch have gradient 0 and keep their momentum). */
        private void adam(double[] parameter, double[] gradient, double[] first, double[] second) {
            double correction1 = 1 - Math.pow(BETA1, step);
            double correction2 = 1 - Math.pow(BETA2, step);
            double rate = config.learningRate();
            for (int j = 0; j < parameter.length; j++) {
                double g = gradient[j];
                first[j] = BETA1 * first[j] + (1 - BETA1) * g;
                second[j] = BETA2 * second[j] + (1 - BETA2) * g * g;
                parameter[j] -= rate * (first[j] / correction1) / (Math.sqrt(second[j] / correction2) + EPSILON);
            }
        }
    }
}
