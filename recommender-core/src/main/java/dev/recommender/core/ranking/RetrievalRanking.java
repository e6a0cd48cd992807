package dev.recommender.core.ranking;

import dev.recommender.core.ExposureScorer;
import dev.recommender.core.IndexedRecommender;
import dev.recommender.core.IndexedScorer;
import dev.recommender.core.PointPredictor;
import dev.recommender.core.RankedItems;
import dev.recommender.core.RecommendRequest;
import dev.recommender.core.Recommendations;
import dev.recommender.core.Recommender;
import dev.recommender.core.ScoredItem;
import dev.recommender.core.data.IdIndex;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A two-stage recommender (Covington et al., "Deep Neural Networks for YouTube Recommendations",
 * 2016; the seed's TFRS retrieval + ranking): a retrieval {@link Recommender} proposes candidates, a
 * {@link RankingModel} re-orders them by a predicted engagement rate (or, for {@link RankingTarget#ENGAGED},
 * a second model's predicted engagement chance) computed from
 * {@link RankingFeatures} of each (user, candidate) pair, which include the retrieval score and a
 * rating model's ({@link IndexedScorer}, e.g. Svd) prediction. Fit one with {@link RetrievalRankingAlgorithm}.
 *
 * <p>Request contract: the retrieval model is asked for {@code max(candidates, howMany)} items (plus
 * the user's history size) under the same candidate and exclude sets; when
 * {@link RecommendRequest#excludeSeen()} is true, every item the user has an event with in the
 * training log is excluded (not only the pairs the retrieval model trained on); the ranked top
 * {@code howMany} are returned, best first, ties broken by catalog order. A user unknown to the
 * retrieval model gets its fallback (popularity), in the retrieval order, with the fallback flag set.
 * {@link #score} is the ranking model's prediction for any pair, known or not.
 *
 * <p>One numbering: the retrieval model, the rating model and the features number users and items
 * alike (they are fitted on one {@link dev.recommender.core.TrainingData}), so the stages talk in
 * item indexes; the user id is resolved once per request and item ids are produced once, for the
 * returned list.
 *
 * <p>Cost per request: one retrieval call plus, per candidate, one rating prediction, a feature
 * vector and a walk of each tree of the model that orders the list: O(candidates · trees · depth).
 * {@link #rank} also walks the engagement-rate trees for the listed items, whose rates it reports;
 * {@code recommend} does not. Immutable and thread-safe when its sub-models are (all library models
 * are).
 */
public final class RetrievalRanking implements IndexedRecommender, IndexedScorer, PointPredictor {
    /** The model name. */
    public static final String NAME = "retrieval-ranking";

    private final IndexedRecommender retrieval;
    private final IndexedScorer scorer;
    private final RankingFeatures features;
    private final RankingModel ranker;
    private final RankingModel orderer;
    private final int candidates;
    private final double orderingWeight;
    /** Per-thread buffers of a request: candidates, their scores, the feature matrix, the order. */
    private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);

    private RetrievalRanking(IndexedRecommender retrieval, IndexedScorer scorer, RankingFeatures features,
                             RankingModel ranker, RankingModel orderer, double orderingWeight, int candidates) {
        this.retrieval = retrieval;
        this.scorer = scorer;
        this.features = features;
        this.ranker = ranker;
        this.orderer = orderer;
        this.candidates = candidates;
        this.orderingWeight = orderingWeight;
    }

    /**
     * Assembles a model from fitted parts that share one numbering.
     *
     * @param retrieval  proposes candidates
     * @param scorer     the rating model whose prediction is a feature
     * @param features   history statistics as of the end of the training log
     * @param ranker     predicts the engagement rate from the {@link RankingFeature} columns
     * @param orderer    predicts the engagement chance that orders lists ({@link RankingTarget#ENGAGED}),
     *                   or empty to order by the engagement rate
     * @param candidates candidates retrieved per request, at least 1 (more than the catalog means all)
     * @param <S>        the rating model's type
     * @return the model
     * @throws IllegalArgumentException if {@code candidates < 1}, a ranking model expects other features,
     *                                  or the parts number users or items differently
     */
    public static <S extends Recommender & IndexedScorer> RetrievalRanking of(IndexedRecommender retrieval, S scorer,
                                                                             RankingFeatures features,
                                                                             RankingModel ranker,
                                                                             Optional<RankingModel> orderer,
                                                                             int candidates) {
        return create(retrieval, scorer, features, ranker, orderer.orElse(null), 1, candidates);
    }

    /**
     * Assembles a model like {@link #of(IndexedRecommender, Recommender, RankingFeatures, RankingModel,
     * Optional, int)}, with the orderer's share of the order.
     *
     * @param orderingWeight how much the orderer's rank counts against the retrieval rank, in [0, 1]
     *                       (see {@link #orderingWeight()}); ignored without an orderer
     * @throws IllegalArgumentException also if {@code orderingWeight} is outside [0, 1]
     */
    public static <S extends Recommender & IndexedScorer> RetrievalRanking of(IndexedRecommender retrieval, S scorer,
                                                                             RankingFeatures features,
                                                                             RankingModel ranker,
                                                                             Optional<RankingModel> orderer,
                                                                             double orderingWeight, int candidates) {
        return create(retrieval, scorer, features, ranker, orderer.orElse(null), orderingWeight, candidates);
    }

    static RetrievalRanking create(Recommender retrieval, Recommender scorer, RankingFeatures features,
                                   RankingModel ranker, RankingModel orderer, double orderingWeight, int candidates) {
        Objects.requireNonNull(retrieval, "retrieval");
        Objects.requireNonNull(scorer, "scorer");
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(ranker, "ranker");
        if (!(retrieval instanceof IndexedRecommender indexedRetrieval)) {
            throw new IllegalArgumentException("retrieval must be an IndexedRecommender, got "
                    + retrieval.getClass().getName());
        }
        if (!(scorer instanceof IndexedScorer indexedScorer)) {
            throw new IllegalArgumentException("scorer must be an IndexedScorer, got " + scorer.getClass().getName());
        }
        if (candidates < 1) {
            throw new IllegalArgumentException("candidates must be at least 1, got " + candidates);
        }
        if (!(orderingWeight >= 0 && orderingWeight <= 1)) {
            throw new IllegalArgumentException("orderingWeight must be in [0, 1], got " + orderingWeight);
        }
        for (RankingModel model : orderer == null ? List.of(ranker) : List.of(ranker, orderer)) {
            if (model.featureNames().size() != RankingFeature.count()) {
                throw new IllegalArgumentException("ranking model expects features " + model.featureNames()
                        + ", not the " + RankingFeature.count() + " ranking features");
            }
        }
        sameNumbering("users", indexedRetrieval.users(), indexedScorer.users(), features.users());
        sameNumbering("items", indexedRetrieval.items(), indexedScorer.items(), features.items());
        return new RetrievalRanking(indexedRetrieval, indexedScorer, features, ranker, orderer, orderingWeight, candidates);
    }

    private static void sameNumbering(String what, IdIndex retrieval, IdIndex scorer, IdIndex features) {
        if (!(retrieval == scorer || retrieval.equals(scorer)) || !(retrieval == features || retrieval.equals(features))) {
            throw new IllegalArgumentException("the retrieval model, the rating model and the features must number "
                    + what + " alike (fit them on one TrainingData); got " + retrieval.size() + ", " + scorer.size()
                    + " and " + features.size() + " " + what);
        }
    }

    /**
     * Fits a two-stage model on training data; the same as {@code algorithm.fit(data)} (the
     * algorithm is this model's configuration: its stages and {@link RetrievalRankingConfig}).
     *
     * @param data      the event log and its signals
     * @param algorithm the retrieval and rating stages and the ranking configuration
     * @return the fitted model
     * @throws IllegalArgumentException as {@link RetrievalRankingAlgorithm#fit(dev.recommender.core.TrainingData,
     *                                  dev.recommender.core.TrainingListener)} does
     */
    public static RetrievalRanking fit(dev.recommender.core.TrainingData data, RetrievalRankingAlgorithm<?> algorithm) {
        return Objects.requireNonNull(algorithm, "algorithm").fit(data);
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
    public IdIndex users() {
        return retrieval.users();
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
        return (Recommender) scorer;
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

    /**
     * How lists are ordered when there is an {@link #orderer()}: each candidate's score is
     * {@code w · (1 - r_o / n) + (1 - w) · (1 - r_r / n)}, with {@code r_o} its rank by the orderer,
     * {@code r_r} its rank in the retrieval list and {@code n} the candidates left after excluding seen
     * items; 1 orders by the orderer alone, 0 keeps the retrieval order. A fit chooses it on users held
     * out of the orderer's training ({@link RetrievalRankingAlgorithm}), so the ranking stage cannot
     * order worse there than the retrieval model it re-ranks. Ranks, not raw scores, are mixed: they
     * mean the same whatever the scale of either model's scores.
     */
    public double orderingWeight() {
        return orderingWeight;
    }

    /** Candidates retrieved per request. */
    public int candidates() {
        return candidates;
    }

    /**
     * The same fitted parts answering with another candidate count (nothing is refitted), e.g. to
     * measure latency per count. Not the same as fitting with that count: for
     * {@link RankingTarget#ENGAGED} the configured count is also the pool of the training negatives.
     *
     * @param count candidates retrieved per request, at least 1 (more than the catalog means all)
     * @return the model with that count
     * @throws IllegalArgumentException if {@code count < 1}
     */
    public RetrievalRanking withCandidates(int count) {
        return create(retrieval, (Recommender) scorer, features, ranker, orderer, orderingWeight, count);
    }

    @Override
    public Recommendations recommend(String userId, RecommendRequest request) {
        // the engagement rates of the listed items are not part of this answer: their trees are not walked
        Ranking ranking = ranking(userId, request, false);
        List<ScoredItem> items = new ArrayList<>(ranking.size);
        IdIndex catalog = retrieval.items();
        for (int k = 0; k < ranking.size; k++) {
            items.add(new ScoredItem(catalog.id(ranking.items[k]),
                    ranking.fallback ? ranking.retrievalScores[k] : ranking.rankingScores[k]));
        }
        return new Recommendations(userId, items, ranking.fallback);
    }

    @Override
    public RankedItems recommend(int user, int howMany, boolean excludeSeen) {
        Ranking ranking = rank(user, retrieve(user, howMany, excludeSeen), howMany, excludeSeen, false);
        float[] scores = new float[ranking.size];
        for (int k = 0; k < ranking.size; k++) {
            scores[k] = (float) (ranking.fallback ? ranking.retrievalScores[k] : ranking.rankingScores[k]);
        }
        return new RankedItems(Arrays.copyOf(ranking.items, ranking.size), scores, ranking.fallback);
    }

    /**
     * Recommends like {@link #recommend(String, RecommendRequest)}, keeping both stages' scores.
     *
     * @param userId  external user id
     * @param request how many, which candidates, what to exclude
     * @return the ranked items with retrieval and ranking scores
     */
    public RankedRecommendations rank(String userId, RecommendRequest request) {
        Ranking ranking = ranking(userId, request, true);
        List<RankedItem> top = new ArrayList<>(ranking.size);
        IdIndex catalog = retrieval.items();
        for (int k = 0; k < ranking.size; k++) {
            top.add(new RankedItem(catalog.id(ranking.items[k]), ranking.retrievalScores[k],
                    ranking.rankingScores[k], ranking.rates[k]));
        }
        return new RankedRecommendations(userId, top, ranking.fallback);
    }

    /** Retrieves and ranks for an external id; {@code withRates}: also predict the listed items' engagement rates. */
    private Ranking ranking(String userId, RecommendRequest request, boolean withRates) {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(request, "request");
        int user = retrieval.users().find(userId).orElse(-1);
        Candidates retrieved;
        if (request.candidates().isEmpty() && request.exclude().isEmpty()) {
            retrieved = retrieve(user, request.howMany(), request.excludeSeen());
        } else {
            // candidate and exclude sets are ids: the retrieval model applies them, then the ids
            // of its answer are resolved once
            RecommendRequest.Builder retrievalRequest = RecommendRequest.builder(wanted(user, request.howMany(),
                    request.excludeSeen())).excludeSeen(request.excludeSeen()).exclude(request.exclude());
            request.candidates().ifPresent(retrievalRequest::candidates);
            Recommendations answer = retrieval.recommend(userId, retrievalRequest.build());
            int[] items = new int[answer.size()];
            float[] scores = new float[answer.size()];
            for (int k = 0; k < items.length; k++) {
                items[k] = retrieval.items().indexOf(answer.items().get(k).itemId());
                scores[k] = (float) answer.items().get(k).score();
            }
            retrieved = new Candidates(items, scores, answer.fallback());
        }
        return rank(user, retrieved, request.howMany(), request.excludeSeen(), withRates);
    }

    /** How many of a retrieval answer's items have no event of the user in the features' history. */
    private int unseen(int user, RankedItems answer) {
        int count = 0;
        for (int item : answer.items()) {
            count += features.hasEvents(user, item) ? 0 : 1;
        }
        return count;
    }

    /** How many items to ask the retrieval model for: enough to fill the list after seen items go. */
    private int wanted(int user, int howMany, boolean excludeSeen) {
        int historySize = excludeSeen ? features.historyItemCount(user) : 0;
        long wanted = (long) Math.max(candidates, howMany) + historySize;
        // never more than the catalog: "all candidates" is any count at least the catalog size
        return (int) Math.max(1, Math.min(wanted, retrieval.items().size()));
    }

    /**
     * The retrieval model's top {@code max(candidates, howMany)} (its own seen items excluded, the
     * same count the ordering trees trained on); asked again for more only when items of the
     * features' history that the retrieval model did not exclude leave fewer than {@code howMany}.
     */
    private Candidates retrieve(int user, int howMany, boolean excludeSeen) {
        int base = (int) Math.max(1, Math.min(Math.max(candidates, howMany), retrieval.items().size()));
        RankedItems answer = retrieval.recommend(user, base, excludeSeen);
        if (excludeSeen && !answer.fallback() && answer.size() == base && base < retrieval.items().size()
                && unseen(user, answer) < Math.min(howMany, base)) {
            answer = retrieval.recommend(user, wanted(user, howMany, true), true);
        }
        return new Candidates(answer.items(), answer.scores(), answer.fallback());
    }

    /**
     * Features, predictions and order of the retrieved candidates; the top {@code howMany} first.
     * {@code withRates}: also the listed items' engagement rates when another model orders the list
     * (otherwise {@link Ranking#rates} stays zero; the rates order the list without an orderer, so they are
     * always there then).
     */
    private Ranking rank(int user, Candidates retrieved, int howMany, boolean excludeSeen, boolean withRates) {
        int n = retrieved.items.length;
        Scratch buffers = scratch.get().ensure(n);
        int[] items = buffers.items;
        double[] retrievalScores = buffers.retrievalScores;
        int kept = 0;
        for (int k = 0; k < n; k++) {
            int item = retrieved.items[k];
            if (excludeSeen && features.hasEvents(user, item)) {
                continue;
            }
            items[kept] = item;
            retrievalScores[kept] = retrieved.scores[k];
            kept++;
        }
        buffers.fillRows(user, kept, retrieved.fallback);
        double[] rates = buffers.rates;
        double[] rankingScores;
        if (orderer == null) {
            // the engagement rate orders the list: every candidate's is needed
            ranker.predict(buffers.matrix, kept, rates);
            rankingScores = rates;
        } else {
            rankingScores = buffers.orderScores;
            if (orderingWeight == 0 && !retrieved.fallback) {
                // the retrieval order stands: its ranks are the scores, the orderer's trees are not walked
                for (int k = 0; k < kept; k++) {
                    rankingScores[k] = 1 - (double) k / kept;
                }
            } else {
                orderer.predict(buffers.matrix, kept, rankingScores);
                if (orderingWeight < 1 && !retrieved.fallback) {
                    fuseWithRetrievalOrder(rankingScores, items, kept, orderingWeight, buffers.order, rankingScores);
                }
            }
        }
        int size = Math.min(howMany, kept);
        int[] order = buffers.order;
        if (retrieved.fallback) {
            // the fallback keeps the retrieval order
            for (int r = 0; r < size; r++) {
                order[r] = r;
            }
        } else {
            selectBest(rankingScores, items, kept, size, order);
        }
        Ranking ranking = new Ranking(size, retrieved.fallback);
        for (int r = 0; r < size; r++) {
            int k = order[r];
            ranking.items[r] = items[k];
            ranking.retrievalScores[r] = retrievalScores[k];
            ranking.rankingScores[r] = rankingScores[k];
        }
        if (orderer == null) {
            for (int r = 0; r < size; r++) {
                ranking.rates[r] = rates[order[r]];
            }
        } else if (withRates) {
            // another model ordered the list: the engagement rate is needed for the listed items only
            buffers.ratesOf(order, size, ranking.rates);
        }
        return ranking;
    }

    /**
     * Mixes the rank of each of the first {@code count} candidates by {@code orderScores} with its
     * position in the retrieval list (the candidates are in retrieval order) into {@code out}: see
     * {@link #orderingWeight()}. {@code out} may be {@code orderScores}; {@code order} is scratch.
     */
    static void fuseWithRetrievalOrder(double[] orderScores, int[] items, int count, double weight, int[] order,
                                       double[] out) {
        selectBest(orderScores, items, count, count, order);
        for (int r = 0; r < count; r++) {
            int k = order[r];
            out[k] = weight * (1 - (double) r / count) + (1 - weight) * (1 - (double) k / count);
        }
    }

    /**
     * Writes into {@code order} the positions of the {@code size} best of the first {@code count}
     * candidates, best first: higher score, ties by the smaller item index (catalog order). A bounded
     * heap of positions whose root is the worst kept one, then sorted in place: O(count log size).
     */
    static void selectBest(double[] scores, int[] items, int count, int size, int[] order) {
        if (size <= 0) {
            return;
        }
        int heap = 0;
        for (int k = 0; k < count; k++) {
            if (heap < size) {
                order[heap] = k;
                siftUp(order, heap++, scores, items);
            } else if (before(k, order[0], scores, items)) {
                order[0] = k;
                siftDown(order, 0, heap, scores, items);
            }
        }
        // heap sort: the worst goes to the end each time
        for (int end = heap - 1; end > 0; end--) {
            swap(order, 0, end);
            siftDown(order, 0, end, scores, items);
        }
    }

    /** Whether candidate position a ranks before b. */
    private static boolean before(int a, int b, double[] scores, int[] items) {
        int byScore = Double.compare(scores[a], scores[b]);
        return byScore != 0 ? byScore > 0 : items[a] < items[b];
    }

    private static void siftUp(int[] heap, int position, double[] scores, int[] items) {
        while (position > 0) {
            int parent = (position - 1) >>> 1;
            if (!before(heap[parent], heap[position], scores, items)) {
                return;
            }
            swap(heap, parent, position);
            position = parent;
        }
    }

    private static void siftDown(int[] heap, int position, int size, double[] scores, int[] items) {
        while (true) {
            int worst = 2 * position + 1;
            if (worst >= size) {
                return;
            }
            if (worst + 1 < size && before(heap[worst], heap[worst + 1], scores, items)) {
                worst++;
            }
            if (!before(heap[position], heap[worst], scores, items)) {
                return;
            }
            swap(heap, worst, position);
            position = worst;
        }
    }

    private static void swap(int[] heap, int a, int b) {
        int kept = heap[a];
        heap[a] = heap[b];
        heap[b] = kept;
    }

    /**
     * The predicted engagement rate of a pair once shown (engaged / shown events, the seed's
     * engaged_pct), within the range of the training labels; for any pair, known or not.
     */
    @Override
    public double score(String userId, String itemId) {
        int user = retrieval.users().find(Objects.requireNonNull(userId, "userId")).orElse(-1);
        int item = retrieval.items().find(Objects.requireNonNull(itemId, "itemId")).orElse(-1);
        return scoreItems(user, new int[] {item})[0];
    }

    /** The predicted engagement rates of some items for a user, as {@link #score(String, String)}. */
    @Override
    public void scoreInto(int user, int[] items, float[] out) {
        double[] rates = scoreItems(user, items);
        for (int k = 0; k < items.length; k++) {
            out[k] = (float) rates[k];
        }
    }

    /** The scores lists are ordered by: the ordering model's, or the engagement rate without one. */
    @Override
    public void rankingScores(int user, int[] items, float[] out) {
        Scratch buffers = scoreItemsInto(user, items);
        double[] scores = orderer == null ? buffers.rates : buffers.orderScores;
        if (orderer != null && orderingWeight < 1) {
            // the given items as one list: their rank by retrieval score mixed with their rank by the orderer
            int n = items.length;
            int[] byRetrieval = new int[n];
            selectBest(buffers.retrievalScores, items, n, n, byRetrieval);
            double[] orderScores = new double[n];
            int[] ordered = new int[n];
            for (int r = 0; r < n; r++) {
                orderScores[r] = scores[byRetrieval[r]];
                ordered[r] = items[byRetrieval[r]];
            }
            double[] fused = new double[n];
            fuseWithRetrievalOrder(orderScores, ordered, n, orderingWeight, new int[n], fused);
            for (int r = 0; r < n; r++) {
                out[byRetrieval[r]] = (float) fused[r];
            }
            return;
        }
        for (int k = 0; k < items.length; k++) {
            out[k] = (float) scores[k];
        }
    }

    /** The engagement rates of some items (a per-thread buffer, valid until the next call). */
    private double[] scoreItems(int user, int[] items) {
        return scoreItemsInto(user, items).rates;
    }

    /** Retrieval scores, rating predictions, features and both models' predictions of some items. */
    private Scratch scoreItemsInto(int user, int[] items) {
        Scratch buffers = scratch.get().ensure(items.length);
        float[] retrievalScores = buffers.svd;
        retrievalScores(retrieval, user, items, retrievalScores);
        for (int k = 0; k < items.length; k++) {
            buffers.items[k] = items[k];
            buffers.retrievalScores[k] = retrievalScores[k];
        }
        buffers.scoreRows(user, items.length, false);
        return buffers;
    }

    /**
     * The rating model's exposure scores of some items for a user ({@link RankingFeature#EXPOSURE_SCORE}):
     * zeros when it is not an {@link ExposureScorer}.
     */
    static void exposureScores(IndexedScorer scorer, int user, int[] items, float[] out) {
        if (scorer instanceof ExposureScorer exposure) {
            exposure.exposureScoresInto(user, items, out);
        } else {
            Arrays.fill(out, 0, items.length, 0f);
        }
    }

    /**
     * The retrieval model's scores of some items for a user: 0 for an item outside the catalog or a
     * user it does not know (its fallback scores are not retrieval scores).
     */
    static void retrievalScores(IndexedRecommender retrieval, int user, int[] items, float[] out) {
        int catalog = retrieval.items().size();
        int[] known = new int[items.length];
        for (int k = 0; k < items.length; k++) {
            known[k] = items[k] >= 0 && items[k] < catalog ? items[k] : 0;
        }
        retrieval.rankingScores(user, known, out);
        for (int k = 0; k < items.length; k++) {
            if (items[k] < 0 || items[k] >= catalog || Float.isNaN(out[k])) {
                out[k] = 0;
            }
        }
    }

    @Override
    public String toString() {
        return "RetrievalRanking[retrieval=" + retrieval.name() + ", scorer=" + scorer().name() + ", candidates="
                + candidates + ", trees=" + ranker.treeCount()
                + (orderer == null ? "" : ", ordering trees=" + orderer.treeCount() + ", ordering weight="
                + orderingWeight) + "]";
    }

    /** One thread's request buffers, grown to the largest request seen. */
    private final class Scratch {
        int[] items = new int[0];
        int[] candidateItems = new int[0];
        double[] retrievalScores = new double[0];
        double[] zeros = new double[0];
        float[] svd = new float[0];
        float[] exposure = new float[0];
        double[] matrix = new double[0];
        double[] rates = new double[0];
        double[] orderScores = new double[0];
        double[] selected = new double[0];
        int[] order = new int[0];

        Scratch ensure(int n) {
            if (items.length < n) {
                int size = Math.max(n, 16);
                items = new int[size];
                retrievalScores = new double[size];
                zeros = new double[size];
                svd = new float[size];
                exposure = new float[size];
                matrix = new double[size * RankingFeature.count()];
                rates = new double[size];
                orderScores = new double[size];
                order = new int[size];
            }
            return this;
        }

        /**
         * Rating predictions and the feature rows of the first {@code count} of {@link #items} with
         * their {@link #retrievalScores} (zero as a feature for fallback candidates) into {@link #matrix}.
         */
        void fillRows(int user, int count, boolean fallback) {
            if (candidateItems.length != count) {
                candidateItems = Arrays.copyOf(items, count);
            } else {
                System.arraycopy(items, 0, candidateItems, 0, count);
            }
            scorer.scoreInto(user, candidateItems, svd);
            exposureScores(scorer, user, candidateItems, exposure);
            // a fallback list's scores are popularity, not retrieval scores: the feature is 0
            features.fillRows(user, items, fallback ? zeros : retrievalScores, svd, exposure, count, matrix);
        }

        /** {@link #fillRows} and both models' predictions of every row. */
        void scoreRows(int user, int count, boolean fallback) {
            fillRows(user, count, fallback);
            ranker.predict(matrix, count, rates);
            if (orderer != null) {
                orderer.predict(matrix, count, orderScores);
            }
        }

        /** The engagement rates of the rows {@code order[0..size)} of {@link #matrix} into {@code out}. */
        void ratesOf(int[] order, int size, double[] out) {
            int p = RankingFeature.count();
            if (selected.length < size * p) {
                selected = new double[Math.max(size, 16) * p];
            }
            for (int r = 0; r < size; r++) {
                System.arraycopy(matrix, order[r] * p, selected, r * p, p);
            }
            ranker.predict(selected, size, out);
        }
    }

    /** Retrieved candidates by index, with their retrieval scores. */
    private record Candidates(int[] items, float[] scores, boolean fallback) {
    }

    /** The ranked top of a request, by index. */
    private static final class Ranking {
        final int size;
        final boolean fallback;
        final int[] items;
        final double[] retrievalScores;
        final double[] rankingScores;
        final double[] rates;

        Ranking(int size, boolean fallback) {
            this.size = size;
            this.fallback = fallback;
            this.items = new int[size];
            this.retrievalScores = new double[size];
            this.rankingScores = new double[size];
            this.rates = new double[size];
        }
    }
}
