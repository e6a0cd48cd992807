package dev.recommender.core.ranking;

import dev.recommender.core.EpochProgress;
import dev.recommender.core.TrainingListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import smile.base.cart.Loss;
import smile.data.DataFrame;
import smile.data.Tuple;
import smile.data.formula.Formula;
import smile.data.type.StructType;
import smile.math.MathEx;
import smile.regression.GradientTreeBoost;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The second stage of a two-stage recommender: gradient-boosted regression trees (Friedman 2001,
 * least-squares loss, Smile 2.6.0's {@code GradientTreeBoost}) that predict a (user, item) pair's
 * label, for example its engagement rate, from a feature vector such as {@link RankingFeature}'s.
 *
 * <p>Training: an optional validation hold-out ({@link RankingConfig#validationFraction()}) picks
 * the number of trees with the lowest validation RMSE (the model is trimmed to it); the training
 * curve is reported to the {@link TrainingListener} as one "epoch" per tenth of the trees, with the
 * training MSE as the loss and {@code validation_rmse} as a metric. Predictions are clipped to the
 * range of the training labels.
 *
 * <p>Determinism: Smile 2.6 draws its subsamples from a per-thread random stream in
 * {@code smile.math.MathEx} whose seeding also touches Smile's static seed bookkeeping. {@link #fit}
 * therefore seeds that stream with {@link RankingConfig#seed()} and fits while holding one
 * class-wide lock, so concurrent fits are serialised and the same data and configuration give the
 * same trees. Other code that uses Smile's random stream on the same thread at the same time is
 * not protected; with {@code subsample = 1} no randomness is used at all.
 *
 * <p>Complexity: fitting costs about O(trees · n · p · log n) for n examples and p features;
 * a prediction walks each tree once, O(trees · depth). Immutable and thread-safe (Smile's fitted
 * trees are read-only); each prediction allocates one small Smile tuple.
 */
public final class RankingModel {
    private static final Logger LOG = LoggerFactory.getLogger(RankingModel.class);
    private static final String LABEL = "label";
    /** Guards Smile's static random-seed state during fitting. */
    private static final Object SMILE_RANDOM_LOCK = new Object();
    /** Only Smile's and the JDK's own classes may be deserialised. */
    private static final ObjectInputFilter FILTER =
            ObjectInputFilter.Config.createFilter("maxdepth=200;smile.**;java.base/*;!*");

    private final GradientTreeBoost model;
    private final StructType schema;
    private final List<String> featureNames;
    private final double minLabel;
    private final double maxLabel;

    private RankingModel(GradientTreeBoost model, List<String> featureNames, double minLabel, double maxLabel) {
        this.model = model;
        this.schema = model.schema();
        this.featureNames = List.copyOf(featureNames);
        this.minLabel = minLabel;
        this.maxLabel = maxLabel;
    }

    /**
     * Fits the model on the {@link RankingFeature} columns.
     *
     * @see #fit(double[][], double[], List, RankingConfig, TrainingListener)
     */
    public static RankingModel fit(double[][] features, double[] labels, RankingConfig config,
                                   TrainingListener listener) {
        return fit(features, labels, RankingFeature.columnNames(), config, listener);
    }

    /**
     * Fits the model.
     *
     * @param features     one row per example, each of {@code featureNames.size()} finite values (not retained)
     * @param labels       one finite label per example
     * @param featureNames column names, distinct, none equal to {@code "label"}
     * @param config       tree hyper-parameters and seed
     * @param listener     receives the training curve
     * @return the fitted model
     * @throws IllegalArgumentException if there are fewer than 2 examples, lengths differ or a value is not finite
     */
    public static RankingModel fit(double[][] features, double[] labels, List<String> featureNames,
                                   RankingConfig config, TrainingListener listener) {
        return fit(features, labels, featureNames, config, listener, "ranking-gbdt");
    }

    /** {@link #fit(double[][], double[], List, RankingConfig, TrainingListener)} reporting under another name. */
    static RankingModel fit(double[][] features, double[] labels, List<String> featureNames,
                            RankingConfig config, TrainingListener listener, String curveName) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(listener, "listener");
        int p = featureNames.size();
        if (featureNames.contains(LABEL) || featureNames.stream().distinct().count() != p || p == 0) {
            throw new IllegalArgumentException("featureNames must be distinct, non-empty and not '" + LABEL
                    + "', got " + featureNames);
        }
        if (features.length != labels.length) {
            throw new IllegalArgumentException("features has " + features.length + " rows but labels has "
                    + labels.length);
        }
        if (labels.length < 2) {
            throw new IllegalArgumentException("need at least 2 examples, got " + labels.length);
        }
        double minLabel = Double.POSITIVE_INFINITY;
        double maxLabel = Double.NEGATIVE_INFINITY;
        for (int r = 0; r < labels.length; r++) {
            if (features[r].length != p) {
                throw new IllegalArgumentException("row " + r + " has " + features[r].length + " features, expected " + p);
            }
            for (int c = 0; c < p; c++) {
                if (!Double.isFinite(features[r][c])) {
                    throw new IllegalArgumentException("feature '" + featureNames.get(c) + "' of row " + r
                            + " is not finite: " + features[r][c]);
                }
            }
            if (!Double.isFinite(labels[r])) {
                throw new IllegalArgumentException("label of row " + r + " is not finite: " + labels[r]);
            }
            minLabel = Math.min(minLabel, labels[r]);
            maxLabel = Math.max(maxLabel, labels[r]);
        }
        // Deterministic hold-out: a seeded shuffle of the row order.
        int n = labels.length;
        int[] order = new int[n];
        for (int r = 0; r < n; r++) {
            order[r] = r;
        }
        SplittableRandom random = new SplittableRandom(config.seed());
        for (int r = n - 1; r > 0; r--) {
            int s = random.nextInt(r + 1);
            int t = order[r];
            order[r] = order[s];
            order[s] = t;
        }
        int validationCount = (int) Math.floor(config.validationFraction() * n);
        int trainCount = n - validationCount;
        if (trainCount < 2) {
            throw new IllegalArgumentException("need at least 2 training examples after the validation hold-out, got "
                    + trainCount);
        }
        DataFrame train = frame(features, labels, order, 0, trainCount, featureNames);
        long start = System.nanoTime();
        GradientTreeBoost model;
        synchronized (SMILE_RANDOM_LOCK) {
            MathEx.setSeed(config.seed());
            model = GradientTreeBoost.fit(Formula.lhs(LABEL), train, Loss.ls(), config.trees(), config.maxDepth(),
                    config.maxNodes(), config.nodeSize(), config.shrinkage(), config.subsample());
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        double[] trainMse = stagedMse(model, train, labels, order, 0, trainCount);
        double[] validationMse = validationCount == 0 ? null
                : stagedMse(model, frame(features, labels, order, trainCount, n, featureNames), labels, order,
                trainCount, n);
        int bestTrees = config.trees();
        if (validationMse != null) {
            for (int t = 0; t < validationMse.length; t++) {
                if (validationMse[t] < validationMse[bestTrees - 1]) {
                    bestTrees = t + 1;
                }
            }
        }
        int step = Math.max(1, config.trees() / 10);
        int epochs = (config.trees() + step - 1) / step;
        for (int epoch = 1; epoch <= epochs; epoch++) {
            int treeCount = Math.min(config.trees(), epoch * step);
            Map<String, Double> metrics = validationMse == null
                    ? Map.of("trees", (double) treeCount)
                    : Map.of("trees", (double) treeCount, "validation_rmse", Math.sqrt(validationMse[treeCount - 1]));
            listener.onEpoch(new EpochProgress(curveName, epoch, epochs, trainMse[treeCount - 1], elapsed,
                    metrics));
        }
        if (bestTrees < config.trees()) {
            model.trim(bestTrees);
        }
        LOG.debug("ranking model: {} examples ({} held out), {} of {} trees kept, fit in {} ms", n, validationCount,
                bestTrees, config.trees(), elapsed.toMillis());
        return new RankingModel(model, featureNames, minLabel, maxLabel);
    }

    private static DataFrame frame(double[][] features, double[] labels, int[] order, int from, int to,
                                   List<String> featureNames) {
        int p = featureNames.size();
        double[][] rows = new double[to - from][];
        for (int r = from; r < to; r++) {
            double[] row = Arrays.copyOf(features[order[r]], p + 1);
            row[p] = labels[order[r]];
            rows[r - from] = row;
        }
        String[] names = featureNames.toArray(new String[p + 1]);
        names[p] = LABEL;
        return DataFrame.of(rows, names);
    }

    /** Mean squared error after each tree on rows {@code order[from..to)}. */
    private static double[] stagedMse(GradientTreeBoost model, DataFrame frame, double[] labels, int[] order,
                                      int from, int to) {
        double[][] staged = model.test(frame);
        double[] mse = new double[staged.length];
        for (int t = 0; t < staged.length; t++) {
            double sum = 0;
            for (int r = from; r < to; r++) {
                double error = staged[t][r - from] - labels[order[r]];
                sum += error * error;
            }
            mse[t] = sum / (to - from);
        }
        return mse;
    }

    /**
     * Predicts the label of one example, clipped to the range of the training labels.
     *
     * @param features the example's features, in {@link #featureNames()} order
     * @return the prediction
     * @throws IllegalArgumentException if the number of features is wrong
     */
    public double predict(double[] features) {
        if (features.length != featureNames.size()) {
            throw new IllegalArgumentException("expected " + featureNames.size() + " features, got " + features.length);
        }
        double prediction = model.predict(Tuple.of(features, schema));
        return Math.max(minLabel, Math.min(maxLabel, prediction));
    }

    /** The feature column names, in order. */
    public List<String> featureNames() {
        return featureNames;
    }

    /** Number of trees kept after the validation hold-out chose the best count. */
    public int treeCount() {
        return model.size();
    }

    /** Smile's split-gain importance of each feature, in {@link #featureNames()} order. */
    public double[] importance() {
        return model.importance().clone();
    }

    /** Serialises the trees and label range to bytes (Java serialisation of the Smile model). */
    byte[] treesToBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(model);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialise the Smile model", e);
        }
        return bytes.toByteArray();
    }

    double minLabel() {
        return minLabel;
    }

    double maxLabel() {
        return maxLabel;
    }

    /**
     * Rebuilds a model from {@link #treesToBytes()} output; only Smile and JDK classes are accepted.
     *
     * @throws IllegalArgumentException if the bytes are not a serialised Smile model with these features
     */
    static RankingModel fromBytes(byte[] trees, List<String> featureNames, double minLabel, double maxLabel) {
        Object object;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(trees))) {
            in.setObjectInputFilter(FILTER);
            object = in.readObject();
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalArgumentException("cannot read the serialised ranking trees: " + e, e);
        }
        if (!(object instanceof GradientTreeBoost model)) {
            throw new IllegalArgumentException("serialised ranking trees hold a " + object.getClass().getName());
        }
        List<String> names = new ArrayList<>();
        for (int c = 0; c < model.schema().length(); c++) {
            names.add(model.schema().fieldName(c));
        }
        if (!names.equals(featureNames)) {
            throw new IllegalArgumentException("ranking trees expect features " + names + ", model data lists "
                    + featureNames);
        }
        if (!(minLabel <= maxLabel)) {
            throw new IllegalArgumentException("label range [" + minLabel + ", " + maxLabel + "] is empty");
        }
        return new RankingModel(model, featureNames, minLabel, maxLabel);
    }
}
