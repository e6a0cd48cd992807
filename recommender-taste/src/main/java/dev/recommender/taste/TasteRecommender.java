package dev.recommender.taste;

import dev.recommender.core.PointPredictor;
import dev.recommender.core.RecommendRequest;
import dev.recommender.core.Recommendations;
import dev.recommender.core.Recommender;
import dev.recommender.core.ScoredItem;
import dev.recommender.core.SeenItems;
import dev.recommender.core.data.IdIndex;
import org.apache.mahout.cf.taste.common.TasteException;
import org.apache.mahout.cf.taste.impl.common.FastIDSet;
import org.apache.mahout.cf.taste.recommender.IDRescorer;
import org.apache.mahout.cf.taste.recommender.RecommendedItem;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Any Mahout Taste {@link org.apache.mahout.cf.taste.recommender.Recommender} behind our
 * {@link Recommender} and {@link PointPredictor} (Taste estimates preference values): string ids in and out (mapped by {@link TasteData}),
 * unchecked exceptions ({@link TasteRuntimeException}) instead of Taste's checked ones.
 *
 * <p>How a request maps onto Taste's {@code recommend(userID, howMany, rescorer, includeKnownItems)}:
 * <ul>
 *   <li>{@link RecommendRequest#excludeSeen()} becomes {@code includeKnownItems = !excludeSeen}; the
 *       items Taste treats as known are exactly the user's training entries, the same as ours;</li>
 *   <li>the candidate and exclude sets become an {@link IDRescorer} whose {@code isFiltered} rejects
 *       ids outside the candidates or inside the exclude set (Taste skips filtered items before
 *       estimating them, so a small candidate set is also cheap); unknown ids are ignored;</li>
 *   <li>Taste itself decides which items it can score: its candidate-items strategy or user
 *       neighbourhood proposes items and items whose estimate is {@code NaN} are dropped. A list can
 *       therefore be shorter than {@code howMany} for a known user (e.g. a user whose items share no
 *       users with others); it is not padded.</li>
 * </ul>
 * Taste keeps the top items with its own heap; we re-sort its answer by score, ties by catalog
 * order. Among items tied exactly at the cut-off Taste keeps the one it met first (in its hash-set
 * order), so the catalog-order tie rule holds within a list but not across its cut-off.
 *
 * <p>Unknown users get the popularity fallback (items by number of training users, ties by catalog
 * order; candidates and exclusions respected) with {@link Recommendations#fallback()} true.
 *
 * <p>As a {@link dev.recommender.core.ItemScorer}, {@link #score(String, String)} returns Taste's
 * {@code estimatePreference}: for a pair in the training data Taste returns the training value
 * itself; otherwise its estimate (a predicted value for rating models, a similarity sum for the
 * boolean item-based model). When the user or item is unknown or Taste's estimate is not finite
 * ({@code NaN} when no neighbour rated the item), the score is the training global mean
 * ({@link TasteData#meanValue()}).
 *
 * <p>Cost per request: whatever the wrapped Taste recommender costs (see each preset) plus
 * O(|candidates| + |exclude|) to build the rescorer. Thread safety: Taste's in-memory recommenders
 * only read their data model and trained state once built; this class never calls Taste's
 * {@code refresh}, {@code setPreference} or {@code removePreference} and does not hand the Taste
 * recommender out, so instances are effectively immutable and safe to call from many threads.
 * Persistence: not supported by {@link dev.recommender.core.io.ModelStore}; refit instead.
 */
public final class TasteRecommender implements Recommender, PointPredictor {
    private final String name;
    private final TasteData data;
    private final org.apache.mahout.cf.taste.recommender.Recommender taste;

    private TasteRecommender(String name, TasteData data, org.apache.mahout.cf.taste.recommender.Recommender taste) {
        this.name = name;
        this.data = data;
        this.taste = taste;
    }

    /**
     * Builds a Taste recommender over the data and wraps it.
     *
     * @param name    the name reported by {@link #name()}, e.g. {@code "taste-item"}
     * @param data    the training data and id mapping
     * @param factory builds the Taste recommender over {@link TasteData#dataModel()}
     * @return the wrapped recommender
     * @throws IllegalArgumentException if {@code name} is blank
     * @throws TasteRuntimeException    if Taste fails while building or training
     */
    public static TasteRecommender of(String name, TasteData data, TasteRecommenderFactory factory) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(factory, "factory");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank, got '" + name + "'");
        }
        org.apache.mahout.cf.taste.recommender.Recommender taste;
        try {
            taste = factory.create(data.dataModel());
        } catch (TasteException e) {
            throw new TasteRuntimeException("building " + name, e);
        }
        return new TasteRecommender(name, data, Objects.requireNonNull(taste, "factory returned null"));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public IdIndex items() {
        return data.items();
    }

    @Override
    public boolean knowsUser(String userId) {
        return data.seenItems().knownUser(Objects.requireNonNull(userId, "userId")) >= 0;
    }

    /** The training data and id mapping this model was built on. */
    public TasteData data() {
        return data;
    }

    @Override
    public Recommendations recommend(String userId, RecommendRequest request) {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(request, "request");
        int user = data.seenItems().knownUser(userId);
        if (user < 0) {
            return new Recommendations(userId, data.seenItems().popular(request), true);
        }
        RequestRescorer rescorer = null;
        if (request.candidates().isPresent() || !request.exclude().isEmpty()) {
            rescorer = new RequestRescorer(toTasteIds(request.candidates().orElse(null)), toTasteIds(request.exclude()));
            if (rescorer.allowed != null && rescorer.allowed.isEmpty()) {
                return new Recommendations(userId, List.of(), false);
            }
        }
        List<RecommendedItem> answer;
        try {
            answer = taste.recommend(data.tasteUser(user), request.howMany(), rescorer, !request.excludeSeen());
        } catch (TasteException e) {
            throw new TasteRuntimeException(name + " recommending for user '" + userId + "'", e);
        }
        return new Recommendations(userId, toScoredItems(answer), false);
    }

    private FastIDSet toTasteIds(Set<String> ids) {
        if (ids == null) {
            return null;
        }
        FastIDSet tasteIds = new FastIDSet(Math.max(1, ids.size()));
        for (String id : ids) {
            OptionalInt item = data.items().find(id);
            if (item.isPresent()) {
                tasteIds.add(data.tasteItem(item.getAsInt()));
            }
        }
        return tasteIds;
    }

    private List<ScoredItem> toScoredItems(List<RecommendedItem> answer) {
        int n = answer.size();
        int[] indexes = new int[n];
        float[] scores = new float[n];
        for (int k = 0; k < n; k++) {
            RecommendedItem item = answer.get(k);
            int index = data.itemIndex(item.getItemID());
            float score = item.getValue();
            // insertion sort (n is howMany-sized): score descending, then catalog order
            int position = k;
            while (position > 0 && (scores[position - 1] < score
                    || (scores[position - 1] == score && indexes[position - 1] > index))) {
                indexes[position] = indexes[position - 1];
                scores[position] = scores[position - 1];
                position--;
            }
            indexes[position] = index;
            scores[position] = score;
        }
        IdIndex items = data.items();
        List<ScoredItem> result = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            result.add(new ScoredItem(items.id(indexes[k]), scores[k]));
        }
        return result;
    }

    /**
     * Taste's estimate for the pair, or the training mean when the user or item is unknown or
     * Taste cannot estimate it (see the class documentation).
     *
     * @throws TasteRuntimeException if Taste fails
     */
    @Override
    public double score(String userId, String itemId) {
        int user = data.seenItems().knownUser(Objects.requireNonNull(userId, "userId"));
        OptionalInt item = data.items().find(Objects.requireNonNull(itemId, "itemId"));
        if (user < 0 || item.isEmpty() || !data.seenItems().isCatalogItem(item.getAsInt())) {
            return data.meanValue();
        }
        float estimate;
        try {
            estimate = taste.estimatePreference(data.tasteUser(user), data.tasteItem(item.getAsInt()));
        } catch (TasteException e) {
            throw new TasteRuntimeException(name + " estimating (" + userId + ", " + itemId + ")", e);
        }
        return Float.isFinite(estimate) ? estimate : data.meanValue();
    }

    @Override
    public String toString() {
        return "TasteRecommender[" + name + ", " + data + "]";
    }

    /** Filters Taste's items to a request's candidates minus its exclusions; never changes scores. */
    private static final class RequestRescorer implements IDRescorer {
        private final FastIDSet allowed;
        private final FastIDSet excluded;

        RequestRescorer(FastIDSet allowed, FastIDSet excluded) {
            this.allowed = allowed;
            this.excluded = excluded;
        }

        @Override
        public double rescore(long id, double originalScore) {
            return originalScore;
        }

        @Override
        public boolean isFiltered(long id) {
            return (allowed != null && !allowed.contains(id)) || excluded.contains(id);
        }
    }
}
