package dev.recommender.examples;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the CLI keeps files nobody asked for by path, so that nothing lands in the current directory
 * unasked (XDG base directories, also used on macOS for simplicity):
 * <ul>
 *   <li>the built-in sample: {@code $XDG_CACHE_HOME/recommender/sample}, else {@code ~/.cache/recommender/sample}
 *       (a cache: deleting it only costs regenerating it);</li>
 *   <li>run records: {@code $XDG_STATE_HOME/recommender/runs}, else {@code ~/.local/state/recommender/runs}.</li>
 * </ul>
 * {@code --sample-dir} and {@code --runs-dir} override them.
 */
final class UserDirs {
    private UserDirs() {
    }

    /** The default sample folder for this user. */
    static Path sampleDir() {
        return sampleDir(System.getenv(), System.getProperty("user.home"));
    }

    /** The default run-record folder for this user. */
    static Path runsDir() {
        return runsDir(System.getenv(), System.getProperty("user.home"));
    }

    static Path sampleDir(Map<String, String> env, String home) {
        return base(env, "XDG_CACHE_HOME", home, ".cache").resolve("recommender").resolve("sample");
    }

    static Path runsDir(Map<String, String> env, String home) {
        return base(env, "XDG_STATE_HOME", home, ".local/state").resolve("recommender").resolve("runs");
    }

    /** An XDG variable if it is set to an absolute path (the spec ignores relative ones), else home/fallback. */
    private static Path base(Map<String, String> env, String variable, String home, String fallback) {
        String value = env.get(variable);
        if (value != null && !value.isBlank() && Path.of(value).isAbsolute()) {
            return Path.of(value);
        }
        return Path.of(home).resolve(fallback);
    }
}
