package dev.recommender.examples;

import dev.recommender.core.sample.SampleEvents;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sample}: writes the built-in synthetic event log ({@link SampleEvents}: the proof of concept's
 * schema and shape, with hidden user and item preferences a model can learn) as a seed-format CSV.
 */
@Command(name = "sample", mixinStandardHelpOptions = true,
        description = "Write the built-in synthetic event log (seed format: user_id,content_id,event_timestamp,event_type).")
final class SampleCommand extends ToolCommand {
    @Option(names = "--out", paramLabel = "FILE", required = true, description = "The CSV file to write.")
    Path out;

    @Option(names = "--seed", defaultValue = "42", description = "Generator seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--users", description = "Number of users (default: the seed's 7,252).")
    Integer users;

    @Option(names = "--items", description = "Number of content items (default: the seed's 583).")
    Integer items;

    @Option(names = "--events", description = "Number of events (default: about the seed's 484k).")
    Integer events;

    @Override
    void run() throws Exception {
        SampleEvents.Config defaults = SampleEvents.Config.defaults();
        SampleEvents.Config config = defaults.withSeed(seed).withSize(
                users == null ? defaults.users() : users,
                items == null ? defaults.items() : items,
                events == null ? defaults.events() : events);
        long start = System.nanoTime();
        SampleEvents.of(config).writeCsv(out);
        double seconds = (System.nanoTime() - start) / 1e9;
        String sha256 = RunRecord.sha256(out);
        print(String.format(Locale.ROOT, "Wrote %s: %,d users, %,d items, %,d events, seed %d (%.1f s)\nsha256 %s",
                out, config.users(), config.items(), config.events(), config.seed(), seconds, sha256));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("file", out.toString());
        json.put("config", config);
        json.put("sha256", sha256);
        json.put("seconds", seconds);
        printJson(json);
    }
}
