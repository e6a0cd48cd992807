package dev.recommender.server;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.CustomRequestLog;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.Slf4jRequestLogWriter;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * The HTTP recommendation API over a model directory, on Jetty 12. Start it with {@link #start(ServerConfig)}
 * from any Java service; it logs through SLF4J only and owns no global state.
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
 *   <li>{@code GET /users/{user_id}/items?k=10}: {@code {"user_id", "known", "available", "items"}}, the
 *       user's training items when the model keeps them.</li>
 *   <li>{@code GET /health}: {@code {"status": "ok", "model": .., "version": .., "sha256": ..,
 *       "generation": .., "loaded_at": .., "item_count": .., "requests": {"recommendations": .., "fallbacks": ..,
 *       "client_errors": .., "server_errors": ..}}}.</li>
 *   <li>{@code GET /metrics}: Prometheus text format (see {@link ServerMetrics}).</li>
 *   <li>{@code GET /}: the explorer page.</li>
 *   <li>{@code POST /admin/reload}: off unless {@link ServerConfig#adminToken()} is set; then it needs
 *       {@code Authorization: Bearer <token>}, refuses cross-origin browser requests and is rate-limited
 *       (see {@link AdminGuard}). Re-reads {@code model.bin} and swaps it in atomically (requests in flight
 *       finish on the old model); a file that does not load gives 500 {@code reload_failed} without its
 *       path, and the old model keeps serving.</li>
 * </ul>
 * Every answer, including every error of the HTTP layer, is JSON (the explorer's files and
 * {@code /metrics} excepted) with {@code Cache-Control: no-store}: {@code {"error": code, "message": ..,
 * "status": ..}}. {@code HEAD} is answered for every {@code GET} endpoint, {@code OPTIONS} with 204 and
 * {@code Allow}.
 *
 * <h2>Why Jetty</h2>
 * The JDK's {@code com.sun.net.httpserver} parses requests on its single dispatcher thread and has no
 * idle or header timeouts of its own, so four clients that stop in the middle of their headers froze
 * it. Jetty 12 reads headers without blocking a thread, closes connections that stay silent for
 * {@link ServerConfig#idleTimeout()}, limits header size and open connections, and lets every HTTP-layer
 * error be answered by one JSON {@link JsonErrorHandler}.
 *
 * <p>Thread-safe. {@link #close()} stops the server; it cannot be restarted.
 */
public final class RecommendationServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RecommendationServer.class);

    private final Server server;
    private final ServerConnector connector;
    private final ModelHolder holder;
    private final ServerConfig config;
    private final ServerMetrics metrics;
    private final ModelFileWatcher watcher;

    private RecommendationServer(Server server, ServerConnector connector, ModelHolder holder,
                                 ServerConfig config, ServerMetrics metrics, ModelFileWatcher watcher) {
        this.watcher = watcher;
        this.server = server;
        this.connector = connector;
        this.holder = holder;
        this.config = config;
        this.metrics = metrics;
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
        // one selector (I/O thread) per core: by default requests are answered on them; the acceptor and
        // selectors come from the same pool as the workers, so keep room for them
        int selectors = Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors()));
        int reserved = 2 + selectors;
        QueuedThreadPool pool = new QueuedThreadPool(config.threads() + reserved, Math.min(8, config.threads() + reserved));
        pool.setName("recommender-http");
        Server server = new Server(pool);

        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        http.setRequestHeaderSize(config.maxRequestHeaderBytes());
        http.setIdleTimeout(config.idleTimeout().toMillis());
        // user ids may contain '/', sent as %2F inside one path segment
        http.setUriCompliance(UriCompliance.DEFAULT.with("recommender-ids",
                UriCompliance.Violation.AMBIGUOUS_PATH_SEPARATOR));
        ServerConnector connector = new ServerConnector(server, 1, selectors, new FairHttpConnectionFactory(http));
        connector.setHost(config.host());
        connector.setPort(config.port());
        connector.setIdleTimeout(config.idleTimeout().toMillis());
        server.addConnector(connector);
        server.addBean(new NetworkConnectionLimit(config.maxConnections(), connector));

        ApiHandler api = new ApiHandler(holder, config, new AdminGuard(config, System::nanoTime));
        ServerMetrics metrics = api.metrics();
        server.setHandler(api);
        server.setErrorHandler(new JsonErrorHandler());
        if (config.accessLog()) {
            Slf4jRequestLogWriter writer = new Slf4jRequestLogWriter();
            writer.setLoggerName(ServerConfig.ACCESS_LOGGER);
            server.setRequestLog(new CustomRequestLog(writer, CustomRequestLog.EXTENDED_NCSA_FORMAT));
        }
        server.setStopTimeout(1000);
        try {
            server.start();
        } catch (Exception e) {
            stopQuietly(server);
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof BindException bind) {
                    throw bind;
                }
            }
            throw e instanceof IOException io ? io : new IOException("cannot start the HTTP server: " + e, e);
        }
        ModelFileWatcher watcher = null;
        if (config.watchModelFile()) {
            try {
                watcher = new ModelFileWatcher(holder.modelFile(), api::reloadAndCount);
            } catch (IOException e) {
                stopQuietly(server);
                throw e;
            }
        }
        RecommendationServer running = new RecommendationServer(server, connector, holder, config, metrics, watcher);
        LOG.info("serving {} model on {} (admin endpoints {})", holder.current().model().name(), running.uri(),
                config.adminEnabled() ? "on" : "off");
        return running;
    }

    private static void stopQuietly(Server server) {
        try {
            server.stop();
        } catch (Exception e) {
            LOG.debug("stopping a server that failed to start: {}", e.toString());
        }
    }

    /**
     * The bound port (the actual one when the configuration asked for port 0).
     *
     * @return the port
     */
    public int port() {
        return connector.getLocalPort();
    }

    /**
     * The bound address.
     *
     * @return host and port
     */
    public InetSocketAddress address() {
        return new InetSocketAddress(config.host(), port());
    }

    /**
     * The base URI, e.g. {@code http://127.0.0.1:3000/}.
     *
     * @return the base URI
     */
    public URI uri() {
        String host = address().getAddress().getHostAddress();
        if (host.indexOf(':') >= 0) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + ":" + port() + "/");
    }

    /**
     * The model holder; {@link ModelHolder#reload()} on it swaps models like {@code POST /admin/reload}.
     *
     * @return the holder
     */
    public ModelHolder models() {
        return holder;
    }

    /**
     * The Prometheus registry behind {@code GET /metrics}, for hosts that add meters or scrape it themselves.
     *
     * @return the registry
     */
    public PrometheusMeterRegistry meterRegistry() {
        return metrics.registry();
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
     * Stops accepting connections and lets requests in progress finish for up to {@code grace}.
     *
     * @param grace how long running requests may take to finish
     */
    public void stop(Duration grace) {
        Objects.requireNonNull(grace, "grace");
        if (grace.isNegative()) {
            throw new IllegalArgumentException("grace must not be negative, got " + grace);
        }
        if (watcher != null) {
            watcher.close();
        }
        server.setStopTimeout(grace.toMillis());
        int port = port();
        try {
            server.stop();
        } catch (Exception e) {
            LOG.warn("error while stopping the server on port {}: {}", port, e.toString());
        }
        LOG.info("stopped serving on port {}", port);
    }

    /** Stops the server, giving requests in progress up to one second. */
    @Override
    public void close() {
        stop(Duration.ofSeconds(1));
    }
}
