package dev.recommender.server;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.util.Locale;

/**
 * Jetty's error handler for the errors of the HTTP layer itself (a malformed request line, a bad or
 * huge {@code Content-Length}, headers over the limit, an unsupported version, an exception that escaped
 * the API): answers the same JSON error object as the API, {@code {"error", "message", "status"}}, with
 * {@code Cache-Control: no-store}, instead of Jetty's HTML page. The message is the status's reason
 * phrase, never the exception's text, so nothing internal leaks. Thread-safe (stateless).
 */
final class JsonErrorHandler extends ErrorHandler {
    private final ApiJson json = new ApiJson();

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus();
        Object attribute = request.getAttribute(ERROR_STATUS);
        if (attribute instanceof Integer code) {
            status = code;
        }
        if (status < 400 || status > 599) {
            status = 500;
        }
        String reason = HttpStatus.getMessage(status);
        String code = reason.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
        byte[] body = json.error(status, code.isEmpty() ? "http_error" : code,
                "the HTTP request was refused: " + reason, null);
        response.setStatus(status);
        response.getHeaders().put(ApiHandler.JSON_CONTENT_TYPE);
        response.getHeaders().put(ApiHandler.NO_STORE);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
    }
}
