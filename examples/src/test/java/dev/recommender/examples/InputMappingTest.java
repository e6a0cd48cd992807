package dev.recommender.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.recommender.core.data.CsvSchema;
import dev.recommender.core.data.EventCsvReader;
import dev.recommender.core.data.ImplicitConfidence;
import dev.recommender.core.data.Interactions;
import dev.recommender.core.data.Signal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code --format events} (formerly seed), {@code --columns}, {@code --event-weights} and the header hint. */
class InputMappingTest {
    private static final String EVENTS = "user_id,content_id,event_timestamp,event_type\n"
            + "u1,c1,1640995200,viewed\nu1,c1,1640995201,engaged\nu2,c1,1640995202,viewed\nu2,c2,1640995203,viewed\n";

    @TempDir
    Path dir;

    private static InputOptions parse(String... args) {
        InputOptions options = new InputOptions();
        new CommandLine(options).parseArgs(args);
        return options;
    }

    private JsonNode summary(CliRun run) throws Exception {
        assertEquals(Cli.OK, run.exitCode(), run.err());
        return new ObjectMapper().readTree(run.out()).get("summary");
    }

    @Test
    void eventsIsTheEngagementPresetAndSeedItsFormerName() throws Exception {
        assertEquals(DataFormat.SEED, DataFormat.parse("events"));
        assertEquals(DataFormat.SEED, DataFormat.parse("seed"));
        assertEquals("events", parse().format.optionName());
        Path file = Files.writeString(dir.resolve("events.csv"), EVENTS);
        JsonNode events = summary(CliRun.of("summarize", "--json", "--input", file.toString(), "--format", "events"));
        JsonNode seed = summary(CliRun.of("summarize", "--json", "--input", file.toString(), "--format", "seed"));
        assertEquals(events, seed);
        assertEquals(2, events.get("users").asInt());
        assertEquals(2, events.get("items").asInt());
    }

    @Test
    void aHeaderMismatchNamesThePresetTheHeaderMatches() throws Exception {
        Path ratings = Files.writeString(dir.resolve("ratings.csv"), "userId,movieId,rating,timestamp\n1,2,3.5,1700000000\n");
        CliRun run = CliRun.of("summarize", "--input", ratings.toString());
        assertEquals(Cli.USAGE, run.exitCode());
        assertTrue(run.err().startsWith("error: missing header column 'user_id' in " + ratings), run.err());
        assertTrue(run.err().contains("; the header matches --format movielens"), run.err());
        assertFalse(run.err().contains("\tat "), run.err());

        Path events = Files.writeString(dir.resolve("e.csv"), EVENTS);
        CliRun wrong = CliRun.of("summarize", "--input", events.toString(), "--format", "movielens");
        assertEquals(Cli.USAGE, wrong.exitCode());
        assertTrue(wrong.err().contains("missing header column 'userId' in " + events), wrong.err());
        assertTrue(wrong.err().contains("the header matches --format events"), wrong.err());

        Path other = Files.writeString(dir.resolve("other.csv"), "a,b\n1,2\n");
        CliRun none = CliRun.of("summarize", "--input", other.toString());
        assertEquals(Cli.USAGE, none.exitCode());
        assertTrue(none.err().contains("missing header column 'user_id' in " + other + " (header: 'a,b'); map the "
                + "file's columns with --columns"), none.err());
    }

    @Test
    void columnsMapAnyHeaderOntoThePreset() throws Exception {
        assertEquals(CsvSchema.seed().toBuilder().user("visitor").item("product").time("ts").eventType("action").build(),
                parse("--columns", "user=visitor, item=product,time=ts,type=action").schema());
        assertEquals(CsvSchema.movieLens().toBuilder().user(0).item(1).build(),
                parse("--format", "movielens", "--columns", "user=#0,item=#1").schema());
        Path file = Files.writeString(dir.resolve("shop.csv"), "ts,visitor,product,action\n"
                + "1640995200,v1,p1,viewed\n1640995201,v1,p2,engaged\n1640995202,v2,p1,viewed\n1640995203,v3,p3,viewed\n");
        JsonNode summary = summary(CliRun.of("summarize", "--json", "--input", file.toString(),
                "--columns", "user=visitor,item=product,time=ts,type=action"));
        assertEquals(3, summary.get("users").asInt());
        assertEquals(3, summary.get("items").asInt());

        CliRun role = CliRun.of("summarize", "--input", file.toString(), "--columns", "customer=visitor");
        assertEquals(Cli.USAGE, role.exitCode());
        assertTrue(role.err().contains("--columns: unknown role 'customer': expected user, item, time, type or value"),
                role.err());
        CliRun malformed = CliRun.of("summarize", "--input", file.toString(), "--columns", "user");
        assertEquals(Cli.USAGE, malformed.exitCode());
        assertTrue(malformed.err().contains("--columns: expected NAME=VALUE, got 'user'"), malformed.err());
    }

    @Test
    void eventWeightsMakeTheTopNSignalWeightedCounts() throws Exception {
        InputOptions options = parse("--columns", "type=action", "--event-weights", "click=1,purchase=5");
        assertEquals(ImplicitConfidence.builder().clearWeights().defaultWeight(0).weight("click", 1).weight("purchase", 5)
                .build(), options.signals().of(Signal.IMPLICIT));
        assertEquals(DataFormat.SEED.signals().of(Signal.RATING), options.signals().of(Signal.RATING));
        assertTrue(options.schema().allowedEventTypes().isEmpty(), "any event type is read with --event-weights");
        Path file = Files.writeString(dir.resolve("clicks.csv"), "user_id,content_id,event_timestamp,action\n"
                + "u1,c1,1640995201,click\nu1,c1,1640995202,click\nu1,c1,1640995203,purchase\nu1,c2,1640995204,hover\n"
                + "u2,c2,1640995205,click\n");
        var events = EventCsvReader.strict(options.schema()).read(file).events();
        Interactions weighted = options.signals().of(Signal.IMPLICIT).aggregate(events);
        // u1-c1: 1 + 1 + 5; u1-c2 only a hover (not listed: ignored, no pair); u2-c2: 1
        assertEquals(2, weighted.size());
        assertEquals(Map.of("u1/c1", 7.0, "u2/c2", 1.0), Map.of(
                key(weighted, 0), (double) weighted.value(0), key(weighted, 1), (double) weighted.value(1)));

        CliRun bad = CliRun.of("summarize", "--input", file.toString(), "--event-weights", "click=lots");
        assertEquals(Cli.USAGE, bad.exitCode());
        assertTrue(bad.err().contains("--event-weights: weight of 'click' is not a number: 'lots'"), bad.err());
    }

    private static String key(Interactions pairs, int entry) {
        int user = 0;
        while (pairs.userEnd(user) <= entry) {
            user++;
        }
        return pairs.users().id(user) + "/" + pairs.items().id(pairs.itemAt(entry));
    }
}
