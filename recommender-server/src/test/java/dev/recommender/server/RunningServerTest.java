package dev.recommender.server;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/** Base of tests that need one server on an ephemeral loopback port serving model A, per test. */
abstract class RunningServerTest {
    @TempDir
    Path modelDirectory;

    RecommendationServer server;
    Fixtures.Client client;

    /** Adjusts the test settings ({@link Fixtures#config}); the default keeps them. */
    ServerConfig.Builder configure(ServerConfig.Builder config) {
        return config;
    }

    @BeforeEach
    void start() throws IOException {
        Fixtures.save(Fixtures.modelA(), modelDirectory);
        server = RecommendationServer.start(configure(Fixtures.config(modelDirectory)).build());
        client = new Fixtures.Client(server);
    }

    @AfterEach
    void stop() {
        server.stop(Duration.ZERO);
    }
}
