package dev.recommender.core.retrieval;

import dev.recommender.core.internal.TopK;
import dev.recommender.core.internal.VectorMath;
import dev.recommender.core.IndexedRecommender;
import dev.recommender.core.IndexedScorer;
import dev.recommender.core.RankedItems;
import dev.recommender.core.RecommendRequest;
import dev.recommender.core.Recommendations;
import dev.recommender.core.Recommender;
import dev.recommender.core.ScoredItem;
import dev.recommender.core.SeenItems;
import dev.recommender.core.data.IdIndex;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * A recommender whose score for (user, item) is the inner product of a user vector and an item vector, as in
 * matrix factorization and two-tower retrieval. Keeps the {@link Recommender} contract on top of a
 * {@link TopKIndex}: the whole-catalog case goes through the index (exact scan or HNSW, chosen by
 * {@link IndexConfig}); a candidate set is scored directly; seen items and the request's exclude set are
 * marked in a per-thread bit set of the catalog, so a request allocates nothing per catalog item. Users
 * unknown to the model get the popularity fallback (number of training users per item), flagged as such.
 *
 * <p>Cost of one request: exact index {@code O(n d)}; HNSW roughly {@code O(efSearch m d log n)} plus
 * {@code O(s)} for the user's {@code s} seen items.
 *
 * <p>Thread safety: immutable; any number of threads may call {@code recommend} and {@code score}.
 */
public abstract class EmbeddingRecommender implements IndexedRecommender, IndexedScorer {
    private final SeenItems seen;
    private final float[] userVectors;
    private final float[] itemVectors;
    private final int dimensions;
    private final IndexConfig indexConfig;
    private final TopKIndex index;
    private final long[] absent;
    private final int absentCount;
    private final ThreadLocal<long[]> masks;
    private final ThreadLocal<float[]> queries;

    /**
     * Wraps fitted vectors. Arrays are copied.
     *
     * @param seen        training users, catalog, seen items and popularity
     * @param userVectors one row of {@code dimensions} floats per training user, in {@code seen.users()} order
     * @param itemVectors one row per catalog item, in {@code seen.items()} order
     * @param dimensions  vector dimension, at least 1
     * @param indexConfig how the catalog is searched
     * @throws IllegalArgumentException if array lengths do not match the id indexes or a value is not finite
     */
    protected EmbeddingRecommender(SeenItems seen, float[] userVectors, float[] itemVectors, int dimensions,
                                   IndexConfig indexConfig) {
        this.seen = Objects.requireNonNull(seen, "seen");
        this.indexConfig = Objects.requireNonNull(indexConfig, "indexConfig");
        if (dimensions < 1) {
            throw new IllegalArgumentException("dimensions must be at least 1, got " + dimensions);
        }
        if ((long) seen.users().size() * dimensions != userVectors.length) {
            throw new IllegalArgumentException("userVectors length must be users x dimensions = "
                    + seen.users().size() + " x " + dimensions + ", got " + userVectors.length);
        }
        if ((long) seen.items().size() * dimensions != itemVectors.length) {
            throw new IllegalArgumentException("itemVectors length must be items x dimensions = "
                    + seen.items().size() + " x " + dimensions + ", got " + itemVectors.length);
        }
        VectorMath.requireFinite(userVectors, "userVectors");
        this.userVectors = userVectors.clone();
        this.itemVectors = itemVectors.clone();
        this.dimensions = dimensions;
        // users and items of the numbering without a training pair score 0 and are never listed
        for (int u = 0; u < seen.users().size(); u++) {
            if (!seen.knowsUser(u)) {
                Arrays.fill(this.userVectors, u * dimensions, (u + 1) * dimensions, 0f);
            }
        }
        int words = (seen.items().size() + 63) >>> 6;
        this.absent = new long[words];
        int absentItems = 0;
        for (int i = 0; i < seen.items().size(); i++) {
            if (!seen.isCatalogItem(i)) {
                Arrays.fill(this.itemVectors, i * dimensions, (i + 1) * dimensions, 0f);
                absent[i >>> 6] |= 1L << i;
                absentItems++;
            }
        }
        this.absentCount = absentItems;
        this.index = TopKIndex.shared(this.itemVectors, dimensions, indexConfig);
        this.masks = ThreadLocal.withInitial(absent::clone);
        this.queries = ThreadLocal.withInitial(() -> new float[dimensions]);
    }

    @Override
    public final IdIndex items() {
        return seen.items();
    }

    /** The training users. */
    public final IdIndex users() {
        return seen.users();
    }

    /** The training users, catalog, seen items and popularity. */
    public final SeenItems seenItems() {
        return seen;
    }

    /** The embedding dimension. */
    public final int dimensions() {
        return dimensions;
    }

    /** How the catalog is searched. */
    public final IndexConfig indexConfig() {
        return indexConfig;
    }

    /** Whether the catalog is searched approximately (HNSW) rather than scanned. */
    public final boolean approximateIndex() {
        return index.approximate();
    }

    @Override
    public boolean knowsUser(String userId) {
        return seen.knownUser(userId) >= 0;
    }

    /**
     * A copy of a training user's vector.
     *
     * @param userId external user id
     * @return the vector, or empty for an unknown user
     */
    public final Optional<float[]> userVector(String userId) {
        int user = seen.knownUser(userId);
        if (user < 0) {
            return Optional.empty();
        }
        int offset = user * dimensions;
        float[] copy = new float[dimensions];
        System.arraycopy(userVectors, offset, copy, 0, dimensions);
        return Optional.of(copy);
    }

    /**
     * A copy of an item's vector.
     *
     * @param itemId external item id
     * @return the vector, or empty for an item outside the catalog
     */
    public final Optional<float[]> itemVector(String itemId) {
        OptionalInt item = seen.items().find(itemId);
        if (item.isEmpty()) {
            return Optional.empty();
        }
        float[] copy = new float[dimensions];
        System.arraycopy(itemVectors, item.getAsInt() * dimensions, copy, 0, dimensions);
        return Optional.of(copy);
    }

    /**
     * The inner product of the user's and the item's vectors; 0 (no preference) when either is unknown.
     *
     * @param userId external user id
     * @param itemId external item id
     * @return a finite score
     */
    @Override
    public double score(String userId, String itemId) {
        OptionalInt user = seen.users().find(userId);
        OptionalInt item = seen.items().find(itemId);
        if (user.isEmpty() || item.isEmpty()) {
            return 0;
        }
        return VectorMath.dot(userVectors, user.getAsInt() * dimensions, itemVectors, item.getAsInt() * dimensions,
                dimensions);
    }

    @Override
    public void scoreInto(int user, int[] items, float[] out) {
        boolean known = user >= 0 && user < seen.users().size();
        int itemCount = seen.items().size();
        for (int k = 0; k < items.length; k++) {
            int item = items[k];
            out[k] = known && item >= 0 && item < itemCount
                    ? VectorMath.dot(userVectors, user * dimensions, itemVectors, item * dimensions, dimensions) : 0f;
        }
    }

    @Override
    public void rankingScores(int user, int[] items, float[] out) {
        if (!seen.knowsUser(user)) {
            Arrays.fill(out, 0, items.length, Float.NaN);
            return;
        }
        scoreInto(user, items, out);
    }

    @Override
    public RankedItems recommend(int user, int howMany, boolean excludeSeen) {
        if (!seen.knowsUser(user)) {
            return seen.popularIndexes(howMany);
        }
        float[] query = queries.get();
        System.arraycopy(userVectors, user * dimensions, query, 0, dimensions);
        long[] mask = masks.get();
        int excluded = absentCount;
        try {
            if (excludeSeen) {
                for (int k = 0, n = seen.userItemCount(user); k < n; k++) {
                    excluded += mark(mask, seen.userItem(user, k));
                }
            }
            TopK top = new TopK(howMany);
            index.search(query, item -> (mask[item >>> 6] & (1L << item)) != 0, excluded, top);
            int[] indexes = new int[top.size()];
            float[] scores = new float[top.size()];
            int n = top.drainDescending(indexes, scores);
            return new RankedItems(n == indexes.length ? indexes : Arrays.copyOf(indexes, n),
                    n == scores.length ? scores : Arrays.copyOf(scores, n), false);
        } finally {
            if (excludeSeen) {
                for (int k = 0, n = seen.userItemCount(user); k < n; k++) {
                    unmark(mask, seen.userItem(user, k));
                }
            }
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>Known users: the items with the largest inner product with the user's vector, through the index.
     * Unknown users: the items with the most training users ({@code fallback} true).
     */
    @Override
    public Recommendations recommend(String userId, RecommendRequest request) {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(request, "request");
        int u = seen.knownUser(userId);
        if (u < 0) {
            return new Recommendations(userId, seen.popular(request), true);
        }
        float[] query = queries.get();
        System.arraycopy(userVectors, u * dimensions, query, 0, dimensions);
        long[] mask = masks.get();
        int excluded = absentCount;
        try {
            if (request.excludeSeen()) {
                for (int k = 0, n = seen.userItemCount(u); k < n; k++) {
                    excluded += mark(mask, seen.userItem(u, k));
                }
            }
            excluded += markExcluded(mask, request);
            return new Recommendations(userId, search(query, mask, excluded, request), false);
        } finally {
            if (request.excludeSeen()) {
                for (int k = 0, n = seen.userItemCount(u); k < n; k++) {
                    unmark(mask, seen.userItem(u, k));
                }
            }
            unmarkExcluded(mask, request);
        }
    }

    /**
     * Recommends for a user represented outside training (a fold-in), under the same contract as
     * {@link #recommend(String, RecommendRequest)}; the representation's own items count as seen.
     *
     * @param user    a representation made by this model's {@code foldIn}
     * @param request how many, which candidates, what to exclude
     * @return the ranked items, user id {@code ""}, never a fallback
     * @throws IllegalArgumentException if the representation belongs to another catalog or dimension
     */
    public Recommendations recommend(UserEmbedding user, RecommendRequest request) {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(request, "request");
        if (user.dimensions() != dimensions
                || (user.catalog() != seen.items() && !user.catalog().equals(seen.items()))) {
            throw new IllegalArgumentException("user embedding (" + user.dimensions()
                    + " dimensions) was not made by a model over this catalog (" + dimensions + " dimensions)");
        }
        long[] mask = masks.get();
        int[] own = user.seenItemsView();
        int excluded = absentCount;
        try {
            if (request.excludeSeen()) {
                for (int item : own) {
                    excluded += mark(mask, item);
                }
            }
            excluded += markExcluded(mask, request);
            return new Recommendations("", search(user.vectorView(), mask, excluded, request), false);
        } finally {
            if (request.excludeSeen()) {
                for (int item : own) {
                    unmark(mask, item);
                }
            }
            unmarkExcluded(mask, request);
        }
    }

    private List<ScoredItem> search(float[] query, long[] mask, int excludedCount, RecommendRequest request) {
        TopK top = new TopK(request.howMany());
        IntPredicate excluded = item -> (mask[item >>> 6] & (1L << item)) != 0;
        if (request.candidates().isPresent()) {
            for (String candidate : request.candidates().get()) {
                OptionalInt item = seen.items().find(candidate);
                if (item.isPresent() && !excluded.test(item.getAsInt())) {
                    top.offer(item.getAsInt(), index.score(query, item.getAsInt()));
                }
            }
        } else {
            index.search(query, excluded, excludedCount, top);
        }
        return drain(top);
    }

    private List<ScoredItem> drain(TopK top) {
        int[] indexes = new int[top.size()];
        float[] scores = new float[top.size()];
        int n = top.drainDescending(indexes, scores);
        List<ScoredItem> result = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            result.add(new ScoredItem(seen.items().id(indexes[k]), scores[k]));
        }
        return result;
    }

    private int markExcluded(long[] mask, RecommendRequest request) {
        int marked = 0;
        for (String id : request.exclude()) {
            OptionalInt item = seen.items().find(id);
            if (item.isPresent()) {
                marked += mark(mask, item.getAsInt());
            }
        }
        return marked;
    }

    private void unmarkExcluded(long[] mask, RecommendRequest request) {
        for (String id : request.exclude()) {
            OptionalInt item = seen.items().find(id);
            if (item.isPresent()) {
                unmark(mask, item.getAsInt());
            }
        }
    }

    private static int mark(long[] mask, int item) {
        long bit = 1L << item;
        int word = item >>> 6;
        if ((mask[word] & bit) != 0) {
            return 0;
        }
        mask[word] |= bit;
        return 1;
    }

    private void unmark(long[] mask, int item) {
        int word = item >>> 6;
        long bit = 1L << item;
        mask[word] = (mask[word] & ~bit) | (absent[word] & bit); // items without training pairs stay excluded
    }

    /** The user vectors, row-major; not copied (for codecs and subclasses, which must not modify it). */
    final float[] userVectorsView() {
        return userVectors;
    }

    /** The item vectors, row-major; not copied (for codecs and subclasses, which must not modify it). */
    final float[] itemVectorsView() {
        return itemVectors;
    }
}
