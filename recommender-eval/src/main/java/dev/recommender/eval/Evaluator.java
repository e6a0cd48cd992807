package dev.recommender.eval;

import dev.recommender.core.Algorithm;
import dev.recommender.core.IndexedRecommender;
import dev.recommender.core.IndexedScorer;
import dev.recommender.core.ItemScorer;
import dev.recommender.core.PointPredictor;
import dev.recommender.core.TrainingData;
import dev.recommender.core.TrainingListener;
import dev.recommender.core.RecommendRequest;
import dev.recommender.core.Recommendations;
import dev.recommender.core.Recommender;
import dev.recommender.core.data.Aggregation;
import dev.recommender.core.data.EventLog;
import dev.recommender.core.data.IdIndex;
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
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
 *   <li><b>rating metrics</b> (RMSE, MAE), for models implementing {@link PointPredictor} (their score
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
                Fold fold = new Fold(f, train, test);
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

    private FoldResult evaluateOne(String label, Algorithm<?> algorithm, Fold fold, TrainingData fitOn, int folds,
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
        RatingResult rating = RatingResult.NONE;
        if (options.ratingMetrics()) {
            if (model instanceof PointPredictor scorer) {
                listener.onProgress(new EvaluationProgress(label, fold.index, folds, Stage.PREDICTING, completed, total));
                rating = predict(scorer, fold, pool);
            }
            metrics.put("rmse", rating.rmse);
            metrics.put("mae", rating.mae);
        }
        RankingResult ranking = RankingResult.NONE;
        if (options.rankingMetrics()) {
            listener.onProgress(new EvaluationProgress(label, fold.index, folds, Stage.RANKING, completed, total));
            ranking = rank(model, fold, pool);
            metrics.putAll(ranking.metrics);
        }
        return new FoldResult(label, fold.index, metrics, fitSeconds, rating.seconds, ranking.seconds,
                fold.test.size(), rating.unknownPairs, rating.nonFinite, ranking.evaluated, ranking.skipped,
                ranking.cold);
    }

    // ---------------------------------------------------------------- rating metrics

    private RatingResult predict(ItemScorer scorer, Fold fold, ExecutorService pool) {
        long start = System.nanoTime();
        Interactions train = fold.train;
        Interactions test = fold.test;
        if (test.size() == 0) {
            return new RatingResult(Double.NaN, Double.NaN, 0, 0, seconds(start));
        }
        double globalMean = train.meanValue();
        ValueRange range = options.clip().orElse(new ValueRange(train.minValue(), train.maxValue()));
        int userCount = test.userCount();
        double[] predicted = new double[test.size()];
        double[] actual = new double[test.size()];
        int[] unknown = new int[userCount];
        int[] nonFinite = new int[userCount];
        // a model fitted on the fold's training data numbers users and items like the test side: it
        // is asked by index; any other scorer (a peer) by id
        IndexedScorer indexed = scorer instanceof IndexedScorer candidate && candidate.users() == test.users()
                && candidate.items() == test.items() ? candidate : null;
        forEachUser(userCount, pool, user -> {
            int degree = test.userDegree(user);
            if (degree == 0) {
                return;
            }
            int[] items = test.itemsOf(user);
            float[] scores = new float[degree];
            if (indexed != null) {
                indexed.scoreInto(user, items, scores);
            } else {
                String userId = test.users().id(user);
                for (int k = 0; k < degree; k++) {
                    scores[k] = (float) scorer.score(userId, test.items().id(items[k]));
                }
            }
            boolean userKnown = fold.knowsUser(user);
            for (int k = 0, entry = test.userStart(user); k < degree; k++, entry++) {
                double prediction;
                boolean known = userKnown && fold.knowsItem(items[k]);
                if (!known) {
                    unknown[user]++;
                }
                if (!known && options.unknownPairs() == EvaluationOptions.UnknownPairs.GLOBAL_MEAN) {
                    prediction = globalMean;
                } else {
                    prediction = scores[k];
                    if (!Double.isFinite(prediction)) {
                        nonFinite[user]++;
                        prediction = globalMean;
                    }
                }
                predicted[entry] = range.clip(prediction);
                actual[entry] = test.value(entry);
            }
        });
        return new RatingResult(RatingMetrics.rmse(predicted, actual), RatingMetrics.mae(predicted, actual),
                sum(unknown), sum(nonFinite), seconds(start));
    }

    // ---------------------------------------------------------------- ranking metrics

    private RankingResult rank(Recommender model, Fold fold, ExecutorService pool) {
        long start = System.nanoTime();
        Interactions train = fold.train;
        Interactions test = fold.test;
        List<Integer> cutoffs = options.cutoffs();
        List<Integer> accuracyCutoffs = options.accuracyCutoffs();
        int maxCutoff = options.maxCutoff();
        RecommendRequest request = RecommendRequest.top(maxCutoff);
        int userCount = test.userCount();
        int perCutoff = 7;
        double[][] values = new double[cutoffs.size() * perCutoff][userCount];
        int[][] accuracyHits = new int[accuracyCutoffs.size()][userCount];
        int[] relevantCounts = new int[userCount];
        int[][] lists = new int[userCount][];
        boolean[] cold = new boolean[userCount];
        // a model fitted on the fold's training data numbers users and items like the test side: it
        // is asked by index; any other recommender (a peer) by id
        IndexedRecommender indexed = model instanceof IndexedRecommender candidate && candidate.users() == test.users()
                && candidate.items() == test.items() ? candidate : null;
        IdIndex testItems = test.items();
        forEachUser(userCount, pool, user -> {
            int[] relevant = new int[test.userDegree(user)];
            float[] gains = new float[relevant.length];
            int count = 0;
            for (int entry = test.userStart(user); entry < test.userEnd(user); entry++) {
                int item = test.itemAt(entry);
                if (train.contains(user, item)) {
                    continue; // a repeat of a training pair (temporal split): cannot be recommended
                }
                if (!(test.value(entry) > options.relevantAbove())) {
                    continue; // not relevant, e.g. shown but not engaged
                }
                relevant[count] = item;
                gains[count] = test.value(entry);
                count++;
            }
            relevantCounts[user] = count;
            if (count == 0) {
                return;
            }
            if (count < relevant.length) {
                relevant = Arrays.copyOf(relevant, count);
                gains = Arrays.copyOf(gains, count);
            }
            cold[user] = !fold.knowsUser(user);
            int[] rankedTest;
            if (indexed != null) {
                rankedTest = indexed.recommend(user, maxCutoff, true).items();
            } else {
                Recommendations recommendations = model.recommend(test.users().id(user), request);
                rankedTest = new int[recommendations.size()];
                for (int r = 0; r < rankedTest.length; r++) {
                    rankedTest[r] = indexOrMinusOne(testItems.find(recommendations.items().get(r).itemId()));
                }
            }
            lists[user] = rankedTest;
            boolean[] hits = RankingMetrics.hits(rankedTest, relevant);
            double[] rankGains = RankingMetrics.gains(rankedTest, relevant, gains);
            for (int c = 0; c < cutoffs.size(); c++) {
                int k = cutoffs.get(c);
                int slot = c * perCutoff;
                values[slot][user] = RankingMetrics.precision(hits, k);
                values[slot + 1][user] = RankingMetrics.recall(hits, count, k);
                values[slot + 2][user] = RankingMetrics.ndcg(hits, count, k);
                values[slot + 3][user] = RankingMetrics.ndcgGraded(rankGains, gains, k);
                values[slot + 4][user] = RankingMetrics.averagePrecision(hits, count, k);
                values[slot + 5][user] = RankingMetrics.reciprocalRank(hits, k);
                values[slot + 6][user] = RankingMetrics.hitRate(hits, k);
            }
            for (int c = 0; c < accuracyCutoffs.size(); c++) {
                accuracyHits[c][user] = RankingMetrics.hitCount(hits, accuracyCutoffs.get(c));
            }
        });
        double seconds = seconds(start);
        int evaluated = 0;
        int coldUsers = 0;
        long relevantPairs = 0;
        for (int user = 0; user < userCount; user++) {
            if (relevantCounts[user] > 0) {
                evaluated++;
                relevantPairs += relevantCounts[user];
                if (cold[user]) {
                    coldUsers++;
                }
            }
        }
        int skipped = fold.allUsers - evaluated;
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (int c = 0; c < cutoffs.size(); c++) {
            int k = cutoffs.get(c);
            for (int m = 0; m < perCutoff; m++) {
                metrics.put(EvaluationOptions.RANKING_METRICS.get(m) + "@" + k,
                        meanOverEvaluated(values[c * perCutoff + m], relevantCounts));
            }
            metrics.put("coverage@" + k, coverage(lists, relevantCounts, k, fold));
            metrics.put("novelty@" + k, novelty(lists, relevantCounts, k, fold));
        }
        for (int c = 0; c < accuracyCutoffs.size(); c++) {
            long hits = 0;
            for (int user = 0; user < userCount; user++) {
                hits += accuracyHits[c][user];
            }
            metrics.put("top_k_accuracy@" + accuracyCutoffs.get(c),
                    relevantPairs == 0 ? Double.NaN : (double) hits / relevantPairs);
        }
        return new RankingResult(metrics, evaluated, skipped, coldUsers, seconds);
    }

    private static double meanOverEvaluated(double[] values, int[] relevantCounts) {
        double sum = 0;
        int n = 0;
        for (int user = 0; user < values.length; user++) {
            if (relevantCounts[user] > 0 && !Double.isNaN(values[user])) {
                sum += values[user];
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    private static double coverage(int[][] lists, int[] relevantCounts, int k, Fold fold) {
        int catalogSize = fold.catalogSize;
        if (catalogSize == 0) {
            return Double.NaN;
        }
        boolean[] recommended = new boolean[fold.train.itemCount()];
        int distinct = 0;
        for (int user = 0; user < lists.length; user++) {
            if (relevantCounts[user] == 0) {
                continue;
            }
            int[] list = lists[user];
            for (int r = 0, n = Math.min(k, list.length); r < n; r++) {
                int item = list[r];
                if (item >= 0 && !recommended[item]) {
                    recommended[item] = true;
                    distinct++;
                }
            }
        }
        return CatalogMetrics.coverage(distinct, catalogSize);
    }

    private static double novelty(int[][] lists, int[] relevantCounts, int k, Fold fold) {
        double sum = 0;
        long slots = 0;
        for (int user = 0; user < lists.length; user++) {
            if (relevantCounts[user] == 0) {
                continue;
            }
            int[] list = lists[user];
            for (int r = 0, n = Math.min(k, list.length); r < n; r++) {
                int item = list[r];
                if (item >= 0) {
                    sum += CatalogMetrics.selfInformation(fold.train.itemDegree(item), fold.trainUsers);
                    slots++;
                }
            }
        }
        return slots == 0 ? Double.NaN : sum / slots;
    }

    // ---------------------------------------------------------------- plumbing

    /** Runs a per-user task over {@code 0..userCount-1}, in contiguous chunks on the pool. */
    private void forEachUser(int userCount, ExecutorService pool, UserTask task) {
        if (pool == null || userCount < 2) {
            for (int user = 0; user < userCount; user++) {
                task.run(user);
            }
            return;
        }
        int chunks = Math.min(userCount, options.threads() * 8);
        List<Future<?>> futures = new ArrayList<>(chunks);
        for (int c = 0; c < chunks; c++) {
            int from = (int) ((long) userCount * c / chunks);
            int to = (int) ((long) userCount * (c + 1) / chunks);
            futures.add(pool.submit(() -> {
                for (int user = from; user < to; user++) {
                    task.run(user);
                }
            }));
        }
        for (Future<?> future : futures) {
            try {
                future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("evaluation interrupted", e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (cause instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException(cause);
            }
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "evaluator-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private static int indexOrMinusOne(OptionalInt index) {
        return index.isPresent() ? index.getAsInt() : -1;
    }

    private static int sum(int[] values) {
        int total = 0;
        for (int v : values) {
            total += v;
        }
        return total;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    @FunctionalInterface
    private interface UserTask {
        void run(int user);
    }

    /**
     * One split's aggregated data. Both sides number users and items like the split's log, so a
     * test user or item is known to training when it has a training pair.
     */
    private static final class Fold {
        final int index;
        final Interactions train;
        final Interactions test;
        final int allUsers;
        final int trainUsers;
        final int catalogSize;

        Fold(int index, Interactions train, Interactions test) {
            if (!train.users().equals(test.users()) || !train.items().equals(test.items())) {
                throw new IllegalArgumentException("the training and test interactions of a split must share the "
                        + "log's numbering");
            }
            this.index = index;
            this.train = train;
            this.test = test;
            int users = 0;
            int trained = 0;
            for (int user = 0; user < train.userCount(); user++) {
                boolean inTraining = train.userDegree(user) > 0;
                trained += inTraining ? 1 : 0;
                users += inTraining || test.userDegree(user) > 0 ? 1 : 0;
            }
            int catalog = 0;
            for (int item = 0; item < train.itemCount(); item++) {
                catalog += train.itemDegree(item) > 0 ? 1 : 0;
            }
            this.allUsers = users;
            this.trainUsers = trained;
            this.catalogSize = catalog;
        }

        boolean knowsUser(int user) {
            return train.userDegree(user) > 0;
        }

        boolean knowsItem(int item) {
            return train.itemDegree(item) > 0;
        }
    }

    private record RatingResult(double rmse, double mae, int unknownPairs, int nonFinite, double seconds) {
        static final RatingResult NONE = new RatingResult(Double.NaN, Double.NaN, 0, 0, Double.NaN);
    }

    private record RankingResult(Map<String, Double> metrics, int evaluated, int skipped, int cold, double seconds) {
        static final RankingResult NONE = new RankingResult(Map.of(), 0, 0, 0, Double.NaN);
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
