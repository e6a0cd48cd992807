package dev.recommender.core.retrieval;

import dev.recommender.core.Recommender;
import dev.recommender.core.RecommenderContractTest;
import dev.recommender.core.data.Interactions;

/** The shared recommender contract for {@link ImplicitAls}, scanned exactly. */
class ImplicitAlsContractTest extends RecommenderContractTest {
    @Override
    protected Recommender fit(Interactions training) {
        return ImplicitAls.fit(training, ImplicitAls.Config.builder().factors(6).regularization(1).iterations(8).build());
    }
}
