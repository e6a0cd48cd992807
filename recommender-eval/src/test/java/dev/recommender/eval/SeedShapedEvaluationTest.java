package dev.recommender.eval;

import dev.recommender.core.baseline.Baseline;
import dev.recommender.core.baseline.Popularity;
import dev.recommender.core.data.EngagementRate;
import dev.recommender.core.data.EventLog;
import dev.recommender.eval.report.AlgorithmResult;
import dev.recommender.eval.report.EvaluationReport;
import dev.recommender.eval.split.RandomHoldout;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The seed's pipeline end to end on a seed-shaped log with planted user and item effects:
 * viewed/engaged events aggregated to engagement rates, a 75/25 holdout of pairs, rating and
 * top-K metrics. The planted biases must make the bias baseline beat the global mean.
 */
class SeedShapedEvaluationTest {

    /** 300 users x 60 items; P(engaged) = user propensity x item appeal; 1 to 5 events per pair. */
    private static EventLog seedShapedLog() {
        SplittableRandom random = new SplittableRandom(2022);
        double[] appeal = new double[60];
        for (int i = 0; i < appeal.length; i++) {
            appeal[i] = 0.2 + 0.8 * random.nextDouble();
        }
        EventLog.Builder builder = EventLog.builder().declareEventType("viewed").declareEventType("engaged");
        long time = 1_640_000_000_000L;
        for (int u = 0; u < 300; u++) {
            double propensity = 0.1 + 0.8 * random.nextDouble();
            for (int k = 0; k < 15; k++) {
                int item = random.nextInt(appeal.length);
                int events = 1 + random.nextInt(5);
                for (int e = 0; e < events; e++) {
                    boolean engaged = random.nextDouble() < propensity * appeal[item];
                    builder.add(String.format("%010x", u * 7919L), String.format("%010x", item * 104729L),
                            time += 1000, engaged ? "engaged" : "viewed", Float.NaN);
                }
            }
        }
        return builder.build();
    }

    @Test
    void plantedBiasesBeatTheGlobalMeanAndTopKAccuracyCoversTheCatalog() {
        Map<String, dev.recommender.core.Algorithm<?>> algorithms = new LinkedHashMap<>();
        algorithms.put("global mean", new Baseline.Config(1e9, 1e9, 1)); // damping this strong leaves only mu
        algorithms.put("baseline", Baseline.Config.defaults());
        algorithms.put("popularity", Popularity.Config.defaults());
        EvaluationReport report = Evaluator.builder(dev.recommender.core.data.Signals.of(EngagementRate.seed())).build()
                .evaluate(seedShapedLog(), RandomHoldout.of(0.25, 42), algorithms);
        AlgorithmResult mean = report.row("global mean");
        AlgorithmResult baseline = report.row("baseline");
        double meanRmse = mean.summary("rmse").mean();
        double baselineRmse = baseline.summary("rmse").mean();
        assertTrue(baselineRmse < 0.95 * meanRmse, report.toMarkdown());
        assertEquals(0, report.row("popularity").summary("rmse").count(), "popularity has no point scores");
        // 60 items, all in training: a top-100 list holds every unseen item, so every held-out pair is a hit
        for (AlgorithmResult row : report.algorithms()) {
            assertEquals(1.0, row.summary("top_k_accuracy@100").mean(), 1e-12, row.algorithm());
            double previous = 0;
            for (int k : new int[] {1, 5, 10, 50, 100}) {
                double accuracy = row.summary("top_k_accuracy@" + k).mean();
                assertTrue(accuracy >= previous, row.algorithm() + " accuracy@" + k);
                previous = accuracy;
            }
        }
    }
}
