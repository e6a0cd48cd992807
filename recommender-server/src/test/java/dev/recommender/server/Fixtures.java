package dev.recommender.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.recommender.core.Recommender;
import dev.recommender.core.data.Interactions;
import dev.recommender.core.io.ModelStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Shared fixtures: two small table models A and B over the same users and catalog, and an HTTP
 * client for a running server.
 *
 * <p>Training pairs (insertion order fixes the indexes): u1: c1; u2: c1, c2; u3: c1, c2, c3;
 * "user/x y": c4, c5. Popularity (training users per item): c1 3, c2 2, c3 1, c4 1, c5 1, so the
 * fallback ranking is c1, c2, c3, c4, c5 (ties in catalog order).
 */
public final class Fixtures {
    static final ObjectMapper JSON = new ObjectMapper();

    /** Scores of model A, users × items (c1..c5). */
    static final float[] TABLE_A = {
            0.9f, 0.2f, 0.5f, 0.7f, 0.1f,   // u1 (saw c1): c4 0.7, c3 0.5, c2 0.2, c5 0.1
            0.1f, 0.2f, 0.3f, 0.4f, 0.5f,   // u2 (saw c1, c2): c5, c4, c3
            0.5f, 0.5f, 0.5f, 0.9f, 0.8f,   // u3 (saw c1..c3): c4, c5
            0.3f, 0.1f, 0.2f, 0.9f, 0.9f,   // "user/x y" (saw c4, c5): c1, c3, c2
    };
    /** Scores of model B: a different ranking for every user. */
    static final float[] TABLE_B = {
            0.9f, 0.8f, 0.1f, 0.2f, 0.6f,   // u1: c2 0.8, c5 0.6, c4 0.2, c3 0.1
            0.5f, 0.4f, 0.3f, 0.2f, 0.1f,   // u2: c3, c4, c5
            0.1f, 0.1f, 0.1f, 0.2f, 0.3f,   // u3: c5, c4
            0.1f, 0.3f, 0.2f, 0.0f, 0.0f,   // "user/x y": c2, c3, c1
    };

    /** The admin token of test servers started with {@link #config}. */
    public static final String TOKEN = "test-admin-token-0123456789";

    private Fixtures() {
    }

    /** Test settings: ephemeral loopback port, admin endpoints on with {@link #TOKEN}, no practical rate limit. */
    public static ServerConfig.Builder config(Path modelDirectory) {
        return ServerConfig.builder(modelDirectory).port(0).adminToken(AdminToken.of(TOKEN))
                .adminRequestsPerMinute(100_000);
    }

    static Interactions training() {
        return Interactions.builder()
                .add("u1", "c1", 1f)
                .add("u2", "c1", 1f).add("u2", "c2", 1f)
                .add("u3", "c1", 1f).add("u3", "c2", 1f).add("u3", "c3", 1f)
                .add("user/x y", "c4", 1f).add("user/x y", "c5", 1f)
                .build();
    }

    public static TableRecommender modelA() {
        return new TableRecommender("table-a", training(), TABLE_A);
    }

    public static TableRecommender modelB() {
        return new TableRecommender("table-b", training(), TABLE_B);
    }

    public static void save(Recommender model, Path directory) {
        try {
            ModelStore.save(model, directory.resolve(ModelHolder.MODEL_FILE_NAME));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A thin client for one server. */
    public static final class Client {
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        private final URI base;

        public Client(RecommendationServer server) {
            this.base = server.uri();
        }

        public HttpResponse<String> post(String path, String body) {
            return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
        }

        /** {@code POST /admin/reload} with the test token. */
        public HttpResponse<String> reload() {
            return send(HttpRequest.newBuilder(base.resolve("/admin/reload")).header("Authorization", "Bearer " + TOKEN)
                    .POST(HttpRequest.BodyPublishers.noBody()));
        }

        public HttpResponse<String> get(String path) {
            return send(HttpRequest.newBuilder(base.resolve(path)).GET());
        }

        public HttpResponse<String> send(HttpRequest.Builder request) {
            try {
                return http.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        public URI base() {
            return base;
        }
    }

    public static JsonNode parse(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
