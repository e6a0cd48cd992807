package dev.recommender.core.mf;

import dev.recommender.core.EpochProgress;
import dev.recommender.core.internal.ParallelRanges;
import dev.recommender.core.TrainingListener;
import dev.recommender.core.data.Interactions;
import dev.recommender.core.internal.Shuffle;
import dev.recommender.core.internal.VectorMath;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The SGD training loop of {@link Svd}, serial or parallel by DSGD stratification (Gemulla et al.,
 * "Large-scale matrix factorization with distributed stochastic gradient descent", KDD 2011).
 *
 * <p>Users and items are each assigned to one of {@code T} blocks by a seeded random permutation
 * ({@code T} = the thread count, capped by the number of users and items). The pairs are grouped
 * into the {@code T x T} strata (user block, item block). An epoch has {@code T} sub-epochs; in
 * sub-epoch {@code s} worker {@code t} shuffles and processes stratum {@code (t, (t + s) mod T)}.
 * Strata of one sub-epoch share no user and no item, so workers never race, and every stratum's
 * shuffle has its own generator drawn in a fixed order from the seed: the model is a function of
 * (data, configuration, seed, thread count, kernel). With one thread and
 * {@link Svd.Order#SHUFFLED_PAIRS} it is plain SGD over a fresh shuffle of all pairs per epoch; with
 * {@link Svd.Order#SHUFFLED_USERS} each stratum visits its users in a fresh random order and each
 * user's pairs in a fresh random order, which keeps the user's factors in cache.
 *
 * <p>Cost: O(epochs · pairs · factors) time; memory 12 bytes per pair (packed pair and value; 16 with pair weights)
 * plus the parameters. Not shared: one instance per fit.
 */
final class SvdTrainer {
    private static final Logger LOG = LoggerFactory.getLogger(SvdTrainer.class);

    /** The trained parameters. */
    record Result(float mean, float[] userBias, float[] itemBias, float[] userFactors, float[] itemFactors,
                  String kernel, int blocks, double finalLoss) {
    }

    private SvdTrainer() {
    }

    static Result train(Interactions training, Svd.Config config, TrainingListener listener) {
        long start = System.nanoTime();
        int userCount = training.userCount();
        int itemCount = training.itemCount();
        int size = training.size();
        int factors = config.factors();
        SplittableRandom random = new SplittableRandom(config.seed());
        int blocks = Math.max(1, Math.min(config.threads(), Math.min(userCount, itemCount)));
        SgdKernel kernel = SgdKernel.select(config.kernel());

        // Block assignment: position in a seeded permutation, modulo the block count.
        int[] userBlock = blockOf(userCount, blocks, random);
        int[] itemBlock = blockOf(itemCount, blocks, random);

        // Group the pairs by stratum (user block, item block), in row order inside a stratum.
        int strata = blocks * blocks;
        int[] stratumStart = new int[strata + 1];
        for (int u = 0; u < userCount; u++) {
            for (int p = training.userStart(u); p < training.userEnd(u); p++) {
                stratumStart[userBlock[u] * blocks + itemBlock[training.itemAt(p)] + 1]++;
            }
        }
        for (int s = 0; s < strata; s++) {
            stratumStart[s + 1] += stratumStart[s];
        }
        long[] pairs = new long[size];
        float[] values = new float[size];
        float[] weights = config.pairWeight() == Svd.PairWeight.NONE ? null : new float[size];
        int[] next = stratumStart.clone();
        double sum = 0;
        for (int u = 0; u < userCount; u++) {
            for (int p = training.userStart(u); p < training.userEnd(u); p++) {
                int item = training.itemAt(p);
                int position = next[userBlock[u] * blocks + itemBlock[item]]++;
                pairs[position] = ((long) u << 32) | item;
                values[position] = training.value(p);
                sum += training.value(p);
                if (weights != null) {
                    weights[position] = config.pairWeight().raw(training.eventCount(p));
                }
            }
        }
        float mean = (float) (sum / size);
        if (weights != null) {
            double weightSum = 0;
            for (float weight : weights) {
                weightSum += weight;
            }
            float scale = (float) (size / weightSum);
            for (int k = 0; k < size; k++) {
                weights[k] *= scale;
            }
        }

        // User runs inside each stratum (pairs are in row order), for the SHUFFLED_USERS order.
        boolean byUser = config.order() == Svd.Order.SHUFFLED_USERS;
        int[][] runs = new int[strata][];
        if (byUser) {
            for (int s = 0; s < strata; s++) {
                int from = stratumStart[s];
                int to = stratumStart[s + 1];
                int count = 0;
                for (int k = from; k < to; k++) {
                    if (k == from || (pairs[k] >>> 32) != (pairs[k - 1] >>> 32)) {
                        count++;
                    }
                }
                int[] starts = new int[count + 1];
                count = 0;
                for (int k = from; k < to; k++) {
                    if (k == from || (pairs[k] >>> 32) != (pairs[k - 1] >>> 32)) {
                        starts[count++] = k;
                    }
                }
                starts[count] = to;
                runs[s] = starts;
            }
        }

        float[] userBias = new float[userCount];
        float[] itemBias = new float[itemCount];
        float[] userFactors = gaussian(userCount * factors, config.initStd(), random);
        float[] itemFactors = gaussian(itemCount * factors, config.initStd(), random);

        LOG.debug("svd: training {} factors on {} users x {} items, {} pairs, {} epochs, {} block(s), {} kernel",
                factors, userCount, itemCount, size, config.epochs(), blocks, kernel.name());
        ExecutorService pool = blocks > 1 ? Executors.newFixedThreadPool(blocks, new WorkerFactory()) : null;
        double loss = Double.NaN;
        try {
            double rate = config.learningRate();
            double biasRate = config.biasLearningRate();
            for (int epoch = 1; epoch <= config.epochs(); epoch++) {
                long[] shuffleSeeds = new long[strata];
                for (int s = 0; s < strata; s++) {
                    shuffleSeeds[s] = random.nextLong();
                }
                double squaredErrors = 0;
                for (int sub = 0; sub < blocks; sub++) {
                    List<Callable<Double>> tasks = new ArrayList<>(blocks);
                    for (int t = 0; t < blocks; t++) {
                        int stratum = t * blocks + (t + sub) % blocks;
                        int from = stratumStart[stratum];
                        int to = stratumStart[stratum + 1];
                        long shuffleSeed = shuffleSeeds[stratum];
                        float r = (float) rate;
                        float br = (float) biasRate;
                        int[] stratumRuns = runs[stratum];
                        float factorReg = (float) config.factorRegularization();
                        float biasReg = (float) config.biasRegularization();
                        tasks.add(() -> {
                            SplittableRandom shuffler = new SplittableRandom(shuffleSeed);
                            if (stratumRuns == null) {
                                shuffle(pairs, values, weights, from, to, shuffler);
                                return kernel.run(pairs, values, weights, from, to, mean, userBias, itemBias, userFactors,
                                        itemFactors, factors, r, br, factorReg, biasReg);
                            }
                            int[] order = Shuffle.permutation(stratumRuns.length - 1, shuffler);
                            double stratumErrors = 0;
                            for (int run : order) {
                                int runFrom = stratumRuns[run];
                                int runTo = stratumRuns[run + 1];
                                shuffle(pairs, values, weights, runFrom, runTo, shuffler);
                                stratumErrors += kernel.run(pairs, values, weights, runFrom, runTo, mean, userBias, itemBias,
                                        userFactors, itemFactors, factors, r, br, factorReg, biasReg);
                            }
                            return stratumErrors;
                        });
                    }
                    double[] errors = new double[blocks];
                    ParallelRanges.run(pool, blocks, blocks, (from, to) -> {
                        for (int t = from; t < to; t++) {
                            errors[t] = call(tasks.get(t));
                        }
                    }, "svd");
                    for (double error : errors) {
                        squaredErrors += error; // in stratum order, whatever the scheduling
                    }
                }
                loss = squaredErrors / size;
                if (!Double.isFinite(loss)) {
                    throw new IllegalStateException("svd diverged in epoch " + epoch + " (training MSE " + loss
                            + "); lower learningRate (" + config.learningRate() + ")");
                }
                Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
                LOG.debug("svd epoch {}/{}: training MSE {} (before updates), learning rate {}, {} ms",
                        epoch, config.epochs(), loss, rate, elapsed.toMillis());
                listener.onEpoch(new EpochProgress("svd", epoch, config.epochs(), loss, elapsed,
                        Map.of("learningRate", rate)));
                rate *= config.learningRateDecay();
                biasRate *= config.learningRateDecay();
            }
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
        // users and items of the numbering without a training pair were never updated: no random
        // initial factors may leak into their predictions (they predict like unknown ones)
        VectorMath.zeroRowsWithoutPairs(training, userFactors, itemFactors, factors);
        return new Result(mean, userBias, itemBias, userFactors, itemFactors, kernel.name(), blocks, loss);
    }

    private static double call(Callable<Double> task) {
        try {
            return task.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int[] blockOf(int count, int blocks, SplittableRandom random) {
        int[] permutation = Shuffle.permutation(count, random);
        int[] block = new int[count];
        for (int k = 0; k < count; k++) {
            block[permutation[k]] = k % blocks;
        }
        return block;
    }

    /** {@code n} independent N(0, std) floats (zeros if {@code std} is 0). */
    static float[] gaussian(int n, double std, SplittableRandom random) {
        float[] values = new float[n];
        if (std > 0) {
            for (int k = 0; k < n; k++) {
                values[k] = (float) (random.nextGaussian() * std);
            }
        }
        return values;
    }

    /** Fisher-Yates shuffle of a range of the parallel arrays ({@code weights} may be null). */
    static void shuffle(long[] pairs, float[] values, float[] weights, int from, int to, SplittableRandom random) {
        for (int k = to - 1; k > from; k--) {
            int j = from + random.nextInt(k - from + 1);
            long pair = pairs[k];
            pairs[k] = pairs[j];
            pairs[j] = pair;
            float value = values[k];
            values[k] = values[j];
            values[j] = value;
            if (weights != null) {
                float weight = weights[k];
                weights[k] = weights[j];
                weights[j] = weight;
            }
        }
    }

    /** Daemon worker threads named after the trainer. */
    private static final class WorkerFactory implements java.util.concurrent.ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable runnable) {
            Thread thread = new Thread(runnable, "svd-sgd-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
