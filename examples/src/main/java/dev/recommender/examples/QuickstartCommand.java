package dev.recommender.examples;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.recommender.core.Algorithm;
import dev.recommender.core.data.Aggregation;
import dev.recommender.core.data.Interactions;
import dev.recommender.core.io.ModelStore;
import dev.recommender.core.mf.Svd;
import dev.recommender.eval.report.EvaluationReport;
import dev.recommender.eval.split.RandomHoldout;
import dev.recommender.eval.split.Split;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code quickstart}: the whole path on the built-in sample in one go: the exploratory summary; SVD
 * against the global mean and the bias baseline on a 20% pair holdout; the side-by-side evaluation of
 * popularity, baseline, SVD and implicit ALS (ranking metrics at 10: SVD predicts the rate well, ALS
 * ranks well); the final SVD refit on all pairs and saved as
 * {@code DIR/model.bin} (the file {@code serve --model-dir DIR} loads; {@code DIR} defaults to the
 * per-user {@link UserDirs#modelDir()}, never the current directory); and a sample API request with the
 * answer the server would give. Leaves a {@link RunRecord}.
 */
@Command(name = "quickstart", mixinStandardHelpOptions = true,
        description = "The whole path on the built-in sample: summary, SVD training, evaluation, saved model, "
                + "sample API request and response.")
final class QuickstartCommand extends ToolCommand {
    @Mixin
    InputOptions input;

    @Mixin
    RunOptions runs;

    @Option(names = "--model-dir", paramLabel = "DIR",
            description = "Folder of the final model, saved as DIR/model.bin for serve --model-dir DIR (default: "
                    + "$XDG_STATE_HOME/recommender/models, else ~/.local/state/recommender/models; the same folder "
                    + "serve reads without --model-dir).")
    Path modelDir;

    /** The former spelling of {@code --model-dir}; hidden, still accepted. */
    @Option(names = "--models-dir", hidden = true)
    Path formerModelsDir;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of splits and models (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--algorithms", paramLabel = "LIST", defaultValue = "popularity,baseline,svd,implicit-als",
            description = "Algorithms of the evaluation step (default: ${DEFAULT-VALUE}).")
    String algorithms;

    /** The folder the final model goes to: {@code --model-dir}, else the per-user default. */
    Path modelDirectory() {
        if (modelDir != null) {
            return modelDir;
        }
        if (formerModelsDir != null) {
            err().println("warning: --models-dir is deprecated; use --model-dir");
            return formerModelsDir;
        }
        return UserDirs.modelDir();
    }

    @Override
    void run() throws Exception {
        long start = System.nanoTime();
        RunRecord record = RunRecord.start("quickstart");
        Dataset data = input.load(err());
        record.dataFile(data.file(), data.format().optionName()).dataFact("events", data.events().size());
        StringBuilder text = new StringBuilder();

        // 1. what the data looks like
        Aggregation aggregation = data.format().aggregation();
        Interactions pairs = aggregation.aggregate(data.events());
        Summary summary = Summary.of(data.events(), pairs, data.format().valueName());
        text.append("# 1. The data: ").append(data.file()).append("\n\n").append(summary.toMarkdown());

        // 2. rating prediction: SVD against the global mean and the baseline on held-out pairs
        Svd.Config config = (data.format().isEngagement() ? Svd.Config.forEngagementRate() : Svd.Config.forRatings())
                .toBuilder().seed(seed).build();
        record.parameter("seed", seed).parameter("svd", config).parameter("testFraction", 0.2);
        Split split = RandomHoldout.of(0.2, seed).split(data.events()).get(0);
        Interactions train = aggregation.aggregate(split.train());
        Interactions test = aggregation.aggregate(split.test());
        SvdCommand.Training training = SvdCommand.train(train, test, config, record, progressBars());
        text.append(String.format(Locale.ROOT, "\n# 2. Predicting %s: %,d training pairs, %,d held-out pairs\n\n",
                data.format().valueName(), train.size(), test.size()));
        text.append(RatingResult.markdownHeader());
        for (RatingResult row : training.rows()) {
            text.append(row.toMarkdownRow());
            String key = row.model().replace(' ', '-');
            record.metric(key + ".rmse", row.rmse()).metric(key + ".mae", row.mae()).timing(key + ".fit", row.fitSeconds());
        }

        // 3. ranking: every algorithm judged by the same evaluator
        Map<String, Algorithm<?>> configured = AlgorithmCatalog.standard().createAll(algorithms,
                new AlgorithmCatalog.Context(data.format(), seed, Runtime.getRuntime().availableProcessors()));
        EvaluationReport report = EvaluateCommand.evaluate(data, configured, SplitSpec.parse("random:0.2"), 10, seed,
                progressBars());
        text.append("\n# 3. Ranking the held-out items (random 20% of pairs, top 10)\n\n").append(report.toMarkdown());
        for (var row : report.algorithms()) {
            for (String name : row.metricNames()) {
                record.metric("evaluation." + row.algorithm() + "." + name, row.summary(name).mean());
            }
        }

        // 4. the final model: SVD on all pairs, saved for the server
        long fitStart = System.nanoTime();
        Svd model = config.fit(pairs);
        record.timing("final.fit", SvdCommand.seconds(fitStart));
        Path modelsDir = modelDirectory();
        Files.createDirectories(modelsDir);
        Path modelFile = modelsDir.resolve(UserDirs.MODEL_FILE);
        ModelStore.save(model, modelFile);
        record.model("svd", modelFile);
        text.append("\n# 4. The final model\n\nSVD fitted on all ").append(pairs.size()).append(" pairs, saved to ")
                .append(modelFile).append("\nServe it with: java -jar examples/target/recommender-examples.jar serve")
                .append(modelDir == null && formerModelsDir == null ? "" : " --model-dir " + modelsDir).append('\n');

        // 5. what the API answers
        Svd loaded = ModelStore.load(modelFile, Svd.class);
        String userId = data.events().userId(0);
        Map<String, Object> request = ApiExample.request(userId, 10);
        Map<String, Object> response = ApiExample.response(loaded, userId, 10);
        text.append("\n# 5. A sample API call\n\nPOST /recommender\n").append(Json.pretty(request))
                .append("\n\nResponse:\n").append(Json.pretty(response)).append('\n');

        Path recordFile = record.write(runs.runsDir());
        double seconds = SvdCommand.seconds(start);
        text.append(String.format(Locale.ROOT, "\nRun record: %s\nDone in %.1f s.\n", recordFile, seconds)
                );
        print(text.toString());

        Map<String, Object> json = new LinkedHashMap<>();
        json.put("command", "quickstart");
        json.put("file", data.file().toString());
        json.put("summary", summary);
        json.put("ratingPrediction", training.rows());
        json.put("epochs", training.epochs());
        json.put("evaluation", new ObjectMapper().readTree(report.toJson()));
        json.put("model", modelFile.toString());
        json.put("request", request);
        json.put("response", response);
        json.put("runRecord", recordFile.toString());
        json.put("seconds", seconds);
        printJson(json);
    }
}
