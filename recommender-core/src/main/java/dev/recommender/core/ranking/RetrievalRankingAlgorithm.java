package dev.recommender.core.ranking;

import dev.recommender.core.Algorithm;
import dev.recommender.core.IndexedRecommender;
import dev.recommender.core.IndexedScorer;
import dev.recommender.core.RankedItems;
import dev.recommender.core.Recommender;
import dev.recommender.core.TrainingData;
import dev.recommender.core.TrainingListener;
import dev.recommender.core.data.EventLog;
import dev.recommender.core.data.Interactions;
import dev.recommender.core.data.Signal;
import dev.recommender.core.internal.ParallelRanges;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Fits a {@link RetrievalRanking} from an event log, without letting features see labels.
 *
 * <ol>
 *   <li>Cut the log's time span at {@code end - labelFraction · (end - start)}: events before the
 *       cut-off are the history, events after it the labels.</li>
 *   <li>Fit the retrieval and the rating model on the history only, and compute
 *       {@link RankingFeatures} as of the cut-off.</li>
 *   <li>Examples: every (user, item) pair shown in the label window, with its engagement rate there;
 *       for {@link RankingTarget#ENGAGED} also, per label-window user, the top {@code candidates} items
 *       the history retrieval model proposes (seen items excluded, as when serving), labelled 1 if the
 *       user engaged with them in the window, else 0 (all positives, up to {@code negatives} sampled
 *       negatives). Features: history statistics plus the two models' scores.</li>
 *   <li>Fit the engagement-rate {@link RankingModel} on the shown pairs, and for
 *       {@link RankingTarget#ENGAGED} a second one, the orderer, on the candidate examples of four in
 *       five label-window users. On the fifth held out, choose how much the orderer's rank counts
 *       against the retrieval rank ({@link RetrievalRanking#orderingWeight()}, from 0: retrieval order,
 *       to 1: the orderer's) by their NDCG@10, so the ranking stage does not order worse than the
 *       retrieval it re-ranks where that can be measured without test data. Then refit
 *       retrieval and rating model on the whole log and compute the features as of its end, which is
 *       what the served model uses (the trees learnt how a history predicts the next period; they are
 *       applied to the latest history).</li>
 * </ol>
 *
 * <p>Cost: two fits of each sub-model plus one ranking fit over the label-window pairs (and
 * candidates). Parts that do not depend on each other run at the same time on a few threads of the fit's
 * own: the two history sub-models, then both tree ensembles together with the final sub-models and
 * features (which do not need the trees); each part is deterministic on its own, so the model is the same as
 * one fitted part after part.
 * Progress reaches the listener one call at a time, possibly from different threads. Deterministic given
 * the sub-models' (and their thread counts) and the ranking seed. Immutable.
 *
 * @param retrieval proposes candidates (e.g. a two-tower or ALS model, trained on its own signal)
 * @param scorer    the rating model whose prediction is a feature (e.g. Svd on engagement rates)
 * @param config    candidates, label window, target, features and trees
 * @param <S>       the rating model's type
 */
public record RetrievalRankingAlgorithm<S extends Recommender & IndexedScorer>(
        Algorithm<? extends IndexedRecommender> retrieval, Algorithm<S> scorer, RetrievalRankingConfig config)
        implements Algorithm<RetrievalRanking> {
    private static final Logger LOG = LoggerFactory.getLogger(RetrievalRankingAlgorithm.class);
    /** The orderer's shares of the order tried on held-out users ({@link RetrievalRanking#orderingWeight()}). */
    static final double[] ORDERING_WEIGHTS = {0, 0.25, 0.5, 0.75, 1};
    /** One in this many label-window users is held out of the orderer's training to choose its weight. */
    static final int CHECK_SHARE = 5;
    /** Held-out users with an engaged candidate needed before the orderer may change the retrieval order. */
    static final int MIN_CHECK_USERS = 20;
    /**
     * Threads of a fit's own pool: the two history models, then the final retrieval model, rating model and
     * features with the engagement-rate trees (the ordering trees grow on the calling thread).
     */
    private static final int FIT_THREADS = 4;

    /** Validates the fields. */
    public RetrievalRankingAlgorithm {
        Objects.requireNonNull(retrieval, "retrieval");
        Objects.requireNonNull(scorer, "scorer");
        Objects.requireNonNull(config, "config");
    }

    @Override
    public String name() {
        return RetrievalRanking.NAME;
    }

    /**
     * Fits the two-stage model.
     *
     * @throws IllegalArgumentException if the log is empty, spans no time, or either side of the
     *                                  cut-off has no events
     */
    @Override
    public RetrievalRanking fit(TrainingData data, TrainingListener listener) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(listener, "listener");
        EventLog training = data.requireEvents(name());
        if (training.size() == 0) {
            throw new IllegalArgumentException("training log is empty");
        }
        long end = training.maxTimeMillis() + 1;
        long cutoff = training.startOfLastShare(config.labelFraction());
        Object lock = new Object();
        TrainingListener progress = epoch -> {
            synchronized (lock) {
                listener.onEpoch(epoch);
            }
        };
        ExecutorService pool = fitPool();
        try {
            Examples examples = examples(data, cutoff, pool);
            LOG.debug("ranking examples: {} shown pairs and {} ordering candidates from the label window after {} "
                    + "({} history events)", examples.size(), examples.engaged().length,
                    java.time.Instant.ofEpochMilli(cutoff), examples.historyEvents());
            if (config.target() == RankingTarget.ENGAGED && examples.engaged().length == 0) {
                throw new IllegalArgumentException("no label-window user engaged with any of their top "
                        + config.candidates() + " retrieved candidates: nothing to train the ordering model on");
            }
            // the served sub-models and features need no trees: they fit while the trees grow (started earlier,
            // they slow the history models, which the trees wait for)
            Future<IndexedRecommender> finalRetrieval = pool.submit(() -> retrieval.fit(data, progress));
            Future<S> finalScorer = pool.submit(() -> scorer.fit(data, progress));
            Future<RankingFeatures> finalFeatures = pool.submit(() -> RankingFeatures.of(training, end,
                    config.features()));
            Future<RankingModel> ranker = pool.submit(() -> RankingModel.fit(examples.features(), examples.rates(),
                    config.ranking(), progress));
            RankingModel orderer = null;
            double orderingWeight = 1;
            if (config.target() == RankingTarget.ENGAGED) {
                orderer = RankingModel.fit(examples.orderingFeatures(), examples.engaged(),
                        RankingFeature.columnNames(), config.ranking(), progress, "ordering-gbdt");
                orderingWeight = chooseOrderingWeight(orderer, examples);
            }
            return RetrievalRanking.of(join(finalRetrieval), join(finalScorer), join(finalFeatures), join(ranker),
                    Optional.ofNullable(orderer), orderingWeight, config.candidates());
        } finally {
            pool.shutdownNow();
        }
    }

    /** The fit's own daemon threads (never the common pool, which Smile's tree growth uses). */
    private static ExecutorService fitPool() {
        return ParallelRanges.newPool(FIT_THREADS, "retrieval-ranking-fit");
    }

    /** The result of a part of the fit; its unchecked failure as it was thrown. */
    private static <T> T join(Future<T> part) {
        return ParallelRanges.join(part, "two-stage fit");
    }

    /**
     * Picks {@link RetrievalRanking#orderingWeight()} among {@link #ORDERING_WEIGHTS}: the one whose
     * order of the held-out users' candidates has the highest mean NDCG@10 of their label-window
     * engagements (ties go to the smaller weight, the retrieval order). 0, the retrieval order, when
     * fewer than {@link #MIN_CHECK_USERS} held-out users have an engaged candidate: without evidence
     * that the orderer does better, the lists stay as retrieval ranked them.
     */
    static double chooseOrderingWeight(RankingModel orderer, Examples examples) {
        int rows = examples.checkEngaged().length;
        int heldOutUsers = (int) java.util.Arrays.stream(examples.checkUsers()).distinct().count();
        if (heldOutUsers < MIN_CHECK_USERS) {
            LOG.info("{} held-out users with an engaged candidate (fewer than {}): no evidence that the orderer "
                    + "orders better than retrieval, lists keep the retrieval order", heldOutUsers, MIN_CHECK_USERS);
            return 0;
        }
        double[] flat = new double[rows * RankingFeature.count()];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(examples.checkFeatures()[r], 0, flat, r * RankingFeature.count(), RankingFeature.count());
        }
        double[] predictions = new double[rows];
        orderer.predict(flat, rows, predictions);
        double[] ndcg = new double[ORDERING_WEIGHTS.length];
        for (int start = 0; start < rows; ) {
            int end = start;
            while (end < rows && examples.checkUsers()[end] == examples.checkUsers()[start]) {
                end++;
            }
            int n = end - start;
            int[] items = java.util.Arrays.copyOfRange(examples.checkItems(), start, end);
            double[] labels = java.util.Arrays.copyOfRange(examples.checkEngaged(), start, end);
            double[] scores = java.util.Arrays.copyOfRange(predictions, start, end);
            double[] blended = new double[n];
            int[] order = new int[n];
            for (int w = 0; w < ORDERING_WEIGHTS.length; w++) {
                RetrievalRanking.fuseWithRetrievalOrder(scores, items, n, ORDERING_WEIGHTS[w], order, blended);
                RetrievalRanking.selectBest(blended, items, n, Math.min(10, n), order);
                ndcg[w] += ndcgAt10(order, labels, n);
            }
            start = end;
        }
        int best = 0;
        for (int w = 1; w < ORDERING_WEIGHTS.length; w++) {
            if (ndcg[w] > ndcg[best]) {
                best = w;
            }
        }
        LOG.info("ordering weight {} chosen on {} held-out users (NDCG@10 {} by retrieval order, {} by the orderer "
                        + "alone, {} chosen)", ORDERING_WEIGHTS[best], heldOutUsers, round(ndcg[0] / heldOutUsers),
                round(ndcg[ORDERING_WEIGHTS.length - 1] / heldOutUsers), round(ndcg[best] / heldOutUsers));
        return ORDERING_WEIGHTS[best];
    }

    private static double ndcgAt10(int[] order, double[] labels, int n) {
        int k = Math.min(10, n);
        double dcg = 0;
        for (int r = 0; r < k; r++) {
            dcg += labels[order[r]] > 0 ? 1 / (Math.log(r + 2) / Math.log(2)) : 0;
        }
        int relevant = 0;
        for (double label : labels) {
            relevant += label > 0 ? 1 : 0;
        }
        double ideal = 0;
        for (int r = 0; r < Math.min(k, relevant); r++) {
            ideal += 1 / (Math.log(r + 2) / Math.log(2));
        }
        return ideal == 0 ? 0 : dcg / ideal;
    }

    private static String round(double value) {
        return String.format(java.util.Locale.ROOT, "%.4f", value);
    }

    /**
     * Builds the ranking examples of a log for a cut-off: features from events before it (with
     * retrieval and rating models fitted on those events), labels from events at or after it.
     *
     * <p>Two sets. The shown pairs of the label window with their rating-signal value train the
     * engagement-rate model. For {@link RankingTarget#ENGAGED}, the ordering examples are what serving
     * ranks: each label-window user's top {@code candidates} items of the history retrieval model,
     * seen items excluded, labelled 1 if the user engaged with the item in the window, else 0; all of
     * a user's positives are kept with up to {@code negatives} of the other candidates drawn with the
     * ranking seed, and users without a positive among their candidates are left out. Drawing
     * negatives from the candidate pool, not positives from anywhere, keeps the examples distributed
     * as the requests are: positives from outside the list would teach the trees that a high
     * retrieval score means "not engaged".
     *
     * @throws IllegalArgumentException if either side of the cut-off has no events
     */
    Examples examples(TrainingData data, long cutoff) {
        ExecutorService pool = fitPool();
        try {
            return examples(data, cutoff, pool);
        } finally {
            pool.shutdownNow();
        }
    }

    /** {@link #examples(TrainingData, long)}, fitting the two history sub-models at the same time on {@code pool}. */
    private Examples examples(TrainingData data, long cutoff, ExecutorService pool) {
        EventLog training = data.requireEvents(name());
        int[] history = positions(training, Long.MIN_VALUE, cutoff);
        if (history.length == 0 || history.length == training.size()) {
            throw new IllegalArgumentException("cut-off " + cutoff + " leaves no " + (history.length == 0
                    ? "history" : "label") + " events; the log must span some time (labelFraction "
                    + config.labelFraction() + ")");
        }
        TrainingData historyData = data.select(history);
        Future<IndexedRecommender> historyRetrievalPart = pool.submit(
                (Callable<IndexedRecommender>) () -> retrieval.fit(historyData, TrainingListener.NONE));
        Future<S> historyScorerPart = pool.submit(() -> scorer.fit(historyData, TrainingListener.NONE));
        RankingFeatures features = RankingFeatures.of(training, cutoff, config.features());
        IndexedRecommender historyRetrieval = join(historyRetrievalPart);
        S historyScorer = join(historyScorerPart);
        // labels: the rating signal of the label window's pairs (the engagement rate of an app log,
        // the rating of rating data), in the log's numbering like the models and the features
        Interactions labels = data.select(positions(training, cutoff, Long.MAX_VALUE)).interactions(Signal.RATING);
        Rows shown = new Rows();
        Rows ordering = new Rows();
        Rows check = new Rows();
        SplittableRandom random = new SplittableRandom(config.ranking().seed());
        SplittableRandom holdOut = new SplittableRandom(config.ranking().seed() + 1);
        int candidates = Math.max(1, Math.min(config.candidates(), historyRetrieval.items().size()));
        for (int user = 0; user < labels.userCount(); user++) {
            if (labels.userDegree(user) == 0) {
                continue;
            }
            int degree = labels.userDegree(user);
            int[] items = new int[degree];
            double[] values = new double[degree];
            for (int k = 0; k < degree; k++) {
                items[k] = labels.itemAt(labels.userStart(user) + k);
                values[k] = labels.value(labels.userStart(user) + k);
            }
            float[] retrievalScores = new float[degree];
            RetrievalRanking.retrievalScores(historyRetrieval, user, items, retrievalScores);
            shown.add(user, items, retrievalScores, values, degree, historyScorer, features);
            if (config.target() == RankingTarget.ENGAGED) {
                boolean heldOut = holdOut.nextInt(CHECK_SHARE) == 0;
                orderingExamples(historyRetrieval, user, items, values, candidates, heldOut ? null : random,
                        historyScorer, features, heldOut ? check : ordering);
            }
        }
        return new Examples(shown.features(), shown.labels(), ordering.features(), ordering.labels(),
                ordering.users(), ordering.items(), check.features(), check.labels(), check.users(), check.items(),
                history.length);
    }

    /**
     * Adds one user's ordering examples: the history retrieval's candidates (seen items excluded),
     * label 1 for those engaged with in the label window, every positive and up to
     * {@code config.negatives()} sampled negatives, or, without a {@code random} (a held-out user),
     * every candidate in retrieval order; nothing if no candidate is a positive.
     */
    private void orderingExamples(IndexedRecommender historyRetrieval, int user, int[] labelItems,
                                  double[] labelValues, int candidates, SplittableRandom random, S historyScorer,
                                  RankingFeatures features, Rows ordering) {
        RankedItems answer = historyRetrieval.recommend(user, candidates, true);
        if (answer.fallback() || answer.size() == 0) {
            return;
        }
        // as when serving: items with a history event of the user are not candidates, even when the
        // retrieval model did not count them as seen (e.g. one trained on engaged pairs only)
        RankedItems retrieved = withoutHistory(answer, user, features);
        if (retrieved.size() == 0) {
            return;
        }
        java.util.Map<Integer, Double> window = new java.util.HashMap<>(labelItems.length * 2);
        for (int k = 0; k < labelItems.length; k++) {
            window.put(labelItems[k], labelValues[k]);
        }
        int n = retrieved.size();
        double[] engaged = new double[n];
        int positives = 0;
        for (int k = 0; k < n; k++) {
            engaged[k] = window.getOrDefault(retrieved.items()[k], 0.0) > 0 ? 1 : 0;
            positives += (int) engaged[k];
        }
        if (positives == 0) {
            return;
        }
        if (random == null) {
            ordering.add(user, retrieved.items(), retrieved.scores(), engaged, n, historyScorer, features);
            return;
        }
        // positives first, in retrieval order, then the negatives: a stable layout for the draw below
        int[] pool = new int[n];
        int next = 0;
        for (int k = 0; k < n; k++) {
            if (engaged[k] > 0) {
                pool[next++] = k;
            }
        }
        int negatives = 0;
        for (int k = 0; k < n; k++) {
            if (engaged[k] == 0) {
                pool[positives + negatives++] = k;
            }
        }
        int take = Math.min(config.negatives(), negatives);
        for (int t = 0; t < take; t++) {
            int pick = positives + t + random.nextInt(negatives - t);
            int chosen = pool[pick];
            pool[pick] = pool[positives + t];
            pool[positives + t] = chosen;
        }
        int count = positives + take;
        int[] items = new int[count];
        float[] scores = new float[count];
        double[] labels = new double[count];
        for (int k = 0; k < count; k++) {
            items[k] = retrieved.items()[pool[k]];
            scores[k] = retrieved.scores()[pool[k]];
            labels[k] = engaged[pool[k]];
        }
        ordering.add(user, items, scores, labels, count, historyScorer, features);
    }

    private static RankedItems withoutHistory(RankedItems answer, int user, RankingFeatures features) {
        int[] items = new int[answer.size()];
        float[] scores = new float[answer.size()];
        int kept = 0;
        for (int k = 0; k < answer.size(); k++) {
            if (!features.hasEvents(user, answer.items()[k])) {
                items[kept] = answer.items()[k];
                scores[kept++] = answer.scores()[k];
            }
        }
        return kept == answer.size() ? answer
                : new RankedItems(java.util.Arrays.copyOf(items, kept), java.util.Arrays.copyOf(scores, kept), false);
    }

    private static int[] positions(EventLog log, long fromMillis, long toMillis) {
        int count = 0;
        for (int e = 0; e < log.size(); e++) {
            long time = log.timeMillis(e);
            if (time >= fromMillis && time < toMillis) {
                count++;
            }
        }
        int[] positions = new int[count];
        int next = 0;
        for (int e = 0; e < log.size(); e++) {
            long time = log.timeMillis(e);
            if (time >= fromMillis && time < toMillis) {
                positions[next++] = e;
            }
        }
        return positions;
    }

    /** Growing example rows of one kind with their labels (and, for tests, their pairs). */
    private static final class Rows {
        private final List<double[]> rows = new ArrayList<>();
        private final List<Double> labels = new ArrayList<>();
        private final List<int[]> pairs = new ArrayList<>();

        <S extends IndexedScorer> void add(int user, int[] items, float[] retrievalScores, double[] values, int count,
                                           S scorer, RankingFeatures features) {
            int[] scored = java.util.Arrays.copyOf(items, count);
            float[] svd = new float[count];
            scorer.scoreInto(user, scored, svd);
            float[] exposure = new float[count];
            RetrievalRanking.exposureScores(scorer, user, scored, exposure);
            for (int k = 0; k < count; k++) {
                double[] row = new double[RankingFeature.count()];
                features.fill(user, items[k], retrievalScores[k], svd[k], exposure[k], row);
                rows.add(row);
                labels.add(values[k]);
                pairs.add(new int[] {user, items[k]});
            }
        }

        double[][] features() {
            return rows.toArray(double[][]::new);
        }

        int size() {
            return rows.size();
        }

        double[] labels() {
            return labels.stream().mapToDouble(Double::doubleValue).toArray();
        }

        int[] users() {
            return pairs.stream().mapToInt(pair -> pair[0]).toArray();
        }

        int[] items() {
            return pairs.stream().mapToInt(pair -> pair[1]).toArray();
        }
    }

    /**
     * Ranking examples in {@link RankingFeature} order.
     *
     * @param features         the label window's shown pairs
     * @param rates            their rating-signal value (the engagement rate of an app log)
     * @param orderingFeatures for {@link RankingTarget#ENGAGED}: retrieved candidates of label-window users
     *                         (empty otherwise)
     * @param engaged          their labels: 1 engaged in the window, 0 not
     * @param orderingUsers    the user of each ordering example
     * @param orderingItems    the item of each ordering example
     * @param checkFeatures    held-out users' candidates (all of them, grouped by user in retrieval order),
     *                         on which {@link #chooseOrderingWeight} compares orders
     * @param checkEngaged     their labels
     * @param checkUsers       the user of each held-out candidate
     * @param checkItems       the item of each held-out candidate
     * @param historyEvents    events before the cut-off
     */
    record Examples(double[][] features, double[] rates, double[][] orderingFeatures, double[] engaged,
                    int[] orderingUsers, int[] orderingItems, double[][] checkFeatures, double[] checkEngaged,
                    int[] checkUsers, int[] checkItems, int historyEvents) {
        int size() {
            return rates.length;
        }
    }
}
