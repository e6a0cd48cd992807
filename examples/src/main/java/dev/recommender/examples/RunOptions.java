package dev.recommender.examples;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The run-record option of training commands: {@code --runs-dir DIR} (default {@code runs}). */
public final class RunOptions {
    @Option(names = "--runs-dir", paramLabel = "DIR", defaultValue = "runs",
            description = "Folder for the JSON run record of this run (default: ${DEFAULT-VALUE}).")
    Path runsDir;

    /** Creates the options (picocli fills the fields). */
    public RunOptions() {
    }

    /** The runs folder. */
    public Path runsDir() {
        return runsDir;
    }
}
