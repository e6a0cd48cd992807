package dev.recommender.core.mf;

import dev.recommender.core.Recommender;
import dev.recommender.core.RecommenderContractTest;
import dev.recommender.core.data.Interactions;

/** The shared recommender contract for {@link RateAls} (the fixture's values weighted by their event counts). */
class RateAlsContractTest extends RecommenderContractTest {
    @Override
    protected Recommender fit(Interactions training) {
        return RateAls.fit(training, RateAls.Config.defaults().withFactors(4).withRegularization(1).withThreads(2));
    }
}
