package dev.recommender.core.retrieval;

import dev.recommender.core.internal.ParallelRanges;
import dev.recommender.core.internal.VectorMath;
import dev.recommender.core.SeenItems;
import dev.recommender.core.TrainingListener;
import dev.recommender.core.data.Interactions;
import dev.recommender.core.internal.Shuffle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;

/**
 * One fit of {@link TwoTowerRetrieval}: in-batch softmax with log-Q correction, hand-written gradients,
 * sparse Adagrad or lazy Adam. See the model's class comment for the algorithm. Not thread-safe (it owns a
 * worker pool for the duration of {@link #run()}).
 */
final class TwoTowerTrainer extends EpochTrainer {
    private static final Logger LOG = LoggerFactory.getLogger(TwoTowerTrainer.class);
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPSILON = 1e-8;
    private static final float ADAGRAD_INITIAL = 0.1f;

    private final TwoTowerRetrieval.Config config;
    private final int pairs;
    private final int[] pairUser;
    private final int[] pairItem;
    private final int[] historyStart;
    private final int[] historyItems;
    private final float[] logQ;

    private final Table userTable;
    private final Table itemTable;
    private final Table historyTable;
    private long step;

    // batch buffers
    private final int batch;
    private final int[] batchUser;
    private final int[] batchItem;
    private final boolean[] batchUsesId;
    private final float[] queries;
    private final float[] batchItems;
    private final float[] probabilities;
    private final float[] queryGradients;
    private final float[] itemGradients;
    private final double[] rowLoss;
    private int batchCount;

    TwoTowerTrainer(Interactions training, TwoTowerRetrieval.Config config, TrainingListener listener,
                    EpochValidation validation) {
        super(training, config.dimensions(), listener, validation, LOG);
        this.config = config;
        this.pairs = training.size();
        this.pairUser = new int[pairs];
        this.pairItem = new int[pairs];
        for (int u = 0; u < users; u++) {
            for (int e = training.userStart(u); e < training.userEnd(u); e++) {
                pairUser[e] = u;
                pairItem[e] = training.itemAt(e);
            }
        }
        int length = config.historyLength();
        this.historyStart = new int[users + 1];
        List<int[]> histories = new ArrayList<>(users);
        for (int u = 0; u < users; u++) {
            int[] recent = length == 0 ? new int[0] : recentItems(training, u, length);
            histories.add(recent);
            historyStart[u + 1] = historyStart[u] + recent.length;
        }
        this.historyItems = new int[historyStart[users]];
        for (int u = 0; u < users; u++) {
            System.arraycopy(histories.get(u), 0, historyItems, historyStart[u], histories.get(u).length);
        }
        this.logQ = new float[items];
        for (int i = 0; i < items; i++) {
            logQ[i] = (float) Math.log((double) training.itemDegree(i) / pairs);
        }
        boolean adam = config.optimizer() == TwoTowerRetrieval.Optimizer.ADAM;
        this.userTable = new Table(users, d, adam);
        this.itemTable = new Table(items, d, adam);
        this.historyTable = length > 0 ? new Table(items, d, adam) : null;
        this.batch = config.batchSize();
        this.batchUser = new int[batch];
        this.batchItem = new int[batch];
        this.batchUsesId = new boolean[batch];
        this.queries = new float[batch * d];
        this.batchItems = new float[batch * d];
        this.probabilities = new float[batch * batch];
        this.queryGradients = new float[batch * d];
        this.itemGradients = new float[batch * d];
        this.rowLoss = new double[batch];
    }

    /** The user's {@code length} most recent items (latest time first, ties by item index). */
    private static int[] recentItems(Interactions training, int user, int length) {
        int start = training.userStart(user);
        int n = training.userDegree(user);
        Integer[] order = new Integer[n];
        for (int k = 0; k < n; k++) {
            order[k] = start + k;
        }
        java.util.Arrays.sort(order, (a, b) -> {
            int byTime = Long.compare(training.lastTimeMillis(b), training.lastTimeMillis(a));
            return byTime != 0 ? byTime : Integer.compare(training.itemAt(a), training.itemAt(b));
        });
        int[] recent = new int[Math.min(length, n)];
        for (int k = 0; k < recent.length; k++) {
            recent[k] = training.itemAt(order[k]);
        }
        return recent;
    }

    TwoTowerRetrieval run() {
        long started = System.nanoTime();
        SplittableRandom random = new SplittableRandom(config.seed());
        itemTable.initialise(random, config.initScale());
        userTable.initialise(random, config.initScale());
        if (historyTable != null) {
            historyTable.initialise(random, config.initScale());
        }
        int[] order = new int[pairs];
        for (int k = 0; k < pairs; k++) {
            order[k] = k;
        }
        int threads = config.threads();
        ExecutorService pool = ParallelRanges.newPool(threads, "two-tower-worker");
        try {
            for (int epoch = 1; epoch <= config.epochs(); epoch++) {
                Shuffle.shuffle(order, pairs, random);
                double lossSum = 0;
                for (int from = 0; from < pairs; from += batch) {
                    int n = Math.min(batch, pairs - from);
                    for (int b = 0; b < n; b++) {
                        batchUser[b] = pairUser[order[from + b]];
                        batchItem[b] = pairItem[order[from + b]];
                        batchUsesId[b] = historyTable == null || random.nextDouble() >= config.userIdDropout();
                    }
                    lossSum += trainBatch(pool, n);
                }
                reportEpoch(TwoTowerRetrieval.NAME, "two-tower epoch", epoch, config.epochs(), lossSum / pairs,
                        started, this::servingUserVectors, itemTable.values);
            }
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
        return new TwoTowerRetrieval(SeenItems.of(training), servingUserVectors(), itemTable.values,
                historyTable == null ? new float[0] : historyTable.values, config);
    }

    /**
     * The user vectors serving uses, from the current tables: the expected id contribution under dropout,
     * {@code (1 - p) U[u]} (as dropout at inference), plus the mean of the user's history item vectors.
     */
    private float[] servingUserVectors() {
        float keep = (float) (1 - (historyTable == null ? 0 : config.userIdDropout()));
        float[] userVectors = new float[users * d];
        for (int u = 0; u < users; u++) {
            int offset = u * d;
            for (int r = 0; r < d; r++) {
                userVectors[offset + r] = keep * userTable.values[offset + r];
            }
            int count = historyStart[u + 1] - historyStart[u];
            for (int h = historyStart[u]; h < historyStart[u + 1]; h++) {
                int historyOffset = historyItems[h] * d;
                for (int r = 0; r < d; r++) {
                    userVectors[offset + r] += historyTable.values[historyOffset + r] / count;
                }
            }
        }
        return userVectors;
    }

    /** One mini-batch of {@code n} examples; returns the summed cross-entropy. */
    private double trainBatch(ExecutorService pool, int n) {
        batchCount = n;
        // user tower outputs and item vectors of the batch (sequential, O(n (L + 1) d))
        for (int a = 0; a < n; a++) {
            int offset = a * d;
            int user = batchUser[a];
            if (batchUsesId[a]) {
                System.arraycopy(userTable.values, user * d, queries, offset, d);
            } else {
                java.util.Arrays.fill(queries, offset, offset + d, 0f);
            }
            int count = historyCount(user, batchItem[a]);
            if (count > 0) {
                float share = 1f / count;
                for (int h = historyStart[user]; h < historyStart[user + 1]; h++) {
                    int item = historyItems[h];
                    if (item == batchItem[a]) {
                        continue;
                    }
                    int historyOffset = item * d;
                    for (int r = 0; r < d; r++) {
                        queries[offset + r] += historyTable.values[historyOffset + r] * share;
                    }
                }
            }
            System.arraycopy(itemTable.values, batchItem[a] * d, batchItems, offset, d);
        }
        parallel(pool, n, this::rows);
        parallel(pool, n, this::columns);
        double loss = 0;
        for (int a = 0; a < n; a++) {
            loss += rowLoss[a];
        }
        applyGradients(n);
        return loss;
    }

    /** Number of history items of {@code user} other than {@code target}. */
    private int historyCount(int user, int target) {
        int count = 0;
        for (int h = historyStart[user]; h < historyStart[user + 1]; h++) {
            if (historyItems[h] != target) {
                count++;
            }
        }
        return count;
    }

    /** Logits, softmax, loss and query gradients of rows {@code [from, to)}. */
    private void rows(int from, int to) {
        int n = batchCount;
        float inverseTemperature = (float) (1 / config.temperature());
        boolean correct = config.logQCorrection();
        for (int a = from; a < to; a++) {
            int row = a * batch;
            int target = batchItem[a];
            float max = Float.NEGATIVE_INFINITY;
            for (int b = 0; b < n; b++) {
                float logit;
                if (b != a && batchItem[b] == target) {
                    logit = Float.NEGATIVE_INFINITY;
                } else {
                    logit = VectorMath.dot(queries, a * d, batchItems, b * d, d) * inverseTemperature;
                    if (correct) {
                        logit -= logQ[batchItem[b]];
                    }
                }
                probabilities[row + b] = logit;
                max = Math.max(max, logit);
            }
            double sum = 0;
            for (int b = 0; b < n; b++) {
                sum += Math.exp(probabilities[row + b] - max);
            }
            double logSum = max + Math.log(sum);
            rowLoss[a] = logSum - probabilities[row + a];
            // gradient of the mean loss with respect to the logits: (softmax - one-hot) / n
            for (int b = 0; b < n; b++) {
                double p = Math.exp(probabilities[row + b] - logSum);
                probabilities[row + b] = (float) ((p - (a == b ? 1 : 0)) / n);
            }
            int offset = a * d;
            java.util.Arrays.fill(queryGradients, offset, offset + d, 0f);
            for (int b = 0; b < n; b++) {
                float g = probabilities[row + b] * inverseTemperature;
                if (g == 0) {
                    continue;
                }
                int itemOffset = b * d;
                for (int r = 0; r < d; r++) {
                    queryGradients[offset + r] += g * batchItems[itemOffset + r];
                }
            }
        }
    }

    /** Item gradients of columns {@code [from, to)}. */
    private void columns(int from, int to) {
        int n = batchCount;
        float inverseTemperature = (float) (1 / config.temperature());
        for (int b = from; b < to; b++) {
            int offset = b * d;
            java.util.Arrays.fill(itemGradients, offset, offset + d, 0f);
            for (int a = 0; a < n; a++) {
                float g = probabilities[a * batch + b] * inverseTemperature;
                if (g == 0) {
                    continue;
                }
                int queryOffset = a * d;
                for (int r = 0; r < d; r++) {
                    itemGradients[offset + r] += g * queries[queryOffset + r];
                }
            }
        }
    }

    /** Accumulates the batch's gradients into the embedding rows (batch order) and applies the optimizer. */
    private void applyGradients(int n) {
        for (int a = 0; a < n; a++) {
            int user = batchUser[a];
            int offset = a * d;
            if (batchUsesId[a]) {
                userTable.accumulate(user, queryGradients, offset, 1f);
            }
            int count = historyCount(user, batchItem[a]);
            if (count > 0) {
                float share = 1f / count;
                for (int h = historyStart[user]; h < historyStart[user + 1]; h++) {
                    if (historyItems[h] != batchItem[a]) {
                        historyTable.accumulate(historyItems[h], queryGradients, offset, share);
                    }
                }
            }
            itemTable.accumulate(batchItem[a], itemGradients, offset, 1f);
        }
        step++;
        float regularization = (float) config.regularization();
        userTable.update(config, step, regularization);
        itemTable.update(config, step, regularization);
        if (historyTable != null) {
            historyTable.update(config, step, regularization);
        }
    }

    /** Runs {@code task} over {@code [0, n)} split in contiguous ranges, one per thread. */
    private void parallel(ExecutorService pool, int n, ParallelRanges.RangeTask task) {
        ParallelRanges.run(pool, n, config.threads(), task, "the two-tower model");
    }

    /** An embedding table with its gradient buffer, touched-row list and optimizer state. */
    private static final class Table {
        final float[] values;
        private final float[] gradients;
        private final float[] first;
        private final float[] second;
        private final boolean[] touched;
        private final int[] touchedRows;
        private int touchedCount;
        private final int d;
        private final boolean adam;

        Table(int rows, int d, boolean adam) {
            this.d = d;
            this.adam = adam;
            this.values = new float[rows * d];
            this.gradients = new float[rows * d];
            this.first = new float[rows * d];
            this.second = adam ? new float[rows * d] : null;
            if (!adam) {
                java.util.Arrays.fill(first, ADAGRAD_INITIAL);
            }
            this.touched = new boolean[rows];
            this.touchedRows = new int[rows];
        }

        void initialise(SplittableRandom random, double scale) {
            for (int k = 0; k < values.length; k++) {
                values[k] = (float) (scale * random.nextGaussian());
            }
        }

        void accumulate(int row, float[] source, int sourceOffset, float factor) {
            if (!touched[row]) {
                touched[row] = true;
                touchedRows[touchedCount++] = row;
            }
            int offset = row * d;
            for (int r = 0; r < d; r++) {
                gradients[offset + r] += factor * source[sourceOffset + r];
            }
        }

        void update(TwoTowerRetrieval.Config config, long step, float regularization) {
            float rate = (float) config.learningRate();
            double correction1 = 1 - Math.pow(BETA1, step);
            double correction2 = 1 - Math.pow(BETA2, step);
            float adamRate = (float) (config.learningRate() * Math.sqrt(correction2) / correction1);
            for (int k = 0; k < touchedCount; k++) {
                int row = touchedRows[k];
                touched[row] = false;
                int offset = row * d;
                for (int r = offset; r < offset + d; r++) {
                    float g = gradients[r] + 2 * regularization * values[r];
                    gradients[r] = 0f;
                    if (adam) {
                        first[r] = (float) (BETA1 * first[r] + (1 - BETA1) * g);
                        second[r] = (float) (BETA2 * second[r] + (1 - BETA2) * g * g);
                        values[r] -= adamRate * first[r] / ((float) Math.sqrt(second[r]) + (float) EPSILON);
                    } else {
                        first[r] += g * g;
                        values[r] -= rate * g / (float) Math.sqrt(first[r]);
                    }
                }
            }
            touchedCount = 0;
        }
    }
}
