package dev.recommender.core.ranking;

import dev.recommender.core.TrainingInput;
import dev.recommender.core.Recommender;
import dev.recommender.core.RecommenderContractTest;
import dev.recommender.core.TrainingListener;
import dev.recommender.core.data.EventLog;
import dev.recommender.core.data.Interactions;
import dev.recommender.core.mf.Svd;

/**
 * The shared recommender contract for {@link RetrievalRanking}, with the real Svd as its rating
 * model and a co-occurrence stand-in for retrieval. The fixture's interactions are turned back into
 * events: each pair's {@code eventCount} events, the last at the pair's last time, one millisecond
 * apart, the first {@code engagedCount} of them engagements.
 */
class RetrievalRankingContractTest extends RecommenderContractTest {
    static EventLog events(Interactions interactions) {
        EventLog.Builder log = EventLog.builder().declareEventType("viewed").declareEventType("engaged");
        for (int u = 0; u < interactions.userCount(); u++) {
            for (int p = interactions.userStart(u); p < interactions.userEnd(u); p++) {
                for (int e = 0; e < interactions.eventCount(p); e++) {
                    log.add(interactions.users().id(u), interactions.items().id(interactions.itemAt(p)),
                            interactions.lastTimeMillis(p) - e, e < interactions.engagedCount(p) ? "engaged" : "viewed",
                            Float.NaN);
                }
            }
        }
        return log.build();
    }

    @Override
    protected Recommender fit(Interactions training) {
        Svd.Config svd = Svd.Config.forEngagementRate().toBuilder().epochs(5).build();
        RankingConfig trees = RankingConfig.builder().trees(20).maxDepth(3).maxNodes(4).nodeSize(5).build();
        return new RetrievalRankingAlgorithm<>(StandIns.cooccurrenceStage(),
                svd.toBuilder().input(TrainingInput.of(StandIns.ENGAGEMENT_RATE)).build(),
                RetrievalRankingConfig.builder().candidates(10).ranking(trees).build())
                .fit(dev.recommender.core.TrainingData.of(events(training)), TrainingListener.NONE);
    }
}
