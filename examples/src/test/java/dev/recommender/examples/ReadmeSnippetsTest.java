package dev.recommender.examples;

import dev.recommender.core.RecommendRequest;
import dev.recommender.core.TrainingListener;
import dev.recommender.core.data.ImplicitConfidence;
import dev.recommender.core.TrainingData;
import dev.recommender.core.data.Signals;
import dev.recommender.core.ranking.RetrievalRanking;
import dev.recommender.core.ranking.RetrievalRankingAlgorithm;
import dev.recommender.core.ranking.RetrievalRankingConfig;
import dev.recommender.core.retrieval.ImplicitAls;
import dev.recommender.core.retrieval.UserEmbedding;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.recommender.core.Recommendations;
import dev.recommender.core.Recommender;
import dev.recommender.core.baseline.Baseline;
import dev.recommender.core.baseline.Popularity;
import dev.recommender.core.data.CsvSchema;
import dev.recommender.core.data.EngagementRate;
import dev.recommender.core.data.EventCsvReader;
import dev.recommender.core.data.EventLog;
import dev.recommender.core.data.Interactions;
import dev.recommender.core.io.ModelStore;
import dev.recommender.core.mf.Svd;
import dev.recommender.eval.Evaluator;
import dev.recommender.eval.report.EvaluationReport;
import dev.recommender.eval.split.RandomHoldout;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Java snippets of README.md, run as written (on a small generated log), so the README cannot rot. */
class ReadmeSnippetsTest {
    @Test
    void loadFitRecommendEvaluateSaveAndLoad(@TempDir Path dir) throws Exception {
        Path csv = TestLogs.seedLog(dir.resolve("content_engagement.csv"), 60, 30, 10, 5);
        String userId = "u001";
        String itemId = "c001";

        // README: load a CSV
        EventLog events = EventCsvReader.readEvents(csv, CsvSchema.seed());
        Interactions pairs = EngagementRate.seed().aggregate(events);   // engaged_pct per (user, item)

        // README: fit SVD and recommend
        Svd svd = Svd.Config.forEngagementRate().toBuilder().seed(42).build().fit(pairs);
        Recommendations top = svd.recommend(userId, 10);                // seen items excluded
        double predicted = svd.score(userId, itemId);                   // predicted engaged_pct
        assertEquals(10, top.size());
        assertTrue(predicted >= 0 && predicted <= 1, "engaged_pct prediction in [0, 1]: " + predicted);

        // README: evaluate several algorithms on the same split
        EvaluationReport report = Evaluator.builder(Signals.engagementLog()).build()
                .evaluate(events, RandomHoldout.of(0.2, 42),
                        List.of(Popularity.Config.defaults(), Baseline.Config.defaults(), Svd.Config.forEngagementRate()));
        assertTrue(report.toMarkdown().contains("| svd "), report.toMarkdown());

        // README: top-N from implicit feedback, and a new user folded in from their events
        ImplicitAls als = ImplicitAls.fit(ImplicitConfidence.defaults().aggregate(events), ImplicitAls.Config.defaults());
        Recommendations forYou = als.recommend(userId, 10);
        UserEmbedding newcomer = als.foldIn(List.of(itemId, "c002"));   // items the new user engaged with
        Recommendations forNewcomer = als.recommend(newcomer, RecommendRequest.top(10));
        assertEquals(10, forYou.size());
        assertEquals(10, forNewcomer.size());
        assertFalse(forNewcomer.itemIds().contains(itemId), "the newcomer's own items are not recommended back");

        // README: the two-stage model
        RetrievalRanking twoStage = new RetrievalRankingAlgorithm<>(ImplicitAls.Config.defaults(),
                Svd.Config.forEngagementRate(), RetrievalRankingConfig.defaults()).fit(TrainingData.of(events));
        Recommendations ranked = twoStage.recommend(userId, 10);
        assertEquals(10, ranked.size());

        // README: save and load a model
        Path file = dir.resolve("models/model.bin");                   // the folder is created as needed
        ModelStore.save(svd, file);
        Recommender model = ModelStore.load(file);
        assertEquals(top, model.recommend(userId, 10));
    }
}
