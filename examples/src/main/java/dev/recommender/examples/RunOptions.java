package dev.recommender.examples;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The run-record option of training commands: {@code --runs-dir DIR}, by default the
 * per-user folder {@code ~/.local/state/recommender/runs} (or under {@code $XDG_STATE_HOME}), never the current directory.
 */
public final class RunOptions {
    @Option(names = "--runs-dir", paramLabel = "DIR",
            description = "Folder for the JSON run record of this run (default: $XDG_STATE_HOME/recommender/runs, "
                    + "else ~/.local/state/recommender/runs).")
    Path runsDir;

    /** Creates the options (picocli fills the fields). */
    public RunOptions() {
    }

    /** The runs folder. */
    public Path runsDir() {
        return runsDir != null ? runsDir : UserDirs.runsDir();
    }
}
