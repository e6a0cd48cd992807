package dev.recommender.examples.serve;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Settings of a {@link RecommendationServer}. Build with {@link #builder(Path)} or
 * {@link #defaults(Path)}; every value is validated when the record is created. Immutable and thread-safe.
 *
 * @param modelDirectory  directory holding {@code model.bin}, re-read on every reload
 * @param host            address to bind (default {@code 127.0.0.1}: loopback only)
 * @param port            TCP port, 0 for an ephemeral port (default 3000)
 * @param threads         request-handling threads (default twice the processor count, at least 4)
 * @param queueCapacity   accepted exchanges waiting for a thread before the accepting thread runs them
 *                        itself, which slows accepting down (default 1024)
 * @param maxBodyBytes    largest accepted request body in bytes (default 65536); larger ones get 413
 * @param defaultHowMany  number of items when a request gives no {@code k} (default 10)
 * @param maxHowMany      largest {@code k} a request may ask for (default 1000)
 * @param allowReload     whether {@code POST /admin/reload} is enabled (default true)
 */
public record ServerConfig(Path modelDirectory, String host, int port, int threads, int queueCapacity,
                           int maxBodyBytes, int defaultHowMany, int maxHowMany, boolean allowReload) {
    /** Default port, the seed's. */
    public static final int DEFAULT_PORT = 3000;
    /** Default bind address: loopback only. */
    public static final String DEFAULT_HOST = "127.0.0.1";
    /** Default body limit: 64 KiB. */
    public static final int DEFAULT_MAX_BODY_BYTES = 64 * 1024;

    /**
     * Validates the settings.
     *
     * @throws IllegalArgumentException naming the first invalid argument and its value
     */
    public ServerConfig {
        Objects.requireNonNull(modelDirectory, "modelDirectory");
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank, got '" + host + "'");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be in 0..65535, got " + port);
        }
        if (threads < 1 || threads > 1024) {
            throw new IllegalArgumentException("threads must be in 1..1024, got " + threads);
        }
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("queueCapacity must be at least 1, got " + queueCapacity);
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

    /** Default thread count: twice the processors, at least 4. */
    static int defaultThreads() {
        return Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
    }

    /** Builder for {@link ServerConfig}; not thread-safe. */
    public static final class Builder {
        private final Path modelDirectory;
        private String host = DEFAULT_HOST;
        private int port = DEFAULT_PORT;
        private int threads = defaultThreads();
        private int queueCapacity = 1024;
        private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
        private int defaultHowMany = 10;
        private int maxHowMany = 1000;
        private boolean allowReload = true;

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
         * @param threads request-handling threads
         * @return this builder
         */
        public Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        /**
         * @param queueCapacity exchanges that may wait for a thread
         * @return this builder
         */
        public Builder queueCapacity(int queueCapacity) {
            this.queueCapacity = queueCapacity;
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
         * @param allowReload whether {@code POST /admin/reload} is enabled
         * @return this builder
         */
        public Builder allowReload(boolean allowReload) {
            this.allowReload = allowReload;
            return this;
        }

        /**
         * Validates and builds the settings.
         *
         * @return the settings
         * @throws IllegalArgumentException naming the first invalid argument and its value
         */
        public ServerConfig build() {
            return new ServerConfig(modelDirectory, host, port, threads, queueCapacity, maxBodyBytes,
                    defaultHowMany, maxHowMany, allowReload);
        }
    }
}
