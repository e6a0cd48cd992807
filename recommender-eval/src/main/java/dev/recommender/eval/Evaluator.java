package dev.recommender.eval;

import dev.recommender.core.Algorithm;
import dev.recommender.core.ItemScorer;
import dev.recommender.core.PointPredictor;
import dev.recommender.core.PredictsValues;
import dev.recommender.core.TrainingData;
import dev.recommender.core.internal.ParallelRanges;
import dev.recommender.core.TrainingListener;
import dev.recommender.core.RecommendRequest;
import dev.recommender.core.Recommender;
import dev.recommender.core.data.Aggregation;
import dev.recommender.core.data.EventLog;
import dev.recommender.core.data.Interactions;
import dev.recommender.core.data.Signal;
import dev.recommender.core.data.Signals;
import dev.recommender.eval.EvaluationProgress.Stage;
import dev.recommender.eval.metric.CatalogMetrics;
import dev.recommender.eval.metric.RankingMetrics;
import dev.recommender.eval.metric.RatingMetrics;
import dev.recommender.eval.report.AlgorithmResult;
import dev.recommender.eval.report.EvaluationReport;
import dev.recommender.eval.report.FoldResult;
import dev.recommender.eval.split.Split;
import dev.recommender.eval.split.Splitter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fits every algorithm on the same splits and judges all of them by one code path, so their
 * numbers are comparable (Taste's {@code RecommenderEvaluator}, LensKit's train-test evaluator).
 *
 * <p>Per split: the training events become one {@link TrainingData} with the evaluator's
 * {@link Signals}, shared by all algorithms, so each aggregation is computed once per split (every
 * algorithm trains on the signal or aggregation its configuration names: rating models on
 * {@link Signal#RATING}, top-N models on {@link Signal#IMPLICIT}). The test events become
 * interactions through the test aggregation (the held-out values: the targets of rating metrics and
 * the gains of graded NDCG), in the same numbering. Then, for each algorithm:
 * <ol>
 *   <li><b>fit</b> on the split's training data (wall time measured);</li>
 *   <li><b>rating metrics</b> (RMSE, MAE), for models implementing {@link PointPredictor}, or fitted by an
 *       algorithm implementing {@link PredictsValues} (their score
 *       predicts the value; models that only rank get {@code NaN}, shown as "—"): every test
 *       pair is predicted; a pair whose user or item is absent from the training interactions
 *       is counted and predicted as the training global mean (protocol A) or by the model
 *       ({@link EvaluationOptions#unknownPairs()}); a non-finite prediction becomes the global mean and is counted; predictions are clipped to the training value range or a fixed
 *       {@link EvaluationOptions#clip() range}. Other models get {@code NaN};</li>
 *   <li><b>ranking metrics</b>, for every model: each user with test pairs gets one list of the
 *       largest cutoff's length from {@link Recommender#recommend(String, RecommendRequest)} over
 *       the model's whole catalog minus the user's training items (no sampled negatives). The
 *       relevant items are the user's test pairs not already in their training data (only a
 *       temporal split has such repeats; they cannot be recommended); test items absent from
 *       training stay relevant and count as misses; {@link EvaluationOptions#relevantAbove()} can
 *       further require a test value above a threshold. Users without relevant test items are skipped
 *       and counted; users absent from training get the model's fallback and are counted as cold.
 *       Per-user metrics ({@link RankingMetrics}) are averaged over evaluated users (graded NDCG
 *       over users where it is defined); top-K categorical accuracy is hits over all relevant test
 *       pairs; coverage and novelty come from {@link CatalogMetrics}.</li>
 * </ol>
 * The report gives each metric's mean and sample standard deviation across splits.
 *
 * <p>Users are scored in parallel on {@link EvaluationOptions#threads()} threads; per-user values
 * are stored by user and reduced in a fixed order, so results do not depend on the thread count.
 * Cost per split and algorithm: one fit, one prediction per test pair, one recommendation per test
 * user. Progress is logged through SLF4J (INFO per fold and algorithm) and reported to an optional
 * {@link ProgressListener}.
 *
 * <p>The peer harness's protocol A (5-fold rating prediction) and protocol B (per-user top-10, every
 * training rating a positive: {@link Signals#ratings()}'s implicit signal) on MovieLens ratings:
 * <pre>{@code
 * EvaluationReport a = Evaluator.builder(Signals.ratings())
 *         .options(EvaluationOptions.builder().rankingMetrics(false).clip(1, 5).build()).build()
 *         .evaluate(ratings, KFold.protocolA(5, 42), List.of(Baseline.Config.defaults(), Svd.Config.defaults()));
 * EvaluationReport b = Evaluator.builder(Signals.ratings())
 *         .options(EvaluationOptions.builder().ratingMetrics(false).build()).build()
 *         .evaluate(ratings, PerUserHoldout.protocolB(0.2, 5, 42), List.of(Popularity.Config.defaults()));
 * String table = a.toMarkdown(); // also toCsv(), toJson()
 * }</pre>
 *
 * <p>Thread safety: immutable; {@code evaluate} may be called concurrently (each call makes its
 * own worker threads) if the listener tolerates it.
 */
public final class Evaluator {
    private static final Logger LOG = LoggerFactory.getLogger(Evaluator.class);

    private final Signals signals;
    private final Aggregation testAggregation;
    private final EvaluationOptions options;
    private final ProgressListener listener;
    private final TrainingListener trainingListener;

    private Evaluator(Builder builder) {
        this.signals = builder.signals;
        this.testAggregation = builder.testAggregation == null ? builder.signals.rating() : builder.testAggregation;
        this.options = builder.options;
        this.listener = builder.listener;
        this.trainingListener = builder.trainingListener;
    }

    /**
     * A builder for an evaluator whose algorithms train on the given signals of each split's training
     * events (each algorithm on the signal or aggregation its configuration names) and whose test
     * values are the {@link Signals#rating()} values of the test events unless
     * {@link Builder#testAggregation(Aggregation)} says otherwise.
     *
     * @param signals how the events become rating and implicit values
     * @return the builder
     */
    public static Builder builder(Signals signals) {
        return new Builder(signals);
    }

    /** How training events become each signal. */
    public Signals signals() {
        return signals;
    }

    /** The aggregation of test events (held-out values). */
    public Aggregation testAggregation() {
        return testAggregation;
    }

    /** What is measured. */
    public EvaluationOptions options() {
        return options;
    }

    /**
     * Splits the events and evaluates the algorithms, labelled by their {@link Algorithm#name()}.
     *
     * @param events     the events
     * @param splitter   how to split them
     * @param algorithms the algorithms, with distinct names
     * @return the report, one row per algorithm in the given order
     * @throws IllegalArgumentException if two algorithms share a name or there is none
     */
    public EvaluationReport evaluate(EventLog events, Splitter splitter, List<? extends Algorithm<?>> algorithms) {
        Map<String, Algorithm<?>> labelled = new LinkedHashMap<>();
        for (Algorithm<?> algorithm : algorithms) {
            if (labelled.put(algorithm.name(), algorithm) != null) {
                throw new IllegalArgumentException("two algorithms are named '" + algorithm.name()
                        + "'; give them distinct labels with evaluate(events, splitter, Map)");
            }
        }
        return evaluate(events, splitter, labelled);
    }

    /**
     * Splits the events and evaluates labelled algorithms.
     *
     * @param events     the events
     * @param splitter   how to split them
     * @param algorithms label to algorithm, in report order (the map's iteration order: use a
     *                   {@link LinkedHashMap} for a fixed order)
     * @return the report, one row per label
     * @throws IllegalArgumentException if there is no algorithm
     */
    public EvaluationReport evaluate(EventLog events, Splitter splitter, Map<String, ? extends Algorithm<?>> algorithms) {
        return evaluate(splitter.split(events), splitter.name(), algorithms);
    }

    /**
     * Evaluates labelled algorithms on given splits (for example splits reused across calls).
     *
     * @param splits      the splits, at least one
     * @param description a description of the splits for the report
     * @param algorithms  label to algorithm, in report order (the map's iteration order)
     * @return the report, one row per label
     * @throws IllegalArgumentException if there is no split or no algorithm
     */
    public EvaluationReport evaluate(List<Split> splits, String description,
                                     Map<String, ? extends Algorithm<?>> algorithms) {
        Objects.requireNonNull(description, "description");
        if (splits.isEmpty()) {
            throw new IllegalArgumentException("splits must not be empty");
        }
        if (algorithms.isEmpty()) {
            throw new IllegalArgumentException("algorithms must not be empty");
        }
        List<String> labels = List.copyOf(algorithms.keySet());
        List<List<FoldResult>> results = new ArrayList<>();
        for (int a = 0; a < labels.size(); a++) {
            results.add(new ArrayList<>());
        }
        int total = splits.size() * labels.size();
        int completed = 0;
        ExecutorService pool = options.threads() > 1 ? Executors.newFixedThreadPool(options.threads(), daemonThreads())
                : null;
        try {
            for (int f = 0; f < splits.size(); f++) {
                Split split = splits.get(f);
                TrainingData data = TrainingData.of(split.train(), signals);
                Interactions train = data.interactions(Signal.RATING);
                Interactions test = testAggregation.aggregate(split.test());
                LOG.info("fold {}/{} ({}): training {} pairs of {} users and {} items, test {} pairs of {} users",
                        f + 1, splits.size(), description, train.size(), train.userCount(), train.itemCount(),
                        test.size(), test.userCount());
                EvaluationFold fold = new EvaluationFold(f, train, test);
                for (int a = 0; a < labels.size(); a++) {
                    String label = labels.get(a);
                    FoldResult result = evaluateOne(label, algorithms.get(label), fold, data, splits.size(), completed,
                            total, pool);
                    results.get(a).add(result);
                    completed++;
                    listener.onProgress(new EvaluationProgress(label, f, splits.size(), Stage.DONE, completed, total));
                    LOG.info("fold {}/{} {}: fit {} s, {}", f + 1, splits.size(), label,
                            String.format(Locale.ROOT, "%.2f", result.fitSeconds()), rounded(result.metrics()));
                }
            }
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
        List<AlgorithmResult> rows = new ArrayList<>();
        for (int a = 0; a < labels.size(); a++) {
            rows.add(new AlgorithmResult(labels.get(a), results.get(a)));
        }
        return new EvaluationReport(description, splits.size(), rows);
    }

    private FoldResult evaluateOne(String label, Algorithm<?> algorithm, EvaluationFold fold, TrainingData fitOn, int folds,
                                   int completed, int total, ExecutorService pool) {
        listener.onProgress(new EvaluationProgress(label, fold.index, folds, Stage.FITTING, completed, total));
        long start = System.nanoTime();
        Recommender model = algorithm.fit(fitOn, progress -> {
            LOG.debug("fold {} {}: epoch {}/{}, loss {}", fold.index + 1, label, progress.epoch(),
                    progress.totalEpochs(), progress.loss());
            trainingListener.onEpoch(progress);
        });
        double fitSeconds = seconds(start);
        Map<String, Double> metrics = new LinkedHashMap<>();
        RatingEvaluation.Result rating = RatingEvaluation.Result.NONE;
        if (options.ratingMetrics()) {
            if (model instanceof ItemScorer scorer
                    && (model instanceof PointPredictor
                    || algorithm instanceof PredictsValues values && values.predictsValues())) {
                listener.onProgress(new EvaluationProgress(label, fold.index, folds, Stage.PREDICTING, completed, total));
                rating = RatingEvaluation.predict(scorer, fold, options, (n, task) -> forEachUser(n, pool, task));
            }
            metrics.put("rmse", rating.rmse());
            metrics.put("mae", rating.mae());
        }
        RankingEvaluation.Result ranking = RankingEvaluation.Result.NONE;
        if (options.rankingMetrics()) {
            listener.onProgress(new EvaluationProgress(label, fold.index, folds, Stage.RANKING, completed, total));
            ranking = RankingEvaluation.rank(model, fold, options, (n, task) -> forEachUser(n, pool, task));
            metrics.putAll(ranking.metrics());
        }
        return new FoldResult(label, fold.index, metrics, fitSeconds, rating.seconds(), ranking.seconds(),
                fold.test.size(), rating.unknownPairs(), rating.nonFinite(), ranking.evaluated(), ranking.skipped(),
                ranking.cold());
    }

    // ---------------------------------------------------------------- plumbing

    /** Runs a per-user task over {@code 0..userCount-1}, in contiguous chunks on the pool. */
    private void forEachUser(int userCount, ExecutorService pool, UserTask task) {
        ParallelRanges.run(userCount < 2 ? null : pool, userCount, Math.max(1, Math.min(userCount, options.threads() * 8)),
                (from, to) -> {
                    for (int user = from; user < to; user++) {
                        task.run(user);
                    }
                }, "evaluation");
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "evaluator-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }


    static int sum(int[] values) {
        int total = 0;
        for (int v : values) {
            total += v;
        }
        return total;
    }

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** Work on one user index; the evaluation classes run it on the evaluator's threads. */
    @FunctionalInterface
    interface UserTask {
        void run(int user);
    }

    /** Runs a per-user task over {@code [0, userCount)} on the evaluator's threads. */
    @FunctionalInterface
    interface UserLoop {
        void forEachUser(int userCount, UserTask task);
    }

    /** Builder for {@link Evaluator}; not thread-safe. */
    public static final class Builder {
        private final Signals signals;
        private Aggregation testAggregation;
        private EvaluationOptions options = EvaluationOptions.defaults();
        private ProgressListener listener = ProgressListener.NONE;
        private TrainingListener trainingListener = TrainingListener.NONE;

        private Builder(Signals signals) {
            this.signals = Objects.requireNonNull(signals, "signals");
        }

        /**
         * Aggregates test events differently from the rating signal (the default), e.g.
         * {@code ExplicitRating.mean()} for the held-out values.
         *
         * @param aggregation the test aggregation
         * @return this builder
         */
        public Builder testAggregation(Aggregation aggregation) {
            this.testAggregation = Objects.requireNonNull(aggregation, "testAggregation");
            return this;
        }

        /**
         * What to measure (default {@link EvaluationOptions#defaults()}).
         *
         * @param options the options
         * @return this builder
         */
        public Builder options(EvaluationOptions options) {
            this.options = Objects.requireNonNull(options, "options");
            return this;
        }

        /**
         * Receives progress (default none).
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder listener(ProgressListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * Receives every algorithm's per-epoch training progress, on the training thread (default none).
         *
         * @param listener the listener; must be quick and must not throw
         * @return this builder
         */
        public Builder trainingListener(TrainingListener listener) {
            this.trainingListener = Objects.requireNonNull(listener, "trainingListener");
            return this;
        }

        /**
         * Returns the evaluator.
         *
         * @return the evaluator
         */
        public Evaluator build() {
            return new Evaluator(this);
        }
    }

    /** A metric map for a log line: names in order, values with 4 significant digits ({@code {ndcg@10=0.1234}}). */
    static String rounded(Map<String, Double> metrics) {
        StringBuilder line = new StringBuilder("{");
        new TreeMap<>(metrics).forEach((name, value) -> line.append(line.length() > 1 ? ", " : "")
                .append(name).append('=').append(rounded(value)));
        return line.append('}').toString();
    }

    /**
     * A number for a log line: 4 significant digits, no exponent, no trailing zeros ({@code 0.8123},
     * {@code 12350}, {@code 0.005}); NaN and infinities as Java prints them.
     *
     * @param value the number
     * @return its rounded text
     */
    public static String rounded(double value) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        return new BigDecimal(value).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }
}
