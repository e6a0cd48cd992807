package dev.recommender.eval;

import dev.recommender.core.IndexedRecommender;
import dev.recommender.core.RecommendRequest;
import dev.recommender.core.Recommendations;
import dev.recommender.core.Recommender;
import dev.recommender.core.data.IdIndex;
import dev.recommender.core.internal.TopKAccuracy;
import dev.recommender.core.data.Interactions;
import dev.recommender.eval.metric.CatalogMetrics;
import dev.recommender.eval.metric.RankingMetrics;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The ranking half of an evaluation: one top list per test user with relevant pairs (by index for a
 * model fitted on the fold's numbering, by id for a peer), per-user list metrics averaged over
 * evaluated users, top-K categorical accuracy over all relevant pairs, coverage and novelty.
 * Per-user values are stored by user and reduced in user order, so the result does not depend on
 * the thread count. Stateless.
 */
final class RankingEvaluation {
    private RankingEvaluation() {
    }

    static Result rank(Recommender model, EvaluationFold fold, EvaluationOptions options, Evaluator.UserLoop users) {
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
        int[] accuracyKs = accuracyCutoffs.stream().mapToInt(Integer::intValue).toArray();
        int[] relevantCounts = new int[userCount];
        int[][] lists = new int[userCount][];
        boolean[] cold = new boolean[userCount];
        // a model fitted on the fold's training data numbers users and items like the test side: it
        // is asked by index; any other recommender (a peer) by id
        IndexedRecommender indexed = model instanceof IndexedRecommender candidate && candidate.users() == test.users()
                && candidate.items() == test.items() ? candidate : null;
        IdIndex testItems = test.items();
        users.forEachUser(userCount, user -> {
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
            long[] userHits = new long[accuracyCutoffs.size()];
            TopKAccuracy.addHits(rankedTest, rankedTest.length, relevant, 0, count, accuracyKs, userHits);
            for (int c = 0; c < accuracyCutoffs.size(); c++) {
                accuracyHits[c][user] = (int) userHits[c];
            }
        });
        double seconds = Evaluator.seconds(start);
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
            metrics.put("top_k_accuracy@" + accuracyCutoffs.get(c), TopKAccuracy.accuracy(hits, relevantPairs));
        }
        return new Result(metrics, evaluated, skipped, coldUsers, seconds);
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

    private static double coverage(int[][] lists, int[] relevantCounts, int k, EvaluationFold fold) {
        int catalogSize = fold.catalogSize;
        if (catalogSize == 0) {
            return Double.NaN;
        }
        boolean[] recommended = new boolean[fold.train.itemCount()];
        int distinct = 0;
        for (int item : listedItems(lists, relevantCounts, k)) {
            if (!recommended[item]) {
                recommended[item] = true;
                distinct++;
            }
        }
        return CatalogMetrics.coverage(distinct, catalogSize);
    }

    private static double novelty(int[][] lists, int[] relevantCounts, int k, EvaluationFold fold) {
        int[] listed = listedItems(lists, relevantCounts, k);
        double sum = 0;
        for (int item : listed) {
            sum += CatalogMetrics.selfInformation(fold.train.itemDegree(item), fold.trainUsers);
        }
        return listed.length == 0 ? Double.NaN : sum / listed.length;
    }

    /**
     * The items in the first {@code k} places of the evaluated users' lists (users with relevant items), user
     * by user in rank order, repeats kept; empty places ({@code -1}) are skipped.
     */
    private static int[] listedItems(int[][] lists, int[] relevantCounts, int k) {
        int[] listed = new int[16];
        int count = 0;
        for (int user = 0; user < lists.length; user++) {
            if (relevantCounts[user] == 0) {
                continue;
            }
            int[] list = lists[user];
            for (int r = 0, n = Math.min(k, list.length); r < n; r++) {
                if (list[r] >= 0) {
                    if (count == listed.length) {
                        listed = Arrays.copyOf(listed, 2 * count);
                    }
                    listed[count++] = list[r];
                }
            }
        }
        return Arrays.copyOf(listed, count);
    }

    /** The ranking metrics of one model on one fold. */
    record Result(Map<String, Double> metrics, int evaluated, int skipped, int cold, double seconds) {
        static final Result NONE = new Result(Map.of(), 0, 0, 0, Double.NaN);
    }

    private static int indexOrMinusOne(OptionalInt index) {
        return index.isPresent() ? index.getAsInt() : -1;
    }
}
