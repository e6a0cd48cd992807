package dev.recommender.core.retrieval;

import dev.recommender.core.internal.Args;
import dev.recommender.core.internal.TopK;
import dev.recommender.core.internal.TopKAccuracy;
import dev.recommender.core.EpochProgress;
import dev.recommender.core.data.Interactions;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.function.IntPredicate;

/**
 * Held-out (user id, item id) positives on which a retrieval model's training reports its top-K categorical
 * accuracy after every epoch (the {@code factorized_top_k/top_K_categorical_accuracy} curve of TensorFlow
 * Recommenders' retrieval task, the seed's TensorBoard view).
 *
 * <p>Metric: for each cutoff {@code K}, the share of the held-out pairs whose item is among the {@code K}
 * highest-scoring items for the pair's user, searched over the whole catalog by an exact scan
 * ({@link ExactTopKIndex}, even when the fitted model will use an approximate index) with the user's training
 * items excluded, exactly as {@code recommend(user, RecommendRequest.top(K))} ranks for a model with an exact
 * index. Pairs whose user or item is unknown to the training data, or whose item is one of the user's training
 * items, count as misses; every pair counts once (repeats are kept). It is reported in
 * {@link EpochProgress#metrics()} under {@link #metricName(int)}, e.g. {@code top_k_accuracy@10}.
 *
 * <p>Use: {@link ImplicitAls.Config#fit(Interactions, EpochValidation, dev.recommender.core.TrainingListener)}
 * and {@link TwoTowerRetrieval.Config#fit(Interactions, EpochValidation, dev.recommender.core.TrainingListener)}.
 * The validation only reads the current factors: the fitted model is bit-identical with and without it.
 *
 * <p>Cost per epoch: {@code O(u n d + u n log K)} for {@code u} distinct known validation users, {@code n}
 * items of {@code d} dimensions and the largest cutoff {@code K}; computed on the training thread.
 *
 * <p>Immutable and thread-safe; the result is deterministic.
 */
public final class EpochValidation {
    /** Prefix of the metric names: {@code top_k_accuracy@K}. */
    public static final String METRIC_PREFIX = "top_k_accuracy@";
    /** Cutoffs used when none are given: 10 and 100. */
    private static final int[] DEFAULT_CUTOFFS = {10, 100};

    private final String[] userIds;
    private final String[] itemIds;
    private final int[] cutoffs;

    private EpochValidation(String[] userIds, String[] itemIds, int[] cutoffs) {
        this.userIds = userIds;
        this.itemIds = itemIds;
        this.cutoffs = cutoffs;
    }

    /**
     * A validation over pairs given as two parallel lists.
     *
     * @param userIds one user id per pair
     * @param itemIds one item id per pair, the same length
     * @param cutoffs the values of {@code K}, each at least 1, no repeats (sorted here); none means 10 and 100
     * @return the validation
     * @throws IllegalArgumentException if the lists differ in length or are empty, or a cutoff is invalid
     */
    public static EpochValidation of(List<String> userIds, List<String> itemIds, int... cutoffs) {
        Objects.requireNonNull(userIds, "userIds");
        Objects.requireNonNull(itemIds, "itemIds");
        if (userIds.size() != itemIds.size()) {
            throw new IllegalArgumentException("userIds and itemIds must have the same length, got "
                    + userIds.size() + " and " + itemIds.size());
        }
        Builder builder = builder().cutoffs(cutoffs.length == 0 ? DEFAULT_CUTOFFS : cutoffs);
        for (int k = 0; k < userIds.size(); k++) {
            builder.add(userIds.get(k), itemIds.get(k));
        }
        return builder.build();
    }

    /** A builder with no pairs and cutoffs 10 and 100. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The metric name of a cutoff.
     *
     * @param cutoff the value of {@code K}
     * @return {@code "top_k_accuracy@" + cutoff}
     */
    public static String metricName(int cutoff) {
        return METRIC_PREFIX + cutoff;
    }

    /** Number of held-out pairs (the denominator of the accuracy). */
    public int size() {
        return userIds.length;
    }

    /** The cutoffs, ascending (a copy). */
    public int[] cutoffs() {
        return cutoffs.clone();
    }

    /** The metric names reported, in ascending cutoff order. */
    public List<String> metricNames() {
        List<String> names = new ArrayList<>(cutoffs.length);
        for (int cutoff : cutoffs) {
            names.add(metricName(cutoff));
        }
        return List.copyOf(names);
    }

    /**
     * Resolves the pairs against one training set's dense indexes; the result evaluates factor snapshots.
     *
     * @param training the interactions the model is being fitted on
     * @return a single-threaded evaluator owning its scratch buffers
     */
    Bound bind(Interactions training) {
        return new Bound(training);
    }

    @Override
    public String toString() {
        return "EpochValidation[pairs=" + userIds.length + ", cutoffs=" + Arrays.toString(cutoffs) + "]";
    }

    /**
     * The pairs grouped by training user, with scratch buffers. Not thread-safe: one per fit, used by the
     * training thread between epochs.
     */
    final class Bound {
        private final Interactions training;
        /** Distinct training users with at least one validation pair, in first-appearance order. */
        private final int[] users;
        /** Pairs of {@code users[k]} are {@code pairItems[pairStart[k] .. pairStart[k + 1])}; -1 is an unknown item. */
        private final int[] pairStart;
        private final int[] pairItems;
        private final int itemCount;
        private final int maxCutoff;
        private final long[] mask;
        private final int absentItems;
        private final IntPredicate excluded;
        private final int[] topItems;
        private final float[] topScores;

        private Bound(Interactions training) {
            this.training = training;
            this.itemCount = training.itemCount();
            Map<Integer, List<Integer>> byUser = new LinkedHashMap<>();
            Map<String, Integer> itemCache = new HashMap<>();
            for (int p = 0; p < userIds.length; p++) {
                OptionalInt user = training.users().find(userIds[p]);
                if (user.isEmpty() || training.userDegree(user.getAsInt()) == 0) {
                    continue; // a user without training pairs counts as a miss
                }
                int item = itemCache.computeIfAbsent(itemIds[p], id -> training.items().find(id).orElse(-1));
                byUser.computeIfAbsent(user.getAsInt(), u -> new ArrayList<>()).add(item);
            }
            this.users = new int[byUser.size()];
            this.pairStart = new int[byUser.size() + 1];
            List<Integer> items = new ArrayList<>();
            int k = 0;
            for (Map.Entry<Integer, List<Integer>> entry : byUser.entrySet()) {
                users[k] = entry.getKey();
                items.addAll(entry.getValue());
                pairStart[++k] = items.size();
            }
            this.pairItems = items.stream().mapToInt(Integer::intValue).toArray();
            for (int u = 0; u < users.length; u++) {
                Arrays.sort(pairItems, pairStart[u], pairStart[u + 1]); // TopKAccuracy searches each user's items
            }
            this.maxCutoff = Math.max(1, Math.min(cutoffs[cutoffs.length - 1], itemCount));
            this.mask = new long[(itemCount + 63) >>> 6];
            // items of the numbering without training pairs are never in a list
            int absent = 0;
            for (int item = 0; item < itemCount; item++) {
                if (training.itemDegree(item) == 0) {
                    mask[item >>> 6] |= 1L << item;
                    absent++;
                }
            }
            this.absentItems = absent;
            this.excluded = item -> (mask[item >>> 6] & (1L << item)) != 0;
            this.topItems = new int[maxCutoff];
            this.topScores = new float[maxCutoff];
        }

        /**
         * Top-K accuracy of a factor snapshot; reads the arrays, never writes them.
         *
         * @param userVectors row-major user vectors in training user order
         * @param itemVectors row-major item vectors in training item order
         * @param d           dimensions
         * @return metric name to accuracy in [0, 1], one entry per cutoff
         */
        Map<String, Double> evaluate(float[] userVectors, float[] itemVectors, int d) {
            ExactTopKIndex index = new ExactTopKIndex(itemVectors, d, false);
            TopK top = new TopK(maxCutoff);
            float[] query = new float[d];
            long[] hits = new long[cutoffs.length];
            for (int k = 0; k < users.length; k++) {
                int u = users[k];
                System.arraycopy(userVectors, u * d, query, 0, d);
                int seenStart = training.userStart(u);
                int seenEnd = training.userEnd(u);
                for (int e = seenStart; e < seenEnd; e++) {
                    int item = training.itemAt(e);
                    mask[item >>> 6] |= 1L << item;
                }
                index.search(query, excluded, seenEnd - seenStart + absentItems, top);
                int n = top.drainDescending(topItems, topScores);
                TopKAccuracy.addHits(topItems, n, pairItems, pairStart[k], pairStart[k + 1], cutoffs, hits);
                for (int e = seenStart; e < seenEnd; e++) {
                    int item = training.itemAt(e);
                    mask[item >>> 6] &= ~(1L << item);
                }
            }
            Map<String, Double> metrics = new LinkedHashMap<>();
            for (int c = 0; c < cutoffs.length; c++) {
                metrics.put(metricName(cutoffs[c]), TopKAccuracy.accuracy(hits[c], userIds.length));
            }
            return metrics;
        }
    }

    /** Builder for {@link EpochValidation}; starts with no pairs and cutoffs 10 and 100. Not thread-safe. */
    public static final class Builder {
        private final List<String> users = new ArrayList<>();
        private final List<String> items = new ArrayList<>();
        private int[] cutoffs = DEFAULT_CUTOFFS;

        private Builder() {
        }

        /**
         * Adds one held-out positive.
         *
         * @param userId the user
         * @param itemId the item the user engaged with after the training period
         * @return this builder
         */
        public Builder add(String userId, String itemId) {
            users.add(Objects.requireNonNull(userId, "userId"));
            items.add(Objects.requireNonNull(itemId, "itemId"));
            return this;
        }

        /**
         * Sets the cutoffs.
         *
         * @param cutoffs the values of {@code K}, each at least 1, no repeats, at least one
         * @return this builder
         */
        public Builder cutoffs(int... cutoffs) {
            this.cutoffs = cutoffs.clone();
            return this;
        }

        /**
         * Returns the validation.
         *
         * @throws IllegalArgumentException if there are no pairs, no cutoffs, a cutoff below 1 or a repeated cutoff
         */
        public EpochValidation build() {
            if (users.isEmpty()) {
                throw new IllegalArgumentException("validation pairs must not be empty");
            }
            if (cutoffs.length == 0) {
                throw new IllegalArgumentException("cutoffs must not be empty");
            }
            int[] sorted = cutoffs.clone();
            Arrays.sort(sorted);
            for (int k = 0; k < sorted.length; k++) {
                Args.atLeast("cutoff", sorted[k], 1);
                if (k > 0 && sorted[k] == sorted[k - 1]) {
                    throw new IllegalArgumentException("cutoffs must not repeat, got " + Arrays.toString(cutoffs));
                }
            }
            return new EpochValidation(users.toArray(new String[0]), items.toArray(new String[0]), sorted);
        }
    }
}
