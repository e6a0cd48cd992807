package dev.recommender.examples;

import dev.recommender.core.Recommendations;
import dev.recommender.core.ScoredItem;
import dev.recommender.core.baseline.Baseline;
import dev.recommender.core.data.Aggregation;
import dev.recommender.core.data.EngagementRate;
import dev.recommender.core.data.Interactions;
import dev.recommender.core.io.ModelStore;
import dev.recommender.core.mf.Svd;
import dev.recommender.eval.split.Split;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code svd}: the proof of concept's matrix factorization notebook. Reads an event log, aggregates it
 * (engagement rate for the seed log, the last rating for MovieLens), holds out a random fraction of the
 * (user, item) pairs, fits {@link Baseline} and {@link Svd} on the rest and prints RMSE and MAE of the
 * global mean, the baseline and SVD on the held-out pairs, the fit times, the per-epoch loss and the
 * top 10 of one example user. {@code --grid} adds the proof of concept's cross-validated grid search;
 * {@code --model-dir DIR} writes the SVD model as {@code DIR/model.bin}, the file {@code serve --model-dir DIR} loads. Every run leaves a {@link RunRecord}.
 */
@Command(name = "svd", mixinStandardHelpOptions = true,
        description = "Train biased matrix factorization (SVD) and compare its RMSE/MAE with the global mean "
                + "and the bias baseline on held-out pairs.")
final class SvdCommand extends TrainingCommand {
    @Mixin
    InputOptions input;

    @Mixin
    RunOptions runs;

    @Option(names = "--split", paramLabel = "SPEC", defaultValue = "random:0.2", converter = SplitSpec.Converter.class,
            description = "Held-out pairs, as in evaluate: random:0.2, user:0.2, temporal:0.2, ... (the first fold "
                    + "of kfold:N) (default: ${DEFAULT-VALUE}).")
    SplitSpec split;

    /** The former spelling of {@code --split random:F}; hidden, still accepted. */
    @Option(names = "--test-fraction", hidden = true)
    Double testFraction;


    @Option(names = "--factors", description = "Latent factors (default: the format's preset).")
    Integer factors;

    @Option(names = "--epochs", description = "SGD epochs (default: the format's preset).")
    Integer epochs;

    @Option(names = "--learning-rate", description = "SGD learning rate (default: the format's preset).")
    Double learningRate;

    @Option(names = "--regularization", description = "L2 regularisation of biases and factors (default: the format's preset).")
    Double regularization;


    @Option(names = "--engaged-pairs-only",
            description = "Events format: keep only pairs with at least one engagement, as the proof of concept's ratings.csv did.")
    boolean engagedPairsOnly;

    @Option(names = "--user", paramLabel = "USER_ID", description = "Example user for the top 10 (default: the first test user).")
    String exampleUser;

    @Option(names = "--model-dir", paramLabel = "DIR",
            description = "Save the SVD model as DIR/model.bin, the file serve --model-dir DIR loads.")
    Path modelDir;

    /** The former option: save the model to this file; hidden, still accepted. */
    @Option(names = "--save", hidden = true)
    Path formerSaveFile;

    @Option(names = "--grid", description = "Also run the cross-validated grid search (epochs {5,10}, learning rate "
            + "{0.002,0.005}, regularisation {0.4,0.6}, 3 folds).")
    boolean grid;

    @Override
    void run() throws Exception {
        if (testFraction != null) {
            if (!(testFraction > 0 && testFraction < 1)) {
                throw new UserInputException("--test-fraction must be in (0, 1), got " + testFraction);
            }
            split = SplitSpec.parse("random:" + testFraction);
        }
        if (threads < 1) {
            throw new UserInputException("--threads must be at least 1, got " + threads);
        }
        if (engagedPairsOnly && !input.format.isEngagement()) {
            throw new UserInputException("--engaged-pairs-only needs --format events, got --format " + input.format);
        }
        RunRecord record = RunRecord.start("svd");
        Dataset data = input.load(err());
        record.dataFile(data.file(), data.format().optionName()).dataFact("events", data.events().size());
        Aggregation aggregation = aggregation(data.format(), engagedPairsOnly);
        Svd.Config config = config(data.format());
        record.parameter("split", split.text()).parameter("seed", seed).parameter("svd", config)
                .parameter("engagedPairsOnly", engagedPairsOnly);

        Split holdout = split.splitter(seed).split(data.events()).get(0);
        Interactions train = aggregation.aggregate(holdout.train());
        Interactions test = aggregation.aggregate(holdout.test());
        record.dataFact("trainPairs", train.size()).dataFact("testPairs", test.size());

        Training result = train(train, test, config, record, progressBars());
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "# SVD on %s (%s)\n\n%,d events; %,d training pairs, %,d held-out pairs "
                        + "(split %s, seed %d)\n\n", data.file(), data.format(), data.events().size(),
                train.size(), test.size(), split.text(), seed));
        text.append(RatingResult.markdownHeader());
        result.rows.forEach(row -> text.append(row.toMarkdownRow()));
        text.append("\n").append(epochTable(result.epochs));

        Map<String, Object> example = example(result.svd, test, exampleUser);
        if (example != null) {
            text.append("\nTop 10 for user ").append(example.get("userId")).append(":\n");
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> items = (List<Map<String, Object>>) example.get("items");
            for (Map<String, Object> item : items) {
                text.append(String.format(Locale.ROOT, "%3d. %s  %.4f\n", (Integer) item.get("rank"),
                        item.get("itemId"), (Double) item.get("score")));
            }
        }

        Map<String, Object> gridResult = null;
        if (grid) {
            gridResult = SvdGrid.run(data, aggregation, config, seed, record, progressBars());
            text.append("\n").append(gridResult.get("markdown"));
        }
        Path save = modelDir != null ? modelDir.resolve(UserDirs.MODEL_FILE) : formerSaveFile;
        if (modelDir == null && formerSaveFile != null) {
            err().println("warning: --save FILE is deprecated; use --model-dir DIR (the model goes to DIR/model.bin)");
        }
        if (save != null) {
            if (save.getParent() != null) {
                Files.createDirectories(save.getParent());
            }
            ModelStore.save(result.svd, save);
            record.model("svd", save);
            text.append("\nSaved the SVD model to ").append(save).append('\n');
        }
        for (RatingResult row : result.rows) {
            String key = row.model().replace(' ', '-');
            record.metric(key + ".rmse", row.rmse()).metric(key + ".mae", row.mae()).timing(key + ".fit", row.fitSeconds());
        }
        Path recordFile = record.write(runs.runsDir());
        text.append("\nRun record: ").append(recordFile).append('\n');
        print(text.toString());

        Map<String, Object> json = new LinkedHashMap<>();
        json.put("command", "svd");
        json.put("file", data.file().toString());
        json.put("format", data.format().optionName());
        json.put("events", data.events().size());
        json.put("trainPairs", train.size());
        json.put("testPairs", test.size());
        json.put("split", split.text());
        json.put("seed", seed);
        json.put("config", config);
        json.put("results", result.rows);
        json.put("epochs", result.epochs);
        json.put("example", example);
        if (gridResult != null) {
            Map<String, Object> gridJson = new LinkedHashMap<>(gridResult);
            gridJson.remove("markdown");
            json.put("grid", gridJson);
        }
        json.put("savedModel", save == null ? null : save.toString());
        json.put("runRecord", recordFile.toString());
        printJson(json);
    }

    /** The aggregation for rating prediction on a format. */
    static Aggregation aggregation(DataFormat format, boolean engagedPairsOnly) {
        return format.isEngagement() && engagedPairsOnly ? EngagementRate.seed().withEngagedPairsOnly(true)
                : format.aggregation();
    }

    /** The SVD configuration: the format's preset with the command-line overrides. */
    Svd.Config config(DataFormat format) {
        Svd.Config preset = format.isEngagement() ? Svd.Config.forEngagementRate() : Svd.Config.forRatings();
        Svd.Builder builder = preset.toBuilder().seed(seed).threads(threads);
        if (factors != null) {
            builder.factors(factors);
        }
        if (epochs != null) {
            builder.epochs(epochs);
        }
        if (learningRate != null) {
            builder.learningRate(learningRate).biasLearningRate(learningRate);
        }
        if (regularization != null) {
            builder.regularization(regularization);
        }
        return builder.build();
    }

    /** The three fitted scorers and their errors. */
    record Training(Svd svd, List<RatingResult> rows, List<Map<String, Object>> epochs) {
    }

    /**
     * Fits the baseline and SVD on the training pairs and measures global mean, baseline and SVD on the
     * test pairs.
     */
    static Training train(Interactions train, Interactions test, Svd.Config config, RunRecord record,
                          boolean progressBars) {
        List<Map<String, Object>> epochRows = new ArrayList<>();
        double mean = train.meanValue();
        RatingResult meanRow = RatingResult.of("global mean", (user, item) -> mean, test, 0);

        long start = System.nanoTime();
        Baseline baseline = Baseline.Config.defaults().fit(train);
        RatingResult baselineRow = RatingResult.of("baseline", baseline, test, seconds(start));

        Svd svd;
        start = System.nanoTime();
        try (Progress progress = Progress.start("svd", config.epochs(), progressBars)) {
            svd = config.fit(train, progress.epochs(epoch -> {
                record.epoch(epoch);
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("epoch", epoch.epoch());
                row.put("loss", epoch.loss());
                row.put("elapsedSeconds", epoch.elapsed().toNanos() / 1e9);
                epochRows.add(row);
            }));
        }
        RatingResult svdRow = RatingResult.of("svd", svd, test, seconds(start));
        return new Training(svd, List.of(meanRow, baselineRow, svdRow), epochRows);
    }

    /** The top 10 of an example user (the given one, or the first test user the model knows), or null. */
    static Map<String, Object> example(Svd svd, Interactions test, String exampleUser) {
        String userId = exampleUser;
        if (userId == null) {
            for (int user = 0; user < test.userCount() && userId == null; user++) {
                if (svd.knowsUser(test.users().id(user))) {
                    userId = test.users().id(user);
                }
            }
        }
        if (userId == null) {
            return null;
        }
        Recommendations top = svd.recommend(userId, 10);
        List<Map<String, Object>> items = new ArrayList<>();
        int rank = 1;
        for (ScoredItem item : top.items()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("rank", rank++);
            row.put("itemId", item.itemId());
            row.put("score", item.score());
            items.add(row);
        }
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("userId", userId);
        example.put("fallback", top.fallback());
        example.put("items", items);
        return example;
    }

    static String epochTable(List<Map<String, Object>> epochs) {
        StringBuilder table = new StringBuilder("| epoch | training loss | elapsed s |\n|---:|---:|---:|\n");
        for (Map<String, Object> row : epochs) {
            table.append(String.format(Locale.ROOT, "| %d | %.6f | %.2f |\n", (Integer) row.get("epoch"),
                    (Double) row.get("loss"), (Double) row.get("elapsedSeconds")));
        }
        return table.toString();
    }

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
