package dev.recommender.examples;

/**
 * A problem with what the user asked for (a missing input file, an unknown algorithm name, an
 * inconsistent combination of options). {@link Cli} prints its message as one {@code error:} line and
 * exits with {@link Cli#USAGE}, without a stack trace.
 */
public final class UserInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what is wrong and, where possible, how to fix it
     */
    public UserInputException(String message) {
        super(message);
    }
}
