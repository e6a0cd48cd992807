package dev.recommender.core.io;

import dev.recommender.core.data.DataFormatException;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A model file that cannot be loaded: not a model file, written by an unknown format version,
 * truncated, failing its checksum, of an unknown model type, or inconsistent inside. The message is
 * one line: control characters from the file (in a type name, say) are printed as escapes.
 */
public final class ModelFormatException extends IOException {
    private final Path path;

    /**
     * @param path    the file
     * @param message what is wrong
     * @param cause   the underlying error, may be null
     */
    public ModelFormatException(Path path, String message, Throwable cause) {
        // names and strings from the file may hold anything: print control characters as escapes
        super(DataFormatException.escape(path + ": " + message), cause);
        this.path = path;
    }

    /** The file that failed to load. */
    public Path path() {
        return path;
    }
}
