package dev.recommender.server;

/**
 * A request the API refuses: carries the HTTP status, a stable machine-readable error code and a
 * human-readable message, which become the JSON error body. Built without a stack trace: it is
 * control flow for bad input, never logged as a failure.
 */
final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final String allow;

    /**
     * @param status  HTTP status code
     * @param code    error code, e.g. {@code "invalid_field"}
     * @param message what is wrong, for people
     */
    ApiException(int status, String code, String message) {
        this(status, code, message, "");
    }

    /**
     * @param status  HTTP status code
     * @param code    error code
     * @param message what is wrong
     * @param allow   value of the {@code Allow} header for 405, else empty
     */
    ApiException(int status, String code, String message, String allow) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.allow = allow;
    }

    static ApiException badRequest(String code, String message) {
        return new ApiException(400, code, message);
    }

    static ApiException methodNotAllowed(String method, String path, String allow) {
        return new ApiException(405, "method_not_allowed",
                "method " + method + " is not allowed on " + path + "; allowed: " + allow, allow);
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    /** The {@code Allow} header value, empty unless the status is 405. */
    String allow() {
        return allow;
    }
}
