package dev.recommender.examples;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the CLI keeps files nobody asked for by path, so that nothing lands in the current directory
 * unasked (XDG base directories, also used on macOS for simplicity):
 * <ul>
 *   <li>the built-in sample: {@code $XDG_CACHE_HOME/recommender/sample}, else {@code ~/.cache/recommender/sample}
 *       (a cache: deleting it only costs regenerating it);</li>
 *   <li>run records: {@code $XDG_STATE_HOME/recommender/runs}, else {@code ~/.local/state/recommender/runs};</li>
 *   <li>the model of {@code quickstart}, which {@code serve} reads when no {@code --model-dir} is given:
 *       {@code $XDG_STATE_HOME/recommender/models/model.bin}, else
 *       {@code ~/.local/state/recommender/models/model.bin}.</li>
 * </ul>
 * {@code --sample-dir}, {@code --runs-dir} and {@code --model-dir} override them.
 *
 * <p>Every command that writes or reads a model names its folder the same way, {@code --model-dir DIR},
 * and the model file in it is always {@value #MODEL_FILE} (the file {@code serve} loads and reloads).
 */
public final class UserDirs {
    /** File name of the model in a model folder: what {@code serve --model-dir DIR} loads. */
    public static final String MODEL_FILE = "model.bin";

    private UserDirs() {
    }

    /**
     * The default model folder for this user: where {@code quickstart} saves and {@code serve} reads
     * when no {@code --model-dir} is given.
     *
     * @return {@code $XDG_STATE_HOME/recommender/models}, else {@code ~/.local/state/recommender/models}
     */
    public static Path modelDir() {
        return modelDir(System.getenv(), System.getProperty("user.home"));
    }

    static Path modelDir(Map<String, String> env, String home) {
        return base(env, "XDG_STATE_HOME", home, ".local/state").resolve("recommender").resolve("models");
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
