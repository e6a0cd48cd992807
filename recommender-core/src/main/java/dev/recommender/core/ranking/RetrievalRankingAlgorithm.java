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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Fits a {@link RetrievalRanking} from an event log, without letting features see labels.
 *
 * <ol>
 *   <li>Cut the log's time span at {@code end - labelFraction · (end - start)}: events before the
 *       cut-off are the history, events after it the labels.</li>
 *   <li>Fit the retrieval and the rating model on the history only, and compute
 *       {@link RankingFeatures} as of the cut-off.</li>
 *   <li>Examples: every (user, item) pair shown in the label window, with its engagement rate there;
 *       for {@link RankingTarget#ENGAGED} also up to {@code negatives} of the top {@code candidates}
 *       retrieved items of each label-window user that the user did not touch in the window (drawn
 *       with the ranking seed). Features: history statistics plus the two models' scores.</li>
 *   <li>Fit the engagement-rate {@link RankingModel} on the shown pairs, and for
 *       {@link RankingTarget#ENGAGED} a second one on the examples without history (the user's
 *       discoveries, which is what a list that excludes seen items offers) with label 1 for an engaged
 *       pair, else 0. Then refit retrieval and rating model on the whole log and compute the features as of
 *       its end, which is what the served model uses (the trees learnt how a history predicts the next
 *       period; they are applied to the latest history).</li>
 * </ol>
 *
 * <p>Cost: two fits of each sub-model plus one ranking fit over the label-window pairs (and
 * candidates). Deterministic given the sub-models' and the ranking seed. Immutable.
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
        Examples examples = examples(data, cutoff);
        LOG.info("ranking examples: {} from the label window after {} ({} history events)", examples.size(),
                java.time.Instant.ofEpochMilli(cutoff), examples.historyEvents);
        RankingModel ranker = RankingModel.fit(examples.shownFeatures(), examples.shownRates(), config.ranking(),
                listener);
        RankingModel orderer = config.target() == RankingTarget.ENGAGED
                ? RankingModel.fit(examples.newFeatures(), examples.newEngaged(), RankingFeature.columnNames(),
                config.ranking(), listener, "ordering-gbdt")
                : null;
        IndexedRecommender finalRetrieval = retrieval.fit(data, listener);
        S finalScorer = scorer.fit(data, listener);
        RankingFeatures finalFeatures = RankingFeatures.of(training, end, config.features());
        return RetrievalRanking.of(finalRetrieval, finalScorer, finalFeatures, ranker, Optional.ofNullable(orderer),
                config.candidates());
    }

    /**
     * Builds the ranking examples of a log for a cut-off: features from events before it (with
     * retrieval and rating models fitted on those events), labels from events at or after it.
     *
     * @throws IllegalArgumentException if either side of the cut-off has no events
     */
    Examples examples(TrainingData data, long cutoff) {
        EventLog training = data.requireEvents(name());
        int[] history = positions(training, Long.MIN_VALUE, cutoff);
        if (history.length == 0 || history.length == training.size()) {
            throw new IllegalArgumentException("cut-off " + cutoff + " leaves no " + (history.length == 0
                    ? "history" : "label") + " events; the log must span some time (labelFraction "
                    + config.labelFraction() + ")");
        }
        TrainingData historyData = data.select(history);
        IndexedRecommender historyRetrieval = retrieval.fit(historyData, TrainingListener.NONE);
        S historyScorer = scorer.fit(historyData, TrainingListener.NONE);
        RankingFeatures features = RankingFeatures.of(training, cutoff, config.features());
        // labels: the rating signal of the label window's pairs (the engagement rate of an app log,
        // the rating of rating data), in the log's numbering like the models and the features
        Interactions labels = data.select(positions(training, cutoff, Long.MAX_VALUE)).interactions(Signal.RATING);
        List<double[]> rows = new ArrayList<>(labels.size());
        List<Double> rates = new ArrayList<>(labels.size());
        SplittableRandom random = new SplittableRandom(config.ranking().seed());
        int catalog = historyRetrieval.items().size();
        for (int user = 0; user < labels.userCount(); user++) {
            if (labels.userDegree(user) == 0) {
                continue;
            }
            int[] items = new int[labels.userDegree(user) + config.negatives()];
            int count = 0;
            for (int entry = labels.userStart(user); entry < labels.userEnd(user); entry++) {
                items[count++] = labels.itemAt(entry);
                rates.add((double) labels.value(entry));
            }
            if (config.target() == RankingTarget.ENGAGED && config.negatives() > 0) {
                count = addNegatives(historyRetrieval, user, items, count, Math.min(config.candidates(), catalog),
                        random, rates);
            }
            int[] pairs = java.util.Arrays.copyOf(items, count);
            float[] retrievalScores = new float[count];
            RetrievalRanking.retrievalScores(historyRetrieval, user, pairs, retrievalScores);
            float[] svd = new float[count];
            historyScorer.scoreInto(user, pairs, svd);
            for (int k = 0; k < count; k++) {
                double[] row = new double[RankingFeature.count()];
                features.fill(user, pairs[k], retrievalScores[k], svd[k], row);
                rows.add(row);
            }
        }
        double[] y = new double[rates.size()];
        for (int r = 0; r < y.length; r++) {
            y[r] = rates.get(r);
        }
        return new Examples(rows.toArray(double[][]::new), y, history.length);
    }

    /**
     * Adds up to {@code negatives} of the user's top retrieved items that are not among the first
     * {@code count} of {@code items}, with rate NaN (not shown); returns the new count.
     */
    private int addNegatives(IndexedRecommender historyRetrieval, int user, int[] items, int count, int candidates,
                             SplittableRandom random, List<Double> rates) {
        RankedItems retrieved = historyRetrieval.recommend(user, Math.max(1, candidates), false);
        if (retrieved.fallback()) {
            return count;
        }
        int[] sortedLabels = java.util.Arrays.copyOf(items, count);
        java.util.Arrays.sort(sortedLabels);
        int[] pool = new int[retrieved.size()];
        int poolSize = 0;
        for (int item : retrieved.items()) {
            if (java.util.Arrays.binarySearch(sortedLabels, item) < 0) {
                pool[poolSize++] = item;
            }
        }
        int take = Math.min(config.negatives(), poolSize);
        for (int n = 0; n < take; n++) {
            int pick = n + random.nextInt(poolSize - n);
            int chosen = pool[pick];
            pool[pick] = pool[n];
            pool[n] = chosen;
            items[count++] = chosen;
            rates.add(Double.NaN);
        }
        return count;
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

    /**
     * Ranking examples in {@link RankingFeature} order: the pairs shown in the label window (with
     * their engagement rate) and, for {@link RankingTarget#ENGAGED}, sampled unshown candidates (rate NaN).
     */
    record Examples(double[][] features, double[] rates, int historyEvents) {
        int size() {
            return rates.length;
        }

        /**
         * 1 for a pair with a positive label-window value (an engagement of an app log, any rating of
         * rating data), else 0 (unshown candidates included).
         */
        double[] engaged() {
            double[] engaged = new double[rates.length];
            for (int r = 0; r < rates.length; r++) {
                engaged[r] = rates[r] > 0 ? 1 : 0;
            }
            return engaged;
        }

        /** Rows of pairs without a history event (discoveries), for the ordering model. */
        double[][] newFeatures() {
            List<double[]> rows = new ArrayList<>();
            for (double[] row : features) {
                if (row[RankingFeature.PAIR_EVENTS.ordinal()] == 0) {
                    rows.add(row);
                }
            }
            return rows.toArray(double[][]::new);
        }

        /** {@link #engaged()} of the rows of {@link #newFeatures()}. */
        double[] newEngaged() {
            double[] engaged = engaged();
            double[] result = new double[newFeatures().length];
            int next = 0;
            for (int r = 0; r < features.length; r++) {
                if (features[r][RankingFeature.PAIR_EVENTS.ordinal()] == 0) {
                    result[next++] = engaged[r];
                }
            }
            return result;
        }

        double[][] shownFeatures() {
            List<double[]> shown = new ArrayList<>();
            for (int r = 0; r < rates.length; r++) {
                if (!Double.isNaN(rates[r])) {
                    shown.add(features[r]);
                }
            }
            return shown.toArray(double[][]::new);
        }

        double[] shownRates() {
            return java.util.Arrays.stream(rates).filter(rate -> !Double.isNaN(rate)).toArray();
        }
    }
}
