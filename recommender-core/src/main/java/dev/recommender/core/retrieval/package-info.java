/**
 * Retrieval models and top-K search over item embeddings.
 *
 * <ul>
 *   <li>{@link dev.recommender.core.retrieval.ImplicitAls}: weighted matrix factorization for implicit
 *       feedback (Hu, Koren and Volinsky 2008) trained by alternating least squares with conjugate-gradient
 *       steps, with closed-form fold-in of new users;</li>
 *   <li>{@link dev.recommender.core.retrieval.TwoTowerRetrieval}: user and item embedding towers trained with
 *       an in-batch sampled softmax and the log-Q popularity correction;</li>
 *   <li>{@link dev.recommender.core.retrieval.TopKIndex}: maximum-inner-product search over item vectors,
 *       exact ({@link dev.recommender.core.retrieval.ExactTopKIndex}) or approximate through an HNSW graph
 *       ({@link dev.recommender.core.retrieval.HnswTopKIndex}), chosen by catalog size
 *       ({@link dev.recommender.core.retrieval.IndexConfig});</li>
 *   <li>{@link dev.recommender.core.retrieval.EpochValidation}: held-out pairs on which either model's
 *       training reports its top-K categorical accuracy after every epoch, without changing the model.</li>
 * </ul>
 *
 * <p>Both models extend {@link dev.recommender.core.retrieval.EmbeddingRecommender}, which implements the
 * {@link dev.recommender.core.Recommender} contract on top of a {@code TopKIndex}, and both save and load
 * through {@link dev.recommender.core.io.ModelStore}.
 */
package dev.recommender.core.retrieval;
