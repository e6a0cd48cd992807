package dev.recommender.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.recommender.core.RecommendRequest;
import dev.recommender.core.Recommendations;
import dev.recommender.core.Recommender;
import dev.recommender.core.TrainingData;
import dev.recommender.core.baseline.Baseline;
import dev.recommender.core.baseline.Popularity;
import dev.recommender.core.data.CsvSchema;
import dev.recommender.core.data.EngagementRate;
import dev.recommender.core.data.EventCsvReader;
import dev.recommender.core.data.EventLog;
import dev.recommender.core.data.ImplicitConfidence;
import dev.recommender.core.data.Interactions;
import dev.recommender.core.data.Signals;
import dev.recommender.core.io.ModelStore;
import dev.recommender.core.mf.ExposureRate;
import dev.recommender.core.mf.Svd;
import dev.recommender.core.ranking.RankingTarget;
import dev.recommender.core.ranking.RetrievalRanking;
import dev.recommender.core.ranking.RetrievalRankingAlgorithm;
import dev.recommender.core.ranking.RetrievalRankingConfig;
import dev.recommender.core.retrieval.ImplicitAls;
import dev.recommender.core.retrieval.UserEmbedding;
import dev.recommender.core.sample.SampleEvents;
import dev.recommender.eval.Evaluator;
import dev.recommender.eval.report.EvaluationReport;
import dev.recommender.eval.split.RandomHoldout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java snippets of README.md's "Using the library from Java", run as written against the built-in
 * sample, with non-fallback answers. {@link #theReadmeShowsExactlyThisCode()} checks that every snippet
 * of that section (up to "Save and load") appears verbatim between the {@code README:begin} and
 * {@code README:end} markers below and that the README's import list is this file's, so the two
 * cannot drift apart.
 */
class ReadmeSnippetsTest {
    private static final Path README = Path.of("..", "README.md");
    private static final Path SOURCE = Path.of("src/test/java/dev/recommender/examples/ReadmeSnippetsTest.java");

    @Test
    void theSnippetsAnswerFromTheModelsOnTheBuiltInSample(@TempDir Path dir) throws Exception {
        // README:begin
        EventLog events = SampleEvents.defaults().generate();           // 484k view/engage events, in memory
        // your own log instead: EventCsvReader.readEvents(Path.of("content_engagement.csv"), CsvSchema.seed())
        Interactions pairs = EngagementRate.seed().aggregate(events);   // engaged_pct per (user, item)
        // README:end
        assertEquals(7_252, pairs.userCount());

        // README:begin
        Svd svd = Svd.Config.forEngagementRate().toBuilder().seed(42).build().fit(pairs);
        Recommendations top = svd.recommend("18edb997ce", 10);          // seen items excluded
        top.items().forEach(item -> System.out.println(item.itemId() + " " + item.score()));
        double predicted = svd.score("18edb997ce", "429a50c150");      // predicted engaged_pct
        // README:end
        assertFalse(top.fallback(), "18edb997ce is a user of the sample");
        assertEquals(10, top.size());
        assertTrue(pairs.items().contains("429a50c150"), "429a50c150 is an item of the sample");
        assertTrue(predicted >= 0 && predicted <= 1, "engaged_pct prediction in [0, 1]: " + predicted);

        // README:begin
        Recommendations cold = svd.recommend("someone-new", 10);
        if (cold.fallback()) {
            System.out.println("unknown user: popular items " + cold.itemIds());
        }
        // README:end
        assertTrue(cold.fallback());
        assertEquals(10, cold.size());
        cold.items().forEach(item -> assertTrue(item.score() >= 0 && item.score() <= 1, item.toString()));

        // README:begin
        EvaluationReport report = Evaluator.builder(Signals.engagementLog()).build()   // each model trains on its own signal
                .evaluate(events, RandomHoldout.of(0.2, 42),
                          List.of(Popularity.Config.defaults(), Baseline.Config.defaults(), Svd.Config.forEngagementRate()));
        System.out.println(report.toMarkdown());
        // README:end
        assertTrue(report.toMarkdown().contains("| svd "), report.toMarkdown());

        // README:begin
        ImplicitAls als = ImplicitAls.fit(ImplicitConfidence.defaults().aggregate(events), ImplicitAls.Config.defaults());
        Recommendations forYou = als.recommend("18edb997ce", 10);
        UserEmbedding newcomer = als.foldIn(List.of("e5fb56c07e", "8eec18c1b6"));   // items the new user engaged with
        Recommendations forNewcomer = als.recommend(newcomer, RecommendRequest.top(10));
        // README:end
        assertFalse(forYou.fallback());
        assertEquals(10, forYou.size());
        assertFalse(forNewcomer.fallback());
        assertEquals(10, forNewcomer.size());
        assertFalse(forNewcomer.itemIds().contains("e5fb56c07e"), "the newcomer's own items are not recommended back");

        // README:begin
        TrainingData data = TrainingData.of(events, Signals.engagementLog());
        RetrievalRanking twoStage = new RetrievalRankingAlgorithm<>(ImplicitAls.Config.defaults(),
                ExposureRate.Config.defaults(), RetrievalRankingConfig.builder().target(RankingTarget.ENGAGED).build())
                .fit(data);
        Recommendations ranked = twoStage.recommend("18edb997ce", 10);
        // README:end
        assertFalse(ranked.fallback());
        assertEquals(10, ranked.size());

        // README: save and load a model (in a temporary folder here)
        Path file = dir.resolve("models/model.bin");
        ModelStore.save(svd, file);
        Recommender model = ModelStore.load(file);
        assertEquals(top, model.recommend("18edb997ce", 10));
    }

    @Test
    void theReadmeShowsExactlyThisCode() throws IOException {
        String readme = Files.readString(README);
        String section = readme.substring(readme.indexOf("## Using the library from Java"),
                readme.indexOf("Save and load a model"));
        List<String> blocks = new ArrayList<>();
        Matcher java = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL).matcher(section);
        while (java.find()) {
            blocks.add(java.group(1));
        }
        String source = Files.readString(SOURCE);
        List<String> snippets = new ArrayList<>();
        Matcher marked = Pattern.compile("// README:begin\n(.*?)\\s*// README:end", Pattern.DOTALL).matcher(source);
        while (marked.find()) {
            snippets.add(marked.group(1).stripIndent());
        }
        assertTrue(blocks.size() >= 2, "java blocks in the README section: " + blocks.size());
        List<String> imports = blocks.get(0).lines().toList();
        for (String line : imports) {
            assertTrue(source.contains(line + "\n"), "README import not used by this test: " + line);
        }
        List<String> code = blocks.subList(1, blocks.size()).stream().map(String::strip).toList();
        assertEquals(snippets.stream().map(String::strip).toList(), code);
    }
}
