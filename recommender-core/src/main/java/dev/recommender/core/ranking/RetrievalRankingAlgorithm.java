package dev.recommender.core.ranking;

import dev.recommender.core.ItemScorer;
import dev.recommender.core.RecommendRequest;
import dev.recommender.core.Recommendations;
import dev.recommender.core.Recommender;
import dev.recommender.core.ScoredItem;
import dev.recommender.core.TrainingListener;
import dev.recommender.core.data.EventLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
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
 * @param retrieval proposes candidates (e.g. a two-tower or ALS model behind a {@link ModelStage})
 * @param scorer    the rating model whose prediction is a feature (e.g. Svd on engagement rates)
 * @param config    candidates, label window, target, features and trees
 * @param <S>       the rating model's type
 */
public record RetrievalRankingAlgorithm<S extends Recommender & ItemScorer>(EventAlgorithm<?> retrieval,
                                                                           EventAlgorithm<S> scorer,
                                                                           RetrievalRankingConfig config)
        implements EventAlgorithm<RetrievalRanking> {
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
    public RetrievalRanking fit(EventLog training, TrainingListener listener) {
        Objects.requireNonNull(training, "training");
        Objects.requireNonNull(listener, "listener");
        if (training.size() == 0) {
            throw new IllegalArgumentException("training log is empty");
        }
        long start = training.minTimeMillis();
        long end = training.maxTimeMillis() + 1;
        long cutoff = cutoff(start, end, config.labelFraction());
        Examples examples = examples(training, cutoff);
        LOG.info("ranking examples: {} from the label window after {} ({} history events)", examples.size(),
                java.time.Instant.ofEpochMilli(cutoff), examples.historyEvents);
        RankingModel ranker = RankingModel.fit(examples.shownFeatures(), examples.shownRates(), config.ranking(),
                listener);
        RankingModel orderer = config.target() == RankingTarget.ENGAGED
                ? RankingModel.fit(examples.newFeatures(), examples.newEngaged(), RankingFeature.columnNames(),
                config.ranking(), listener, "ordering-gbdt")
                : null;
        Recommender finalRetrieval = retrieval.fit(training, listener);
        S finalScorer = scorer.fit(training, listener);
        RankingFeatures finalFeatures = RankingFeatures.of(training, end, config.features());
        return RetrievalRanking.of(finalRetrieval, finalScorer, finalFeatures, ranker, Optional.ofNullable(orderer),
                config.candidates());
    }

    /** The cut-off time: labels come from events at or after it. */
    static long cutoff(long start, long end, double labelFraction) {
        return end - Math.round(labelFraction * (end - start));
    }

    /**
     * Builds the ranking examples of a log for a cut-off: features from events before it (with
     * retrieval and rating models fitted on those events), labels from events at or after it.
     *
     * @throws IllegalArgumentException if either side of the cut-off has no events
     */
    Examples examples(EventLog training, long cutoff) {
        int[] history = positions(training, Long.MIN_VALUE, cutoff);
        if (history.length == 0 || history.length == training.size()) {
            throw new IllegalArgumentException("cut-off " + cutoff + " leaves no " + (history.length == 0
                    ? "history" : "label") + " events; the log must span some time (labelFraction "
                    + config.labelFraction() + ")");
        }
        EventLog historyLog = training.select(history);
        Recommender historyRetrieval = retrieval.fit(historyLog, TrainingListener.NONE);
        S historyScorer = scorer.fit(historyLog, TrainingListener.NONE);
        RankingFeatures features = RankingFeatures.of(training, cutoff, config.features());
        PairCounts labels = PairCounts.of(training, cutoff, Long.MAX_VALUE,
                RankingFeatures.engagedTypes(training, config.features()));
        List<double[]> rows = new ArrayList<>(labels.size());
        List<Double> rates = new ArrayList<>(labels.size());
        SplittableRandom random = new SplittableRandom(config.ranking().seed());
        int k = 0;
        while (k < labels.size()) {
            int user = PairCounts.userOf(labels.keyAt(k));
            String userId = training.users().id(user);
            Set<String> itemIds = new LinkedHashSet<>();
            for (; k < labels.size() && PairCounts.userOf(labels.keyAt(k)) == user; k++) {
                itemIds.add(training.items().id(PairCounts.itemOf(labels.keyAt(k))));
                rates.add((double) labels.engagedAt(k) / labels.eventsAt(k));
            }
            if (config.target() == RankingTarget.ENGAGED && config.negatives() > 0) {
                addNegatives(historyRetrieval, userId, itemIds, random, rates);
            }
            double[] retrievalScores = RetrievalRanking.retrievalScores(historyRetrieval, userId, itemIds);
            int j = 0;
            for (String itemId : itemIds) {
                rows.add(features.features(userId, itemId, retrievalScores[j++], historyScorer.score(userId, itemId)));
            }
        }
        double[] y = new double[rates.size()];
        for (int r = 0; r < y.length; r++) {
            y[r] = rates.get(r);
        }
        return new Examples(rows.toArray(double[][]::new), y, history.length);
    }

    /** Adds up to {@code negatives} retrieved items outside {@code itemIds}, with rate NaN (not shown). */
    private void addNegatives(Recommender historyRetrieval, String userId, Set<String> itemIds,
                              SplittableRandom random, List<Double> rates) {
        Recommendations retrieved = historyRetrieval.recommend(userId,
                RecommendRequest.builder(config.candidates()).excludeSeen(false).build());
        if (retrieved.fallback()) {
            return;
        }
        List<String> pool = new ArrayList<>();
        for (ScoredItem candidate : retrieved.items()) {
            if (!itemIds.contains(candidate.itemId())) {
                pool.add(candidate.itemId());
            }
        }
        int take = Math.min(config.negatives(), pool.size());
        for (int n = 0; n < take; n++) {
            int pick = n + random.nextInt(pool.size() - n);
            String chosen = pool.get(pick);
            pool.set(pick, pool.get(n));
            pool.set(n, chosen);
            itemIds.add(chosen);
            rates.add(Double.NaN);
        }
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

        /** 1 for a pair with an engagement in the label window, else 0 (unshown candidates included). */
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
