package dev.recommender.examples;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shared fixture for command tests that run the tool in-process on one generated seed-format log: a class-wide
 * temporary folder {@link #dir}, the log {@link #log} written into it once per test class (120 users, 40 items,
 * 12 items per user, seed 7; see {@link TestLogs#seedLog}), and small argument helpers.
 *
 * <p>The two fields are static and therefore shared by all subclasses; JUnit re-injects {@link #dir} and
 * re-runs {@link #writeLog()} for every subclass, which is safe as long as test classes run one at a time
 * (the build does not enable JUnit's parallel class execution).
 */
abstract class CommandTestSupport {
    /** Class-wide temporary folder, removed after the test class. */
    @TempDir
    static Path dir;

    /** The generated seed-format log inside {@link #dir}. */
    static Path log;

    @BeforeAll
    static void writeLog() throws IOException {
        log = TestLogs.seedLog(dir.resolve("events.csv"), 120, 40, 12, 7);
    }

    /** Runs the tool in-process with {@code args} and captures its output. */
    static CliRun run(String... args) {
        return CliRun.of(args);
    }

    /** Returns {@code first} followed by {@code rest} as one new array. */
    static String[] with(String[] first, String... rest) {
        String[] all = new String[first.length + rest.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(rest, 0, all, first.length, rest.length);
        return all;
    }

    /** Returns the arguments that run {@code command} on {@link #log} in the seed format. */
    static String[] input(String command) {
        return new String[] {command, "--input", log.toString(), "--format", "events"};
    }
}
