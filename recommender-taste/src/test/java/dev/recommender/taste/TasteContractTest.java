package dev.recommender.taste;

import dev.recommender.core.Recommender;
import dev.recommender.core.RecommenderContractTest;
import dev.recommender.core.data.Interactions;

import java.util.Arrays;
import java.util.function.Function;

/**
 * The shared recommender contract as it applies to every Taste recommender: Taste models are not
 * saved (refit instead), and each subclass says only how to fit its model, whether it trains on the
 * fixture's ratings or on its pairs with every value 1 (implicit feedback), and whether it scores
 * every unseen item or only those its neighbourhood reaches.
 */
abstract class TasteContractTest extends RecommenderContractTest {
    /** What the model is trained on. */
    enum Feedback {
        /** The fixture's ratings. */
        RATINGS,
        /** The fixture's pairs with every value 1. */
        IMPLICIT
    }

    /** Which items the model scores for a user. */
    enum Candidates {
        /** Every unseen item, so lists hold every eligible item. */
        EVERY_UNSEEN_ITEM,
        /** Only the items its neighbourhood reaches, so lists may be shorter than the eligible items. */
        NEIGHBOURHOOD
    }

    private final Function<Interactions, Recommender> fitter;
    private final Feedback feedback;
    private final Candidates candidates;

    TasteContractTest(Function<Interactions, Recommender> fitter, Feedback feedback, Candidates candidates) {
        this.fitter = fitter;
        this.feedback = feedback;
        this.candidates = candidates;
    }

    @Override
    protected final Recommender fit(Interactions training) {
        return fitter.apply(training);
    }

    @Override
    protected final Interactions training() {
        Interactions ratings = fixture();
        if (feedback == Feedback.RATINGS) {
            return ratings;
        }
        float[] ones = new float[ratings.size()];
        Arrays.fill(ones, 1f);
        return ratings.withValues(ones);
    }

    @Override
    protected final boolean supportsSaving() {
        return false;
    }

    @Override
    protected final boolean returnsEveryEligibleItem() {
        return candidates == Candidates.EVERY_UNSEEN_ITEM;
    }
}
