package dev.recommender.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of a {@link RecommendationServer}. Build with {@link #builder(Path)} or
 * {@link #defaults(Path)}; every value is validated when the record is created. Immutable and thread-safe.
 *
 * @param modelDirectory         directory holding {@code model.bin}, re-read on every reload
 * @param host                   address to bind (default {@code 127.0.0.1}: loopback only)
 * @param port                   TCP port, 0 for an ephemeral port (default 3000)
 * @param threads                most worker threads (default 64) for reloads, and for every request when
 *                               {@code offloadRequests} is on; stalled clients hold none (bodies are read
 *                               without blocking)
 * @param maxBodyBytes           largest accepted request body in bytes (default 65536); larger ones get 413
 *                               without being read
 * @param defaultHowMany         number of items when a request gives no {@code k} (default 10)
 * @param maxHowMany             largest {@code k} a request may ask for (default 1000)
 * @param idleTimeout            a connection with no bytes moving in either direction for this long is closed,
 *                               whether it is between requests, inside the headers or inside a body (default 30 s)
 * @param maxRequestHeaderBytes  largest request line plus headers (default 8192); larger ones get 431
 * @param maxConnections         open connections beyond which the server stops accepting until one closes
 *                               (default 2048)
 * @param adminToken             the bearer token of the admin endpoints; {@code null} (the default) switches
 *                               them off
 * @param adminRequestsPerMinute admin requests accepted per minute, counted before authentication, so
 *                               guessing the token is slow too (default 30)
 * @param accessLog              whether each request is logged through SLF4J on the logger
 *                               {@value #ACCESS_LOGGER} (default false)
 * @param watchModelFile         whether the model is reloaded when {@code model.bin} is replaced in its
 *                               directory, without an admin request (default false)
 * @param offloadRequests        whether each request is answered on a worker thread instead of the I/O thread
 *                               that read it (default false). The library's models compute their answers
 *                               without blocking, and answering on the I/O thread saves a thread hand-off per
 *                               request; turn this on for a model whose {@code recommend} blocks (remote
 *                               calls, locks held by other threads), which would otherwise stall the other
 *                               connections of its I/O thread
 */
public record ServerConfig(Path modelDirectory, String host, int port, int threads,
                           int maxBodyBytes, int defaultHowMany, int maxHowMany, Duration idleTimeout,
                           int maxRequestHeaderBytes, int maxConnections, AdminToken adminToken,
                           int adminRequestsPerMinute, boolean accessLog,
                           boolean watchModelFile, boolean offloadRequests) {
    /** Default port, the seed's. */
    public static final int DEFAULT_PORT = 3000;
    /** Default bind address: loopback only. */
    public static final String DEFAULT_HOST = "127.0.0.1";
    /** Default body limit: 64 KiB. */
    public static final int DEFAULT_MAX_BODY_BYTES = 64 * 1024;
    /** Name of the SLF4J logger of the access log. */
    public static final String ACCESS_LOGGER = "dev.recommender.server.access";

    /**
     * Validates the settings.
     *
     * @throws IllegalArgumentException naming the first invalid argument and its value
     */
    public ServerConfig {
        Objects.requireNonNull(modelDirectory, "modelDirectory");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank, got '" + host + "'");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be in 0..65535, got " + port);
        }
        if (threads < 1 || threads > 1024) {
            throw new IllegalArgumentException("threads must be in 1..1024, got " + threads);
        }
        if (maxBodyBytes < 64) {
            throw new IllegalArgumentException("maxBodyBytes must be at least 64, got " + maxBodyBytes);
        }
        if (maxHowMany < 1) {
            throw new IllegalArgumentException("maxHowMany must be at least 1, got " + maxHowMany);
        }
        if (defaultHowMany < 1 || defaultHowMany > maxHowMany) {
            throw new IllegalArgumentException("defaultHowMany must be in 1.." + maxHowMany + ", got " + defaultHowMany);
        }
        if (idleTimeout.toMillis() < 1) {
            throw new IllegalArgumentException("idleTimeout must be at least 1 ms, got " + idleTimeout);
        }
        if (maxRequestHeaderBytes < 1024) {
            throw new IllegalArgumentException("maxRequestHeaderBytes must be at least 1024, got " + maxRequestHeaderBytes);
        }
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be at least 1, got " + maxConnections);
        }
        if (adminRequestsPerMinute < 1) {
            throw new IllegalArgumentException("adminRequestsPerMinute must be at least 1, got " + adminRequestsPerMinute);
        }
    }

    /**
     * Whether the admin endpoints ({@code POST /admin/reload}) are on: only when a token is configured.
     *
     * @return true if an admin token is set
     */
    public boolean adminEnabled() {
        return adminToken != null;
    }

    /**
     * A builder with the defaults for a model directory.
     *
     * @param modelDirectory directory holding {@code model.bin}
     * @return a builder
     */
    public static Builder builder(Path modelDirectory) {
        return new Builder(modelDirectory);
    }

    /**
     * The defaults for a model directory.
     *
     * @param modelDirectory directory holding {@code model.bin}
     * @return the default settings
     */
    public static ServerConfig defaults(Path modelDirectory) {
        return builder(modelDirectory).build();
    }

    /** Builder for {@link ServerConfig}; not thread-safe. */
    public static final class Builder {
        private final Path modelDirectory;
        private String host = DEFAULT_HOST;
        private int port = DEFAULT_PORT;
        private int threads = 64;
        private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
        private int defaultHowMany = 10;
        private int maxHowMany = 1000;
        private Duration idleTimeout = Duration.ofSeconds(30);
        private int maxRequestHeaderBytes = 8192;
        private int maxConnections = 2048;
        private AdminToken adminToken;
        private int adminRequestsPerMinute = 30;
        private boolean accessLog;
        private boolean watchModelFile;
        private boolean offloadRequests;

        private Builder(Path modelDirectory) {
            this.modelDirectory = Objects.requireNonNull(modelDirectory, "modelDirectory");
        }

        /**
         * @param host address to bind
         * @return this builder
         */
        public Builder host(String host) {
            this.host = host;
            return this;
        }

        /**
         * @param port TCP port, 0 for ephemeral
         * @return this builder
         */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /**
         * @param threads most request-handling threads
         * @return this builder
         */
        public Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        /**
         * @param maxBodyBytes largest accepted request body
         * @return this builder
         */
        public Builder maxBodyBytes(int maxBodyBytes) {
            this.maxBodyBytes = maxBodyBytes;
            return this;
        }

        /**
         * @param defaultHowMany items returned when a request gives no {@code k}
         * @return this builder
         */
        public Builder defaultHowMany(int defaultHowMany) {
            this.defaultHowMany = defaultHowMany;
            return this;
        }

        /**
         * @param maxHowMany largest {@code k} allowed
         * @return this builder
         */
        public Builder maxHowMany(int maxHowMany) {
            this.maxHowMany = maxHowMany;
            return this;
        }

        /**
         * @param idleTimeout how long a connection may stay silent before it is closed
         * @return this builder
         */
        public Builder idleTimeout(Duration idleTimeout) {
            this.idleTimeout = idleTimeout;
            return this;
        }

        /**
         * @param maxRequestHeaderBytes largest request line plus headers
         * @return this builder
         */
        public Builder maxRequestHeaderBytes(int maxRequestHeaderBytes) {
            this.maxRequestHeaderBytes = maxRequestHeaderBytes;
            return this;
        }

        /**
         * @param maxConnections most open connections
         * @return this builder
         */
        public Builder maxConnections(int maxConnections) {
            this.maxConnections = maxConnections;
            return this;
        }

        /**
         * @param adminToken the admin bearer token, or null to switch the admin endpoints off
         * @return this builder
         */
        public Builder adminToken(AdminToken adminToken) {
            this.adminToken = adminToken;
            return this;
        }

        /**
         * @param adminRequestsPerMinute admin requests accepted per minute
         * @return this builder
         */
        public Builder adminRequestsPerMinute(int adminRequestsPerMinute) {
            this.adminRequestsPerMinute = adminRequestsPerMinute;
            return this;
        }

        /**
         * @param accessLog whether requests are logged on {@value ServerConfig#ACCESS_LOGGER}
         * @return this builder
         */
        public Builder accessLog(boolean accessLog) {
            this.accessLog = accessLog;
            return this;
        }

        /**
         * @param watchModelFile whether replacing {@code model.bin} reloads it
         * @return this builder
         */
        public Builder watchModelFile(boolean watchModelFile) {
            this.watchModelFile = watchModelFile;
            return this;
        }

        /**
         * @param offloadRequests whether requests are answered on worker threads (for blocking models)
         * @return this builder
         */
        public Builder offloadRequests(boolean offloadRequests) {
            this.offloadRequests = offloadRequests;
            return this;
        }

        /**
         * Validates and builds the settings.
         *
         * @return the settings
         * @throws IllegalArgumentException naming the first invalid argument and its value
         */
        public ServerConfig build() {
            return new ServerConfig(modelDirectory, host, port, threads, maxBodyBytes,
                    defaultHowMany, maxHowMany, idleTimeout, maxRequestHeaderBytes, maxConnections, adminToken,
                    adminRequestsPerMinute, accessLog, watchModelFile, offloadRequests);
        }
    }
}
