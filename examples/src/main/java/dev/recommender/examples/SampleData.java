package dev.recommender.examples;

import java.nio.file.Path;

/** The built-in sample log, written on first use. */
final class SampleData {
    private SampleData() {
    }

    /**
     * Writes the built-in sample to {@code file} unless it exists.
     *
     * @param file where the sample lives
     * @throws UserInputException until the sample generator is part of the library: give --input
     */
    static void ensure(Path file) {
        throw new UserInputException("the built-in sample generator is not available in this build: give --input FILE");
    }
}
