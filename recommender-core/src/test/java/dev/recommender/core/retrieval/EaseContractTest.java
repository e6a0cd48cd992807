package dev.recommender.core.retrieval;

import dev.recommender.core.Recommender;
import dev.recommender.core.RecommenderContractTest;
import dev.recommender.core.data.Interactions;

/** The shared recommender contract for {@link Ease} on binarised input (the default). */
class EaseContractTest extends RecommenderContractTest {
    @Override
    protected Recommender fit(Interactions training) {
        return Ease.fit(training, Ease.Config.defaults().withRegularization(5).withThreads(2));
    }
}
