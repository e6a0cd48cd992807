package dev.recommender.eval;

import dev.recommender.core.data.BinarisedAggregation;
import dev.recommender.core.baseline.Baseline;
import dev.recommender.core.baseline.Popularity;
import dev.recommender.core.data.CsvSchema;
import dev.recommender.core.data.EventCsvReader;
import dev.recommender.core.data.EventLog;
import dev.recommender.core.data.ExplicitRating;
import dev.recommender.core.testing.MovieLensData;
import dev.recommender.eval.report.AlgorithmResult;
import dev.recommender.eval.report.EvaluationReport;
import dev.recommender.eval.split.KFold;
import dev.recommender.eval.split.PerUserHoldout;
import dev.recommender.eval.split.Split;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Protocols A and B of docs/protocols.md on MovieLens latest-small, checked against the peer harness's
 * published counts and numbers. Skipped unless {@code -Ddata.dir=...} is set, failed
 * if it is set but the file is missing ({@link MovieLensData}).
 */
class MovieLensProtocolsTest {
    private static EventLog ratings;

    @BeforeAll
    static void load() throws IOException {
        Path file = MovieLensData.ratingsCsv();
        ratings = EventCsvReader.readEvents(file, CsvSchema.movieLens());
    }

    @Test
    void protocolAFoldsCountExactlyThePeerHarnessUnknownPairsAndReproduceItsBaseline() {
        assertEquals(100_836, ratings.size());
        List<Split> folds = KFold.protocolA(5, 42).split(ratings);
        for (Split fold : folds) {
            // 100,836 = 5 x 20,167 + 1: fold 0 holds 20,168 ratings, the others 20,167
            assertEquals(fold == folds.get(0) ? 20_168 : 20_167, fold.test().size());
        }
        Evaluator evaluator = Evaluator.builder(dev.recommender.core.data.Signals.ratings())
                .options(EvaluationOptions.builder().rankingMetrics(false).clip(1, 5).build()).build();
        EvaluationReport report = evaluator.evaluate(folds, "protocol A", Map.of(
                "baseline 10/25 x1", new Baseline.Config(10, 25, 1)));
        AlgorithmResult baseline = report.row("baseline 10/25 x1");
        // docs/protocols.md: "Count these (4,127 of 100,836 pairs over the five folds)".
        assertEquals(4_127, baseline.totalUnknownPairs());
        assertEquals(100_836, baseline.totalTestPairs());
        double rmse = baseline.summary("rmse").mean();
        assertTrue(rmse >= 0.86 && rmse <= 0.92, "RMSE " + rmse);
        // the peer harness's bias baseline (damping 10 / 25) reported 0.8917
        assertEquals(0.8917, rmse, 0.0005, "RMSE " + rmse);
    }

    @Test
    void protocolBPopularityMatchesThePeerHarness() {
        Split split = PerUserHoldout.protocolB(0.2, 5, 42).split(ratings).get(0);
        Evaluator evaluator = Evaluator.builder(dev.recommender.core.data.Signals.ratings())
                .options(EvaluationOptions.builder().ratingMetrics(false).cutoffs(10).accuracyCutoffs().build())
                .build();
        EvaluationReport report = evaluator.evaluate(List.of(split), "protocol B",
                Map.of("popularity", Popularity.Config.defaults()));
        AlgorithmResult popularity = report.row("popularity");
        // every MovieLens user has at least 20 ratings: all 610 are tested, none skipped or cold
        assertEquals(610, popularity.totalUsersEvaluated());
        assertEquals(0, popularity.totalUsersSkipped());
        assertEquals(0, popularity.totalColdUsers());
        // docs/protocols.md peer popularity: NDCG@10 0.1768, P@10 0.151
        assertEquals(0.1768, popularity.summary("ndcg@10").mean(), 0.0005, report.toMarkdown());
        assertEquals(0.151, popularity.summary("precision@10").mean(), 0.0005, report.toMarkdown());
    }
}
