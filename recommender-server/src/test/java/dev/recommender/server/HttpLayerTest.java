package dev.recommender.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the HTTP layer answers on its own (malformed request lines, bad lengths, oversized headers) is
 * JSON too; HEAD and OPTIONS; no-store caching; the user-items endpoint and the metrics.
 */
class HttpLayerTest extends RunningServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    ServerConfig.Builder configure(ServerConfig.Builder config) {
        return config.maxRequestHeaderBytes(2048);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "400 | bad_request | GARBAGE\\r\\n\\r\\n",
            "400 | bad_request | GET /health HTTP/1.1 extra\\r\\nHost: x\\r\\n\\r\\n",
            "400 | bad_request | POST /recommender HTTP/1.1\\r\\nHost: x\\r\\nContent-Length: abc\\r\\n\\r\\n",
            "400 | bad_request | POST /recommender HTTP/1.1\\r\\nHost: x\\r\\nContent-Length: 99999999999999999999999\\r\\n\\r\\n",
            "400 | bad_request | POST /recommender HTTP/1.1\\r\\nHost: x\\r\\nContent-Length: 5\\r\\nContent-Length: 7\\r\\n\\r\\n",
            "413 | payload_too_large | POST /recommender HTTP/1.1\\r\\nHost: x\\r\\nContent-Length: 100000000\\r\\n\\r\\n",
            "505 | http_version_not_supported | GET /health HTTP/7.0\\r\\nHost: x\\r\\n\\r\\n",
    })
    void httpLayerErrorsAreJson(int status, String code, String request) throws IOException {
        RawHttp.Response response = RawHttp.exchange(server.port(), request.replace("\\r\\n", "\r\n"), 5000);
        assertEquals(status, response.status(), response.toString());
        assertEquals("application/json; charset=utf-8", response.header("Content-Type"), response.toString());
        assertEquals("no-store", response.header("Cache-Control"));
        JsonNode error = JSON.readTree(response.body());
        assertEquals(code, error.get("error").asText(), response.body());
        assertEquals(status, error.get("status").asInt());
        assertFalse(response.body().contains("Exception") || response.body().contains("<"), response.body());
    }

    @Test
    void aRefusedBodyDoesNotCostTheConnection() throws IOException {
        // 415 is answered without parsing the body; the connection must still serve the next request
        String refused = "POST /recommender HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: 10\r\n\r\n"
                + "user_id=u1";
        String next = "GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
        try (java.net.Socket socket = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), server.port())) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write((refused + next).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String both = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            int first = both.indexOf("HTTP/1.1 415 ");
            int second = both.indexOf("HTTP/1.1 200 ");
            assertTrue(first == 0 && second > first, both);
            assertFalse(both.substring(0, second).contains("Connection: close"), both);
        }
    }

    @Test
    void aBodyArrivingInPiecesIsReadWhole() throws IOException, InterruptedException {
        // the handler reads bodies without blocking: pieces that arrive apart resume the read
        String body = "{\"user_id\": \"u1\", \"k\": 2}";
        String chunked = Integer.toHexString(body.length() - 9) + "\r\n" + body.substring(0, body.length() - 9)
                + "\r\n" + Integer.toHexString(9) + "\r\n" + body.substring(body.length() - 9) + "\r\n0\r\n\r\n";
        String[][] requests = {
                {"POST /recommender HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: "
                        + body.length() + "\r\nConnection: close\r\n\r\n" + body.substring(0, 5),
                        body.substring(5, 17), body.substring(17)},
                {"POST /recommender HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                        + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n",
                        chunked.substring(0, 12), chunked.substring(12)},
        };
        for (String[] pieces : requests) {
            try (java.net.Socket socket = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), server.port())) {
                socket.setSoTimeout(5000);
                for (String piece : pieces) {
                    socket.getOutputStream().write(piece.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                    socket.getOutputStream().flush();
                    Thread.sleep(150);
                }
                RawHttp.Response response = RawHttp.parse(
                        new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
                assertEquals(200, response.status(), response.toString());
                // u1's row of table A without its seen item c1: c4 0.7, c3 0.5
                assertEquals("{\"c4\":0.7,\"c3\":0.5}", JSON.readTree(response.body()).get("recommendations").toString());
            }
        }
    }

    @Test
    void aChunkedBodyOverTheLimitIs413AndClosesTheConnection() throws IOException {
        // no Content-Length to refuse up front: the limit is enforced while reading
        String piece = "x".repeat(4096);
        StringBuilder request = new StringBuilder("POST /recommender HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n");
        for (int i = 0; i < ServerConfig.DEFAULT_MAX_BODY_BYTES / piece.length() + 1; i++) {
            request.append(Integer.toHexString(piece.length())).append("\r\n").append(piece).append("\r\n");
        }
        RawHttp.Response response = RawHttp.exchange(server.port(), request.toString(), 5000);
        assertEquals(413, response.status(), response.toString());
        assertEquals("payload_too_large", JSON.readTree(response.body()).get("error").asText());
        assertEquals("close", response.header("Connection"));
    }

    @Test
    void headersOverTheLimitAre431Json() throws IOException {
        String request = "GET /health HTTP/1.1\r\nHost: x\r\nX-Big: " + "y".repeat(4000) + "\r\n\r\n";
        RawHttp.Response response = RawHttp.exchange(server.port(), request, 5000);
        assertEquals(431, response.status());
        assertEquals("request_header_fields_too_large", JSON.readTree(response.body()).get("error").asText());
    }

    @Test
    void headIsAnsweredLikeGetWithoutABody() throws IOException {
        HttpResponse<String> get = client.get("/recommender/u1?k=2");
        RawHttp.Response head = RawHttp.exchange(server.port(),
                "HEAD /recommender/u1?k=2 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 5000);
        assertEquals(200, head.status());
        assertEquals(String.valueOf(get.body().length()), head.header("Content-Length"));
        assertEquals("", head.body());
        assertEquals("no-store", get.headers().firstValue("Cache-Control").orElse(""));
    }

    @Test
    void optionsListsTheAllowedMethods() {
        HttpResponse<String> post = client.send(HttpRequest.newBuilder(client.base().resolve("/recommender"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertEquals(204, post.statusCode());
        assertEquals("POST, OPTIONS", post.headers().firstValue("Allow").orElse(""));
        // no CORS headers: other origins cannot read answers nor pass a preflight
        assertTrue(post.headers().firstValue("Access-Control-Allow-Origin").isEmpty());
        HttpResponse<String> health = client.send(HttpRequest.newBuilder(client.base().resolve("/health"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertEquals("GET, HEAD, OPTIONS", health.headers().firstValue("Allow").orElse(""));
    }

    @Test
    void userItemsListTheTrainingItems() {
        JsonNode known = Fixtures.parse(client.get("/users/u3/items"));
        assertEquals("{\"user_id\":\"u3\",\"known\":true,\"available\":true,\"items\":[\"c1\",\"c2\",\"c3\"]}",
                known.toString());
        assertEquals("[\"c1\",\"c2\"]", Fixtures.parse(client.get("/users/u3/items?k=2")).get("items").toString());
        assertEquals("[\"c4\",\"c5\"]", Fixtures.parse(client.get("/users/user%2Fx%20y/items")).get("items").toString());
        JsonNode stranger = Fixtures.parse(client.get("/users/nobody/items"));
        assertFalse(stranger.get("known").asBoolean());
        assertEquals(0, stranger.get("items").size());
    }

    @Test
    void metricsCountRequestsFallbacksAndReloads() {
        client.get("/recommender/u1");
        client.get("/recommender/u2");
        client.get("/recommender/stranger");
        client.get("/recommender/u1?k=0");
        client.reload();
        HttpResponse<String> response = client.get("/metrics");
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"));
        String text = response.body();
        assertContains(text, "recommender_http_requests_seconds_count{endpoint=\"recommend\",status=\"200\"} 3");
        assertContains(text, "recommender_http_requests_seconds_count{endpoint=\"recommend\",status=\"400\"} 1");
        assertContains(text, "recommender_http_requests_seconds_bucket{endpoint=\"recommend\",status=\"200\",le=\"");
        assertContains(text, "recommender_recommendations_total 3.0");
        assertContains(text, "recommender_recommendation_fallbacks_total 1.0");
        assertContains(text, "recommender_reloads_total{result=\"success\"} 1.0");
        assertContains(text, "recommender_reloads_total{result=\"failure\"} 0.0");
        assertContains(text, "recommender_model_generation 2.0");
        String version = server.models().current().version();
        assertContains(text, "recommender_model_info{model=\"table-a\",version=\"" + version + "\"} 1");
    }

    private static void assertContains(String text, String expected) {
        assertTrue(text.contains(expected), "expected '" + expected + "' in:\n" + text);
    }
}
