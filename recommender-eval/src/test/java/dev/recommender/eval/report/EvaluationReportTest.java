package dev.recommender.eval.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EvaluationReportTest {

    private static Map<String, Double> metrics(double rmse, double ndcg) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("rmse", rmse);
        metrics.put("ndcg@10", ndcg);
        return metrics;
    }

    private static EvaluationReport twoFoldReport() {
        AlgorithmResult svd = new AlgorithmResult("svd", List.of(
                new FoldResult("svd", 0, metrics(0.9, 0.2), 1.0, 0.5, 0.25, 10, 1, 0, 3, 1, 0),
                new FoldResult("svd", 1, metrics(0.8, 0.4), 3.0, 0.5, 0.75, 10, 2, 0, 3, 1, 1)));
        AlgorithmResult popularity = new AlgorithmResult("pop, \"v2\"", List.of(
                new FoldResult("pop", 0, metrics(Double.NaN, 0.1), 0.5, 0, 0.5, 10, 0, 0, 3, 1, 0),
                new FoldResult("pop", 1, metrics(Double.NaN, 0.1), 0.5, 0, 0.5, 10, 0, 0, 3, 1, 1)));
        return new EvaluationReport("2-fold", 2, List.of(svd, popularity));
    }

    @Test
    void summaryIsMeanAndSampleStandardDeviation() {
        // 1, 2, 3, 4: mean 2.5; squared deviations 2.25 + 0.25 + 0.25 + 2.25 = 5; / (4 - 1) -> sqrt(5/3)
        Summary summary = Summary.of(1, 2, 3, 4);
        assertEquals(2.5, summary.mean(), 1e-15);
        assertEquals(Math.sqrt(5.0 / 3), summary.standardDeviation(), 1e-15);
        assertEquals(4, summary.count());
        // NaN (undefined on a fold) is left out: mean of 1 and 3 is 2, std sqrt(2)
        Summary partial = Summary.of(1, Double.NaN, 3);
        assertEquals(2, partial.count());
        assertEquals(Math.sqrt(2), partial.standardDeviation(), 1e-15);
        assertEquals(new Summary(5, 0, 1), Summary.of(5));
        assertTrue(Double.isNaN(Summary.of(Double.NaN).mean()));
    }

    @Test
    void markdownShowsMeanPlusMinusStdPerMetricAndDashForUndefined() {
        // svd rmse 0.9, 0.8 -> 0.85 +- sqrt(2 x 0.05^2 / 1) = 0.0707; ndcg 0.2, 0.4 -> 0.3 +- 0.1414
        // fit 1, 3 -> 2 +- 1.41; recommend 0.25, 0.75 -> 0.5 +- 0.35; unknown 1 + 2 = 3
        assertEquals("""
                Evaluation: 2-fold, 2 folds (mean ± std)

                | algorithm | rmse | ndcg@10 | fit s | predict s | recommend s | unknown pairs |
                |---|---:|---:|---:|---:|---:|---:|
                | svd | 0.8500 ± 0.0707 | 0.3000 ± 0.1414 | 2.00 ± 1.41 | 0.50 ± 0.00 | 0.50 ± 0.35 | 3 |
                | pop, "v2" | — | 0.1000 ± 0.0000 | 0.50 ± 0.00 | 0.00 ± 0.00 | 0.50 ± 0.00 | 0 |

                — no value: the model only ranks (its scores are not predicted ratings or rates), so RMSE and MAE \
                do not apply to it.
                """, twoFoldReport().toMarkdown());
        // without a rating column there is no footnote
        assertFalse(twoFoldReport().toMarkdown(List.of("ndcg@10")).contains("only ranks"));
    }

    @Test
    void csvHasOneQuotedRowPerAlgorithmAndEmptyCellsForNaN() {
        String[] lines = twoFoldReport().toCsv().split("\n");
        assertEquals(3, lines.length);
        assertEquals("algorithm,folds,rmse_mean,rmse_std,ndcg@10_mean,ndcg@10_std,fit_s_mean,fit_s_std,"
                + "predict_s_mean,predict_s_std,recommend_s_mean,recommend_s_std,test_pairs,unknown_pairs,"
                + "non_finite_predictions,users_evaluated,users_skipped,cold_users", lines[0]);
        assertTrue(lines[1].startsWith("svd,2,0.85"), lines[1]);
        assertTrue(lines[1].endsWith(",20,3,0,6,2,1"), lines[1]); // totals over the two folds
        assertTrue(lines[2].startsWith("\"pop, \"\"v2\"\"\",2,,,0.1,0,"), lines[2]);
        String[] folds = twoFoldReport().toFoldCsv().split("\n");
        assertEquals(5, folds.length);
        assertEquals("svd,1,0.8,0.4,3,0.5,0.75,10,2,0,3,1,1", folds[2]);
    }

    @Test
    void jsonCarriesSummariesTotalsAndFoldsWithNullForNaN() {
        AlgorithmResult one = new AlgorithmResult("a\"b", List.of(
                new FoldResult("a\"b", 0, metrics(Double.NaN, 0.5), 2, 0, 1, 4, 1, 0, 2, 0, 0)));
        String json = new EvaluationReport("holdout", 1, List.of(one)).toJson();
        assertEquals("{\"splitter\":\"holdout\",\"folds\":1,\"metrics\":[\"rmse\",\"ndcg@10\"],\"algorithms\":["
                + "{\"algorithm\":\"a\\\"b\",\"summary\":{\"rmse\":{\"mean\":null,\"std\":null,\"count\":0},"
                + "\"ndcg@10\":{\"mean\":0.5,\"std\":0,\"count\":1}},"
                + "\"fit_s\":{\"mean\":2,\"std\":0,\"count\":1},\"predict_s\":{\"mean\":0,\"std\":0,\"count\":1},"
                + "\"recommend_s\":{\"mean\":1,\"std\":0,\"count\":1},"
                + "\"totals\":{\"test_pairs\":4,\"unknown_pairs\":1,\"non_finite_predictions\":0,"
                + "\"users_evaluated\":2,\"users_skipped\":0,\"cold_users\":0},"
                + "\"folds\":[{\"fold\":0,\"metrics\":{\"rmse\":null,\"ndcg@10\":0.5},\"fit_s\":2,\"predict_s\":0,"
                + "\"recommend_s\":1,\"test_pairs\":4,\"unknown_pairs\":1,\"non_finite_predictions\":0,"
                + "\"users_evaluated\":2,\"users_skipped\":0,\"cold_users\":0}]}]}", json);
    }

    @Test
    void jsonParsesWithAStandardParserEvenWithAwkwardNames() throws IOException {
        Map<String, Double> awkward = new LinkedHashMap<>();
        awkward.put("ndcg@10", 0.25);
        awkward.put("rmse", Double.NaN);
        String name = "quote \" backslash \\ tab \t newline \n bell \u0007 ümlaut";
        AlgorithmResult row = new AlgorithmResult(name, List.of(
                new FoldResult(name, 0, awkward, 1e-9, Double.NaN, 12345.5, 4, 1, 0, 2, 0, 0)));
        JsonNode root = new ObjectMapper().readTree(new EvaluationReport("split \"x\"", 1, List.of(row)).toJson());
        assertEquals("split \"x\"", root.get("splitter").asText());
        JsonNode algorithm = root.get("algorithms").get(0);
        assertEquals(name, algorithm.get("algorithm").asText());
        assertEquals(0.25, algorithm.get("summary").get("ndcg@10").get("mean").asDouble());
        assertTrue(algorithm.get("summary").get("rmse").get("mean").isNull());
        assertEquals(1e-9, algorithm.get("folds").get(0).get("fit_s").asDouble());
        assertTrue(algorithm.get("folds").get(0).get("predict_s").isNull());
        assertEquals(12345.5, algorithm.get("recommend_s").get("mean").asDouble());
        assertEquals(1, algorithm.get("totals").get("unknown_pairs").asInt());
    }

    @Test
    void writesFilesAndRejectsUnknownRows(@TempDir Path directory) throws IOException {
        EvaluationReport report = twoFoldReport();
        Path csv = directory.resolve("report.csv");
        Path json = directory.resolve("report.json");
        Path markdown = directory.resolve("report.md");
        report.writeCsv(csv);
        report.writeJson(json);
        report.writeMarkdown(markdown);
        assertEquals(report.toCsv(), Files.readString(csv));
        assertEquals(report.toJson(), Files.readString(json));
        assertEquals(report.toMarkdown(), Files.readString(markdown));
        try (var files = Files.list(directory)) {
            assertEquals(3, files.count(), "no temporary files left behind");
        }
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> report.row("svd++"));
        assertEquals("no row for algorithm 'svd++'; rows: [svd, pop, \"v2\"]", missing.getMessage());
    }
}
