package dev.recommender.core.mf;

import dev.recommender.core.Recommender;
import dev.recommender.core.RecommenderContractTest;
import dev.recommender.core.data.Interactions;

/** The shared recommender contract for {@link ExposureRate}. */
class ExposureRateContractTest extends RecommenderContractTest {
    @Override
    protected Recommender fit(Interactions training) {
        return ExposureRate.fit(training, ExposureRate.Config.defaults().withFactors(2).withEpochs(5).withThreads(2));
    }
}
