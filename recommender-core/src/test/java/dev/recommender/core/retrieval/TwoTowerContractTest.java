package dev.recommender.core.retrieval;

import dev.recommender.core.Recommender;
import dev.recommender.core.RecommenderContractTest;
import dev.recommender.core.data.Interactions;

/** The shared recommender contract for {@link TwoTowerRetrieval}. */
class TwoTowerContractTest extends RecommenderContractTest {
    @Override
    protected Recommender fit(Interactions training) {
        return TwoTowerRetrieval.fit(training, TwoTowerRetrieval.Config.builder().dimensions(8).epochs(5)
                .batchSize(32).historyLength(3).threads(2).build());
    }
}
