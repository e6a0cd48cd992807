package dev.recommender.eval;

import dev.recommender.core.baseline.Popularity;
import dev.recommender.core.data.EventLog;
import dev.recommender.core.data.ImplicitConfidence;
import dev.recommender.core.Algorithm;
import dev.recommender.core.TrainingInput;
import dev.recommender.core.retrieval.ImplicitAls;
import dev.recommender.eval.report.EvaluationReport;
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
        Map<String, Algorithm<?>> contenders = new LinkedHashMap<>();
        contenders.put("popularity", Popularity.Config.defaults().withInput(TrainingInput.of(confidence)));
        contenders.put("implicit ALS", ImplicitAls.Config.defaults().toBuilder().threads(2)
                .input(TrainingInput.of(confidence)).build());
        int[] ks = {1, 5, 10, 50, 100};
        EvaluationReport report = Protocol.seedNotebook(0.2, ks).evaluate(events, contenders);
        for (int k : ks) {
            String metric = "top_k_accuracy@" + k;
            double als = report.row("implicit ALS").summary(metric).mean();
            double popularity = report.row("popularity").summary(metric).mean();
            assertTrue(als > popularity, "top-" + k + ": ALS " + als + " vs popularity " + popularity);
        }
    }
}
