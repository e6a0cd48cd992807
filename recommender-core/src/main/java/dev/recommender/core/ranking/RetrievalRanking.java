package dev.recommender.core.ranking;

import dev.recommender.core.ItemScorer;
import dev.recommender.core.RecommendRequest;
import dev.recommender.core.Recommendations;
import dev.recommender.core.Recommender;
import dev.recommender.core.ScoredItem;
import dev.recommender.core.data.IdIndex;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A two-stage recommender (Covington et al., "Deep Neural Networks for YouTube Recommendations",
 * 2016; the seed's TFRS retrieval + ranking): a retrieval {@link Recommender} proposes candidates, a
 * {@link RankingModel} re-orders them by a predicted engagement rate (or, for {@link RankingTarget#ENGAGED},
 * a second model's predicted engagement chance) computed from
 * {@link RankingFeatures} of each (user, candidate) pair, which include the retrieval score and a
 * rating model's ({@link ItemScorer}, e.g. Svd) prediction. Fit one with {@link RetrievalRankingAlgorithm}.
 *
 * <p>Request contract: the retrieval model is asked for {@code max(candidates, howMany)} items (plus
 * the user's history size) under the same candidate and exclude sets; when
 * {@link RecommendRequest#excludeSeen()} is true, every item the user has an event with in the
 * training log is excluded (not only the pairs the retrieval model trained on); the ranked top
 * {@code howMany} are returned, best first, ties broken by catalog order. A user unknown to the
 * retrieval model gets its fallback (popularity), in the retrieval order, with the fallback flag set.
 * {@link #score} is the ranking model's prediction for any pair, known or not.
 *
 * <p>Cost per request: one retrieval call plus, per candidate, one rating prediction, a feature
 * vector and a walk of each tree: O(candidates · trees · depth). Immutable and thread-safe when its
 * sub-models are (all library models are).
 */
public final class RetrievalRanking implements Recommender, ItemScorer {
    /** The model name. */
    public static final String NAME = "retrieval-ranking";

    private final Recommender retrieval;
    private final Recommender scorerModel;
    private final ItemScorer scorer;
    private final RankingFeatures features;
    private final RankingModel ranker;
    private final RankingModel orderer;
    private final int candidates;

    private RetrievalRanking(Recommender retrieval, Recommender scorerModel, RankingFeatures features,
                             RankingModel ranker, RankingModel orderer, int candidates) {
        this.retrieval = retrieval;
        this.scorerModel = scorerModel;
        this.scorer = (ItemScorer) scorerModel;
        this.features = features;
        this.ranker = ranker;
        this.orderer = orderer;
        this.candidates = candidates;
    }

    /**
     * Assembles a model from fitted parts.
     *
     * @param retrieval  proposes candidates
     * @param scorer     the rating model whose prediction is a feature
     * @param features   history statistics as of the end of the training log
     * @param ranker     predicts the engagement rate from the {@link RankingFeature} columns
     * @param orderer    predicts the engagement chance that orders lists ({@link RankingTarget#ENGAGED}),
     *                   or empty to order by the engagement rate
     * @param candidates candidates retrieved per request, at least 1
     * @param <S>        the rating model's type
     * @return the model
     * @throws IllegalArgumentException if {@code candidates < 1} or a ranking model expects other features
     */
    public static <S extends Recommender & ItemScorer> RetrievalRanking of(Recommender retrieval, S scorer,
                                                                           RankingFeatures features,
                                                                           RankingModel ranker,
                                                                           Optional<RankingModel> orderer,
                                                                           int candidates) {
        return create(retrieval, scorer, features, ranker, orderer.orElse(null), candidates);
    }

    static RetrievalRanking create(Recommender retrieval, Recommender scorer, RankingFeatures features,
                                   RankingModel ranker, RankingModel orderer, int candidates) {
        Objects.requireNonNull(retrieval, "retrieval");
        Objects.requireNonNull(scorer, "scorer");
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(ranker, "ranker");
        if (!(scorer instanceof ItemScorer)) {
            throw new IllegalArgumentException("scorer must be an ItemScorer, got " + scorer.getClass().getName());
        }
        if (candidates < 1) {
            throw new IllegalArgumentException("candidates must be at least 1, got " + candidates);
        }
        for (RankingModel model : orderer == null ? List.of(ranker) : List.of(ranker, orderer)) {
            if (model.featureNames().size() != RankingFeature.count()) {
                throw new IllegalArgumentException("ranking model expects features " + model.featureNames()
                        + ", not the " + RankingFeature.count() + " ranking features");
            }
        }
        return new RetrievalRanking(retrieval, scorer, features, ranker, orderer, candidates);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public IdIndex items() {
        return retrieval.items();
    }

    @Override
    public boolean knowsUser(String userId) {
        return retrieval.knowsUser(userId);
    }

    /** The retrieval stage. */
    public Recommender retrieval() {
        return retrieval;
    }

    /** The rating model whose prediction is a feature. */
    public Recommender scorer() {
        return scorerModel;
    }

    /** The history statistics the features are computed from. */
    public RankingFeatures features() {
        return features;
    }

    /** The ranking stage's engagement-rate model (the point score). */
    public RankingModel ranker() {
        return ranker;
    }

    /** The engagement-chance model that orders lists, if fitted for {@link RankingTarget#ENGAGED}. */
    public Optional<RankingModel> orderer() {
        return Optional.ofNullable(orderer);
    }

    /** Candidates retrieved per request. */
    public int candidates() {
        return candidates;
    }

    @Override
    public Recommendations recommend(String userId, RecommendRequest request) {
        RankedRecommendations ranked = rank(userId, request);
        List<ScoredItem> items = new ArrayList<>(ranked.items().size());
        for (RankedItem item : ranked.items()) {
            items.add(new ScoredItem(item.itemId(), ranked.fallback() ? item.retrievalScore() : item.rankingScore()));
        }
        return new Recommendations(userId, items, ranked.fallback());
    }

    /**
     * Recommends like {@link #recommend(String, RecommendRequest)}, keeping both stages' scores.
     *
     * @param userId  external user id
     * @param request how many, which candidates, what to exclude
     * @return the ranked items with retrieval and ranking scores
     */
    public RankedRecommendations rank(String userId, RecommendRequest request) {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(request, "request");
        int historySize = request.excludeSeen() ? features.historyItemCount(userId) : 0;
        long wanted = (long) Math.max(candidates, request.howMany()) + historySize;
        RecommendRequest.Builder retrievalRequest = RecommendRequest.builder((int) Math.min(Integer.MAX_VALUE, wanted))
                .excludeSeen(request.excludeSeen())
                .exclude(request.exclude());
        request.candidates().ifPresent(retrievalRequest::candidates);
        Recommendations retrieved = retrieval.recommend(userId, retrievalRequest.build());
        double[] row = new double[RankingFeature.count()];
        List<RankedItem> ranked = new ArrayList<>(retrieved.size());
        for (ScoredItem candidate : retrieved.items()) {
            if (request.excludeSeen() && features.hasEvents(userId, candidate.itemId())) {
                continue;
            }
            features.fill(userId, candidate.itemId(), retrieved.fallback() ? 0 : candidate.score(),
                    scorer.score(userId, candidate.itemId()), row);
            double rate = ranker.predict(row);
            ranked.add(new RankedItem(candidate.itemId(), candidate.score(),
                    orderer == null ? rate : orderer.predict(row), rate));
        }
        if (!retrieved.fallback()) {
            IdIndex catalog = retrieval.items();
            ranked.sort((a, b) -> {
                int byScore = Double.compare(b.rankingScore(), a.rankingScore());
                return byScore != 0 ? byScore
                        : Integer.compare(catalog.find(a.itemId()).orElse(Integer.MAX_VALUE),
                        catalog.find(b.itemId()).orElse(Integer.MAX_VALUE));
            });
        }
        List<RankedItem> top = ranked.subList(0, Math.min(request.howMany(), ranked.size()));
        return new RankedRecommendations(userId, top, retrieved.fallback());
    }

    /**
     * The predicted engagement rate of a pair once shown (engaged / shown events, the seed's
     * engaged_pct), within the range of the training labels; for any pair, known or not.
     */
    @Override
    public double score(String userId, String itemId) {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(itemId, "itemId");
        double retrievalScore = retrievalScores(retrieval, userId, List.of(itemId))[0];
        double[] row = new double[RankingFeature.count()];
        features.fill(userId, itemId, retrievalScore, scorer.score(userId, itemId), row);
        return ranker.predict(row);
    }

    /**
     * The retrieval model's scores of some items for a user, in the given order: 0 for an item it
     * does not know or a user it does not know (its fallback scores are not retrieval scores).
     */
    static double[] retrievalScores(Recommender retrieval, String userId, Collection<String> itemIds) {
        double[] scores = new double[itemIds.size()];
        if (itemIds.isEmpty() || !retrieval.knowsUser(userId)) {
            return scores;
        }
        Set<String> wanted = new LinkedHashSet<>(itemIds);
        Recommendations answer = retrieval.recommend(userId, RecommendRequest.builder(wanted.size())
                .excludeSeen(false).candidates(wanted).build());
        if (answer.fallback()) {
            return scores;
        }
        Map<String, Double> byItem = new HashMap<>(answer.size() * 2);
        for (ScoredItem item : answer.items()) {
            byItem.put(item.itemId(), item.score());
        }
        int k = 0;
        for (String itemId : itemIds) {
            scores[k++] = byItem.getOrDefault(itemId, 0.0);
        }
        return scores;
    }

    @Override
    public String toString() {
        return "RetrievalRanking[retrieval=" + retrieval.name() + ", scorer=" + scorerModel.name() + ", candidates="
                + candidates + ", trees=" + ranker.treeCount()
                + (orderer == null ? "" : ", ordering trees=" + orderer.treeCount()) + "]";
    }
}
