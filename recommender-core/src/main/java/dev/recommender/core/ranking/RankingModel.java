package dev.recommender.core.ranking;

import dev.recommender.core.EpochProgress;
import dev.recommender.core.OptionalLibrary;
import dev.recommender.core.TrainingListener;
import dev.recommender.core.io.ModelData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import smile.base.cart.Loss;
import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.math.MathEx;
import smile.regression.GradientTreeBoost;

import java.time.Duration;
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
 * the fewest trees whose validation RMSE is within 0.1% of the lowest (the model is trimmed to it); the training
 * curve is reported to the {@link TrainingListener} as one "epoch" per tenth of the trees, with the
 * training MSE as the loss and {@code validation_rmse} as a metric. Predictions are clipped to the
 * range of the training labels.
 *
 * <p>Determinism: Smile 2.6 draws its subsamples from a per-thread random stream in
 * {@code smile.math.MathEx}, on the fitting thread only (its parallel split search draws nothing), and
 * seeding that stream also updates Smile's static, unsynchronised set of seeds. {@link #fit} therefore
 * seeds the fitting thread's stream with {@link RankingConfig#seed()} while holding one class-wide lock,
 * then grows the trees outside it: concurrent fits run at the same time on their own streams, and the same
 * data and configuration give the same trees on any thread. Other code that seeds Smile's random stream
 * at the same time is not protected; with {@code subsample = 1} no randomness is used at all.
 *
 * <p>Inference: Smile is only the trainer. Right after fitting, the trees are converted to a
 * {@link TreeEnsemble} of flat primitive arrays (feature, threshold, children, leaf value per
 * node, plus intercept and shrinkage) whose predictions equal Smile's bit for bit; no Smile object
 * is kept. {@link #predict(double[], int, double[])} scores a whole candidate matrix in one loop
 * without allocating. A saved model stores those arrays as named sections ({@link #writeTo}), never
 * serialised objects.
 *
 * <p>Complexity: fitting costs about O(trees · n · p · log n) for n examples and p features;
 * a prediction walks each tree once, O(trees · depth). Immutable and thread-safe: all state is
 * final and built in the constructor, nothing is initialised lazily.
 */
public final class RankingModel {
    /**
     * Relative validation-RMSE tolerance of the tree count: the fit keeps the fewest trees within 0.1% of
     * the best count's validation RMSE (far below the hold-out's sampling noise).
     */
    static final double TREE_TOLERANCE = 0.001;
    private static final Logger LOG = LoggerFactory.getLogger(RankingModel.class);
    private static final String LABEL = "label";
    /** Guards Smile's static set of seeds while a fit seeds its thread's random stream. */
    private static final Object SMILE_RANDOM_LOCK = new Object();

    private final TreeEnsemble trees;
    private final List<String> featureNames;
    private final double minLabel;
    private final double maxLabel;
    private final double[] importance;

    private RankingModel(TreeEnsemble trees, List<String> featureNames, double minLabel, double maxLabel,
                         double[] importance) {
        if (trees.featureCount() != featureNames.size()) {
            throw new IllegalArgumentException("trees read " + trees.featureCount() + " features, but "
                    + featureNames.size() + " feature names are given");
        }
        if (!Double.isFinite(minLabel) || !Double.isFinite(maxLabel) || minLabel > maxLabel) {
            throw new IllegalArgumentException("label range [" + minLabel + ", " + maxLabel
                    + "] must be finite and non-empty");
        }
        if (importance.length != featureNames.size()) {
            throw new IllegalArgumentException("importance has length " + importance.length + ", expected "
                    + featureNames.size() + " (one per feature)");
        }
        for (int c = 0; c < importance.length; c++) {
            if (!Double.isFinite(importance[c])) {
                throw new IllegalArgumentException("importance[" + c + "] is not finite: " + importance[c]);
            }
        }
        this.trees = trees;
        this.featureNames = List.copyOf(featureNames);
        this.minLabel = minLabel;
        this.maxLabel = maxLabel;
        this.importance = importance.clone();
    }

    /** A fitted model with the Smile model it was converted from (for parity checks). */
    record Fitted(RankingModel model, GradientTreeBoost smile) {
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
     * @throws IllegalStateException    if Smile ({@link OptionalLibrary#SMILE}) is not on the class path
     */
    public static RankingModel fit(double[][] features, double[] labels, List<String> featureNames,
                                   RankingConfig config, TrainingListener listener) {
        return fit(features, labels, featureNames, config, listener, "ranking-gbdt");
    }

    /** {@link #fit(double[][], double[], List, RankingConfig, TrainingListener)} reporting under another name. */
    static RankingModel fit(double[][] features, double[] labels, List<String> featureNames,
                            RankingConfig config, TrainingListener listener, String curveName) {
        return fitWithSmile(features, labels, featureNames, config, listener, curveName).model();
    }

    /** {@link #fit(double[][], double[], List, RankingConfig, TrainingListener)}, also returning Smile's model. */
    static Fitted fitWithSmile(double[][] features, double[] labels, List<String> featureNames,
                               RankingConfig config, TrainingListener listener, String curveName) {
        OptionalLibrary.SMILE.require();
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
        if (n > config.maxExamples()) {
            // the first maxExamples rows of the seeded shuffle: a uniform random sample
            LOG.debug("ranking model: {} examples cut to a random {}", n, config.maxExamples());
            n = config.maxExamples();
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
        }
        model = GradientTreeBoost.fit(Formula.lhs(LABEL), train, Loss.ls(), config.trees(), config.maxDepth(),
                config.maxNodes(), config.nodeSize(), config.shrinkage(), config.subsample());
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        // staged errors on the flat trees: Smile's test() would walk Tuples and hold trees x rows doubles
        TreeEnsemble untrimmed = SmileTrees.convert(model, p);
        double[] trainMse = untrimmed.stagedMse(features, labels, order, 0, trainCount);
        double[] validationMse = validationCount == 0 ? null
                : untrimmed.stagedMse(features, labels, order, trainCount, n);
        int bestTrees = validationMse == null ? config.trees() : fewestTreesNearBest(validationMse);
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
        LOG.debug("ranking model: {} examples ({} held out), {} of {} trees kept (lowest validation error at {}), "
                + "fit in {} ms", n, validationCount, bestTrees, config.trees(),
                validationMse == null ? config.trees() : lowestAt(validationMse), elapsed.toMillis());
        RankingModel flat = new RankingModel(SmileTrees.convert(model, p), featureNames, minLabel, maxLabel,
                model.importance());
        return new Fitted(flat, model);
    }

    /**
     * The fewest trees whose validation RMSE is within {@link #TREE_TOLERANCE} of the best count's: the
     * last trees of a boosted ensemble typically gain less than the hold-out can tell apart, and every tree
     * kept is walked for every candidate of every request.
     *
     * @param validationMse validation MSE after 1, 2, ... trees
     * @return the number of trees to keep, at least 1
     */
    /** The tree count (1-based) with the lowest staged validation error; the first of equals. */
    private static int lowestAt(double[] validationMse) {
        int best = 0;
        for (int t = 1; t < validationMse.length; t++) {
            if (validationMse[t] < validationMse[best]) {
                best = t;
            }
        }
        return best + 1;
    }

    static int fewestTreesNearBest(double[] validationMse) {
        double best = validationMse[lowestAt(validationMse) - 1];
        // compared on RMSE, the reported unit
        double limit = Math.sqrt(best) * (1 + TREE_TOLERANCE);
        for (int t = 0; t < validationMse.length; t++) {
            if (Math.sqrt(validationMse[t]) <= limit) {
                return t + 1;
            }
        }
        return validationMse.length;
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
        return clip(trees.predict(features));
    }

    /**
     * Predicts many examples at once, each clipped to the range of the training labels; allocates
     * nothing, so a caller can keep one feature matrix and one output array per thread.
     *
     * @param rows     row-major features: example {@code r} is {@code rows[r·p .. r·p + p)}, p = {@code featureNames().size()}
     * @param rowCount number of examples
     * @param out      receives the predictions in {@code out[0..rowCount)}
     * @throws IllegalArgumentException if {@code rows} or {@code out} is too short
     */
    public void predict(double[] rows, int rowCount, double[] out) {
        trees.predict(rows, rowCount, out);
        for (int r = 0; r < rowCount; r++) {
            out[r] = clip(out[r]);
        }
    }

    private double clip(double prediction) {
        return Math.max(minLabel, Math.min(maxLabel, prediction));
    }

    /** The feature column names, in order. */
    public List<String> featureNames() {
        return featureNames;
    }

    /** Number of trees kept after the validation hold-out chose the best count. */
    public int treeCount() {
        return trees.treeCount();
    }

    /** The flat trees (unclipped predictions). */
    public TreeEnsemble trees() {
        return trees;
    }

    /** Smile's split-gain importance of each feature (recorded at fit time), in {@link #featureNames()} order. */
    public double[] importance() {
        return importance.clone();
    }

    double minLabel() {
        return minLabel;
    }

    double maxLabel() {
        return maxLabel;
    }

    /**
     * Writes the model, except its feature names, as named arrays and properties under a prefix:
     * {@code minLabel}, {@code maxLabel}, {@code importance} and the {@link TreeEnsemble} sections.
     *
     * @param data   the model being written
     * @param prefix name prefix, e.g. {@code "ranker."}
     */
    void writeTo(ModelData.Builder data, String prefix) {
        data.property(prefix + "minLabel", Double.toString(minLabel))
                .property(prefix + "maxLabel", Double.toString(maxLabel))
                .putDoubles(prefix + "importance", importance);
        trees.writeTo(data, prefix);
    }

    /**
     * Reads a model written by {@link #writeTo}; every length, index and value is checked before the
     * model is built, and it is complete when returned.
     *
     * @throws IllegalArgumentException one line naming the first missing or inconsistent field
     */
    static RankingModel readFrom(ModelData data, String prefix, List<String> featureNames) {
        TreeEnsemble trees = TreeEnsemble.readFrom(data, prefix, featureNames.size());
        double minLabel = data.doubleProperty(prefix + "minLabel");
        double maxLabel = data.doubleProperty(prefix + "maxLabel");
        double[] importance = data.doubles(prefix + "importance");
        try {
            return new RankingModel(trees, featureNames, minLabel, maxLabel, importance);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(prefix + e.getMessage(), e);
        }
    }
}
