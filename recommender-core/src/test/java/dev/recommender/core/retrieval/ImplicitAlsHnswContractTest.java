package dev.recommender.core.retrieval;

import dev.recommender.core.Recommender;
import dev.recommender.core.RecommenderContractTest;
import dev.recommender.core.data.Interactions;

/**
 * The shared recommender contract for {@link ImplicitAls} searched through HNSW (threshold 1, so even the
 * 25-item fixture uses the graph); the graph's breadth covers the tiny catalog, so answers stay complete.
 */
class ImplicitAlsHnswContractTest extends RecommenderContractTest {
    @Override
    protected Recommender fit(Interactions training) {
        ImplicitAls model = ImplicitAls.fit(training, ImplicitAls.Config.builder().factors(6).regularization(1)
                .iterations(8).index(IndexConfig.defaults().withApproximateThreshold(1)).build());
        if (!model.approximateIndex()) {
            throw new AssertionError("expected an HNSW index");
        }
        return model;
    }
}
