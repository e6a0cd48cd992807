package dev.recommender.taste;

import dev.recommender.core.Recommender;
import dev.recommender.core.RecommenderContractTest;
import dev.recommender.core.data.Interactions;

import java.util.Arrays;

/**
 * The shared recommender contract for Taste's item-based CF (exact candidates).
 * Taste scores only the items its neighbourhood reaches, so lists may be shorter than the number
 * of eligible items.
 * Trained on the fixture's pairs with every value 1 (implicit feedback).
 * Taste models are not saved (refit instead).
 */
class TasteItemBasedContractTest extends RecommenderContractTest {
    @Override
    protected Recommender fit(Interactions training) {
        return TasteItemBased.defaults().fit(training);
    }

    @Override
    protected Interactions training() {
        Interactions ratings = fixture();
        float[] ones = new float[ratings.size()];
        Arrays.fill(ones, 1f);
        return ratings.withValues(ones);
    }

    @Override
    protected boolean supportsSaving() {
        return false;
    }

    @Override
    protected boolean returnsEveryEligibleItem() {
        return false;
    }
}
