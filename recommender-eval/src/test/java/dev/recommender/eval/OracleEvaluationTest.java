package dev.recommender.eval;

import dev.recommender.core.Algorithm;
import dev.recommender.core.RecommendRequest;
import dev.recommender.core.Recommendations;
import dev.recommender.core.Recommender;
import dev.recommender.core.ScoredItem;
import dev.recommender.core.TrainingListener;
import dev.recommender.core.data.EventLog;
import dev.recommender.core.data.IdIndex;
import dev.recommender.core.data.Interactions;
import dev.recommender.eval.report.FoldResult;
import dev.recommender.eval.split.RandomHoldout;
import dev.recommender.eval.split.Split;
import dev.recommender.eval.split.SplitChecksAccess;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Planted answers: a model that recommends exactly each user's held-out items must get the best
 * possible value of every metric, and one that recommends only items the user did not hold out
 * must get zero, whatever the data.
 */
class OracleEvaluationTest {

    /** Recommends a fixed list per user, ignoring training data. */
    record Lists(String name, Map<String, List<String>> lists, IdIndex catalog) implements Algorithm<Recommender> {
        @Override
        public Recommender fit(dev.recommender.core.TrainingData data, TrainingListener listener) {
            return fit(data.interactions(dev.recommender.core.data.Signal.RATING), listener);
        }

        public Recommender fit(Interactions training, TrainingListener listener) {
            return new Recommender() {
                @Override
                public String name() {
                    return name;
                }

                @Override
                public IdIndex items() {
                    return catalog;
                }

                @Override
                public boolean knowsUser(String userId) {
                    return lists.containsKey(userId);
                }

                @Override
                public Recommendations recommend(String userId, RecommendRequest request) {
                    List<ScoredItem> items = new ArrayList<>();
                    List<String> list = lists.getOrDefault(userId, List.of());
                    for (int r = 0; r < Math.min(request.howMany(), list.size()); r++) {
                        items.add(new ScoredItem(list.get(r), -r));
                    }
                    return new Recommendations(userId, items, false);
                }
            };
        }
    }

    @Test
    void perfectListsScoreOneAndDisjointListsScoreZero() {
        EventLog log = SplitChecksAccess.randomLog(60, 80, 3_000, 13);
        Split split = RandomHoldout.of(0.2, 3).split(log).get(0);
        Map<String, TreeSet<String>> held = new LinkedHashMap<>();
        for (int e = 0; e < split.test().size(); e++) {
            held.computeIfAbsent(split.test().userId(e), u -> new TreeSet<>()).add(split.test().itemId(e));
        }
        // the perfect list orders each user's held-out items by held-out value, best first (ideal for graded NDCG)
        Interactions test = TestData.MEAN.aggregate(split.test());
        Map<String, List<String>> perfect = new LinkedHashMap<>();
        Map<String, List<String>> disjoint = new LinkedHashMap<>();
        for (var user : held.entrySet()) {
            List<String> ideal = new ArrayList<>(user.getValue());
            ideal.sort((x, y) -> Double.compare(test.value(user.getKey(), y).orElseThrow(),
                    test.value(user.getKey(), x).orElseThrow()));
            perfect.put(user.getKey(), ideal);
            List<String> others = new ArrayList<>();
            for (String item : log.items().ids()) {
                if (!user.getValue().contains(item) && others.size() < 10) {
                    others.add(item);
                }
            }
            disjoint.put(user.getKey(), others);
        }
        int k = 5;
        Map<String, Algorithm<?>> algorithms = new LinkedHashMap<>();
        algorithms.put("perfect", new Lists("perfect", perfect, log.items()));
        algorithms.put("disjoint", new Lists("disjoint", disjoint, log.items()));
        Evaluator evaluator = Evaluator.builder(dev.recommender.core.data.Signals.of(TestData.MEAN))
                .options(EvaluationOptions.builder().cutoffs(k).accuracyCutoffs(k).threads(2).build()).build();
        var report = evaluator.evaluate(List.of(split), "holdout", algorithms);

        FoldResult best = report.row("perfect").folds().get(0);
        double precision = 0;
        double recall = 0;
        long hits = 0;
        long pairs = 0;
        for (TreeSet<String> items : held.values()) {
            int n = items.size();
            precision += (double) Math.min(n, k) / k; // every listed item is a hit
            recall += (double) Math.min(n, k) / n;
            hits += Math.min(n, k);
            pairs += n;
        }
        assertEquals(precision / held.size(), best.metric("precision@5"), 1e-12);
        assertEquals(recall / held.size(), best.metric("recall@5"), 1e-12);
        assertEquals((double) hits / pairs, best.metric("top_k_accuracy@5"), 1e-12);
        for (String metric : List.of("ndcg@5", "ndcg_graded@5", "map@5", "mrr@5", "hit_rate@5")) {
            assertEquals(1.0, best.metric(metric), 1e-12, metric);
        }
        assertEquals(held.size(), best.usersEvaluated());

        FoldResult worst = report.row("disjoint").folds().get(0);
        for (String metric : List.of("precision@5", "recall@5", "ndcg@5", "ndcg_graded@5", "map@5", "mrr@5",
                "hit_rate@5", "top_k_accuracy@5")) {
            assertEquals(0.0, worst.metric(metric), metric);
        }
    }
}
