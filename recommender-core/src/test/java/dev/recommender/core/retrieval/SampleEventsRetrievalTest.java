package dev.recommender.core.retrieval;

import dev.recommender.core.TrainingListener;
import dev.recommender.core.baseline.Popularity;
import dev.recommender.core.data.EventLog;
import dev.recommender.core.data.ImplicitConfidence;
import dev.recommender.core.ranking.EventAlgorithm;
import dev.recommender.core.ranking.ModelStage;
import dev.recommender.core.ranking.SeedProtocol;
import dev.recommender.core.ranking.SeedReport;
import dev.recommender.core.sample.SampleEvents;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The seed's retrieval metric on the built-in sample log (small configuration: 400 users, 120 items,
 * 20,000 events): with the last 20% of the time span as test period, implicit ALS with its defaults must beat
 * popularity at top-K categorical accuracy for every K in 1, 5, 10, 50, 100.
 */
class SampleEventsRetrievalTest {
    @Test
    void implicitAlsBeatsPopularityAtEveryCutoff() {
        EventLog events = SampleEvents.of(SampleEvents.Config.small()).generate();
        ImplicitConfidence confidence = ImplicitConfidence.defaults();
        Map<String, EventAlgorithm<?>> contenders = new LinkedHashMap<>();
        contenders.put("popularity", new ModelStage<>(confidence, Popularity.Config.defaults()));
        contenders.put("implicit ALS", new ModelStage<>(confidence,
                ImplicitAls.Config.defaults().toBuilder().threads(2).build()));
        SeedReport report = SeedProtocol.defaults().run(events, contenders, TrainingListener.NONE);
        System.out.println(report.toMarkdown());
        double[] popularity = report.row("popularity").accuracy();
        double[] als = report.row("implicit ALS").accuracy();
        for (int k = 0; k < report.ks().size(); k++) {
            assertTrue(als[k] > popularity[k], "top-" + report.ks().get(k) + ": ALS " + als[k]
                    + " vs popularity " + popularity[k]);
        }
    }
}
