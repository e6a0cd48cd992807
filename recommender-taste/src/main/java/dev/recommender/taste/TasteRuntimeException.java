package dev.recommender.taste;

/**
 * An unchecked wrapper for Mahout Taste's checked {@code TasteException} (and for failures inside
 * Taste's worker threads), so that callers of this module never handle Taste's exception types.
 * The original exception is the {@linkplain #getCause() cause}.
 */
public final class TasteRuntimeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was being done, e.g. {@code "fitting taste-als"}
     * @param cause   the Taste exception or worker failure
     */
    public TasteRuntimeException(String message, Throwable cause) {
        super(message + ": " + cause, cause);
    }
}
