package dev.recommender.examples;

import picocli.CommandLine.Option;

/**
 * Base of the commands that train models: the same {@code --seed} and {@code --threads} options, with
 * the same meaning, in {@code evaluate}, {@code svd} and {@code retrieval-ranking}.
 */
abstract class TrainingCommand extends ToolCommand {
    @Option(names = "--seed", defaultValue = "42",
            description = "Seed of the split and of every model (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--threads",
            description = "Training threads per model; models depend on the count, so results are the same for "
                    + "the same seed and count (default: every available core, ${DEFAULT-VALUE} here).")
    int threads = Runtime.getRuntime().availableProcessors();
}
