package dev.recommender.core.ranking;

import dev.recommender.core.ItemScorer;
import dev.recommender.core.RecommendRequest;
import dev.recommender.core.Recommendations;
import dev.recommender.core.Recommender;
import dev.recommender.core.TrainingListener;
import dev.recommender.core.data.EventLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The seed notebook's comparison of retrieval, ranking and rating models, on a temporal split so
 * that every model predicts the future from the past:
 *
 * <ul>
 *   <li>Split: events before {@code end - testFraction · (end - start)} train every contender; the
 *       events after it are the test period.</li>
 *   <li>Engagement-rate RMSE (for contenders that are {@link ItemScorer}s): over every (user, item)
 *       pair shown in the test period, the pair's test engagement rate (engaged / shown, the seed's
 *       engaged_pct) against the model's score; all scorers are judged on the same pairs.</li>
 *   <li>Top-K categorical accuracy (the TFRS metric of the seed): over every test pair with at least
 *       one engagement that the user had no training event with (a new discovery, as the seed's
 *       random pair split guaranteed), the share whose item is in the user's top K of
 *       {@code recommend(user, maxK)} (seen items excluded); unknown users get each model's fallback.</li>
 * </ul>
 *
 * <p>Cost: one fit per contender plus one recommendation per test user and one score per test
 * pair. Immutable and thread-safe; the result is deterministic when the contenders are.
 *
 * @param testFraction share of the log's time span, at its end, used as the test period, in (0, 1)
 * @param ks           the cut-offs of top-K accuracy, ascending, each at least 1
 * @param features     which event types count as engagements
 */
public record SeedProtocol(double testFraction, List<Integer> ks, FeatureConfig features) {
    private static final Logger LOG = LoggerFactory.getLogger(SeedProtocol.class);

    /**
     * Validates and copies the fields.
     *
     * @throws IllegalArgumentException naming the field and its value if a field is out of range
     */
    public SeedProtocol {
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("testFraction must be in (0, 1), got " + testFraction);
        }
        ks = List.copyOf(ks);
        if (ks.isEmpty()) {
            throw new IllegalArgumentException("ks must not be empty, got " + ks);
        }
        for (int k = 0; k < ks.size(); k++) {
            if (ks.get(k) < 1 || (k > 0 && ks.get(k) <= ks.get(k - 1))) {
                throw new IllegalArgumentException("ks must be ascending and at least 1, got " + ks);
            }
        }
        Objects.requireNonNull(features, "features");
    }

    /** The seed's table: last 20% of the time span as test, K in 1, 5, 10, 50, 100, engaged type {@code "engaged"}. */
    public static SeedProtocol defaults() {
        return new SeedProtocol(0.2, List.of(1, 5, 10, 50, 100), FeatureConfig.defaults());
    }

    /**
     * Fits every contender on the training period and measures it on the test period.
     *
     * @param events     the whole log
     * @param contenders the models to compare, by report name (in report order)
     * @param listener   receives the contenders' training progress
     * @return one row per contender
     * @throws IllegalArgumentException if the split leaves either period empty or there are no contenders
     */
    public SeedReport run(EventLog events, Map<String, ? extends EventAlgorithm<?>> contenders,
                          TrainingListener listener) {
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(listener, "listener");
        if (contenders.isEmpty()) {
            throw new IllegalArgumentException("contenders must not be empty");
        }
        Split split = split(events);
        List<SeedReport.Row> rows = new ArrayList<>();
        for (var contender : contenders.entrySet()) {
            long start = System.nanoTime();
            Recommender model = contender.getValue().fit(split.train(), listener);
            double fitSeconds = (System.nanoTime() - start) / 1e9;
            double rmse = model instanceof ItemScorer scorer ? rmse(scorer, split) : Double.NaN;
            double[] accuracy = accuracy(model, split);
            LOG.info("{}: fit {} s, rmse {}, top-K accuracy {}", contender.getKey(),
                    String.format("%.2f", fitSeconds), rmse, accuracy);
            rows.add(new SeedReport.Row(contender.getKey(), fitSeconds, rmse, accuracy));
        }
        return new SeedReport(ks, split.testPairs().size(), split.newEngagedPairs(), rows);
    }

    /**
     * Splits a log at the protocol's cut-off and collects the test pairs.
     *
     * @throws IllegalArgumentException if either period is empty
     */
    public Split split(EventLog events) {
        if (events.size() == 0) {
            throw new IllegalArgumentException("event log is empty");
        }
        long start = events.minTimeMillis();
        long end = events.maxTimeMillis() + 1;
        long cutoff = RetrievalRankingAlgorithm.cutoff(start, end, testFraction);
        int trainCount = 0;
        for (int e = 0; e < events.size(); e++) {
            if (events.timeMillis(e) < cutoff) {
                trainCount++;
            }
        }
        if (trainCount == 0 || trainCount == events.size()) {
            throw new IllegalArgumentException("testFraction " + testFraction + " leaves the "
                    + (trainCount == 0 ? "training" : "test") + " period empty");
        }
        int[] train = new int[trainCount];
        int next = 0;
        for (int e = 0; e < events.size(); e++) {
            if (events.timeMillis(e) < cutoff) {
                train[next++] = e;
            }
        }
        boolean[] engagedType = RankingFeatures.engagedTypes(events, features);
        PairCounts before = PairCounts.of(events, Long.MIN_VALUE, cutoff, engagedType);
        PairCounts after = PairCounts.of(events, cutoff, Long.MAX_VALUE, engagedType);
        List<TestPair> pairs = new ArrayList<>(after.size());
        int newEngaged = 0;
        for (int k = 0; k < after.size(); k++) {
            int user = PairCounts.userOf(after.keyAt(k));
            int item = PairCounts.itemOf(after.keyAt(k));
            boolean isNew = before.find(user, item) < 0;
            boolean engaged = after.engagedAt(k) > 0;
            if (isNew && engaged) {
                newEngaged++;
            }
            pairs.add(new TestPair(events.users().id(user), events.items().id(item),
                    (double) after.engagedAt(k) / after.eventsAt(k), isNew && engaged));
        }
        return new Split(events.select(train), cutoff, List.copyOf(pairs), newEngaged);
    }

    private static double rmse(ItemScorer scorer, Split split) {
        double sum = 0;
        for (TestPair pair : split.testPairs()) {
            double error = scorer.score(pair.userId(), pair.itemId()) - pair.engagementRate();
            sum += error * error;
        }
        return Math.sqrt(sum / split.testPairs().size());
    }

    private double[] accuracy(Recommender model, Split split) {
        int maxK = ks.get(ks.size() - 1);
        long[] hits = new long[ks.size()];
        Map<String, Map<String, Integer>> ranks = new HashMap<>();
        for (TestPair pair : split.testPairs()) {
            if (!pair.newEngaged()) {
                continue;
            }
            Map<String, Integer> userRanks = ranks.computeIfAbsent(pair.userId(), user -> {
                Recommendations answer = model.recommend(user, RecommendRequest.top(maxK));
                Map<String, Integer> rankOf = new HashMap<>();
                for (int r = 0; r < answer.size(); r++) {
                    rankOf.put(answer.items().get(r).itemId(), r);
                }
                return rankOf;
            });
            Integer rank = userRanks.get(pair.itemId());
            if (rank != null) {
                for (int k = 0; k < ks.size(); k++) {
                    if (rank < ks.get(k)) {
                        hits[k]++;
                    }
                }
            }
        }
        double[] accuracy = new double[ks.size()];
        for (int k = 0; k < ks.size(); k++) {
            accuracy[k] = split.newEngagedPairs() == 0 ? Double.NaN : (double) hits[k] / split.newEngagedPairs();
        }
        return accuracy;
    }

    /**
     * A (user, item) pair shown in the test period.
     *
     * @param userId         external user id
     * @param itemId         external item id
     * @param engagementRate engaged / shown events of the pair in the test period
     * @param newEngaged     whether the pair has an engagement in the test period and no training event
     */
    public record TestPair(String userId, String itemId, double engagementRate, boolean newEngaged) {
    }

    /**
     * The temporal split.
     *
     * @param train           events before the cut-off
     * @param cutoffMillis    the cut-off time
     * @param testPairs       the pairs shown after it, ascending by the log's user and item indexes
     * @param newEngagedPairs how many test pairs count for top-K accuracy
     */
    public record Split(EventLog train, long cutoffMillis, List<TestPair> testPairs, int newEngagedPairs) {
    }
}
