package dev.recommender.core.ranking;

import dev.recommender.core.DenseScoringRecommender;
import dev.recommender.core.ItemScorer;
import dev.recommender.core.SeenItems;
import dev.recommender.core.TrainingListener;
import dev.recommender.core.data.EventLog;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SeedProtocolTest {
    static final long DAY = 86_400_000L;

    /** Span day 0 .. day 9 (+1 ms): with test fraction 0.5 the cut-off is day 4.5. */
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
    static final class Constant extends DenseScoringRecommender implements ItemScorer {
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
    void splitsInTimeAndCountsTestPairs() {
        SeedProtocol protocol = new SeedProtocol(0.5, List.of(1, 2, 3), FeatureConfig.defaults());
        SeedProtocol.Split split = protocol.split(log());
        // end = 9 days + 1 ms; cut-off = end - round(0.5 * end) = 4.5 days
        assertEquals(9 * DAY / 2, split.cutoffMillis());
        assertEquals(5, split.train().size());
        // test pairs: (a,z) 1/1, (a,x) 0/1 (seen in training), (b,y) 1/2, (d,y) 1/1
        assertEquals(List.of(
                new SeedProtocol.TestPair("a", "x", 0.0, false),
                new SeedProtocol.TestPair("a", "z", 1.0, true),
                new SeedProtocol.TestPair("b", "y", 0.5, true),
                new SeedProtocol.TestPair("d", "y", 1.0, true)), split.testPairs());
        assertEquals(3, split.newEngagedPairs());
    }

    @Test
    void measuresTopKAccuracyAndRmseAsComputedByHand() {
        SeedProtocol protocol = new SeedProtocol(0.5, List.of(1, 2, 3), FeatureConfig.defaults());
        Map<String, EventAlgorithm<?>> contenders = new LinkedHashMap<>();
        contenders.put("popularity", StandIns.popularityStage());
        contenders.put("constant", new EventAlgorithm<Constant>() {
            @Override
            public String name() {
                return "constant";
            }

            @Override
            public Constant fit(EventLog training, TrainingListener listener) {
                return new Constant(SeenItems.of(StandIns.SHOWN.aggregate(training)));
            }
        });
        SeedReport report = protocol.run(log(), contenders, TrainingListener.NONE);
        // training popularity: x {a, b} = 2, z {b, c} = 2, y {a} = 1; ties by catalog order x, y, z.
        // a (seen x, y) gets [z]: (a, z) at rank 1. b (seen x, z) gets [y]: (b, y) at rank 1.
        // d is unknown: fallback x, z, y: (d, y) at rank 3. Accuracy at 1, 2, 3: 2/3, 2/3, 3/3.
        assertArrayEquals(new double[] {2.0 / 3, 2.0 / 3, 1.0}, report.row("popularity").accuracy(), 1e-12);
        assertTrue(Double.isNaN(report.row("popularity").rmse()), "popularity is not a scorer");
        // constant 0.5 against rates 0, 1, 0.5, 1: sqrt((0.25 + 0.25 + 0 + 0.25) / 4) = sqrt(0.1875)
        assertEquals(Math.sqrt(0.1875), report.row("constant").rmse(), 1e-12);
        assertArrayEquals(new double[] {2.0 / 3, 2.0 / 3, 1.0}, report.row("constant").accuracy(), 1e-12);
        assertEquals(4, report.testPairs());
        assertEquals(3, report.newEngagedPairs());
        String table = report.toMarkdown();
        assertTrue(table.startsWith("| model | RMSE of engagement rate | top-1 | top-2 | top-3 | fit s |"), table);
        assertTrue(table.contains("| constant | 0.4330 | 0.6667 | 0.6667 | 1.0000 |"), table);
        assertTrue(table.contains("| popularity | - | 0.6667 |"), table);
    }

    @Test
    void rejectsBadConfigurationAndDegenerateLogs() {
        assertEquals("testFraction must be in (0, 1), got 1.0", assertThrows(IllegalArgumentException.class,
                () -> new SeedProtocol(1.0, List.of(1), FeatureConfig.defaults())).getMessage());
        assertEquals("ks must be ascending and at least 1, got [5, 1]", assertThrows(IllegalArgumentException.class,
                () -> new SeedProtocol(0.2, List.of(5, 1), FeatureConfig.defaults())).getMessage());
        EventLog oneInstant = EventLog.builder().add("a", "x", 0, "engaged", Float.NaN)
                .add("b", "x", 0, "viewed", Float.NaN).build();
        // span 1 ms: cut-off = 1 - round(0.2 * 1) = 1, after every event
        assertEquals("testFraction 0.2 leaves the test period empty", assertThrows(IllegalArgumentException.class,
                () -> SeedProtocol.defaults().split(oneInstant)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> SeedProtocol.defaults().run(log(), Map.of(),
                TrainingListener.NONE));
    }
}
