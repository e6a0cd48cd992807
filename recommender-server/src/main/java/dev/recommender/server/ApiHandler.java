package dev.recommender.server;

import dev.recommender.core.Recommendations;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Invocable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Routes and answers every request of the API. Each request reads the current {@link ModelSnapshot}
 * exactly once, so a concurrent reload never mixes two models in one answer. Refused input is reported
 * with {@link ApiException}; any other failure is logged with its stack trace and answered with a
 * generic 500, so clients never see internals. Bodies are read without blocking, up to
 * {@link ServerConfig#maxBodyBytes()}. By default the handler runs on Jetty's I/O (selector) threads: the
 * models' {@code recommend} is bounded CPU work, and answering on the thread that read the request saves
 * the hand-off to a worker (about a third of the server's CPU per Svd request); only a reload, which
 * reads a file, moves to a worker thread. With {@link ServerConfig#offloadRequests()} every request is
 * answered on a worker thread instead, for models that block.
 *
 * <p>Thread-safe: holds immutable configuration, the thread-safe {@link ModelHolder}, the admin guard
 * and the metrics.
 */
final class ApiHandler extends Handler.Abstract {
    private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);
    static final String JSON_TYPE = "application/json; charset=utf-8";
    static final HttpField JSON_CONTENT_TYPE = new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, JSON_TYPE);
    static final HttpField NO_STORE = new PreEncodedHttpField(HttpHeader.CACHE_CONTROL, "no-store");
    private static final HttpField NO_SNIFF = new PreEncodedHttpField("X-Content-Type-Options", "nosniff");
    private static final String RECOMMENDER = "/recommender";
    private static final String RECOMMENDER_PREFIX = "/recommender/";
    private static final String USERS_PREFIX = "/users/";
    private static final String ITEMS_SUFFIX = "/items";
    private static final String ENDPOINTS = "endpoints: POST /recommender, GET /recommender/{user_id}, "
            + "GET /users/{user_id}/items, GET /health, GET /metrics, GET /, POST /admin/reload";

    private final ModelHolder holder;
    private final ServerConfig config;
    private final ApiJson json = new ApiJson();
    private final AdminGuard admin;
    private final ServerMetrics metrics;
    private final Explorer explorer = new Explorer();

    ApiHandler(ModelHolder holder, ServerConfig config, AdminGuard admin) {
        super(config.offloadRequests() ? InvocationType.BLOCKING : InvocationType.NON_BLOCKING);
        this.holder = holder;
        this.config = config;
        this.admin = admin;
        this.metrics = new ServerMetrics(holder::current, Route.endpointTags());
    }

    ServerMetrics metrics() {
        return metrics;
    }

    /** One answer: status, body, content type and extra headers. */
    private record Answer(int status, byte[] body, HttpField contentType, List<HttpField> headers) {
        static Answer json(int status, byte[] body) {
            return new Answer(status, body, JSON_CONTENT_TYPE, List.of());
        }

        Answer with(HttpField header) {
            List<HttpField> more = new java.util.ArrayList<>(headers);
            more.add(header);
            return new Answer(status, body, contentType, List.copyOf(more));
        }
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Exchange exchange = new Exchange(request, response, callback);
        long declared = request.getLength();
        if (declared > config.maxBodyBytes()) {
            // refused before reading anything; the answer closes the connection instead of reading the rest
            exchange.refuseUnread(tooLarge(config.maxBodyBytes(), "declared Content-Length is " + declared + " bytes"));
        } else {
            exchange.run();
        }
        return true;
    }

    /**
     * One request: reads its body without blocking (whatever arrives, up to the limit; a client that stalls
     * holds no thread, only its connection until the idle timeout), then answers. Reading resumes through
     * {@link Request#demand} on the thread that sees more bytes arrive. Answers that touch files (reload)
     * move to a worker thread when the handler runs on the I/O threads.
     */
    private final class Exchange implements Invocable.Task {
        private final long start = System.nanoTime();
        private final Request request;
        private final Response response;
        private final Callback callback;
        private byte[] body = new byte[0];
        private int size;

        Exchange(Request request, Response response, Callback callback) {
            this.request = request;
            this.response = response;
            this.callback = callback;
        }

        @Override
        public InvocationType getInvocationType() {
            return ApiHandler.this.getInvocationType();
        }

        /** Reads what has arrived; asks to be called again when more arrives, or answers after the last byte. */
        @Override
        public void run() {
            int limit = config.maxBodyBytes();
            while (true) {
                Content.Chunk chunk = request.read();
                if (chunk == null) {
                    request.demand(this);
                    return;
                }
                if (Content.Chunk.isFailure(chunk)) {
                    // the body stopped arriving (idle timeout) or the connection broke: Jetty answers if it
                    // still can and closes the connection
                    LOG.debug("request body of {} failed: {}", path(), chunk.getFailure().toString());
                    callback.failed(chunk.getFailure());
                    return;
                }
                ByteBuffer data = chunk.getByteBuffer();
                int n = data.remaining();
                if (n > limit - size) {
                    chunk.release();
                    refuseUnread(tooLarge(limit, "body exceeds the limit"));
                    return;
                }
                if (n > 0) {
                    if (size + n > body.length) {
                        body = java.util.Arrays.copyOf(body, Math.min(limit, Math.max(size + n, 2 * body.length)));
                    }
                    data.get(body, size, n);
                    size += n;
                }
                boolean last = chunk.isLast();
                chunk.release();
                if (last) {
                    answerWithBody();
                    return;
                }
            }
        }

        private String path() {
            String path = request.getHttpURI().getPath();
            return path == null ? "" : path;
        }

        private void answerWithBody() {
            byte[] whole = size == body.length ? body : java.util.Arrays.copyOf(body, size);
            Route route = Route.of(path());
            if (route == Route.RELOAD && getInvocationType() == InvocationType.NON_BLOCKING) {
                // loading a model file blocks: never on an I/O thread
                request.getComponents().getThreadPool().execute(() -> answer(route, whole));
            } else {
                answer(route, whole);
            }
        }

        private void answer(Route route, byte[] whole) {
            String path = path();
            Answer answer;
            try {
                answer = route(route, path, request, whole);
            } catch (ApiException e) {
                answer = refusal(e);
            } catch (RuntimeException | IOException e) {
                LOG.error("internal error answering {} {}", request.getMethod(), path, e);
                answer = Answer.json(500, json.error(500, "internal_error",
                        "the server failed to answer this request; see the server log", null));
            }
            finish(route, answer);
        }

        /** Answers a request refused before its body was read whole; the connection is not reused. */
        void refuseUnread(ApiException refused) {
            finish(Route.of(path()), refusal(refused).with(new HttpField(HttpHeader.CONNECTION, "close")));
        }

        /**
         * Counts the answer, then sends it: counted first, so a client that reads {@code /health} right after
         * an answer always sees it counted (the latency therefore ends when the answer is ready, not written).
         */
        private void finish(Route route, Answer answer) {
            metrics.recordRequest(route.ordinal(), answer.status(), System.nanoTime() - start);
            send(response, answer, callback);
        }
    }

    private Answer refusal(ApiException e) {
        Answer answer = Answer.json(e.status(), json.error(e.status(), e.code(), e.getMessage(), null));
        if (!e.allow().isEmpty()) {
            answer = answer.with(new HttpField(HttpHeader.ALLOW, e.allow()));
        }
        if (e.status() == 429) {
            answer = answer.with(new HttpField(HttpHeader.RETRY_AFTER, "60"));
        }
        if (e.status() == 401) {
            answer = answer.with(new HttpField(HttpHeader.WWW_AUTHENTICATE, "Bearer realm=\"recommender-admin\""));
        }
        return answer;
    }

    /** The endpoints, for routing and as the metrics' {@code endpoint} tag. */
    private enum Route {
        EXPLORER("explorer", "GET"), EXPLORER_ASSET("explorer", "GET"), RECOMMEND_POST("recommend", "POST"),
        RECOMMEND_GET("recommend", "GET"), USER_ITEMS("user_items", "GET"), HEALTH("health", "GET"),
        METRICS("metrics", "GET"), RELOAD("admin_reload", "POST"), NOT_FOUND(ServerMetrics.OTHER, "");

        final String endpoint;
        final String method;

        Route(String endpoint, String method) {
            this.endpoint = endpoint;
            this.method = method;
        }

        /** The {@code endpoint} tag of each route, indexed by ordinal. */
        static List<String> endpointTags() {
            return java.util.Arrays.stream(values()).map(route -> route.endpoint).toList();
        }

        static Route of(String path) {
            if (path.equals(RECOMMENDER)) {
                return RECOMMEND_POST;
            } else if (isSegmentUnder(path, RECOMMENDER_PREFIX, "")) {
                return RECOMMEND_GET;
            } else if (isSegmentUnder(path, USERS_PREFIX, ITEMS_SUFFIX)) {
                return USER_ITEMS;
            }
            return switch (path) {
                case "/health" -> HEALTH;
                case "/metrics" -> METRICS;
                case "/admin/reload" -> RELOAD;
                case "/", "/index.html" -> EXPLORER;
                default -> Explorer.isAsset(path) ? EXPLORER_ASSET : NOT_FOUND;
            };
        }

        /** {@code prefix + one non-empty segment + suffix}. */
        private static boolean isSegmentUnder(String path, String prefix, String suffix) {
            if (!path.startsWith(prefix) || !path.endsWith(suffix)
                    || path.length() <= prefix.length() + suffix.length()) {
                return false;
            }
            return path.indexOf('/', prefix.length()) == (suffix.isEmpty() ? -1 : path.length() - suffix.length());
        }
    }

    private Answer route(Route route, String path, Request request, byte[] body) throws IOException {
        String method = request.getMethod();
        if (route == Route.NOT_FOUND) {
            throw new ApiException(404, "not_found", "no such endpoint: " + truncate(path) + "; " + ENDPOINTS);
        }
        String allowed = route.method.equals("GET") ? "GET, HEAD, OPTIONS" : route.method + ", OPTIONS";
        if (method.equals("OPTIONS")) {
            return new Answer(204, new byte[0], null, List.of(new HttpField(HttpHeader.ALLOW, allowed)));
        }
        boolean ok = method.equals(route.method) || (route.method.equals("GET") && method.equals("HEAD"));
        if (!ok) {
            throw ApiException.methodNotAllowed(method, route == Route.RECOMMEND_GET ? "/recommender/{user_id}"
                    : route == Route.USER_ITEMS ? "/users/{user_id}/items" : path, allowed);
        }
        String query = request.getHttpURI().getQuery();
        return switch (route) {
            case RECOMMEND_POST -> {
                requireNoQuery(query);
                requireJsonContentType(request.getHeaders());
                ApiJson.RecommendBody asked = json.parseRecommend(body, config.defaultHowMany(),
                        config.maxHowMany());
                yield recommend(asked.userId(), asked.howMany());
            }
            case RECOMMEND_GET -> recommend(userSegment(path, RECOMMENDER_PREFIX, ""), howMany(query));
            case USER_ITEMS -> {
                String userId = userSegment(path, USERS_PREFIX, ITEMS_SUFFIX);
                ModelSnapshot snapshot = holder.current();
                yield Answer.json(200, json.userItems(userId, snapshot.model().knowsUser(userId),
                        SeenItemsView.of(snapshot.model(), userId, howMany(query))));
            }
            case HEALTH -> {
                requireNoQuery(query);
                yield Answer.json(200, json.modelStatus("ok", holder.current(), metrics.counts()));
            }
            case METRICS -> new Answer(200, metrics.scrape().getBytes(StandardCharsets.UTF_8),
                    new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, ServerMetrics.CONTENT_TYPE), List.of());
            case RELOAD -> {
                requireNoQuery(query);
                admin.check(request);
                yield reload();
            }
            case EXPLORER, EXPLORER_ASSET -> explorerAnswer(path);
            default -> throw new IllegalStateException("unrouted " + route);
        };
    }

    private Answer explorerAnswer(String path) {
        Explorer.Asset asset = explorer.asset(path);
        return new Answer(200, asset.bytes(), asset.contentType(), List.of(Explorer.CONTENT_SECURITY_POLICY));
    }

    private String userSegment(String path, String prefix, String suffix) {
        return ApiJson.checkUserId(percentDecode(path.substring(prefix.length(), path.length() - suffix.length())));
    }

    private int howMany(String query) {
        int howMany = config.defaultHowMany();
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
        return howMany;
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

    private Answer recommend(String userId, int howMany) {
        ModelSnapshot snapshot = holder.current();
        Recommendations answer = snapshot.model().recommend(userId, howMany);
        metrics.recordRecommendation(answer.fallback());
        return Answer.json(200, json.recommendations(answer, snapshot.model().name()));
    }

    /**
     * Reloads the model and counts the outcome (ModelHolder logs the reason of a failure).
     *
     * @return the new snapshot, or null if the file did not load
     */
    ModelSnapshot reloadAndCount() {
        try {
            ModelSnapshot next = holder.reload();
            metrics.recordReload(true);
            return next;
        } catch (IOException | RuntimeException e) {
            metrics.recordReload(false);
            return null;
        }
    }

    private Answer reload() {
        ModelSnapshot next = reloadAndCount();
        if (next == null) {
            // the reason (with the file's path) goes to the server log only, never to the client
            return Answer.json(500, json.error(500, "reload_failed", "the model file could not be loaded "
                    + "(the reason is in the server log); still serving the previous model", holder.current()));
        }
        return Answer.json(200, json.modelStatus("reloaded", next, metrics.counts()));
    }

    private static void requireNoQuery(String query) {
        if (query != null && !query.isEmpty()) {
            throw ApiException.badRequest("invalid_parameter", "this endpoint takes no query parameters, got '"
                    + truncate(query) + "'");
        }
    }

    /** Accepts a missing Content-Type (many simple clients send none), JSON, or a {@code +json} type. */
    private static void requireJsonContentType(HttpFields headers) {
        String type = headers.get(HttpHeader.CONTENT_TYPE);
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

    /** Writes status, headers and the whole body in one last write (Jetty adds Content-Length). */
    private static void send(Response response, Answer answer, Callback callback) {
        response.setStatus(answer.status());
        HttpFields.Mutable headers = response.getHeaders();
        if (answer.contentType() != null) {
            headers.put(answer.contentType());
        }
        headers.put(NO_STORE);
        headers.put(NO_SNIFF);
        for (HttpField header : answer.headers()) {
            headers.put(header);
        }
        headers.put(HttpHeader.CONTENT_LENGTH, answer.body().length);
        response.write(true, ByteBuffer.wrap(answer.body()), callback);
    }

    static String truncate(String text) {
        return text.length() <= 64 ? text : text.substring(0, 61) + "...";
    }
}
