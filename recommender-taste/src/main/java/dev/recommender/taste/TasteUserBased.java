package dev.recommender.taste;

import dev.recommender.core.InteractionsAlgorithm;
import dev.recommender.core.TrainingInput;
import dev.recommender.core.TrainingListener;
import dev.recommender.core.data.Signal;
import dev.recommender.core.data.Interactions;
import org.apache.mahout.cf.taste.impl.neighborhood.NearestNUserNeighborhood;
import org.apache.mahout.cf.taste.impl.recommender.GenericBooleanPrefUserBasedRecommender;
import org.apache.mahout.cf.taste.impl.recommender.GenericUserBasedRecommender;
import org.apache.mahout.cf.taste.impl.similarity.CachingUserSimilarity;
import org.apache.mahout.cf.taste.impl.similarity.LogLikelihoodSimilarity;
import org.apache.mahout.cf.taste.impl.similarity.PearsonCorrelationSimilarity;
import org.apache.mahout.cf.taste.similarity.UserSimilarity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Objects;

/**
 * Preset {@code taste-user}: Taste's user-based collaborative filtering with a nearest-N user
 * neighbourhood ({@code GenericUserBasedRecommender} with {@code NearestNUserNeighborhood}; Resnick
 * et al., "GroupLens", 1994, without mean-centring). For user {@code u} Taste finds the
 * {@code neighborhoodSize} most similar users (similarity at least {@code minSimilarity}) and
 * scores each item those neighbours have by the similarity-weighted mean of their values
 * {@code sum(sim(u, v) r_vi) / sum(sim(u, v))}, capped to the training value range; an item with
 * fewer than two neighbours' values gets no score. With the boolean log-likelihood similarity the
 * score is instead the sum of the similarities of the neighbours having the item.
 *
 * <p>Similarity ({@link Similarity}): {@link Similarity#PEARSON} (Taste's
 * {@code PearsonCorrelationSimilarity} of the users' values on co-rated items; needs values that
 * vary: on binarised data every correlation is undefined and nothing is recommended, which this
 * preset logs as a warning) or {@link Similarity#LOG_LIKELIHOOD} (co-occurrence of the users' items,
 * boolean data, scores summed as in {@code GenericBooleanPrefUserBasedRecommender}).
 *
 * <p>Cost: fitting builds the data model (O(entries)); each request computes the similarity of the
 * user with every user (O(users x items per user)) and scores each item of the neighbours, which
 * in stock Taste recomputes one similarity per (item, neighbour). The similarity is therefore
 * wrapped in Taste's {@code CachingUserSimilarity} (a synchronized, bounded memo of pair
 * similarities holding as many pairs as there are users): answers are unchanged, and each
 * request computes each of its pair similarities once. No randomness: the seed only permutes
 * Taste's ids. Thread safety of the model: see {@link TasteRecommender}.
 *
 * @param neighborhoodSize how many nearest users, at least 1 (default 50)
 * @param similarity       the user similarity (default Pearson)
 * @param minSimilarity    neighbours need at least this similarity; not NaN (default 0: Taste's own default,
 *                         negative infinity, lets anti-correlated users into the weighted mean, where
 *                         negative weights turn the ratio into nonsense)
 * @param seed             seed of the id permutation
 */
public record TasteUserBased(int neighborhoodSize, Similarity similarity, double minSimilarity, long seed)
        implements InteractionsAlgorithm<TasteRecommender> {

    /** The CLI and report name, {@value}. */
    public static final String NAME = "taste-user";

    private static final Logger LOG = LoggerFactory.getLogger(TasteUserBased.class);

    /** The user similarity. */
    public enum Similarity {
        /** Pearson correlation of values on co-rated items (needs varying values). */
        PEARSON,
        /** Log-likelihood ratio of the users' item co-occurrence (boolean data). */
        LOG_LIKELIHOOD
    }

    /**
     * Validates the configuration.
     *
     * @throws IllegalArgumentException if a component is out of range (the message names it and its value)
     */
    public TasteUserBased {
        Checks.atLeast("neighborhoodSize", neighborhoodSize, 1);
        Objects.requireNonNull(similarity, "similarity");
        if (Double.isNaN(minSimilarity)) {
            throw new IllegalArgumentException("minSimilarity must not be NaN, got " + minSimilarity);
        }
    }

    /** 50 nearest users by Pearson correlation, similarity at least 0, seed 42. */
    public static TasteUserBased defaults() {
        return new TasteUserBased(50, Similarity.PEARSON, 0.0, 42L);
    }

    /** A copy with another neighbourhood size. */
    public TasteUserBased withNeighborhoodSize(int neighborhoodSize) {
        return new TasteUserBased(neighborhoodSize, similarity, minSimilarity, seed);
    }

    /** A copy with another similarity. */
    public TasteUserBased withSimilarity(Similarity similarity) {
        return new TasteUserBased(neighborhoodSize, similarity, minSimilarity, seed);
    }

    /** A copy with another minimum similarity. */
    public TasteUserBased withMinSimilarity(double minSimilarity) {
        return new TasteUserBased(neighborhoodSize, similarity, minSimilarity, seed);
    }

    /** A copy with another seed. */
    public TasteUserBased withSeed(long seed) {
        return new TasteUserBased(neighborhoodSize, similarity, minSimilarity, seed);
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Trains on the {@link Signal#RATING} interactions of the training data. */
    @Override
    public TrainingInput input() {
        return TrainingInput.of(Signal.RATING);
    }

    @Override
    public TasteRecommender fit(Interactions training, TrainingListener listener) {
        Objects.requireNonNull(training, "training");
        if (similarity == Similarity.PEARSON) {
            if (training.size() > 0 && training.minValue() == training.maxValue()) {
                LOG.warn("{}: every training value is {}, so Pearson correlations are undefined and nothing will be "
                        + "recommended; use Similarity.LOG_LIKELIHOOD for boolean data", NAME, training.minValue());
            }
            return TasteFits.fit(NAME, training, TasteData.Preferences.VALUES, seed, false, 0, listener, model -> {
                UserSimilarity pearson = new CachingUserSimilarity(new PearsonCorrelationSimilarity(model), model);
                return new GenericUserBasedRecommender(model,
                        new NearestNUserNeighborhood(neighborhoodSize, minSimilarity, pearson, model), pearson);
            });
        }
        return TasteFits.fit(NAME, training, TasteData.Preferences.BOOLEAN, seed, false, 0, listener, model -> {
            UserSimilarity logLikelihood = new CachingUserSimilarity(new LogLikelihoodSimilarity(model), model);
            return new GenericBooleanPrefUserBasedRecommender(model,
                    new NearestNUserNeighborhood(neighborhoodSize, minSimilarity, logLikelihood, model), logLikelihood);
        });
    }
}
