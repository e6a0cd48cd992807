package dev.recommender.core.ranking;

import dev.recommender.core.DenseScoringRecommender;
import dev.recommender.core.IndexedScorer;
import dev.recommender.core.InteractionsAlgorithm;
import dev.recommender.core.Recommender;
import dev.recommender.core.SeenItems;
import dev.recommender.core.TrainingInput;
import dev.recommender.core.TrainingListener;
import dev.recommender.core.data.Aggregation;
import dev.recommender.core.data.EventLog;
import dev.recommender.core.data.Interactions;
import dev.recommender.core.io.AbstractModelCodec;
import dev.recommender.core.io.ModelData;

import java.util.OptionalInt;

/**
 * Small stand-ins for models other helpers write (Svd, two-tower retrieval, popularity) and for the
 * engagement-rate aggregation, so the ranking stage can be tested on its own.
 */
public final class StandIns {
    private StandIns() {
    }

    /** Engagement rate per pair (engaged / all events), counting events of type "engaged". */
    public static final Aggregation ENGAGEMENT_RATE = events -> aggregate(events, false);
    /** Binary: 1 for every pair with an event (implicit feedback for retrieval). */
    public static final Aggregation SHOWN = events -> aggregate(events, true);

    private static Interactions aggregate(EventLog events, boolean binary) {
        boolean[] engagedType = RankingFeatures.engagedTypes(events, FeatureConfig.defaults());
        PairCounts pairs = PairCounts.of(events, Long.MIN_VALUE, Long.MAX_VALUE, engagedType);
        long[] last = new long[pairs.size()];
        for (int e = 0; e < events.size(); e++) {
            int k = pairs.find(events.userIndex(e), events.itemIndex(e));
            last[k] = Math.max(last[k], events.timeMillis(e));
        }
        int n = pairs.size();
        int[] users = new int[n];
        int[] items = new int[n];
        float[] values = new float[n];
        int[] counts = new int[n];
        int[] engaged = new int[n];
        for (int k = 0; k < n; k++) {
            users[k] = PairCounts.userOf(pairs.keyAt(k));
            items[k] = PairCounts.itemOf(pairs.keyAt(k));
            counts[k] = pairs.eventsAt(k);
            engaged[k] = pairs.engagedAt(k);
            values[k] = binary ? 1f : (float) engaged[k] / counts[k];
        }
        return Interactions.of(events.users(), events.items(), users, items, values, counts, engaged, last);
    }

    /** Global mean plus damped user and item biases: a stand-in for Svd. */
    public static final class BiasScorer extends DenseScoringRecommender implements IndexedScorer {
        final double mean;
        final float[] userBias;
        final float[] itemBias;

        BiasScorer(SeenItems seen, double mean, float[] userBias, float[] itemBias) {
            super(seen);
            this.mean = mean;
            this.userBias = userBias;
            this.itemBias = itemBias;
        }

        @Override
        public String name() {
            return "bias";
        }

        @Override
        protected void scoreAll(int user, float[] scores) {
            for (int i = 0; i < scores.length; i++) {
                scores[i] = (float) (mean + userBias[user] + itemBias[i]);
            }
        }

        @Override
        public double score(String userId, String itemId) {
            OptionalInt user = seenItems().users().find(userId);
            OptionalInt item = seenItems().items().find(itemId);
            return mean + (user.isPresent() ? userBias[user.getAsInt()] : 0)
                    + (item.isPresent() ? itemBias[item.getAsInt()] : 0);
        }

        @Override
        public void scoreInto(int user, int[] items, float[] out) {
            for (int k = 0; k < items.length; k++) {
                out[k] = (float) (mean + (user >= 0 ? userBias[user] : 0) + (items[k] >= 0 ? itemBias[items[k]] : 0));
            }
        }
    }

    /** Fits {@link BiasScorer}: item bias with damping 5, then user bias on the residual with damping 5. */
    public record BiasAlgorithm(Aggregation aggregation) implements StandInAlgorithm<BiasScorer> {
        @Override
        public String name() {
            return "bias";
        }

        @Override
        public BiasScorer fit(Interactions data, TrainingListener listener) {
            double mean = data.meanValue();
            float[] itemBias = new float[data.itemCount()];
            for (int i = 0; i < itemBias.length; i++) {
                double sum = 0;
                for (int c = data.itemStart(i); c < data.itemEnd(i); c++) {
                    sum += data.value(data.entryAtItemPosition(c)) - mean;
                }
                itemBias[i] = (float) (sum / (data.itemDegree(i) + 5));
            }
            float[] userBias = new float[data.userCount()];
            for (int u = 0; u < userBias.length; u++) {
                double sum = 0;
                for (int p = data.userStart(u); p < data.userEnd(u); p++) {
                    sum += data.value(p) - mean - itemBias[data.itemAt(p)];
                }
                userBias[u] = (float) (sum / (data.userDegree(u) + 5));
            }
            return new BiasScorer(SeenItems.of(data), mean, userBias, itemBias);
        }
    }

    /** Codec of {@link BiasScorer}, registered in the test resources. */
    public static final class BiasCodec extends AbstractModelCodec<BiasScorer> {
        /** Creates the codec (called by {@link java.util.ServiceLoader}). */
        public BiasCodec() {
            super("test-bias", 1, BiasScorer.class);
        }

        @Override
        public ModelData encode(BiasScorer model) {
            ModelData.Builder data = newData().property("mean", Double.toString(model.mean))
                    .putFloats("userBias", model.userBias).putFloats("itemBias", model.itemBias);
            model.seenItems().writeTo(data, "seen.");
            return data.build();
        }

        @Override
        public BiasScorer decode(ModelData data) {
            return new BiasScorer(SeenItems.readFrom(data, "seen."), data.doubleProperty("mean"),
                    data.floats("userBias"), data.floats("itemBias"));
        }
    }

    /**
     * Item co-occurrence retrieval: the score of item i for user u is the number of (u's item j,
     * other user) co-occurrences of i and j, divided by sqrt of i's popularity.
     */
    public static final class CooccurrenceRetrieval extends DenseScoringRecommender {
        final int itemCount;
        final float[] cooccurrence;

        CooccurrenceRetrieval(SeenItems seen, float[] cooccurrence) {
            super(seen);
            this.itemCount = seen.items().size();
            this.cooccurrence = cooccurrence;
        }

        @Override
        public String name() {
            return "cooccurrence";
        }

        @Override
        protected void scoreAll(int user, float[] scores) {
            java.util.Arrays.fill(scores, 0f);
            SeenItems seen = seenItems();
            for (int k = 0; k < seen.userItemCount(user); k++) {
                int j = seen.userItem(user, k);
                for (int i = 0; i < itemCount; i++) {
                    scores[i] += cooccurrence[j * itemCount + i];
                }
            }
            for (int i = 0; i < itemCount; i++) {
                scores[i] /= (float) Math.sqrt(1 + seen.itemUserCount(i));
            }
        }
    }

    /** Fits {@link CooccurrenceRetrieval} (O(users · degree²) time, O(items²) memory). */
    public record CooccurrenceAlgorithm(Aggregation aggregation) implements StandInAlgorithm<CooccurrenceRetrieval> {
        @Override
        public String name() {
            return "cooccurrence";
        }

        @Override
        public CooccurrenceRetrieval fit(Interactions data, TrainingListener listener) {
            int n = data.itemCount();
            float[] counts = new float[n * n];
            for (int u = 0; u < data.userCount(); u++) {
                for (int p = data.userStart(u); p < data.userEnd(u); p++) {
                    for (int q = data.userStart(u); q < data.userEnd(u); q++) {
                        if (p != q) {
                            counts[data.itemAt(p) * n + data.itemAt(q)]++;
                        }
                    }
                }
            }
            return new CooccurrenceRetrieval(SeenItems.of(data), counts);
        }
    }

    /** Codec of {@link CooccurrenceRetrieval}, registered in the test resources. */
    public static final class CooccurrenceCodec extends AbstractModelCodec<CooccurrenceRetrieval> {
        /** Creates the codec (called by {@link java.util.ServiceLoader}). */
        public CooccurrenceCodec() {
            super("test-cooccurrence", 1, CooccurrenceRetrieval.class);
        }

        @Override
        public ModelData encode(CooccurrenceRetrieval model) {
            ModelData.Builder data = newData().putFloats("cooccurrence", model.cooccurrence);
            model.seenItems().writeTo(data, "seen.");
            return data.build();
        }

        @Override
        public CooccurrenceRetrieval decode(ModelData data) {
            return new CooccurrenceRetrieval(SeenItems.readFrom(data, "seen."), data.floats("cooccurrence"));
        }
    }

    /** Popularity: every known user gets the items with most training users. */
    public static final class Popularity extends DenseScoringRecommender {
        Popularity(SeenItems seen) {
            super(seen);
        }

        @Override
        public String name() {
            return "popularity";
        }

        @Override
        protected void scoreAll(int user, float[] scores) {
            for (int i = 0; i < scores.length; i++) {
                scores[i] = seenItems().itemUserCount(i);
            }
        }
    }

    /** Fits {@link Popularity}. */
    public record PopularityAlgorithm(Aggregation aggregation) implements StandInAlgorithm<Popularity> {
        @Override
        public String name() {
            return "popularity";
        }

        @Override
        public Popularity fit(Interactions data, TrainingListener listener) {
            return new Popularity(SeenItems.of(data));
        }
    }

    /**
     * A stand-in stage: trains on one fixed aggregation of the events (its {@link #input()}), so the
     * stand-ins say only how they fit on the aggregated interactions.
     */
    interface StandInAlgorithm<M extends Recommender> extends InteractionsAlgorithm<M> {
        /** The aggregation the stage trains on. */
        Aggregation aggregation();

        @Override
        default TrainingInput input() {
            return TrainingInput.of(aggregation());
        }
    }

    public static BiasAlgorithm biasStage() {
        return new BiasAlgorithm(ENGAGEMENT_RATE);
    }

    public static CooccurrenceAlgorithm cooccurrenceStage() {
        return new CooccurrenceAlgorithm(SHOWN);
    }

    public static PopularityAlgorithm popularityStage() {
        return new PopularityAlgorithm(SHOWN);
    }
}
