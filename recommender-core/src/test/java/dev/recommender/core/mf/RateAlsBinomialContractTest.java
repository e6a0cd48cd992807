package dev.recommender.core.mf;

import dev.recommender.core.Recommender;
import dev.recommender.core.RecommenderContractTest;
import dev.recommender.core.data.Interactions;

/** The shared recommender contract for {@link RateAls} with the binomial loss, on the fixture's values mapped to [0, 1]. */
class RateAlsBinomialContractTest extends RecommenderContractTest {
    @Override
    protected Interactions training() {
        Interactions fixture = fixture();
        float[] rates = new float[fixture.size()];
        for (int e = 0; e < rates.length; e++) {
            rates[e] = (fixture.value(e) - 1) / 4;
        }
        return fixture.withValues(rates);
    }

    @Override
    protected Recommender fit(Interactions training) {
        return RateAls.fit(training, RateAls.Config.defaults().withLoss(RateAls.Loss.BINOMIAL).withFactors(4)
                .withRegularization(2).withBiasRegularization(2));
    }
}
