package dev.recommender.core.ranking;

import dev.recommender.core.TrainingData;
import dev.recommender.core.TrainingInput;
import dev.recommender.core.TrainingListener;
import dev.recommender.core.data.Aggregation;
import dev.recommender.core.data.EventLog;
import dev.recommender.core.data.Interactions;
import dev.recommender.core.data.Signals;
import dev.recommender.core.mf.Svd;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * One two-stage fit aggregates each log it needs once per aggregation: the retrieval model's and
 * the rating model's inputs on the whole log and on the history before the label window, and the
 * rating signal of the label window for the labels. Earlier versions aggregated the same log seven
 * times.
 */
class TwoStageAggregationTest {
    /** Delegates and records the size of every log it aggregates. */
    static final class Counting implements Aggregation {
        final Aggregation delegate;
        final List<Integer> logSizes = new ArrayList<>();

        Counting(Aggregation delegate) {
            this.delegate = delegate;
        }

        @Override
        public synchronized Interactions aggregate(EventLog events) {
            logSizes.add(events.size());
            return delegate.aggregate(events);
        }
    }

    @Test
    void eachAggregationOfEachLogIsComputedOnce() {
        EventLog log = SyntheticLog.generate(120, 30, 20, 3, 5);
        Counting rating = new Counting(StandIns.ENGAGEMENT_RATE);
        Counting implicit = new Counting(StandIns.SHOWN);
        RankingConfig trees = RankingConfig.builder().trees(10).maxDepth(3).maxNodes(4).nodeSize(5).build();
        // the retrieval stage trains on the implicit signal, the rating model on the rating signal
        RetrievalRankingAlgorithm<Svd> algorithm = new RetrievalRankingAlgorithm<>(
                new StandIns.CooccurrenceAlgorithm(implicit),
                Svd.Config.forEngagementRate().toBuilder().epochs(2).input(TrainingInput.of(
                        dev.recommender.core.data.Signal.RATING)).build(),
                RetrievalRankingConfig.builder().candidates(10).ranking(trees).build());
        algorithm.fit(TrainingData.of(log, new Signals(rating, implicit)), TrainingListener.NONE);
        long cutoff = log.startOfLastShare(0.2);
        int history = 0;
        for (int e = 0; e < log.size(); e++) {
            history += log.timeMillis(e) < cutoff ? 1 : 0;
        }
        // rating: the whole log, the history, the label window; each once
        assertEquals(3, rating.logSizes.size(), rating.logSizes.toString());
        assertEquals(new HashSet<>(List.of(log.size(), history, log.size() - history)),
                new HashSet<>(rating.logSizes));
        // implicit: the whole log and the history; each once
        assertEquals(2, implicit.logSizes.size(), implicit.logSizes.toString());
        assertEquals(new HashSet<>(List.of(log.size(), history)), new HashSet<>(implicit.logSizes));
    }
}
