package dev.recommender.eval;

import dev.recommender.core.Algorithm;
import dev.recommender.core.data.EngagementRate;
import dev.recommender.core.data.EventLog;
import dev.recommender.core.data.Signals;
import dev.recommender.eval.report.EvaluationReport;
import dev.recommender.eval.split.KFold;
import dev.recommender.eval.split.PerUserHoldout;
import dev.recommender.eval.split.Splitter;
import dev.recommender.eval.split.TemporalSplit;

import java.util.Map;
import java.util.Objects;

/**
 * A named evaluation protocol: how to split the events and what to measure, so that a comparison
 * can be rerun exactly. Presets:
 * <ul>
 *   <li>{@link #seedNotebook(double, int...)}: the proof of concept's retrieval notebook on an
 *       app's engagement log;</li>
 *   <li>{@link #peerRatingPrediction()} and {@link #peerTopN()}: the peer harness's protocols A and
 *       B on MovieLens ratings (Mahout Taste, LibRec, Spark MLlib numbers).</li>
 * </ul>
 * Immutable and thread-safe.
 *
 * @param name      a description for reports
 * @param splitter  how the events are split
 * @param evaluator what is trained and measured on each split
 */
public record Protocol(String name, Splitter splitter, Evaluator evaluator) {
    /** Validates the fields. */
    public Protocol {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(splitter, "splitter");
        Objects.requireNonNull(evaluator, "evaluator");
    }

    /**
     * The seed notebook's comparison: the last {@code share} of the log's time span is the test
     * period ({@link TemporalSplit#lastShareOfTime(double)}); models train on the earlier events
     * ({@link Signals#engagementLog()}); the engagement-rate RMSE is taken over every test pair, each
     * predicted by the model (its fallback for users or items it does not know); top-K categorical
     * accuracy at {@code ks} is the share of the test period's new engaged pairs (pairs without a
     * training event whose test engagement rate is above 0) found in their user's top K, users
     * unknown to training getting the model's fallback. NDCG and the other list metrics at 10 come
     * with it, over the same relevant pairs.
     *
     * @param share the share of the time span held out, in (0, 1); the seed used 0.2
     * @param ks    the cut-offs of top-K accuracy, ascending; the seed used 1, 5, 10, 50, 100
     * @return the protocol
     * @throws IllegalArgumentException if {@code share} is not in (0, 1) or the cut-offs are invalid
     */
    public static Protocol seedNotebook(double share, int... ks) {
        EvaluationOptions options = EvaluationOptions.builder().cutoffs(10).accuracyCutoffs(ks)
                .relevantAbove(0).unknownPairs(EvaluationOptions.UnknownPairs.MODEL).build();
        Evaluator evaluator = Evaluator.builder(Signals.engagementLog()).testAggregation(EngagementRate.seed())
                .options(options).build();
        return new Protocol("seed notebook: last " + (float) (100 * share) + "% of the time span",
                TemporalSplit.lastShareOfTime(share), evaluator);
    }

    /**
     * The peer harness's protocol A on ratings: 5-fold cross-validation over rating events (seed
     * 42), RMSE and MAE, predictions clipped to [1, 5], unknown pairs predicted as the global mean.
     *
     * @return the protocol
     */
    public static Protocol peerRatingPrediction() {
        return new Protocol("protocol A", KFold.protocolA(5, 42), Evaluator.builder(Signals.ratings())
                .options(EvaluationOptions.builder().rankingMetrics(false).clip(1, 5).build()).build());
    }

    /**
     * The peer harness's protocol B on ratings: per-user 20% holdout of users with at least 5
     * ratings (seed 42), top-10 lists over all unseen items; top-N models train on every rated pair
     * as a positive, rating models on the ratings.
     *
     * @return the protocol
     */
    public static Protocol peerTopN() {
        return new Protocol("protocol B", PerUserHoldout.protocolB(0.2, 5, 42), Evaluator.builder(Signals.ratings())
                .options(EvaluationOptions.builder().ratingMetrics(false).cutoffs(10).build()).build());
    }

    /**
     * Splits the events and evaluates the algorithms.
     *
     * @param events     the events
     * @param algorithms label to algorithm, in report order
     * @return the report
     */
    public EvaluationReport evaluate(EventLog events, Map<String, ? extends Algorithm<?>> algorithms) {
        return evaluator.evaluate(splitter.split(events), name, algorithms);
    }
}
