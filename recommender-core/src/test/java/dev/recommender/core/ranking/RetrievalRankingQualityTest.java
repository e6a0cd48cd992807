package dev.recommender.core.ranking;

import dev.recommender.core.TrainingListener;
import dev.recommender.core.data.EventLog;
import dev.recommender.core.mf.Svd;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The seed protocol on a planted synthetic log: the ranking stage must beat the rating model it
 * uses as a feature (Svd) on engagement-rate RMSE, and every retrieval model must beat popularity.
 */
class RetrievalRankingQualityTest {
    private static final Logger LOG = LoggerFactory.getLogger(RetrievalRankingQualityTest.class);

    static RankingConfig smallTrees() {
        return RankingConfig.builder().trees(80).maxDepth(4).maxNodes(8).nodeSize(10).shrinkage(0.1).build();
    }

    static ModelStage<Svd> svd() {
        return new ModelStage<>(StandIns.ENGAGEMENT_RATE, Svd.Config.forEngagementRate());
    }

    @Test
    void rankingStageBeatsItsRatingModelAndRetrievalBeatsPopularity() {
        EventLog log = SyntheticLog.generate(300, 48, 40, 4, 11);
        RetrievalRankingConfig config = RetrievalRankingConfig.builder().candidates(20).ranking(smallTrees()).build();
        Map<String, EventAlgorithm<?>> contenders = new LinkedHashMap<>();
        contenders.put("popularity", StandIns.popularityStage());
        contenders.put("bias", StandIns.biasStage());
        contenders.put("svd", svd());
        contenders.put("cooccurrence", StandIns.cooccurrenceStage());
        contenders.put("retrieval-ranking", new RetrievalRankingAlgorithm<>(StandIns.cooccurrenceStage(),
                svd(), config));
        contenders.put("rr-engaged", new RetrievalRankingAlgorithm<>(StandIns.cooccurrenceStage(),
                svd(), RetrievalRankingConfig.builder().candidates(20).ranking(smallTrees())
                .target(RankingTarget.ENGAGED).build()));
        SeedProtocol protocol = new SeedProtocol(0.2, List.of(1, 5, 10, 20), FeatureConfig.defaults());
        SeedReport report = protocol.run(log, contenders, TrainingListener.NONE);
        LOG.info("seed protocol on the synthetic log ({} events):\n{}", log.size(), report.toMarkdown());
        double rankingRmse = report.row("retrieval-ranking").rmse();
        double svdRmse = report.row("svd").rmse();
        assertTrue(rankingRmse < svdRmse, "ranking " + rankingRmse + " vs svd " + svdRmse);
        double[] popularity = report.row("popularity").accuracy();
        for (String retrieval : List.of("cooccurrence", "retrieval-ranking", "rr-engaged")) {
            double[] accuracy = report.row(retrieval).accuracy();
            for (int k = 0; k < accuracy.length; k++) {
                assertTrue(accuracy[k] > popularity[k], retrieval + " at K=" + protocol.ks().get(k) + ": "
                        + accuracy[k] + " vs popularity " + popularity[k]);
            }
        }
    }
}
