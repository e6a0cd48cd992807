package dev.recommender.core.mf;

import dev.recommender.core.Recommender;
import dev.recommender.core.RecommenderContractTest;
import dev.recommender.core.data.Interactions;

/** The shared recommender contract for {@link SvdPlusPlus}. */
class SvdPlusPlusContractTest extends RecommenderContractTest {
    @Override
    protected Recommender fit(Interactions training) {
        return SvdPlusPlus.fit(training, SvdPlusPlus.Config.defaults().withFactors(4).withEpochs(5));
    }
}
