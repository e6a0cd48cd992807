package dev.recommender.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Objects;

/**
 * The secret that switches the admin endpoints on: requests must carry
 * {@code Authorization: Bearer <token>}. Read from a file (first line, surrounding whitespace dropped) or an
 * environment variable, never from a command-line argument (which other local users can read in the
 * process list). Compared with {@link MessageDigest#isEqual}, which takes the same time wherever the
 * first difference is. {@link #toString()} never shows the secret.
 *
 * <p>Immutable and thread-safe.
 */
public final class AdminToken {
    /** Shortest accepted token, in characters: shorter ones are guessable. */
    public static final int MIN_LENGTH = 16;

    private final byte[] secret;

    private AdminToken(String secret, String source) {
        String trimmed = secret.strip();
        if (trimmed.length() < MIN_LENGTH) {
            throw new IllegalArgumentException("admin token from " + source + " is " + trimmed.length()
                    + " characters long; at least " + MIN_LENGTH + " are required");
        }
        if (!trimmed.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new IllegalArgumentException("admin token from " + source
                    + " must be printable ASCII without spaces");
        }
        this.secret = trimmed.getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * A token given directly (for embedding applications that hold it already).
     *
     * @param secret at least {@value #MIN_LENGTH} printable ASCII characters
     * @return the token
     * @throws IllegalArgumentException if it is too short or has spaces or control characters
     */
    public static AdminToken of(String secret) {
        return new AdminToken(Objects.requireNonNull(secret, "secret"), "the caller");
    }

    /**
     * Reads the token from the first line of a file.
     *
     * @param file the token file
     * @return the token
     * @throws IOException if the file cannot be read
     * @throws IllegalArgumentException if the token is too short or malformed (the message names the file)
     */
    public static AdminToken fromFile(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        String text = Files.readString(file, StandardCharsets.UTF_8);
        int newline = text.indexOf('\n');
        return new AdminToken(newline < 0 ? text : text.substring(0, newline), "file " + file);
    }

    /**
     * Reads the token from an environment variable.
     *
     * @param variable    the variable's name
     * @param environment the environment, e.g. {@code System.getenv()}
     * @return the token
     * @throws IllegalArgumentException if the variable is unset, too short or malformed
     */
    public static AdminToken fromEnvironment(String variable, Map<String, String> environment) {
        Objects.requireNonNull(variable, "variable");
        String value = environment.get(variable);
        if (value == null) {
            throw new IllegalArgumentException("environment variable " + variable + " (the admin token) is not set");
        }
        return new AdminToken(value, "environment variable " + variable);
    }

    /**
     * Whether an {@code Authorization} header value carries this token.
     *
     * @param authorization the header value, or null
     * @return true for {@code Bearer <this token>}
     */
    boolean matches(String authorization) {
        if (authorization == null || authorization.length() < 7
                || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        byte[] offered = authorization.substring(7).strip().getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(secret, offered);
    }

    @Override
    public String toString() {
        return "AdminToken[redacted]";
    }
}
