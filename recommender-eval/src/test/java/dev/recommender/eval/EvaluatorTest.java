package dev.recommender.eval;

import dev.recommender.core.data.BinarisedAggregation;
import dev.recommender.core.data.Signals;
import dev.recommender.core.Algorithm;
import dev.recommender.core.data.EventLog;
import dev.recommender.core.ranking.StandIns;
import dev.recommender.eval.TestData.FixedScoresAlgorithm;
import dev.recommender.eval.report.EvaluationReport;
import dev.recommender.eval.report.FoldResult;
import dev.recommender.eval.split.KFold;
import dev.recommender.eval.split.Split;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.recommender.eval.TestData.e;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EvaluatorTest {
    private static final double LOG2_3 = Math.log(3) / Math.log(2);

    // Training: a: x 5, y 3 | b: x 4, z 2 | c: y 1, v 2.  Test: a: z 4, w 2 | b: y 5 | d: y 3.
    // w is unknown to training (an item no model can rank), c has no test pair (skipped), d has
    // no training pair (cold user: gets the popularity fallback).
    private final EventLog log = TestData.log(
            e("a", "x", 1, 5), e("a", "y", 2, 3), e("b", "x", 3, 4), e("b", "z", 4, 2), e("c", "y", 5, 1),
            e("c", "v", 6, 2), e("a", "z", 7, 4), e("a", "w", 8, 2), e("b", "y", 9, 5), e("d", "y", 10, 3));
    private final List<Split> split = List.of(new Split(log.select(new int[] {0, 1, 2, 3, 4, 5}),
            log.select(new int[] {6, 7, 8, 9})));
    // Scores every user alike: x 4.5, y 2.5, z 3.5; v (not listed) scores minus its catalog position (-3).
    private final FixedScoresAlgorithm fixed = new FixedScoresAlgorithm("fixed", Map.of("x", 4.5, "y", 2.5, "z", 3.5));

    private Evaluator evaluator(int threads) {
        return Evaluator.builder(Signals.of(TestData.MEAN))
                .options(EvaluationOptions.builder().cutoffs(1, 2).accuracyCutoffs(1, 2).threads(threads).build())
                .build();
    }

    private FoldResult evaluateFixed(int threads) {
        EvaluationReport report = evaluator(threads).evaluate(split, "hand-made", Map.of("fixed", fixed));
        return report.row("fixed").folds().get(0);
    }

    @Test
    void ratingMetricsUseTheGlobalMeanForUnknownPairsAndCountThem() {
        FoldResult fold = evaluateFixed(1);
        // global training mean = (5 + 3 + 4 + 2 + 1 + 2) / 6 = 17/6 = 2.8333
        // a,z: 3.5 vs 4 -> -0.5 | a,w (unknown item): 17/6 vs 2 -> 0.8333 | b,y: 2.5 vs 5 -> -2.5
        // d,y (unknown user): 17/6 vs 3 -> -0.1667
        // RMSE = sqrt((0.25 + 0.69444 + 6.25 + 0.02778) / 4) = sqrt(1.80556) = 1.34371
        // MAE = (0.5 + 0.83333 + 2.5 + 0.16667) / 4 = 4 / 4 = 1
        assertEquals(1.3437096, fold.metric("rmse"), 1e-6);
        assertEquals(1.0, fold.metric("mae"), 1e-6);
        assertEquals(4, fold.testPairs());
        assertEquals(2, fold.unknownPairs());
        assertEquals(0, fold.nonFinitePredictions());
    }

    @Test
    void rankingMetricsByHand() {
        FoldResult fold = evaluateFixed(1);
        // Lists (catalog x y z v minus training items): a -> [z, v], b -> [y, v],
        // d (cold, popularity: x 2 users, y 2, z 1, v 1; tie by catalog order) -> [x, y].
        // Relevant: a {z, w}, b {y}, d {y}.
        // k = 1: a hit, b hit, d miss.
        assertEquals(2.0 / 3, fold.metric("precision@1"), 1e-12);
        assertEquals((0.5 + 1 + 0) / 3, fold.metric("recall@1"), 1e-12);
        assertEquals(2.0 / 3, fold.metric("ndcg@1"), 1e-12);
        assertEquals(2.0 / 3, fold.metric("hit_rate@1"), 1e-12);
        // k = 2: hits a [T, F] of 2 relevant, b [T, F] of 1, d [F, T] of 1.
        assertEquals(0.5, fold.metric("precision@2"), 1e-12); // (1/2 + 1/2 + 1/2) / 3
        assertEquals((0.5 + 1 + 1) / 3, fold.metric("recall@2"), 1e-12);
        // NDCG: a 1 / (1 + 1/log2 3) = 0.61315, b 1, d (1/log2 3) / 1 = 0.63093; mean 0.74803
        assertEquals((1 / (1 + 1 / LOG2_3) + 1 + 1 / LOG2_3) / 3, fold.metric("ndcg@2"), 1e-12);
        // graded (gain = test rating): a DCG 4, IDCG 4 + 2/log2 3 -> 0.76019; b 1; d 0.63093
        assertEquals((4 / (4 + 2 / LOG2_3) + 1 + 1 / LOG2_3) / 3, fold.metric("ndcg_graded@2"), 1e-6);
        // AP@2: a (1/1) / min(2, 2) = 0.5, b 1 / 1 = 1, d (1/2) / 1 = 0.5
        assertEquals(2.0 / 3, fold.metric("map@2"), 1e-12);
        // RR: a 1, b 1, d 1/2
        assertEquals(2.5 / 3, fold.metric("mrr@2"), 1e-12);
        assertEquals(1.0, fold.metric("hit_rate@2"), 1e-12);
        // top-K accuracy over the 4 held-out pairs: @1 a,z and b,y hit -> 2/4; @2 also d,y -> 3/4
        assertEquals(0.5, fold.metric("top_k_accuracy@1"), 1e-12);
        assertEquals(0.75, fold.metric("top_k_accuracy@2"), 1e-12);
        assertEquals(3, fold.usersEvaluated());
        assertEquals(evaluator(1).options().metricNames(), List.copyOf(fold.metrics().keySet()));
        assertEquals(1, fold.usersSkipped()); // c
        assertEquals(1, fold.coldUsers()); // d
    }

    @Test
    void coverageAndNoveltyByHand() {
        FoldResult fold = evaluateFixed(1);
        // top-1 items {z, y, x} of 4 training items; top-2 {z, v, y, x}
        assertEquals(0.75, fold.metric("coverage@1"), 1e-12);
        assertEquals(1.0, fold.metric("coverage@2"), 1e-12);
        // 3 training users; x and y have 2 -> -log2(2/3) = 0.58496 bits, z and v have 1 -> log2 3 = 1.58496
        // novelty@1 = (z + y + x) / 3 = (1.58496 + 0.58496 + 0.58496) / 3 = 0.91830
        double rare = LOG2_3;
        double common = -Math.log(2.0 / 3) / Math.log(2);
        assertEquals((rare + 2 * common) / 3, fold.metric("novelty@1"), 1e-12);
        // novelty@2 = (z v + y v + x y) / 6 = (3 rare + 3 common) / 6 = 1.08496
        assertEquals((3 * rare + 3 * common) / 6, fold.metric("novelty@2"), 1e-12);
    }

    @Test
    void modelsWithoutPointScoresGetNoRatingMetricsButAllRankingMetrics() {
        EvaluationReport report = evaluator(1).evaluate(split, "hand-made",
                new LinkedHashMap<>(Map.of("popularity", TestData.popularity())));
        FoldResult fold = report.row("popularity").folds().get(0);
        assertTrue(Double.isNaN(fold.metric("rmse")));
        assertTrue(Double.isNaN(fold.predictSeconds()), "no predictions were made");
        assertTrue(fold.recommendSeconds() >= 0);
        assertEquals(0, fold.unknownPairs());
        // popularity lists: a -> [z, v] (z, v 1 user each; z first in catalog), b -> [y, v], d -> [x, y]
        // same hits as the fixed model: precision@2 = 0.5
        assertEquals(0.5, fold.metric("precision@2"), 1e-12);
        assertEquals(0, report.row("popularity").summary("rmse").count());
    }

    @Test
    void clipRangeAppliesToPredictions() {
        EvaluationOptions options = EvaluationOptions.builder().rankingMetrics(false).clip(3, 4).threads(1).build();
        FoldResult fold = Evaluator.builder(Signals.of(TestData.MEAN)).options(options).build()
                .evaluate(split, "clip", Map.of("fixed", fixed)).row("fixed").folds().get(0);
        // clipped: a,z 3.5 | a,w 17/6 -> 3 | b,y 2.5 -> 3 | d,y 17/6 -> 3; errors -0.5, 1, -2, 0
        // MAE = 3.5 / 4 = 0.875; RMSE = sqrt((0.25 + 1 + 4 + 0) / 4) = sqrt(1.3125)
        assertEquals(0.875, fold.metric("mae"), 1e-12);
        assertEquals(Math.sqrt(1.3125), fold.metric("rmse"), 1e-12);
        assertEquals(List.of("rmse", "mae"), List.copyOf(fold.metrics().keySet()));
    }

    @Test
    void temporalRepeatsOfTrainingPairsAreNotRelevantAndUsersWithOnlyRepeatsAreSkipped() {
        // Train (before 10): a x, a y, b x, c x. Test: a x (repeat), a z (z unknown), b y, c x (repeat).
        EventLog events = TestData.log(e("a", "x", 1, 1), e("a", "y", 2, 1), e("b", "x", 3, 1), e("c", "x", 4, 1),
                e("a", "x", 10, 1), e("a", "z", 11, 1), e("b", "y", 12, 1), e("c", "x", 13, 1));
        EvaluationReport report = Evaluator.builder(Signals.of(TestData.MEAN))
                .options(EvaluationOptions.builder().cutoffs(1).accuracyCutoffs(1).threads(1).build()).build()
                .evaluate(events, new dev.recommender.eval.split.TemporalSplit(10), List.of(TestData.popularity()));
        FoldResult fold = report.row("popularity").folds().get(0);
        // a: relevant {z} only; catalog {x, y} minus seen {x, y} leaves an empty list -> miss.
        // b: relevant {y}; list [y] -> hit. c: only a repeat -> skipped.
        assertEquals(0.5, fold.metric("precision@1"), 1e-12);
        assertEquals(0.5, fold.metric("top_k_accuracy@1"), 1e-12); // 1 hit of 2 relevant pairs
        assertEquals(2, fold.usersEvaluated());
        assertEquals(1, fold.usersSkipped());
        assertEquals(4, fold.testPairs());
    }

    @Test
    void resultsDoNotDependOnTheThreadCount() {
        EventLog big = dev.recommender.eval.split.SplitChecksAccess.randomLog(200, 60, 6_000, 21);
        Map<String, Algorithm<?>> algorithms = new LinkedHashMap<>();
        algorithms.put("popularity", TestData.popularity());
        algorithms.put("fixed", fixed);
        List<Split> folds = KFold.of(3, 5).split(big);
        EvaluationReport one = Evaluator.builder(Signals.of(TestData.MEAN))
                .options(EvaluationOptions.builder().threads(1).build()).build().evaluate(folds, "3-fold", algorithms);
        EvaluationReport two = Evaluator.builder(Signals.of(TestData.MEAN))
                .options(EvaluationOptions.builder().threads(2).build()).build().evaluate(folds, "3-fold", algorithms);
        for (String name : List.of("popularity", "fixed")) {
            for (int f = 0; f < 3; f++) {
                assertEquals(one.row(name).folds().get(f).metrics(), two.row(name).folds().get(f).metrics());
            }
        }
        assertEquals(3, one.row("fixed").folds().size());
    }

    @Test
    void reportsProgressForEveryFoldAndAlgorithm() {
        List<EvaluationProgress> events = new ArrayList<>();
        Evaluator evaluator = Evaluator.builder(Signals.of(TestData.MEAN)).options(EvaluationOptions.builder().threads(1).build())
                .listener(events::add).build();
        Map<String, Algorithm<?>> algorithms = new LinkedHashMap<>();
        algorithms.put("fixed", fixed);
        algorithms.put("popularity", TestData.popularity());
        evaluator.evaluate(split, "hand-made", algorithms);
        // fixed: fitting, predicting, ranking, done; popularity (no scores): fitting, ranking, done
        assertEquals(List.of("fixed FITTING 0/2", "fixed PREDICTING 0/2", "fixed RANKING 0/2", "fixed DONE 1/2",
                "popularity FITTING 1/2", "popularity RANKING 1/2", "popularity DONE 2/2"),
                events.stream().map(p -> p.algorithm() + " " + p.stage() + " " + p.completed() + "/" + p.total())
                        .toList());
    }

    @Test
    void rejectsDuplicateNamesAndEmptyInput() {
        IllegalArgumentException duplicate = assertThrows(IllegalArgumentException.class,
                () -> evaluator(1).evaluate(log, KFold.of(2, 1), List.of(fixed, fixed)));
        assertTrue(duplicate.getMessage().startsWith("two algorithms are named 'fixed'"), duplicate.getMessage());
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> evaluator(1).evaluate(split, "x", Map.of()));
        assertEquals("algorithms must not be empty", none.getMessage());
        IllegalArgumentException threads = assertThrows(IllegalArgumentException.class,
                () -> EvaluationOptions.builder().threads(0).build());
        assertEquals("threads must be at least 1, got 0", threads.getMessage());
        IllegalArgumentException cutoffs = assertThrows(IllegalArgumentException.class,
                () -> EvaluationOptions.builder().cutoffs(10, 5).build());
        assertEquals("cutoffs must be distinct, ascending and at least 1, got [10, 5]", cutoffs.getMessage());
    }

    @Test
    void everyAlgorithmTrainsOnItsOwnSignalOfOneSharedTrainingData() {
        // implicit signal: binarised (every value 1); rating signal: the mean ratings
        List<Double> maxima = new ArrayList<>();
        List<dev.recommender.core.TrainingData> seen = new ArrayList<>();
        class Recording implements Algorithm<StandIns.Popularity> {
            private final dev.recommender.core.data.Signal signal;

            Recording(dev.recommender.core.data.Signal signal) {
                this.signal = signal;
            }

            @Override
            public String name() {
                return signal.name();
            }

            @Override
            public StandIns.Popularity fit(dev.recommender.core.TrainingData training,
                                                dev.recommender.core.TrainingListener listener) {
                seen.add(training);
                dev.recommender.core.data.Interactions pairs = training.interactions(signal);
                maxima.add((double) pairs.maxValue());
                return TestData.popularity().fit(dev.recommender.core.TrainingData.of(pairs), listener);
            }
        }
        Map<String, Algorithm<?>> algorithms = new LinkedHashMap<>();
        algorithms.put("binary", new Recording(dev.recommender.core.data.Signal.IMPLICIT));
        algorithms.put("rated", new Recording(dev.recommender.core.data.Signal.RATING));
        algorithms.put("rated again", new Recording(dev.recommender.core.data.Signal.RATING));
        Evaluator.builder(new dev.recommender.core.data.Signals(TestData.MEAN, BinarisedAggregation.of(TestData.MEAN)))
                .build().evaluate(split, "signals", algorithms);
        // training values: binarised -> max 1; the ratings of a, b, c -> max 5
        assertEquals(List.of(1.0, 5.0, 5.0), maxima);
        // one training data per split, each aggregation computed once for all three algorithms
        assertEquals(1, new java.util.HashSet<>(seen).size());
        assertEquals(2, seen.get(0).aggregationsComputed());
    }

    @Test
    void logLinesRoundNumbersToFourSignificantDigits() {
        assertEquals("0.8123", Evaluator.rounded(0.81234567890123));
        assertEquals("12350", Evaluator.rounded(12345.6));
        assertEquals("0.005", Evaluator.rounded(0.005));
        assertEquals("-1.5", Evaluator.rounded(-1.5));
        assertEquals("NaN", Evaluator.rounded(Double.NaN));
        assertEquals("{mae=0.25, rmse=0.3333}", Evaluator.rounded(java.util.Map.of("rmse", 1 / 3.0, "mae", 0.25)));
    }
}
