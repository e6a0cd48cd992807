package dev.recommender.core.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A model file that cannot be loaded: not a model file, written by an unknown format version,
 * truncated, failing its checksum, of an unknown model type, or inconsistent inside.
 */
public final class ModelFormatException extends IOException {
    private final Path path;

    /**
     * @param path    the file
     * @param message what is wrong
     * @param cause   the underlying error, may be null
     */
    public ModelFormatException(Path path, String message, Throwable cause) {
        super(path + ": " + message, cause);
        this.path = path;
    }

    /** The file that failed to load. */
    public Path path() {
        return path;
    }
}
