/**
 * Two-stage recommendation: a retrieval model proposes candidates, a ranking model re-orders them.
 *
 * <ul>
 *   <li>{@link dev.recommender.core.ranking.RankingFeatures}: leak-free statistics of an event
 *       history as of a reference time, turned into the {@link dev.recommender.core.ranking.RankingFeature}
 *       vector of a (user, item) pair (retrieval score, Svd prediction, user activity and engagement
 *       rate, item popularity, trend, engagement rate and age, past exposures of the pair, recency);</li>
 *   <li>{@link dev.recommender.core.ranking.RankingModel}: gradient-boosted regression trees
 *       trained by Smile 2.6.0 (LGPL) over those features and predicted by a
 *       {@link dev.recommender.core.ranking.TreeEnsemble} of flat primitive arrays;</li>
 *   <li>{@link dev.recommender.core.ranking.RetrievalRanking}: the composite
 *       {@link dev.recommender.core.Recommender} and {@link dev.recommender.core.ItemScorer}, fitted by
 *       {@link dev.recommender.core.ranking.RetrievalRankingAlgorithm} on a time-earlier slice and saved
 *       by {@link dev.recommender.core.ranking.RetrievalRankingCodec};</li>
 *   <li>{@link dev.recommender.core.ranking.SeedProtocol}: the seed notebook's comparison (top-K
 *       categorical accuracy and engagement-rate RMSE on a temporal split), reusable by the CLI.</li>
 * </ul>
 *
 * <p>Smile logs each boosted tree at INFO through SLF4J (logger {@code smile.regression.GradientTreeBoost});
 * set the {@code smile} logger to WARN to silence it. Only the pure-Java Smile modules are used (no
 * native BLAS), Smile is confined to the training half of {@link dev.recommender.core.ranking.RankingModel}
 * (and the converter {@code SmileTrees}), and no Smile object is used to predict or is saved.
 */
package dev.recommender.core.ranking;
