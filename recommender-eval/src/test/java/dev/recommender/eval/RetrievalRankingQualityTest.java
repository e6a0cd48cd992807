package dev.recommender.eval;

import dev.recommender.core.Algorithm;
import dev.recommender.core.TrainingInput;
import dev.recommender.core.data.EventLog;
import dev.recommender.core.mf.Svd;
import dev.recommender.core.ranking.RankingConfig;
import dev.recommender.core.ranking.RankingTarget;
import dev.recommender.core.ranking.RetrievalRankingAlgorithm;
import dev.recommender.core.ranking.RetrievalRankingConfig;
import dev.recommender.core.ranking.StandIns;
import dev.recommender.core.ranking.SyntheticLog;
import dev.recommender.eval.report.EvaluationReport;
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

    static Svd.Config svd() {
        return Svd.Config.forEngagementRate().toBuilder().input(TrainingInput.of(StandIns.ENGAGEMENT_RATE)).build();
    }

    @Test
    void rankingStageBeatsItsRatingModelAndRetrievalBeatsPopularity() {
        EventLog log = SyntheticLog.generate(300, 48, 40, 4, 11);
        RetrievalRankingConfig config = RetrievalRankingConfig.builder().candidates(20).ranking(smallTrees()).build();
        Map<String, Algorithm<?>> contenders = new LinkedHashMap<>();
        contenders.put("popularity", StandIns.popularityStage());
        contenders.put("bias", StandIns.biasStage());
        contenders.put("svd", svd());
        contenders.put("cooccurrence", StandIns.cooccurrenceStage());
        contenders.put("retrieval-ranking", new RetrievalRankingAlgorithm<>(StandIns.cooccurrenceStage(),
                svd(), config));
        contenders.put("rr-engaged", new RetrievalRankingAlgorithm<>(StandIns.cooccurrenceStage(),
                svd(), RetrievalRankingConfig.builder().candidates(20).ranking(smallTrees())
                .target(RankingTarget.ENGAGED).build()));
        int[] ks = {1, 5, 10, 20};
        EvaluationReport report = Protocol.seedNotebook(0.2, ks).evaluate(log, contenders);
        LOG.info("seed protocol on the synthetic log ({} events):\n{}", log.size(), report.toMarkdown());
        double rankingRmse = report.row("retrieval-ranking").summary("rmse").mean();
        double svdRmse = report.row("svd").summary("rmse").mean();
        assertTrue(rankingRmse < svdRmse, "ranking " + rankingRmse + " vs svd " + svdRmse);
        for (String retrieval : List.of("cooccurrence", "retrieval-ranking", "rr-engaged")) {
            for (int k : ks) {
                String metric = "top_k_accuracy@" + k;
                double accuracy = report.row(retrieval).summary(metric).mean();
                double popularity = report.row("popularity").summary(metric).mean();
                assertTrue(accuracy > popularity, retrieval + " at K=" + k + ": " + accuracy
                        + " vs popularity " + popularity);
            }
        }
    }
}
