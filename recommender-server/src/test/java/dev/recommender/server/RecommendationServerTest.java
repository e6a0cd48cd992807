package dev.recommender.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Starts the real server on an ephemeral loopback port and calls it over HTTP. */
class RecommendationServerTest extends RunningServerTest {
    @Override
    ServerConfig.Builder configure(ServerConfig.Builder config) {
        return config.threads(4);
    }

    @Test
    void bindsToLoopbackByDefault() {
        assertTrue(server.address().getAddress().isLoopbackAddress(), server.address().toString());
        assertTrue(server.port() > 0);
    }

    @Test
    void knownUserGetsModelRankingBestFirstWithoutSeenItems() {
        HttpResponse<String> response = client.post("/recommender", "{\"user_id\": \"u1\", \"k\": 3}");
        assertEquals(200, response.statusCode());
        assertEquals("application/json; charset=utf-8", response.headers().firstValue("Content-Type").orElse(""));
        JsonNode answer = Fixtures.parse(response);
        assertEquals("u1", answer.get("user_id").asText());
        assertEquals("table-a", answer.get("model").asText());
        assertFalse(answer.get("fallback").asBoolean());
        // u1 row of A: c1 .9 (seen, excluded), c4 .7, c3 .5, c2 .2, c5 .1 -> top 3 = c4, c3, c2
        assertEquals(List.of("c4", "c3", "c2"), keys(answer.get("recommendations")));
        assertEquals(0.7, answer.get("recommendations").get("c4").doubleValue(), 0.0);
        assertEquals(0.5, answer.get("recommendations").get("c3").doubleValue(), 0.0);
        assertEquals(0.2, answer.get("recommendations").get("c2").doubleValue(), 0.0);
        JsonNode items = answer.get("items");
        assertEquals(3, items.size());
        for (int rank = 0; rank < 3; rank++) {
            assertEquals(rank + 1, items.get(rank).get("rank").asInt());
            String id = items.get(rank).get("content_id").asText();
            assertEquals(keys(answer.get("recommendations")).get(rank), id);
            assertEquals(answer.get("recommendations").get(id).doubleValue(), items.get(rank).get("score").doubleValue(), 0.0);
        }
        // float scores are written as their shortest decimal, not 0.699999988079071
        assertTrue(response.body().contains("\"c4\":0.7"), response.body());
    }

    @Test
    void kDefaultsToTenAndIsCappedByTheUnseenCatalog() {
        JsonNode answer = Fixtures.parse(client.post("/recommender", "{\"user_id\": \"u2\"}"));
        // u2 saw c1, c2; row c3 .3, c4 .4, c5 .5 -> all three unseen items, best first
        assertEquals(List.of("c5", "c4", "c3"), keys(answer.get("recommendations")));
    }

    @Test
    void unknownUserGetsPopularityFallback() {
        JsonNode answer = Fixtures.parse(client.post("/recommender", "{\"user_id\": \"82216a2c7d\", \"k\": 4}"));
        assertTrue(answer.get("fallback").asBoolean());
        assertEquals("82216a2c7d", answer.get("user_id").asText());
        // training users per item: c1 3, c2 2, c3 1, c4 1, c5 1; ties keep catalog order
        assertEquals(List.of("c1", "c2", "c3", "c4"), keys(answer.get("recommendations")));
        // the fallback's score is the item's share of the most popular item's users
        assertEquals(1.0, answer.get("recommendations").get("c1").doubleValue(), 0.0);
        assertEquals(1.0 / 3, answer.get("items").get(3).get("score").doubleValue(), 1e-7);
    }

    @Test
    void getWithPercentEncodedUserIdAnswersLikePost() {
        HttpResponse<String> viaGet = client.get("/recommender/user%2Fx%20y?k=2");
        HttpResponse<String> viaPost = client.post("/recommender", "{\"user_id\": \"user/x y\", \"k\": 2}");
        assertEquals(200, viaGet.statusCode());
        assertEquals(viaPost.body(), viaGet.body());
        // "user/x y" row of A: c1 .3, c2 .1, c3 .2 (c4, c5 seen) -> c1, c3
        assertEquals(List.of("c1", "c3"), keys(Fixtures.parse(viaGet).get("recommendations")));
        JsonNode defaultK = Fixtures.parse(client.get("/recommender/u3"));
        assertEquals(List.of("c4", "c5"), keys(defaultK.get("recommendations")));
    }

    @Test
    void healthDescribesTheModelAndCountsRequests() {
        client.post("/recommender", "{\"user_id\": \"u1\"}");
        client.get("/recommender/somebody-new");
        client.get("/recommender/u2?k=0");
        HttpResponse<String> response = client.get("/health");
        assertEquals(200, response.statusCode());
        JsonNode health = Fixtures.parse(response);
        assertEquals("ok", health.get("status").asText());
        assertEquals("table-a", health.get("model").asText());
        assertEquals(5, health.get("item_count").asInt());
        assertEquals(1, health.get("generation").asInt());
        assertEquals(64, health.get("sha256").asText().length());
        assertEquals(health.get("sha256").asText().substring(0, 12) + "-1", health.get("version").asText());
        assertFalse(health.get("loaded_at").asText().isEmpty());
        // two answers (one of them a fallback), one refused request
        assertEquals("{\"recommendations\":2,\"fallbacks\":1,\"client_errors\":1,\"server_errors\":0}",
                health.get("requests").toString());
    }

    @Test
    void reloadSwapsTheModelAndAFailedReloadKeepsTheOldOne() throws IOException {
        String shaA = Fixtures.parse(client.get("/health")).get("sha256").asText();
        Fixtures.save(Fixtures.modelB(), modelDirectory);
        HttpResponse<String> reloaded = client.reload();
        assertEquals(200, reloaded.statusCode(), reloaded.body());
        JsonNode status = Fixtures.parse(reloaded);
        assertEquals("reloaded", status.get("status").asText());
        assertEquals("table-b", status.get("model").asText());
        assertEquals(2, status.get("generation").asInt());
        assertFalse(shaA.equals(status.get("sha256").asText()));
        JsonNode answer = Fixtures.parse(client.post("/recommender", "{\"user_id\": \"u1\", \"k\": 2}"));
        assertEquals("table-b", answer.get("model").asText());
        // u1 row of B: c2 .8, c5 .6, c4 .2, c3 .1 -> c2, c5
        assertEquals(List.of("c2", "c5"), keys(answer.get("recommendations")));

        Files.write(modelDirectory.resolve(ModelHolder.MODEL_FILE_NAME), new byte[] {'n', 'o', 'p', 'e'});
        HttpResponse<String> failed = client.reload();
        assertEquals(500, failed.statusCode());
        JsonNode error = Fixtures.parse(failed);
        assertEquals("reload_failed", error.get("error").asText());
        // the reason is logged; the client never sees the file's path
        assertEquals("the model file could not be loaded (the reason is in the server log); still serving the previous model", error.get("message").asText());
        assertFalse(failed.body().contains(modelDirectory.toString()), failed.body());
        assertEquals("table-b", error.get("serving").get("model").asText());
        assertNoStackTrace(failed.body());
        JsonNode health = Fixtures.parse(client.get("/health"));
        assertEquals("table-b", health.get("model").asText());
        assertEquals(2, health.get("generation").asInt());
        assertEquals(1, health.get("requests").get("server_errors").asInt());
        assertEquals("table-b", Fixtures.parse(client.get("/recommender/u1")).get("model").asText());
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3} {4}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "POST | /recommender | {\"user_id\": \"u1\" | 400 | invalid_json | malformed JSON at line 1, column 17: Unexpected end-of-input: expected close marker for Object",
            "POST | /recommender | `` | 400 | invalid_json | request body is empty",
            "POST | /recommender | [\"u1\"] | 400 | invalid_json | must be a JSON object, got an array",
            "POST | /recommender | {\"user_id\": \"u1\"} {} | 400 | invalid_json | malformed JSON at line 1, column 20: trailing content after the JSON object",
            "POST | /recommender | {user_id: \"u1\"} | 400 | invalid_json | was expecting double-quote to start field name",
            "POST | /recommender | {\"user_id\": \"u1\", \"user_id\": \"u2\"} | 400 | invalid_json | Duplicate field 'user_id'",
            "POST | /recommender | {\"k\": 3} | 400 | invalid_field | missing field 'user_id'",
            "POST | /recommender | {\"user_id\": 82216} | 400 | invalid_field | 'user_id' must be a non-empty string, got a number (82216)",
            "POST | /recommender | {\"user_id\": null} | 400 | invalid_field | 'user_id' must be a non-empty string, got null",
            "POST | /recommender | {\"user_id\": \" \"} | 400 | invalid_field | 'user_id' must be a non-empty string",
            "POST | /recommender | {\"user_id\": \"u1\", \"k\": 0} | 400 | invalid_field | 'k' must be an integer in 1..1000, got a number (0)",
            "POST | /recommender | {\"user_id\": \"u1\", \"k\": 1001} | 400 | invalid_field | got a number (1001)",
            "POST | /recommender | {\"user_id\": \"u1\", \"k\": 2.5} | 400 | invalid_field | got a number (2.5)",
            "POST | /recommender | {\"user_id\": \"u1\", \"k\": \"10\"} | 400 | invalid_field | got a string (\"10\")",
            "POST | /recommender | {\"user_id\": \"u1\", \"k\": 99999999999} | 400 | invalid_field | 'k' must be an integer",
            "POST | /recommender | {\"user_id\": \"u1\", \"howMany\": 3} | 400 | invalid_field | unknown field 'howMany'",
            "POST | /recommender?k=3 | {\"user_id\": \"u1\"} | 400 | invalid_parameter | takes no query parameters",
            "GET | /recommender/u1?k=0 | `` | 400 | invalid_parameter | 'k' must be an integer in 1..1000, got '0'",
            "GET | /recommender/u1?k=abc | `` | 400 | invalid_parameter | got 'abc'",
            "GET | /recommender/u1?k=3&k=4 | `` | 400 | invalid_parameter | given twice",
            "GET | /recommender/u1?n=3 | `` | 400 | invalid_parameter | unknown query parameter 'n'",
            "GET | /recommender/u%FF | `` | 400 | bad_request | the HTTP request was refused: Bad Request",
            "GET | /recommender | `` | 405 | method_not_allowed | method GET is not allowed on /recommender; allowed: POST, OPTIONS",
            "PUT | /recommender | {} | 405 | method_not_allowed | allowed: POST, OPTIONS",
            "POST | /recommender/u1 | {} | 405 | method_not_allowed | allowed: GET, HEAD, OPTIONS",
            "DELETE | /health | `` | 405 | method_not_allowed | allowed: GET, HEAD, OPTIONS",
            "GET | /admin/reload | `` | 405 | method_not_allowed | allowed: POST, OPTIONS",
            "GET | /nothing | `` | 404 | not_found | no such endpoint: /nothing",
            "GET | /users/u1 | `` | 404 | not_found | no such endpoint: /users/u1",
            "GET | /recommender/ | `` | 404 | not_found | no such endpoint",
            "GET | /recommender/a/b | `` | 404 | not_found | no such endpoint",
            "POST | /recommenders | {} | 404 | not_found | no such endpoint: /recommenders",
    })
    void badRequestsGetJsonErrors(String method, String path, String body, int status, String code, String message) {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body);
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(client.base().resolve(path))
                .header("Content-Type", "application/json").method(method, publisher));
        assertError(response, status, code, message);
        if (status == 405) {
            assertEquals(message.substring(message.indexOf("allowed: ") + 9),
                    response.headers().firstValue("Allow").orElse(""));
        }
    }

    @Test
    void nonJsonContentTypeIs415() {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(client.base().resolve("/recommender"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("user_id=u1")));
        assertError(response, 415, "unsupported_media_type", "Content-Type must be application/json");
        HttpResponse<String> withCharset = client.send(HttpRequest.newBuilder(client.base().resolve("/recommender"))
                .header("Content-Type", "Application/JSON; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString("{\"user_id\": \"u1\"}")));
        assertEquals(200, withCharset.statusCode(), withCharset.body());
    }

    @Test
    void bodyOverTheLimitIs413WithOrWithoutContentLength() {
        String big = "{\"user_id\": \"u1\", \"k\": 3, \"pad\": \"" + "x".repeat(ServerConfig.DEFAULT_MAX_BODY_BYTES) + "\"}";
        HttpResponse<String> declared = client.post("/recommender", big);
        assertError(declared, 413, "payload_too_large", "declared Content-Length is " + big.length() + " bytes");
        HttpResponse<String> chunked = client.send(HttpRequest.newBuilder(client.base().resolve("/recommender"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big.getBytes()))));
        assertError(chunked, 413, "payload_too_large", "at most 65536 bytes are accepted");
        // the server still answers afterwards
        assertEquals(200, client.get("/health").statusCode());
    }

    @Test
    void bodyExactlyAtTheLimitIsAccepted() {
        String prefix = "{\"user_id\": \"u1\", \"k\": 1}";
        String body = prefix + " ".repeat(ServerConfig.DEFAULT_MAX_BODY_BYTES - prefix.length());
        assertEquals(ServerConfig.DEFAULT_MAX_BODY_BYTES, body.length());
        HttpResponse<String> response = client.post("/recommender", body);
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(List.of("c4"), keys(Fixtures.parse(response).get("recommendations")));
    }

    @Test
    void adminEndpointsAreOffByDefault(@TempDir Path other) throws IOException {
        Fixtures.save(Fixtures.modelA(), other);
        try (RecommendationServer locked = RecommendationServer.start(ServerConfig.builder(other).port(0).build())) {
            HttpResponse<String> response = new Fixtures.Client(locked).reload();
            assertError(response, 403, "admin_disabled", "admin endpoints are disabled");
        }
    }

    @Test
    void startFailsClearlyWithoutAModel(@TempDir Path empty) {
        IOException error = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
                () -> RecommendationServer.start(Fixtures.config(empty).build()));
        assertTrue(error.getMessage().contains("model.bin") && error.getMessage().contains("does not exist"),
                error.getMessage());
    }

    private static void assertError(HttpResponse<String> response, int status, String code, String message) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals("application/json; charset=utf-8", response.headers().firstValue("Content-Type").orElse(""));
        JsonNode error = Fixtures.parse(response);
        assertEquals(code, error.get("error").asText(), response.body());
        assertEquals(status, error.get("status").asInt());
        assertTrue(error.get("message").asText().contains(message),
                "message '" + error.get("message").asText() + "' should contain '" + message + "'");
        assertNoStackTrace(response.body());
    }

    private static void assertNoStackTrace(String body) {
        assertFalse(body.contains("Exception") || body.contains("\tat ") || body.contains(".java:")
                || body.contains("jackson") || body.contains("Source:") || body.contains("`"), body);
    }

    private static List<String> keys(JsonNode object) {
        List<String> keys = new ArrayList<>();
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            keys.add(it.next());
        }
        return keys;
    }
}
