package dev.recommender.taste;

import dev.recommender.core.Recommender;
import dev.recommender.core.RecommenderContractTest;
import dev.recommender.core.data.Interactions;

/**
 * The shared recommender contract for Taste's user-based CF (Pearson).
 * Taste scores only the items its neighbourhood reaches, so lists may be shorter than the number
 * of eligible items.
 * Taste models are not saved (refit instead).
 */
class TasteUserBasedContractTest extends RecommenderContractTest {
    @Override
    protected Recommender fit(Interactions training) {
        return TasteUserBased.defaults().fit(training);
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
