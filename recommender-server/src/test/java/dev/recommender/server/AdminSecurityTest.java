package dev.recommender.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The admin endpoints: token, same-origin rule, rate limit, and no paths in answers. */
class AdminSecurityTest {
    @TempDir
    Path modelDirectory;

    private RecommendationServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(Duration.ZERO);
        }
    }

    private Fixtures.Client start(ServerConfig.Builder config) throws IOException {
        Fixtures.save(Fixtures.modelA(), modelDirectory);
        server = RecommendationServer.start(config.build());
        return new Fixtures.Client(server);
    }

    private HttpResponse<String> reload(Fixtures.Client client, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(client.base().resolve("/admin/reload"))
                .POST(HttpRequest.BodyPublishers.noBody());
        headers.forEach(request::header);
        return client.send(request);
    }

    @Test
    void refusesMissingAndWrongTokens() throws IOException {
        Fixtures.Client client = start(Fixtures.config(modelDirectory));
        HttpResponse<String> none = reload(client, Map.of());
        assertEquals(401, none.statusCode());
        assertEquals("Bearer realm=\"recommender-admin\"", none.headers().firstValue("WWW-Authenticate").orElse(""));
        assertEquals("unauthorized", Fixtures.parse(none).get("error").asText());
        for (String wrong : new String[] {"Bearer " + Fixtures.TOKEN + "x", "Bearer " + Fixtures.TOKEN.substring(1),
                "Basic " + Fixtures.TOKEN, Fixtures.TOKEN, "Bearer "}) {
            HttpResponse<String> response = reload(client, Map.of("Authorization", wrong));
            assertEquals(401, response.statusCode(), wrong);
        }
        assertEquals(1, server.models().current().generation());
        assertEquals(200, reload(client, Map.of("Authorization", "bearer " + Fixtures.TOKEN)).statusCode());
        assertEquals(2, server.models().current().generation());
    }

    @Test
    void refusesCrossOriginBrowserRequestsEvenWithTheToken() throws IOException {
        Fixtures.Client client = start(Fixtures.config(modelDirectory));
        String auth = "Bearer " + Fixtures.TOKEN;
        HttpResponse<String> evil = reload(client, Map.of("Authorization", auth, "Origin", "http://evil.example"));
        assertEquals(403, evil.statusCode());
        assertEquals("cross_origin", Fixtures.parse(evil).get("error").asText());
        assertEquals(403, reload(client, Map.of("Authorization", auth, "Sec-Fetch-Site", "cross-site")).statusCode());
        assertEquals(403, reload(client, Map.of("Authorization", auth, "Origin", "null")).statusCode());
        String own = "http://127.0.0.1:" + server.port();
        assertEquals(403, reload(client, Map.of("Authorization", auth, "Origin", own + ".evil.example")).statusCode());
        assertEquals(1, server.models().current().generation());
        // the explorer page itself (same origin) and command-line tools (no Origin) are let through
        assertEquals(200, reload(client, Map.of("Authorization", auth, "Origin", own,
                "Sec-Fetch-Site", "same-origin")).statusCode());
        assertEquals(200, reload(client, Map.of("Authorization", auth)).statusCode());
    }

    @Test
    void rateLimitsAdminRequestsBeforeCheckingTheToken() throws IOException {
        Fixtures.Client client = start(Fixtures.config(modelDirectory).adminRequestsPerMinute(3));
        assertEquals(401, reload(client, Map.of("Authorization", "Bearer guess-number-one-xxxx")).statusCode());
        assertEquals(401, reload(client, Map.of("Authorization", "Bearer guess-number-two-xxxx")).statusCode());
        assertEquals(200, client.reload().statusCode());
        HttpResponse<String> limited = client.reload();
        assertEquals(429, limited.statusCode());
        assertEquals("60", limited.headers().firstValue("Retry-After").orElse(""));
        assertEquals("rate_limited", Fixtures.parse(limited).get("error").asText());
        // the recommendation endpoints are not limited
        assertEquals(200, client.get("/recommender/u1").statusCode());
    }

    @Test
    void tokenBucketRefillsOverTheMinute() {
        long[] now = {0};
        AdminGuard.TokenBucket bucket = new AdminGuard.TokenBucket(2, 60_000, () -> now[0]);
        assertTrue(bucket.tryTake());
        assertTrue(bucket.tryTake());
        assertFalse(bucket.tryTake());
        now[0] = 29_999;
        assertFalse(bucket.tryTake());
        now[0] = 30_000;
        assertTrue(bucket.tryTake());
        now[0] = 1_000_000;
        assertTrue(bucket.tryTake());
        assertTrue(bucket.tryTake());
        assertFalse(bucket.tryTake());
    }

    @Test
    void failedReloadsDoNotShowThePath() throws IOException {
        Fixtures.Client client = start(Fixtures.config(modelDirectory));
        Files.delete(modelDirectory.resolve(ModelHolder.MODEL_FILE_NAME));
        HttpResponse<String> missing = client.reload();
        assertEquals(500, missing.statusCode());
        JsonNode error = Fixtures.parse(missing);
        assertEquals("reload_failed", error.get("error").asText());
        assertFalse(missing.body().contains(modelDirectory.toString()) || missing.body().contains("/tmp"),
                missing.body());
        assertFalse(missing.body().contains("model.bin"), missing.body());
    }

    @Test
    void tokensComeFromFilesOrTheEnvironmentAndAreNeverShown(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("token"), "  " + Fixtures.TOKEN + "  \nsecond line\n");
        AdminToken fromFile = AdminToken.fromFile(file);
        assertTrue(fromFile.matches("Bearer " + Fixtures.TOKEN));
        assertFalse(fromFile.matches("Bearer second line"));
        assertEquals("AdminToken[redacted]", fromFile.toString());
        assertFalse(ServerConfig.builder(dir).adminToken(fromFile).build().toString().contains(Fixtures.TOKEN));
        assertTrue(AdminToken.fromEnvironment("TOKEN_VAR", Map.of("TOKEN_VAR", Fixtures.TOKEN))
                .matches("Bearer " + Fixtures.TOKEN));
        assertEquals("environment variable TOKEN_VAR (the admin token) is not set",
                assertThrows(IllegalArgumentException.class,
                        () -> AdminToken.fromEnvironment("TOKEN_VAR", Map.of())).getMessage());
        assertEquals("admin token from the caller is 5 characters long; at least 16 are required",
                assertThrows(IllegalArgumentException.class, () -> AdminToken.of("short")).getMessage());
        assertEquals("admin token from the caller must be printable ASCII without spaces",
                assertThrows(IllegalArgumentException.class,
                        () -> AdminToken.of("has a space in the middle")).getMessage());
    }
}
