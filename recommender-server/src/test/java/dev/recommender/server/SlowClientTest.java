package dev.recommender.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Clients that stall must not stop the server: 50 connections send half of their headers and stop,
 * 5 declare a 100 MB body and send nothing. A normal request must still be answered within one second
 * (the client gives up after that), and the stalled connections are closed by the server once the
 * idle timeout (here 1 s) has passed.
 */
class SlowClientTest {
    private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(1);

    @TempDir
    Path modelDirectory;

    @Test
    void stalledClientsNeitherBlockOthersNorStayOpen() throws Exception {
        Fixtures.save(Fixtures.modelA(), modelDirectory);
        List<Socket> stalled = new ArrayList<>();
        try (RecommendationServer server = RecommendationServer.start(
                Fixtures.config(modelDirectory).idleTimeout(IDLE_TIMEOUT).build())) {
            for (int i = 0; i < 50; i++) {
                stalled.add(open(server.port(), "POST /recommender HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Ty"));
            }
            List<Socket> hugeBodies = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                hugeBodies.add(open(server.port(), "POST /recommender HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "Content-Type: application/json\r\nContent-Length: 100000000\r\n\r\n"));
            }
            stalled.addAll(hugeBodies);

            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpResponse<String> normal = http.send(HttpRequest.newBuilder(server.uri().resolve("/recommender/u1?k=2"))
                    .timeout(Duration.ofSeconds(1)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, normal.statusCode(), normal.body());
            assertTrue(normal.body().contains("\"c4\":0.7"), normal.body());

            // the huge declared bodies were refused at once, without reading them
            for (Socket socket : hugeBodies) {
                String answer = readUntilClosed(socket);
                assertTrue(answer.startsWith("HTTP/1.1 413 "), answer);
                assertTrue(answer.contains("\"error\":\"payload_too_large\""), answer);
            }
            // every stalled connection is closed by the server after the idle timeout
            for (Socket socket : stalled) {
                readUntilClosed(socket);
            }
            HttpResponse<String> after = http.send(HttpRequest.newBuilder(server.uri().resolve("/health"))
                    .timeout(Duration.ofSeconds(1)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, after.statusCode());
        } finally {
            for (Socket socket : stalled) {
                socket.close();
            }
        }
    }

    private static Socket open(int port, String partialRequest) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.getOutputStream().write(partialRequest.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        return socket;
    }

    /** Reads until the server closes; fails if it is still open 10 s later (ten idle timeouts). */
    private static String readUntilClosed(Socket socket) throws IOException {
        socket.setSoTimeout(10_000);
        StringBuilder received = new StringBuilder();
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[4096];
        try {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                received.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the server kept a stalled connection open; received: " + received, e);
        } catch (java.net.SocketException e) {
            // a reset after the server closed is a close too
        }
        return received.toString();
    }
}
