package dev.recommender.taste;

import dev.recommender.core.Recommender;
import dev.recommender.core.RecommenderContractTest;
import dev.recommender.core.data.Interactions;

/**
 * The shared recommender contract for Taste's SGD matrix factorization.
 * Every unseen item is a candidate, so lists hold every eligible item.
 * Taste models are not saved (refit instead).
 */
class TasteSgdContractTest extends RecommenderContractTest {
    @Override
    protected Recommender fit(Interactions training) {
        return TasteSgd.defaults().fit(training);
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
