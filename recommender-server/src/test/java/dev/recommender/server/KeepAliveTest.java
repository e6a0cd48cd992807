package dev.recommender.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Many requests over a few persistent connections: every one must come back as a complete 200 answer
 * on the same connection (the JDK server lost about 1 in 100,000 with "header parser received no
 * bytes"). The request count is {@code -Dkeepalive.requests} (default 100,000 over 4 connections, to stay near 15 s in `mvn verify`; CI runs 200,000).
 */
class KeepAliveTest {
    private static final int CONNECTIONS = 4;
    private static final int REQUESTS = Integer.getInteger("keepalive.requests", 100_000);

    @TempDir
    Path modelDirectory;

    @Test
    void everyRequestOnPersistentConnectionsIsAnswered() throws Exception {
        Fixtures.save(Fixtures.modelA(), modelDirectory);
        try (RecommendationServer server = RecommendationServer.start(Fixtures.config(modelDirectory).build())) {
            String expected = new Fixtures.Client(server).get("/recommender/u1?k=2").body();
            byte[] request = ("GET /recommender/u1?k=2 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
            ExecutorService pool = Executors.newFixedThreadPool(CONNECTIONS);
            try {
                List<Future<List<String>>> results = new ArrayList<>();
                for (int c = 0; c < CONNECTIONS; c++) {
                    int share = REQUESTS / CONNECTIONS + (c < REQUESTS % CONNECTIONS ? 1 : 0);
                    results.add(pool.submit(() -> run(server.port(), request, share, expected)));
                }
                List<String> errors = new ArrayList<>();
                for (Future<List<String>> result : results) {
                    errors.addAll(result.get());
                }
                assertEquals(List.of(), errors);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    /** Sends {@code count} requests one after the other on one connection; returns the protocol errors. */
    private static List<String> run(int port, byte[] request, int count, String expectedJson) throws IOException {
        List<String> errors = new ArrayList<>();
        byte[] expectedBody = expectedJson.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = new BufferedInputStream(socket.getInputStream(), 16384);
            for (int i = 0; i < count && errors.size() < 10; i++) {
                out.write(request);
                out.flush();
                String head = readHead(in);
                if (head == null) {
                    errors.add("request " + i + ": connection closed before an answer");
                    break;
                }
                if (!head.startsWith("HTTP/1.1 200 ")) {
                    errors.add("request " + i + ": " + head);
                }
                int length = contentLength(head);
                if (length < 0) {
                    errors.add("request " + i + ": no Content-Length in " + head);
                    break;
                }
                byte[] body = in.readNBytes(length);
                if (body.length != length || !java.util.Arrays.equals(body, expectedBody)) {
                    errors.add("request " + i + ": body '" + new String(body, StandardCharsets.UTF_8) + "'");
                }
            }
        }
        return errors;
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder(256);
        int state = 0;
        while (state < 4) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.append((char) b);
            state = (b == '\r' && (state == 0 || state == 2)) || (b == '\n' && (state == 1 || state == 3)) ? state + 1 : 0;
        }
        return head.toString();
    }

    private static int contentLength(String head) {
        for (String line : head.split("\r\n")) {
            if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                return Integer.parseInt(line.substring(15).trim());
            }
        }
        return -1;
    }
}
