package dev.recommender.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.recommender.core.Recommendations;
import dev.recommender.core.baseline.Popularity;
import dev.recommender.core.data.Interactions;
import dev.recommender.core.io.ModelStore;
import dev.recommender.core.mf.Svd;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Serves the core library's own models (their codecs found by ServiceLoader from recommender-core):
 * the HTTP answer must be the saved model's answer, item for item and score for score.
 */
class CoreModelsServingTest {
    @TempDir
    Path directory;

    @Test
    void servedSvdAnswersExactlyLikeTheSavedModel() throws IOException {
        SplittableRandom random = new SplittableRandom(7);
        Interactions.Builder builder = Interactions.builder();
        for (int u = 0; u < 40; u++) {
            for (int i = 0; i < 25; i++) {
                if (random.nextInt(3) == 0) {
                    builder.add("user" + u, "item" + i, (float) random.nextDouble());
                }
            }
        }
        Svd model = Svd.Config.forEngagementRate().toBuilder().epochs(5).build().fit(builder.build());
        ModelStore.save(model, directory.resolve("model.bin"));
        Svd saved = ModelStore.load(directory.resolve("model.bin"), Svd.class);

        RecommendationServer server = RecommendationServer.start(Fixtures.config(directory).build());
        try {
            Fixtures.Client client = new Fixtures.Client(server);
            for (String user : new String[] {"user0", "user17", "user39", "nobody"}) {
                JsonNode answer = Fixtures.parse(client.post("/recommender", "{\"user_id\": \"" + user + "\", \"k\": 7}"));
                Recommendations expected = saved.recommend(user, 7);
                assertEquals("svd", answer.get("model").asText());
                assertEquals(expected.fallback(), answer.get("fallback").asBoolean(), user);
                assertEquals(expected.size(), answer.get("items").size(), user);
                for (int rank = 0; rank < expected.size(); rank++) {
                    JsonNode item = answer.get("items").get(rank);
                    assertEquals(expected.items().get(rank).itemId(), item.get("content_id").asText(), user);
                    // the JSON holds the shortest decimal of the float score: it reads back to the same float
                    assertEquals((float) expected.items().get(rank).score(), (float) item.get("score").doubleValue(), 0f);
                }
            }
            assertTrue(Fixtures.parse(client.get("/recommender/nobody")).get("fallback").asBoolean());
        } finally {
            server.stop(Duration.ZERO);
        }
    }

    @Test
    void reloadCanSwitchTheModelType() throws IOException {
        // users per item: i1 3 (a, b, c), i2 2 (a, b), i3 1 (c)
        Interactions training = Interactions.builder()
                .add("a", "i1", 1f).add("a", "i2", 1f)
                .add("b", "i1", 1f).add("b", "i2", 1f)
                .add("c", "i1", 1f).add("c", "i3", 1f)
                .build();
        ModelStore.save(Svd.Config.forEngagementRate().toBuilder().epochs(2).build().fit(training),
                directory.resolve("model.bin"));
        RecommendationServer server = RecommendationServer.start(Fixtures.config(directory).build());
        try {
            Fixtures.Client client = new Fixtures.Client(server);
            assertEquals("svd", Fixtures.parse(client.get("/health")).get("model").asText());
            ModelStore.save(Popularity.Config.defaults().fit(training), directory.resolve("model.bin"));
            assertEquals(200, client.reload().statusCode());
            JsonNode answer = Fixtures.parse(client.get("/recommender/c?k=5"));
            assertEquals("popularity", answer.get("model").asText());
            assertFalse(answer.get("fallback").asBoolean());
            // c saw i1 and i3, so only i2 (2 users) is left
            assertEquals(1, answer.get("items").size());
            assertEquals("i2", answer.get("items").get(0).get("content_id").asText());
            assertEquals(2.0, answer.get("items").get(0).get("score").doubleValue(), 0.0);
            JsonNode stranger = Fixtures.parse(client.get("/recommender/zed"));
            assertTrue(stranger.get("fallback").asBoolean());
            // the fallback scores are shares of the most popular item's users: 3/3, 2/3, 1/3
            assertEquals("{\"i1\":1.0,\"i2\":0.6666667,\"i3\":0.33333334}", stranger.get("recommendations").toString());
        } finally {
            server.stop(Duration.ZERO);
        }
    }
}
