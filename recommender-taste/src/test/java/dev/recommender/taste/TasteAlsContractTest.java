package dev.recommender.taste;

import dev.recommender.core.Recommender;
import dev.recommender.core.RecommenderContractTest;
import dev.recommender.core.data.Interactions;

/**
 * The shared recommender contract for Taste's explicit ALS-WR.
 * Every unseen item is a candidate, so lists hold every eligible item.
 * Taste models are not saved (refit instead).
 */
class TasteAlsContractTest extends RecommenderContractTest {
    @Override
    protected Recommender fit(Interactions training) {
        return TasteAls.defaults().fit(training);
    }

    @Override
    protected boolean supportsSaving() {
        return false;
    }

    @Override
    protected boolean returnsEveryEligibleItem() {
        return true;
    }
}
