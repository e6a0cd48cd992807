package dev.recommender.taste;

import dev.recommender.core.EpochProgress;
import dev.recommender.core.TrainingListener;
import dev.recommender.core.data.Interactions;
import org.apache.mahout.cf.taste.common.TasteException;
import org.apache.mahout.cf.taste.impl.recommender.AllUnknownItemsCandidateItemsStrategy;
import org.apache.mahout.cf.taste.impl.recommender.svd.Factorizer;
import org.apache.mahout.cf.taste.impl.recommender.svd.SVDRecommender;
import org.apache.mahout.cf.taste.model.DataModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/** The fit steps shared by the presets: determinism, data model, build, timing and progress. */
final class TasteFits {
    private static final Logger LOG = LoggerFactory.getLogger(TasteFits.class);

    private TasteFits() {
    }

    /**
     * Builds the Taste data and recommender.
     *
     * @param usesRandomness whether the Taste recommender draws random numbers (then Mahout's
     *                       fixed seed is switched on first)
     * @param iterations     training iterations to report to the listener once fitting ends, or 0
     *                       for recommenders without training iterations (no report)
     */
    static TasteRecommender fit(String name, Interactions training, TasteData.Preferences preferences, long seed,
                                boolean usesRandomness, int iterations, TrainingListener listener,
                                TasteRecommenderFactory factory) {
        Objects.requireNonNull(training, "training");
        Objects.requireNonNull(listener, "listener");
        if (usesRandomness) {
            TasteDeterminism.useFixedSeed();
        }
        long start = System.nanoTime();
        TasteData data = TasteData.of(training, preferences, seed);
        TasteRecommender model = TasteRecommender.of(name, data, factory);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        LOG.info("{} fitted on {} in {} ms", name, training, elapsed.toMillis());
        if (iterations > 0) {
            // Taste's factorizers expose neither per-iteration hooks nor their loss
            listener.onEpoch(new EpochProgress(name, iterations, iterations, Double.NaN, elapsed, Map.of()));
        }
        return model;
    }

    /**
     * Builds a Taste {@code SVDRecommender} over the factorizer of a matrix-factorization preset:
     * trained on the values, drawing random numbers, every unseen item a candidate.
     *
     * @param factorizer makes the preset's factorizer over the Taste data model
     */
    static TasteRecommender fitFactorization(String name, Interactions training, long seed, int iterations,
                                             TrainingListener listener, FactorizerFactory factorizer) {
        return fit(name, training, TasteData.Preferences.VALUES, seed, true, iterations, listener,
                model -> new SVDRecommender(model, factorizer.create(model), new AllUnknownItemsCandidateItemsStrategy()));
    }

    /** Makes a factorizer over a Taste data model (Taste's constructors throw {@link TasteException}). */
    @FunctionalInterface
    interface FactorizerFactory {
        Factorizer create(DataModel model) throws TasteException;
    }
}
