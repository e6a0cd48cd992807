package dev.recommender.eval;

import dev.recommender.core.Algorithm;
import dev.recommender.core.DenseScoringRecommender;
import dev.recommender.core.PointPredictor;
import dev.recommender.core.SeenItems;
import dev.recommender.core.TrainingListener;
import dev.recommender.core.data.Aggregation;
import dev.recommender.core.data.EventLog;
import dev.recommender.core.data.Interactions;
import dev.recommender.core.ranking.StandIns;

import java.util.HashMap;
import java.util.Map;

/** Test fixtures: a mean-value aggregation and small hand-made algorithms. */
public final class TestData {
    private TestData() {
    }

    /** Mean of a pair's non-NaN event values (1 if none), event count, last time. */
    public static final Aggregation MEAN = TestData::aggregateMean;

    /** Builds a log from rows of {@code user, item, timeMillis, value}. */
    public static EventLog log(Object[]... rows) {
        EventLog.Builder builder = EventLog.builder();
        for (Object[] row : rows) {
            builder.add((String) row[0], (String) row[1], ((Number) row[2]).longValue(), "rating",
                    ((Number) row[3]).floatValue());
        }
        return builder.build();
    }

    /** One event row. */
    public static Object[] e(String user, String item, long time, double value) {
        return new Object[] {user, item, time, value};
    }

    private static Interactions aggregateMean(EventLog events) {
        Map<Long, Integer> slots = new HashMap<>();
        int n = events.size();
        int[] users = new int[n];
        int[] items = new int[n];
        double[] sums = new double[n];
        int[] valued = new int[n];
        int[] counts = new int[n];
        long[] last = new long[n];
        int size = 0;
        for (int e = 0; e < n; e++) {
            long key = ((long) events.userIndex(e) << 32) | events.itemIndex(e);
            Integer slot = slots.get(key);
            if (slot == null) {
                slot = size++;
                slots.put(key, slot);
                users[slot] = events.userIndex(e);
                items[slot] = events.itemIndex(e);
                last[slot] = Long.MIN_VALUE;
            }
            counts[slot]++;
            last[slot] = Math.max(last[slot], events.timeMillis(e));
            if (!Float.isNaN(events.value(e))) {
                sums[slot] += events.value(e);
                valued[slot]++;
            }
        }
        float[] values = new float[size];
        for (int s = 0; s < size; s++) {
            values[s] = valued[s] == 0 ? 1f : (float) (sums[s] / valued[s]);
        }
        return Interactions.of(events.users(), events.items(), java.util.Arrays.copyOf(users, size),
                java.util.Arrays.copyOf(items, size), values, java.util.Arrays.copyOf(counts, size),
                new int[size], java.util.Arrays.copyOf(last, size));
    }

    /**
     * Ranks by number of training users, no point scores: the core tests' popularity stand-in, trained on
     * {@link #MEAN} (only which pairs exist matters to it).
     */
    public static StandIns.PopularityAlgorithm popularity() {
        return new StandIns.PopularityAlgorithm(MEAN);
    }

    /**
     * Fixed item scores for every user (items missing from the map score their negative catalog
     * position); as a {@link PointPredictor} it predicts the item's fixed score.
     */
    public record FixedScoresAlgorithm(String name, Map<String, Double> scores) implements Algorithm<FixedScoresModel> {
        @Override
        public FixedScoresModel fit(dev.recommender.core.TrainingData data, TrainingListener listener) {
            return fit(data.interactions(dev.recommender.core.data.Signal.RATING), listener);
        }

        public FixedScoresModel fit(Interactions training, TrainingListener listener) {
            return new FixedScoresModel(name, SeenItems.of(training), scores);
        }
    }

    /** The model of {@link FixedScoresAlgorithm}. */
    public static final class FixedScoresModel extends DenseScoringRecommender implements PointPredictor {
        private final String name;
        private final float[] itemScores;
        private final Map<String, Double> scores;

        FixedScoresModel(String name, SeenItems seen, Map<String, Double> scores) {
            super(seen);
            this.name = name;
            this.scores = Map.copyOf(scores);
            this.itemScores = new float[seen.items().size()];
            for (int i = 0; i < itemScores.length; i++) {
                Double score = scores.get(seen.items().id(i));
                itemScores[i] = score == null ? -i : score.floatValue();
            }
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        protected void scoreAll(int userIndex, float[] out) {
            System.arraycopy(itemScores, 0, out, 0, out.length);
        }

        @Override
        public double score(String userId, String itemId) {
            Double score = scores.get(itemId);
            return score == null ? Double.NaN : score;
        }
    }
}
