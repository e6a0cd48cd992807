package dev.recommender.examples.serve;

import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The HTTP recommendation API over a model directory.
 *
 * <h2>Endpoints</h2>
 * <ul>
 *   <li>{@code POST /recommender} with {@code {"user_id": "82216a2c7d", "k": 10}} ({@code k} optional,
 *       default 10, 1..1000) answers
 *       {@code {"user_id": .., "model": .., "fallback": false, "recommendations": {"<content_id>": score, ..},
 *       "items": [{"content_id": .., "score": .., "rank": 1}, ..]}}: {@code recommendations} is the seed
 *       API's ordered object, best first; {@code items} is the same ranking as an array for clients that
 *       do not keep key order. Users unknown to the model get its popularity fallback and
 *       {@code "fallback": true}. Items the user already interacted with are excluded.</li>
 *   <li>{@code GET /recommender/{user_id}?k=10}: the same answer; the user id is percent-decoded.</li>
 *   <li>{@code GET /health}: {@code {"status": "ok", "model": .., "version": .., "sha256": ..,
 *       "generation": .., "loaded_at": .., "item_count": .., "requests": {"recommendations": .., "fallbacks": ..,
 *       "client_errors": .., "server_errors": ..}}}.</li>
 *   <li>{@code POST /admin/reload}: re-reads {@code model.bin} and swaps it in atomically (requests in
 *       flight finish on the old model); answers like {@code /health} with {@code "status": "reloaded"}, or,
 *       if the new file does not load, 500 {@code reload_failed} while the old model keeps serving.</li>
 * </ul>
 * Every error is a JSON object {@code {"error": code, "message": .., "status": ..}} and never a stack
 * trace: 400 for malformed JSON, missing, unknown or mistyped fields and bad {@code k}; 404 for an
 * unknown path; 405 (with {@code Allow}) for a wrong method; 413 for a body over
 * {@link ServerConfig#maxBodyBytes()}; 415 for a {@code Content-Type} other than JSON (a missing one is
 * accepted); 403 when reloading is disabled; 500 for a failed reload or an internal error (logged).
 *
 * <h2>Why the JDK's built-in server</h2>
 * {@code com.sun.net.httpserver} (module {@code jdk.httpserver}, a supported, exported JDK API) adds no
 * dependency to the shaded jar, speaks HTTP/1.1 with keep-alive, and handles this API's small
 * request/response pairs at the rate the model can answer them; Jetty, Netty or Undertow would add
 * megabytes and configuration for features this API does not use (HTTP/2, TLS termination belongs in a
 * proxy). Requests run on a bounded pool ({@link ServerConfig#threads()} threads, a queue of
 * {@link ServerConfig#queueCapacity()}); when the queue is full the accepting thread answers the request
 * itself, which slows down accepting instead of dropping connections. Requests are answered
 * with one fixed-length write each.
 *
 * <p>TCP_NODELAY: the JDK server writes the status line and headers, then the body, as two TCP
 * segments; with Nagle's algorithm on, the body waits for the client's delayed ACK, which costs about
 * 40 ms per request on Linux (measured: 21 requests per second on one connection instead of over
 * 3,000). The JDK turns it off only through the system property {@value #NODELAY_PROPERTY}, read once
 * when the JVM creates its first HTTP server, so {@link #start} sets it to {@code true} unless it is
 * already set; set it yourself (e.g. {@code -Dsun.net.httpserver.nodelay=true}) if your process
 * creates another JDK HTTP server first.
 *
 * <p>Cost per request: the model's {@code recommend} (for dense models one pass over the catalog with a
 * bounded top-K heap) plus O(k) JSON writing.
 *
 * <p>Thread-safe. {@link #close()} stops the server; it cannot be restarted.
 */
public final class RecommendationServer implements AutoCloseable {
    /** System property of the JDK HTTP server that turns TCP_NODELAY on for accepted connections. */
    public static final String NODELAY_PROPERTY = "sun.net.httpserver.nodelay";

    private static final Logger LOG = LoggerFactory.getLogger(RecommendationServer.class);

    private final HttpServer server;
    private final ThreadPoolExecutor executor;
    private final ModelHolder holder;
    private final ServerConfig config;

    private RecommendationServer(HttpServer server, ThreadPoolExecutor executor, ModelHolder holder,
                                 ServerConfig config) {
        this.server = server;
        this.executor = executor;
        this.holder = holder;
        this.config = config;
    }

    /**
     * Loads the model directory and starts serving it.
     *
     * @param config the settings
     * @return the running server
     * @throws IOException if the model does not load or the address cannot be bound
     */
    public static RecommendationServer start(ServerConfig config) throws IOException {
        Objects.requireNonNull(config, "config");
        return start(config, ModelHolder.load(config.modelDirectory()));
    }

    /**
     * Starts serving an already loaded model holder (its directory is the one reloads re-read;
     * {@link ServerConfig#modelDirectory()} is not read again).
     *
     * @param config the settings
     * @param holder the model holder
     * @return the running server
     * @throws IOException if the address cannot be bound
     */
    public static RecommendationServer start(ServerConfig config, ModelHolder holder) throws IOException {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(holder, "holder");
        if (System.getProperty(NODELAY_PROPERTY) == null) {
            System.setProperty(NODELAY_PROPERTY, "true");
        }
        HttpServer server = HttpServer.create(new InetSocketAddress(config.host(), config.port()), 0);
        ThreadPoolExecutor executor = new ThreadPoolExecutor(config.threads(), config.threads(),
                60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(config.queueCapacity()),
                threadFactory(server.getAddress().getPort()), new ThreadPoolExecutor.CallerRunsPolicy());
        server.setExecutor(executor);
        server.createContext("/", new ApiHandler(holder, config));
        server.start();
        RecommendationServer running = new RecommendationServer(server, executor, holder, config);
        LOG.info("serving {} model on {} with {} threads", holder.current().model().name(), running.uri(),
                config.threads());
        return running;
    }

    private static ThreadFactory threadFactory(int port) {
        AtomicInteger threadNumber = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "recommender-http-" + port + "-" + threadNumber.incrementAndGet());
            thread.setDaemon(false);
            return thread;
        };
    }

    /**
     * The bound port (the actual one when the configuration asked for port 0).
     *
     * @return the port
     */
    public int port() {
        return server.getAddress().getPort();
    }

    /**
     * The bound address.
     *
     * @return host and port
     */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    /**
     * The base URI, e.g. {@code http://127.0.0.1:3000/}.
     *
     * @return the base URI
     */
    public URI uri() {
        InetSocketAddress address = server.getAddress();
        String host = address.getAddress().getHostAddress();
        if (host.indexOf(':') >= 0) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + ":" + address.getPort() + "/");
    }

    /**
     * The model holder; {@link ModelHolder#reload()} on it has the same effect as {@code POST /admin/reload}.
     *
     * @return the holder
     */
    public ModelHolder models() {
        return holder;
    }

    /**
     * The settings the server runs with.
     *
     * @return the settings
     */
    public ServerConfig config() {
        return config;
    }

    /**
     * Stops accepting connections, lets exchanges in progress finish for up to {@code grace}
     * (rounded up to whole seconds, as the JDK server counts), then stops the request threads.
     *
     * @param grace how long running exchanges may take to finish
     */
    public void stop(Duration grace) {
        Objects.requireNonNull(grace, "grace");
        if (grace.isNegative()) {
            throw new IllegalArgumentException("grace must not be negative, got " + grace);
        }
        long seconds = grace.toSeconds() + (grace.toNanosPart() > 0 ? 1 : 0);
        server.stop((int) Math.min(Integer.MAX_VALUE, seconds));
        executor.shutdown();
        try {
            if (!executor.awaitTermination(Math.max(1, seconds), TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
        LOG.info("stopped serving on port {}", server.getAddress().getPort());
    }

    /** Stops the server, giving exchanges in progress up to one second. */
    @Override
    public void close() {
        stop(Duration.ofSeconds(1));
    }
}
