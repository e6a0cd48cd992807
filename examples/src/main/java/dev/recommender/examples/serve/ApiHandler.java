package dev.recommender.examples.serve;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.recommender.core.Recommendations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;

/**
 * Routes and answers every request of the API (registered on the root context, so unknown paths
 * get a JSON 404 rather than the JDK's HTML page). Each request reads the current
 * {@link ModelSnapshot} exactly once, so a concurrent reload never mixes two models in one answer.
 * Refused input is reported with {@link ApiException}; any other failure is logged with its stack
 * trace and answered with a generic 500, so clients never see internals.
 *
 * <p>Thread-safe: holds immutable configuration, the thread-safe {@link ModelHolder} and
 * {@link LongAdder} request counters.
 */
final class ApiHandler implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);
    private static final String JSON_TYPE = "application/json; charset=utf-8";
    private static final String RECOMMENDER = "/recommender";
    private static final String RECOMMENDER_PREFIX = "/recommender/";
    private static final int DISCARD_FACTOR = 16;

    private final ModelHolder holder;
    private final ServerConfig config;
    private final ApiJson json = new ApiJson();
    private final LongAdder answered = new LongAdder();
    private final LongAdder fallbacks = new LongAdder();
    private final LongAdder clientErrors = new LongAdder();
    private final LongAdder serverErrors = new LongAdder();

    ApiHandler(ModelHolder holder, ServerConfig config) {
        this.holder = holder;
        this.config = config;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            route(exchange);
        } catch (ApiException e) {
            clientErrors.increment();
            if (!e.allow().isEmpty()) {
                exchange.getResponseHeaders().set("Allow", e.allow());
            }
            if (e.status() == 413) {
                // the body may not have been read to its end: do not reuse the connection
                exchange.getResponseHeaders().set("Connection", "close");
            }
            send(exchange, e.status(), json.error(e.status(), e.code(), e.getMessage(), null));
        } catch (IOException e) {
            // the client went away or the connection broke: nothing to answer
            LOG.debug("I/O error answering {} {}: {}", exchange.getRequestMethod(), exchange.getRequestURI(),
                    e.toString());
        } catch (RuntimeException | Error e) {
            serverErrors.increment();
            LOG.error("internal error answering {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), e);
            trySend(exchange, 500, json.error(500, "internal_error",
                    "the server failed to answer this request; see the server log", null));
            if (e instanceof Error error) {
                throw error;
            }
        } finally {
            exchange.close();
        }
    }

    private void route(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        if (path == null) {
            path = "";
        }
        if (path.equals(RECOMMENDER)) {
            requireMethod(method, "POST", path);
            recommendFromBody(exchange);
        } else if (path.startsWith(RECOMMENDER_PREFIX) && path.indexOf('/', RECOMMENDER_PREFIX.length()) < 0
                && path.length() > RECOMMENDER_PREFIX.length()) {
            requireMethod(method, "GET", "/recommender/{user_id}");
            recommendFromPath(exchange, path.substring(RECOMMENDER_PREFIX.length()));
        } else if (path.equals("/health")) {
            requireMethod(method, "GET", path);
            requireNoQuery(exchange);
            send(exchange, 200, json.modelStatus("ok", holder.current(), counts()));
        } else if (path.equals("/admin/reload")) {
            requireMethod(method, "POST", path);
            reload(exchange);
        } else {
            throw new ApiException(404, "not_found", "no such endpoint: " + truncate(path)
                    + "; endpoints: POST /recommender, GET /recommender/{user_id}, GET /health, POST /admin/reload");
        }
    }

    private static void requireMethod(String method, String allowed, String path) {
        if (!method.equals(allowed)) {
            throw ApiException.methodNotAllowed(method, path, allowed);
        }
    }

    private void recommendFromBody(HttpExchange exchange) throws IOException {
        requireJsonContentType(exchange.getRequestHeaders());
        requireNoQuery(exchange);
        byte[] body = readBody(exchange);
        ApiJson.RecommendBody request = json.parseRecommend(body, config.defaultHowMany(), config.maxHowMany());
        answer(exchange, request.userId(), request.howMany());
    }

    private void recommendFromPath(HttpExchange exchange, String rawUserId) throws IOException {
        String userId = ApiJson.checkUserId(percentDecode(rawUserId));
        int howMany = config.defaultHowMany();
        String query = exchange.getRequestURI().getRawQuery();
        if (query != null && !query.isEmpty()) {
            boolean seenK = false;
            for (String parameter : query.split("&", -1)) {
                int eq = parameter.indexOf('=');
                String name = percentDecode(eq < 0 ? parameter : parameter.substring(0, eq));
                if (!name.equals("k")) {
                    throw ApiException.badRequest("invalid_parameter", "unknown query parameter '"
                            + truncate(name) + "'; allowed: k");
                }
                if (seenK) {
                    throw ApiException.badRequest("invalid_parameter", "query parameter 'k' given twice");
                }
                seenK = true;
                howMany = parseHowMany(eq < 0 ? "" : percentDecode(parameter.substring(eq + 1)));
            }
        }
        answer(exchange, userId, howMany);
    }

    private int parseHowMany(String text) {
        int value = -1;
        if (!text.isEmpty() && text.length() <= 9 && text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            value = Integer.parseInt(text);
        }
        if (value < 1 || value > config.maxHowMany()) {
            throw ApiException.badRequest("invalid_parameter", "query parameter 'k' must be an integer in 1.."
                    + config.maxHowMany() + ", got '" + truncate(text) + "'");
        }
        return value;
    }

    private void answer(HttpExchange exchange, String userId, int howMany) throws IOException {
        ModelSnapshot snapshot = holder.current();
        Recommendations answer = snapshot.model().recommend(userId, howMany);
        answered.increment();
        if (answer.fallback()) {
            fallbacks.increment();
        }
        send(exchange, 200, json.recommendations(answer, snapshot.model().name()));
    }

    private void reload(HttpExchange exchange) throws IOException {
        if (!config.allowReload()) {
            throw new ApiException(403, "reload_disabled", "reloading is disabled on this server");
        }
        requireNoQuery(exchange);
        // a body is neither needed nor read; the JDK server drains a small one
        ModelSnapshot next;
        try {
            next = holder.reload();
        } catch (IOException | RuntimeException e) {
            serverErrors.increment();
            send(exchange, 500, json.error(500, "reload_failed", "reload failed, still serving the previous model: "
                    + e.getMessage(), holder.current()));
            return;
        }
        send(exchange, 200, json.modelStatus("reloaded", next, counts()));
    }

    /** Request counters since start, for {@code /health}. */
    private ApiJson.Counts counts() {
        return new ApiJson.Counts(answered.sum(), fallbacks.sum(), clientErrors.sum(), serverErrors.sum());
    }

    private static void requireNoQuery(HttpExchange exchange) {
        String query = exchange.getRequestURI().getRawQuery();
        if (query != null && !query.isEmpty()) {
            throw ApiException.badRequest("invalid_parameter", "this endpoint takes no query parameters, got '"
                    + truncate(query) + "'");
        }
    }

    /** Accepts a missing Content-Type (many simple clients send none), JSON, or a {@code +json} type. */
    private static void requireJsonContentType(Headers headers) {
        String type = headers.getFirst("Content-Type");
        if (type == null) {
            return;
        }
        int semicolon = type.indexOf(';');
        String media = (semicolon < 0 ? type : type.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
        if (!media.equals("application/json") && !(media.startsWith("application/") && media.endsWith("+json"))) {
            throw new ApiException(415, "unsupported_media_type", "Content-Type must be application/json, got '"
                    + truncate(type) + "' (with curl: -H 'Content-Type: application/json')");
        }
    }

    private byte[] readBody(HttpExchange exchange) throws IOException {
        int limit = config.maxBodyBytes();
        InputStream in = exchange.getRequestBody();
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        if (length != null) {
            long declared;
            try {
                declared = Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                declared = -1;
            }
            if (declared > limit) {
                if (declared <= (long) DISCARD_FACTOR * limit) {
                    discard(in, limit);
                }
                throw tooLarge(limit, "declared Content-Length is " + declared + " bytes");
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream(length == null ? 256 : Math.min(limit, 4096));
        byte[] buffer = new byte[4096];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            if (body.size() + n > limit) {
                discard(in, limit);
                throw tooLarge(limit, "body exceeds the limit");
            }
            body.write(buffer, 0, n);
        }
        return body.toByteArray();
    }

    /**
     * Reads and drops the rest of an oversized body, up to {@value #DISCARD_FACTOR} times the limit, so
     * that the 413 answer is not lost to a connection reset (closing a socket with unread input makes
     * the kernel send RST, which can destroy the answer before the client reads it). A longer body is
     * left unread and the connection is closed.
     */
    private static void discard(InputStream in, int limit) throws IOException {
        long budget = (long) DISCARD_FACTOR * limit;
        byte[] buffer = new byte[8192];
        for (int n = in.read(buffer); n >= 0 && budget > 0; n = in.read(buffer)) {
            budget -= n;
        }
    }

    private static ApiException tooLarge(int limit, String detail) {
        return new ApiException(413, "payload_too_large", "request body too large: " + detail + "; at most "
                + limit + " bytes are accepted");
    }

    /**
     * Decodes a percent-encoded path segment or query component as UTF-8; {@code +} stays a plus.
     *
     * @throws ApiException 400 on a malformed escape or invalid UTF-8
     */
    static String percentDecode(String raw) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        byte[] bytes = new byte[raw.length()];
        int n = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                int high = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
                int low = high >= 0 ? Character.digit(raw.charAt(i + 2), 16) : -1;
                if (low < 0) {
                    throw ApiException.badRequest("invalid_parameter", "malformed percent-encoding in '"
                            + truncate(raw) + "'");
                }
                bytes[n++] = (byte) (high * 16 + low);
                i += 2;
            } else if (c < 0x80) {
                bytes[n++] = (byte) c;
            } else {
                throw ApiException.badRequest("invalid_parameter", "unencoded non-ASCII character in '"
                        + truncate(raw) + "'");
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, n))
                    .toString();
        } catch (CharacterCodingException e) {
            throw ApiException.badRequest("invalid_parameter", "percent-encoded bytes are not UTF-8 in '"
                    + truncate(raw) + "'");
        }
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", JSON_TYPE);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static void trySend(HttpExchange exchange, int status, byte[] body) {
        try {
            send(exchange, status, body);
        } catch (IOException | RuntimeException e) {
            // headers were probably sent already; the connection is closed by the caller
            LOG.debug("could not send the error answer: {}", e.toString());
        }
    }

    private static String truncate(String text) {
        return text.length() <= 64 ? text : text.substring(0, 61) + "...";
    }
}
