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
 *       {@link dev.recommender.core.IndexedRecommender} and {@link dev.recommender.core.IndexedScorer},
 *       fitted by {@link dev.recommender.core.ranking.RetrievalRankingAlgorithm} (an ordinary
 *       {@link dev.recommender.core.Algorithm} on a {@link dev.recommender.core.TrainingData} with its
 *       event log) on a time-earlier slice and saved by
 *       {@link dev.recommender.core.ranking.RetrievalRankingCodec}. Its retrieval model, rating model
 *       and features share the training log's numbering, so its stages talk in item indexes.</li>
 * </ul>
 *
 * <p>The seed notebook's comparison of these models (top-K categorical accuracy and engagement-rate
 * RMSE on the last 20% of the time span) is an evaluation protocol of {@code recommender-eval}
 * ({@code Protocol.seedNotebook}), run by {@code evaluate --split temporal:0.2}.
 *
 * <p>Smile logs each boosted tree at INFO through SLF4J (logger {@code smile.regression.GradientTreeBoost});
 * set the {@code smile} logger to WARN to silence it. Only the pure-Java Smile modules are used (no
 * native BLAS), Smile is confined to the training half of {@link dev.recommender.core.ranking.RankingModel}
 * (and the converter {@code SmileTrees}), and no Smile object is used to predict or is saved.
 */
package dev.recommender.core.ranking;
