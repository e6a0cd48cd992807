package dev.recommender.eval;

import dev.recommender.core.Algorithm;
import dev.recommender.core.DenseScoringRecommender;
import dev.recommender.core.PointPredictor;
import dev.recommender.core.SeenItems;
import dev.recommender.core.TrainingData;
import dev.recommender.core.TrainingListener;
import dev.recommender.core.data.EventLog;
import dev.recommender.core.ranking.StandIns;
import dev.recommender.eval.report.AlgorithmResult;
import dev.recommender.eval.report.EvaluationReport;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The seed notebook's protocol on a log small enough to compute every number by hand. */
class SeedNotebookProtocolTest {
    static final long DAY = 86_400_000L;

    /** Span day 0 .. day 9 (+1 ms): with share 0.5 the cut-off is day 4.5. */
    static EventLog log() {
        return EventLog.builder()
                .add("a", "x", 0, "engaged", Float.NaN)
                .add("a", "y", DAY, "viewed", Float.NaN)
                .add("b", "x", 2 * DAY, "engaged", Float.NaN)
                .add("b", "z", 3 * DAY, "engaged", Float.NaN)
                .add("c", "z", 4 * DAY, "viewed", Float.NaN)
                // test period
                .add("a", "z", 5 * DAY, "engaged", Float.NaN)
                .add("a", "x", 6 * DAY, "viewed", Float.NaN)
                .add("b", "y", 7 * DAY, "engaged", Float.NaN)
                .add("b", "y", 8 * DAY, "viewed", Float.NaN)
                .add("d", "y", 9 * DAY, "engaged", Float.NaN)
                .build();
    }

    /** Scores every pair 0.5; recommends in catalog order. */
    static final class Constant extends DenseScoringRecommender implements PointPredictor {
        Constant(SeenItems seen) {
            super(seen);
        }

        @Override
        public String name() {
            return "constant";
        }

        @Override
        protected void scoreAll(int user, float[] scores) {
            java.util.Arrays.fill(scores, 0.5f);
        }

        @Override
        public double score(String userId, String itemId) {
            return 0.5;
        }
    }

    @Test
    void measuresTopKAccuracyAndRmseAsComputedByHand() {
        Map<String, Algorithm<?>> algorithms = new LinkedHashMap<>();
        algorithms.put("popularity", StandIns.popularityStage());
        algorithms.put("constant", new Algorithm<Constant>() {
            @Override
            public String name() {
                return "constant";
            }

            @Override
            public Constant fit(TrainingData training, TrainingListener listener) {
                return new Constant(SeenItems.of(training.interactions(StandIns.SHOWN)));
            }
        });
        EvaluationReport report = Protocol.seedNotebook(0.5, 1, 2, 3).evaluate(log(), algorithms);
        // test pairs (a, z) 1, (a, x) 0 (a repeat of a training pair), (b, y) 0.5, (d, y) 1; the new
        // engaged ones, relevant to the lists: (a, z), (b, y), (d, y).
        // training popularity: x {a, b} = 2, z {b, c} = 2, y {a} = 1; ties by catalog order x, y, z.
        // a (seen x, y) gets [z]: (a, z) at rank 1. b (seen x, z) gets [y]: (b, y) at rank 1.
        // d is unknown: fallback x, z, y: (d, y) at rank 3. Accuracy at 1, 2, 3: 2/3, 2/3, 3/3.
        for (String name : algorithms.keySet()) {
            AlgorithmResult row = report.row(name);
            assertEquals(2.0 / 3, row.summary("top_k_accuracy@1").mean(), 1e-12, name);
            assertEquals(2.0 / 3, row.summary("top_k_accuracy@2").mean(), 1e-12, name);
            assertEquals(1.0, row.summary("top_k_accuracy@3").mean(), 1e-12, name);
            assertEquals(4, row.totalTestPairs(), name);
            // users a, b and d have relevant pairs; d is cold
            assertEquals(3, row.totalUsersEvaluated(), name);
        }
        assertTrue(Double.isNaN(report.row("popularity").summary("rmse").mean()), "popularity is not a scorer");
        // constant 0.5 against rates 1, 0, 0.5, 1, every pair asked of the model (d is unknown):
        // sqrt((0.25 + 0.25 + 0 + 0.25) / 4) = sqrt(0.1875)
        assertEquals(Math.sqrt(0.1875), report.row("constant").summary("rmse").mean(), 1e-12);
        assertEquals(1, report.row("constant").totalUnknownPairs());
    }

    @Test
    void refusesAShareOutsideTheSpanAndALogThatLeavesAPeriodEmpty() {
        assertThrows(IllegalArgumentException.class, () -> Protocol.seedNotebook(1.0, 1));
        EventLog oneInstant = EventLog.builder().add("a", "x", 0, "engaged", Float.NaN)
                .add("b", "x", 0, "viewed", Float.NaN).build();
        // span 1 ms: cut-off = 1 - round(0.2 * 1) = 1, after every event
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> Protocol.seedNotebook(0.2, 1).evaluate(oneInstant, Map.of("popularity",
                        StandIns.popularityStage())));
        assertTrue(empty.getMessage().contains("leaves no test events"), empty.getMessage());
    }
}
