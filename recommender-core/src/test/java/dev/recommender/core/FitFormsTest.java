package dev.recommender.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.recommender.core.baseline.Baseline;
import dev.recommender.core.baseline.Popularity;
import dev.recommender.core.data.EventLog;
import dev.recommender.core.data.Interactions;
import dev.recommender.core.data.Signal;
import dev.recommender.core.data.Signals;
import dev.recommender.core.mf.ExposureRate;
import dev.recommender.core.mf.RateAls;
import dev.recommender.core.mf.Svd;
import dev.recommender.core.mf.SvdPlusPlus;
import dev.recommender.core.ranking.SyntheticLog;
import dev.recommender.core.retrieval.Ease;
import dev.recommender.core.retrieval.ImplicitAls;
import dev.recommender.core.retrieval.TwoTowerRetrieval;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Every model fits both ways, {@code X.fit(data, config)} and {@code config.fit(data)}, on training
 * data and on aggregated interactions, with the same model as the result (fits are deterministic for a
 * seed and thread count).
 */
class FitFormsTest {
    private static final EventLog LOG = SyntheticLog.generate(60, 25, 10, 3, 5);
    private static final TrainingData DATA = TrainingData.of(LOG, Signals.engagementLog());

    private static void assertSameAnswers(Recommender a, Recommender b) {
        assertEquals(a.name(), b.name());
        for (String user : List.of(LOG.userId(0), LOG.userId(LOG.size() - 1))) {
            Recommendations first = a.recommend(user, 5);
            assertFalse(first.fallback(), user);
            assertEquals(first, b.recommend(user, 5), user);
        }
    }

    private static <M extends Recommender> void check(Algorithm<M> config, Function<TrainingData, M> staticOnData,
            Interactions pairs, Function<Interactions, M> configOnPairs, Function<Interactions, M> staticOnPairs) {
        M viaConfig = config.fit(DATA);
        assertSameAnswers(viaConfig, staticOnData.apply(DATA));
        assertSameAnswers(viaConfig, configOnPairs.apply(pairs));
        assertSameAnswers(viaConfig, staticOnPairs.apply(pairs));
    }

    private static <M extends Recommender> void check(InteractionsAlgorithm<M> config,
            Function<TrainingData, M> staticOnData, Function<Interactions, M> staticOnPairs) {
        check(config, staticOnData, config.input().resolve(DATA), config::fit, staticOnPairs);
    }

    @Test
    void everyModelFitsBothWays() {
        Popularity.Config popularity = Popularity.Config.defaults();
        check(popularity, d -> Popularity.fit(d, popularity), p -> Popularity.fit(p, popularity));
        Baseline.Config baseline = Baseline.Config.defaults();
        check(baseline, d -> Baseline.fit(d, baseline), p -> Baseline.fit(p, baseline));
        Svd.Config svd = Svd.Config.defaults().toBuilder().epochs(3).threads(2).seed(3).build();
        check(svd, d -> Svd.fit(d, svd), p -> Svd.fit(p, svd));
        RateAls.Config rateAls = RateAls.Config.defaults().withThreads(2).withSeed(3);
        check(rateAls, d -> RateAls.fit(d, rateAls), DATA.interactions(Signal.RATING), rateAls::fit,
                p -> RateAls.fit(p, rateAls));
        ExposureRate.Config exposure = ExposureRate.Config.defaults().withEpochs(3).withThreads(2).withSeed(3);
        check(exposure, d -> ExposureRate.fit(d, exposure), DATA.interactions(Signal.RATING), exposure::fit,
                p -> ExposureRate.fit(p, exposure));
        SvdPlusPlus.Config svdpp = SvdPlusPlus.Config.defaults().withFactors(8).withEpochs(3).withSeed(3);
        check(svdpp, d -> SvdPlusPlus.fit(d, svdpp), p -> SvdPlusPlus.fit(p, svdpp));
        ImplicitAls.Config als = ImplicitAls.Config.builder().factors(8).iterations(3).threads(2).seed(3).build();
        check(als, d -> ImplicitAls.fit(d, als), p -> ImplicitAls.fit(p, als));
        TwoTowerRetrieval.Config twoTower = TwoTowerRetrieval.Config.builder().dimensions(8).epochs(2).threads(2).seed(3)
                .build();
        check(twoTower, d -> TwoTowerRetrieval.fit(d, twoTower), p -> TwoTowerRetrieval.fit(p, twoTower));
        Ease.Config ease = Ease.Config.defaults().withThreads(2);
        check(ease, d -> Ease.fit(d, ease), DATA.interactions(Signal.IMPLICIT), ease::fit, p -> Ease.fit(p, ease));
    }
}
