package dev.recommender.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.recommender.core.SeenItems;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A request held inside the old model while the server reloads finishes on the old model; requests
 * arriving meanwhile are answered by the new model at once (nothing waits for the in-flight one).
 */
class InFlightReloadTest {
    private static final String GATE = "in-flight-reload";

    @TempDir
    Path directory;

    @AfterEach
    void removeGate() {
        GatedRecommender.GATES.remove(GATE);
    }

    @Test
    void inFlightRequestFinishesOnTheOldModel() throws Exception {
        GatedRecommender.Gate gate = new GatedRecommender.Gate();
        GatedRecommender.GATES.put(GATE, gate);
        Fixtures.save(new GatedRecommender(SeenItems.of(Fixtures.training()), GATE, Fixtures.TABLE_A), directory);
        RecommendationServer server = RecommendationServer.start(
                Fixtures.config(directory).threads(4).offloadRequests(true).build());
        try {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            CompletableFuture<HttpResponse<String>> held = http.sendAsync(
                    HttpRequest.newBuilder(server.uri().resolve("/recommender/u1?k=2")).timeout(Duration.ofSeconds(30))
                            .build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(gate.entered().await(20, TimeUnit.SECONDS), "the request never reached the model");

            Fixtures.Client client = new Fixtures.Client(server);
            Fixtures.save(Fixtures.modelB(), directory);
            assertEquals(200, client.reload().statusCode());
            JsonNode meanwhile = Fixtures.parse(client.get("/recommender/u1?k=2"));
            assertEquals("table-b", meanwhile.get("model").asText());
            assertFalse(held.isDone());

            gate.release().countDown();
            JsonNode old = Fixtures.parse(held.get(20, TimeUnit.SECONDS));
            assertEquals("gated", old.get("model").asText());
            // u1 row of A: c4 0.7, c3 0.5 (c1 seen)
            assertEquals("{\"c4\":0.7,\"c3\":0.5}", old.get("recommendations").toString());
        } finally {
            gate.release().countDown();
            server.stop(Duration.ZERO);
        }
    }
}
