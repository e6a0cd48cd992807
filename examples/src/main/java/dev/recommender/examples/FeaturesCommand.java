package dev.recommender.examples;

import dev.recommender.core.data.Interactions;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code features}: writes the proof of concept's feature datasets from an engagement log
 * ({@code pairs.csv}, {@code ratings.csv}, {@code content.csv}; see {@link FeatureFiles}).
 */
@Command(name = "features", mixinStandardHelpOptions = true,
        description = "Write the per-pair feature CSV (viewed, engaged, shown counts and engaged_pct), "
                + "the engaged pairs (ratings.csv) and the content list (content.csv).")
final class FeaturesCommand extends ToolCommand {
    @Mixin
    InputOptions input;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Output folder.")
    Path outDir;

    @Override
    void run() throws Exception {
        Dataset data = input.load(err());
        if (!data.format().isEngagement()) {
            throw new UserInputException("features needs an engagement log (--format events), got --format "
                    + data.format());
        }
        Interactions pairs = data.pairs();
        List<Path> files = FeatureFiles.write(data.events(), pairs, outDir);
        print("Wrote " + pairs.size() + " pairs and " + data.events().items().size() + " content ids:\n"
                + String.join("\n", files.stream().map(Path::toString).toList()));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("pairs", pairs.size());
        result.put("content", data.events().items().size());
        result.put("files", files.stream().map(Path::toString).toList());
        printJson(result);
    }
}
