package dev.recommender.core;

import dev.recommender.core.internal.TopK;
import dev.recommender.core.data.IdIndex;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Base class for models that can score every catalog item for a known user (matrix factorization,
 * embeddings, baselines): subclasses implement {@link #scoreAll(int, float[])}; this class turns
 * those scores into the {@link Recommender} contract (seen-item exclusion, candidate and exclude
 * sets, the popularity fallback for unknown users, a bounded top-K selection with deterministic
 * ties). A per-thread score buffer keeps requests free of per-item allocation.
 *
 * <p>Thread safety: safe as long as {@code scoreAll} is (it must only read immutable state).
 */
public abstract class DenseScoringRecommender implements IndexedRecommender {
    private final SeenItems seen;
    private final ThreadLocal<float[]> buffers;

    /**
     * @param seen the training users, catalog, seen items and popularity
     */
    protected DenseScoringRecommender(SeenItems seen) {
        this.seen = Objects.requireNonNull(seen, "seen");
        int itemCount = seen.items().size();
        this.buffers = ThreadLocal.withInitial(() -> new float[itemCount]);
    }

    /**
     * Writes the score of every catalog item for a known user into {@code scores}
     * (length {@code items().size()}). Higher is better; {@code NaN} means "never recommend".
     */
    protected abstract void scoreAll(int userIndex, float[] scores);

    /** The training users, catalog, seen items and popularity. */
    public final SeenItems seenItems() {
        return seen;
    }

    @Override
    public final IdIndex items() {
        return seen.items();
    }

    @Override
    public boolean knowsUser(String userId) {
        return seen.knownUser(userId) >= 0;
    }

    /**
     * Dense index of a known user, or empty. Subclasses that know more users than the training
     * data (none so far) may override.
     */
    protected OptionalInt userIndex(String userId) {
        int user = seen.knownUser(userId);
        return user < 0 ? OptionalInt.empty() : OptionalInt.of(user);
    }

    @Override
    public IdIndex users() {
        return seen.users();
    }

    @Override
    public RankedItems recommend(int user, int howMany, boolean excludeSeen) {
        if (!seen.knowsUser(user)) {
            return seen.popularIndexes(howMany);
        }
        float[] scores = buffers.get();
        scoreAll(user, scores);
        if (excludeSeen) {
            for (int k = 0, n = seen.userItemCount(user); k < n; k++) {
                scores[seen.userItem(user, k)] = Float.NaN;
            }
        }
        seen.maskAbsentItems(scores);
        TopK top = new TopK(howMany);
        for (int i = 0; i < scores.length; i++) {
            top.offer(i, scores[i]);
        }
        int[] indexes = new int[top.size()];
        float[] best = new float[top.size()];
        int n = top.drainDescending(indexes, best);
        return new RankedItems(n == indexes.length ? indexes : Arrays.copyOf(indexes, n),
                n == best.length ? best : Arrays.copyOf(best, n), false);
    }

    @Override
    public void rankingScores(int user, int[] items, float[] out) {
        if (!seen.knowsUser(user)) {
            Arrays.fill(out, 0, items.length, Float.NaN);
            return;
        }
        float[] scores = buffers.get();
        scoreAll(user, scores);
        for (int k = 0; k < items.length; k++) {
            out[k] = scores[items[k]];
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>The user id is resolved once here; a request without candidate or exclude sets goes through
     * {@link #recommend(int, int, boolean)}.
     */
    @Override
    public Recommendations recommend(String userId, RecommendRequest request) {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(request, "request");
        if (request.candidates().isEmpty() && request.exclude().isEmpty()) {
            RankedItems ranked = recommend(seen.knownUser(userId), request.howMany(), request.excludeSeen());
            return Recommendations.of(userId, ranked, seen.items());
        }
        OptionalInt user = userIndex(userId);
        if (user.isEmpty()) {
            return new Recommendations(userId, seen.popular(request), true);
        }
        float[] scores = buffers.get();
        int u = user.getAsInt();
        scoreAll(u, scores);
        if (request.excludeSeen()) {
            for (int k = 0, n = seen.userItemCount(u); k < n; k++) {
                scores[seen.userItem(u, k)] = Float.NaN;
            }
        }
        seen.maskAbsentItems(scores);
        return new Recommendations(userId, select(scores, request), false);
    }

    /**
     * Selects the top items of a filled score buffer according to the request's candidate and
     * exclude sets (seen items must already be {@code NaN}). Shared by subclasses that override
     * {@link #recommend}.
     */
    protected final List<ScoredItem> select(float[] scores, RecommendRequest request) {
        IdIndex items = seen.items();
        for (String excluded : request.exclude()) {
            OptionalInt item = items.find(excluded);
            if (item.isPresent()) {
                scores[item.getAsInt()] = Float.NaN;
            }
        }
        TopK top = new TopK(request.howMany());
        if (request.candidates().isPresent()) {
            Set<String> candidates = request.candidates().get();
            for (String candidate : candidates) {
                OptionalInt item = items.find(candidate);
                if (item.isPresent()) {
                    top.offer(item.getAsInt(), scores[item.getAsInt()]);
                }
            }
        } else {
            for (int i = 0; i < scores.length; i++) {
                top.offer(i, scores[i]);
            }
        }
        int[] indexes = new int[top.size()];
        float[] best = new float[top.size()];
        int n = top.drainDescending(indexes, best);
        List<ScoredItem> result = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            result.add(new ScoredItem(items.id(indexes[k]), best[k]));
        }
        return result;
    }
}
