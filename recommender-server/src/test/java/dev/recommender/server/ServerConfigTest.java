package dev.recommender.server;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServerConfigTest {
    private static final Path DIR = Path.of("models");

    @Test
    void defaultsBindLoopbackOnTheSeedsPort() {
        ServerConfig config = ServerConfig.defaults(DIR);
        assertEquals("127.0.0.1", config.host());
        assertEquals(3000, config.port());
        assertEquals(65536, config.maxBodyBytes());
        assertEquals(10, config.defaultHowMany());
        assertEquals(1000, config.maxHowMany());
        assertEquals(64, config.threads());
        assertEquals(java.time.Duration.ofSeconds(30), config.idleTimeout());
        assertFalse(config.adminEnabled());
        assertFalse(config.accessLog());
    }

    @Test
    void invalidValuesAreNamed() {
        assertEquals("port must be in 0..65535, got 70000", message(ServerConfig.builder(DIR).port(70000)));
        assertEquals("threads must be in 1..1024, got 0", message(ServerConfig.builder(DIR).threads(0)));
        assertEquals("host must not be blank, got ' '", message(ServerConfig.builder(DIR).host(" ")));
        assertEquals("idleTimeout must be at least 1 ms, got PT0S", message(ServerConfig.builder(DIR).idleTimeout(java.time.Duration.ZERO)));
        assertEquals("maxConnections must be at least 1, got 0", message(ServerConfig.builder(DIR).maxConnections(0)));
        assertEquals("maxBodyBytes must be at least 64, got 10", message(ServerConfig.builder(DIR).maxBodyBytes(10)));
        assertEquals("defaultHowMany must be in 1..5, got 10",
                message(ServerConfig.builder(DIR).maxHowMany(5)));
        assertEquals("maxHowMany must be at least 1, got 0", message(ServerConfig.builder(DIR).maxHowMany(0)));
    }

    private static String message(ServerConfig.Builder builder) {
        return assertThrows(IllegalArgumentException.class, builder::build).getMessage();
    }
}
