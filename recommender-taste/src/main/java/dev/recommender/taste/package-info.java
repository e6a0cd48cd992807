/**
 * Apache Mahout Taste 0.13 behind the recommender API: peer baselines that run on the same
 * {@link dev.recommender.core.data.Interactions}, answer the same
 * {@link dev.recommender.core.RecommendRequest}s and are judged by the same evaluator as our own models.
 *
 * <p>Contents:
 * <ul>
 *   <li>{@link dev.recommender.taste.TasteData}: a Taste {@code DataModel} built in memory from our
 *       interactions, with the mapping between our string ids and Taste's {@code long} ids;</li>
 *   <li>{@link dev.recommender.taste.TasteRecommender}: any Taste {@code Recommender} as our
 *       {@link dev.recommender.core.Recommender} and {@link dev.recommender.core.ItemScorer};</li>
 *   <li>presets, each an {@link dev.recommender.core.Algorithm} configuration record:
 *       {@link dev.recommender.taste.TasteItemBased} ({@code taste-item}),
 *       {@link dev.recommender.taste.TasteUserBased} ({@code taste-user}),
 *       {@link dev.recommender.taste.TasteAls} ({@code taste-als}),
 *       {@link dev.recommender.taste.TasteAlsImplicit} ({@code taste-als-implicit}) and
 *       {@link dev.recommender.taste.TasteSgd} ({@code taste-sgd}), listed by
 *       {@link dev.recommender.taste.TasteAlgorithms};</li>
 *   <li>{@link dev.recommender.taste.TasteRuntimeException}: Taste's checked {@code TasteException}
 *       never crosses this package's boundary.</li>
 * </ul>
 *
 * <p><b>Randomness.</b> Taste draws every random number from Mahout's {@code RandomUtils}, which
 * cannot be seeded per model. Presets that use randomness (the factorizations and the sampling
 * candidate strategy) switch on {@code RandomUtils.useTestSeed()} once per JVM: a global and
 * irreversible switch that makes every Mahout generator in the process start from Mahout's fixed
 * seed. Each preset's own {@code seed} then permutes the {@code long} ids handed to Taste, which
 * changes which random numbers each user and item receives and the order SGD visits ratings. So the
 * same data and seed give the same model, and different seeds give different models; but any other
 * Mahout code in the same JVM also becomes deterministic.
 *
 * <p><b>Fidelity.</b> The presets run Taste's own classes with two deliberate differences, both
 * documented where they apply: {@link dev.recommender.taste.TasteAls} repairs a rating/factor
 * pairing bug of Taste 0.13's explicit {@code ALSWRFactorizer} (switchable off to reproduce stock
 * Taste), and {@link dev.recommender.taste.TasteUserBased} memoizes pair similarities with Taste's
 * {@code CachingUserSimilarity} (same answers, faster). Taste's worker-thread failures in ALS are
 * raised instead of printed. Mahout is trimmed to mahout-mr, mahout-math, Guava, commons-math3 and
 * SLF4J; the module's enforcer rules keep Hadoop, Lucene, XStream and the rest out.
 *
 * <p><b>Persistence.</b> Taste models are not saved by {@link dev.recommender.core.io.ModelStore};
 * refit them instead (fits take seconds on MovieLens-small sized data).
 */
package dev.recommender.taste;
