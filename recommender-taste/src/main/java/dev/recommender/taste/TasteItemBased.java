package dev.recommender.taste;

import dev.recommender.core.InteractionsAlgorithm;
import dev.recommender.core.TrainingInput;
import dev.recommender.core.TrainingListener;
import dev.recommender.core.data.Signal;
import dev.recommender.core.data.Interactions;
import org.apache.mahout.cf.taste.impl.recommender.AbstractCandidateItemsStrategy;
import org.apache.mahout.cf.taste.impl.recommender.GenericBooleanPrefItemBasedRecommender;
import org.apache.mahout.cf.taste.impl.recommender.PreferredItemsNeighborhoodCandidateItemsStrategy;
import org.apache.mahout.cf.taste.impl.recommender.SamplingCandidateItemsStrategy;
import org.apache.mahout.cf.taste.impl.similarity.LogLikelihoodSimilarity;

import java.util.Objects;

/**
 * Preset {@code taste-item}: Taste's item-based collaborative filtering on boolean data with the
 * log-likelihood similarity ({@code GenericBooleanPrefItemBasedRecommender} over a
 * {@code GenericBooleanPrefDataModel} with {@code LogLikelihoodSimilarity}; T. Dunning, "Accurate
 * Methods for the Statistics of Surprise and Coincidence", 1993). Every training pair counts as a
 * positive, whatever its value. The score of a candidate item {@code i} for user {@code u} is
 * {@code sum over the user's items j of sim(i, j)}, with {@code sim = 1 - 1 / (1 + LLR)} of the
 * 2x2 co-occurrence table of {@code i} and {@code j}, pairs never co-occurring skipped.
 *
 * <p>Fitting only builds the data model (O(entries)); the work happens per request. Taste first
 * collects candidate items, then scores each against all of the user's items, one co-occurrence
 * count (a hash-set intersection) per pair: O(|candidates| x |items of u| x users per item). Which
 * candidates it considers is the {@link Candidates} option:
 * <ul>
 *   <li>{@link Candidates#PREFERRED_ITEMS_NEIGHBORHOOD} (Taste's default, exact): every item of every
 *       user who shares an item with {@code u}. On MovieLens-small that is nearly the whole catalog
 *       for most users and recommending for all users takes minutes;</li>
 *   <li>{@link Candidates#SAMPLING}: Taste's {@code SamplingCandidateItemsStrategy}, which samples
 *       the user's items, the users of each and the items of those users, each down to
 *       {@code samplingFactor x (1 + log2 n)} (n = number of items or users). Scores of the items
 *       it keeps are unchanged; items it does not reach are not recommended. Every user is still
 *       served. It bounds only the candidates, not the user's items each candidate is compared
 *       with, and Taste's default factor 30 samples almost nothing on MovieLens-small; factor 1 is
 *       the useful setting there.</li>
 * </ul>
 * Measured on MovieLens-small, protocol B of docs/protocols.md (per-user 20% holdout, 610 users, one
 * thread, on a shared and heavily loaded 2-core machine, so times are inflated): exact NDCG@10
 * 0.1575 (the peer harness's number exactly), 289 to 334 s to recommend for all users; sampling
 * factor 1 NDCG@10 0.1632 in 42 to 136 s (docs/benchmarks.md). Fitting takes a fraction of a second
 * either way.
 *
 * <p>Determinism: the exact strategy uses no randomness. Sampling draws from Mahout's
 * {@code RandomUtils}, so fitting with it switches on Mahout's global fixed seed, and the
 * {@code seed} permutes Taste's ids (see the package documentation): same seed, same lists.
 * Thread safety of the model: see {@link TasteRecommender}.
 *
 * @param candidates     which items Taste considers for a user
 * @param samplingFactor the factor of {@link Candidates#SAMPLING} (Taste's default 30), at least 1;
 *                       ignored by the exact strategy
 * @param seed           seed of the id permutation
 */
public record TasteItemBased(Candidates candidates, int samplingFactor, long seed)
        implements InteractionsAlgorithm<TasteRecommender> {

    /** The CLI and report name, {@value}. */
    public static final String NAME = "taste-item";

    /** Which items Taste considers for a user; see the class documentation. */
    public enum Candidates {
        /** Every item of every user sharing an item with the user (exact; Taste's default). */
        PREFERRED_ITEMS_NEIGHBORHOOD,
        /** Taste's sampling of the same neighbourhood (bounded cost). */
        SAMPLING
    }

    /**
     * Validates the configuration.
     *
     * @throws IllegalArgumentException if a component is out of range (the message names it and its value)
     */
    public TasteItemBased {
        Objects.requireNonNull(candidates, "candidates");
        Checks.atLeast("samplingFactor", samplingFactor, 1);
    }

    /** Exact candidates, sampling factor 30, seed 42. */
    public static TasteItemBased defaults() {
        return new TasteItemBased(Candidates.PREFERRED_ITEMS_NEIGHBORHOOD, SamplingCandidateItemsStrategy.DEFAULT_FACTOR,
                42L);
    }

    /** A copy with another candidate strategy. */
    public TasteItemBased withCandidates(Candidates candidates) {
        return new TasteItemBased(candidates, samplingFactor, seed);
    }

    /** A copy with another sampling factor. */
    public TasteItemBased withSamplingFactor(int samplingFactor) {
        return new TasteItemBased(candidates, samplingFactor, seed);
    }

    /** A copy with another seed. */
    public TasteItemBased withSeed(long seed) {
        return new TasteItemBased(candidates, samplingFactor, seed);
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Trains on the {@link Signal#IMPLICIT} interactions of the training data. */
    @Override
    public TrainingInput input() {
        return TrainingInput.of(Signal.IMPLICIT);
    }

    @Override
    public TasteRecommender fit(Interactions training, TrainingListener listener) {
        boolean sampling = candidates == Candidates.SAMPLING;
        return TasteFits.fit(NAME, training, TasteData.Preferences.BOOLEAN, seed, sampling, 0, listener, model -> {
            AbstractCandidateItemsStrategy strategy = sampling
                    ? new SamplingCandidateItemsStrategy(samplingFactor, samplingFactor, samplingFactor,
                    model.getNumUsers(), model.getNumItems())
                    : new PreferredItemsNeighborhoodCandidateItemsStrategy();
            return new GenericBooleanPrefItemBasedRecommender(model, new LogLikelihoodSimilarity(model), strategy,
                    strategy);
        });
    }
}
