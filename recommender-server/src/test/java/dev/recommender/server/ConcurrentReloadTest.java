package dev.recommender.server;

import dev.recommender.core.Recommender;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Eight client threads send requests while 100 reloads run, cycling through model B, model A and a
 * corrupt file: every recommendation answer must be 200 and exactly A's or exactly B's answer for that
 * user and k (never an error, never a mix of the two); valid files reload with 200, corrupt ones with
 * 500 while the previous model keeps serving.
 */
class ConcurrentReloadTest {
    private static final String[] USERS = {"u1", "u2", "u3", "user/x y", "stranger"};
    private static final int[] HOW_MANY = {1, 2, 10};
    private static final int CLIENTS = 8;
    private static final int REQUESTS_PER_CLIENT = 100;
    private static final int RELOADS = 100;

    @TempDir
    Path modelDirectory;

    @Test
    void everyAnswerIsExactlyModelAsOrModelBs() throws Exception {
        Map<String, String> expected = new HashMap<>();
        ApiJson json = new ApiJson();
        for (Recommender model : List.of(Fixtures.modelA(), Fixtures.modelB())) {
            for (String user : USERS) {
                for (int k : HOW_MANY) {
                    String body = new String(json.recommendations(model.recommend(user, k), model.name()),
                            StandardCharsets.UTF_8);
                    expected.put(model.name() + "|" + user + "|" + k, body);
                }
            }
        }
        // a mixed answer would be caught: A and B disagree for every known user
        for (String user : List.of("u1", "u2", "u3", "user/x y")) {
            assertNotEquals(expected.get("table-a|" + user + "|2").replace("table-a", "table-b"),
                    expected.get("table-b|" + user + "|2"), user);
        }

        Fixtures.save(Fixtures.modelA(), modelDirectory);
        RecommendationServer server = RecommendationServer.start(
                Fixtures.config(modelDirectory).build());
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS + 1);
        try {
            AtomicBoolean reloadsDone = new AtomicBoolean();
            AtomicInteger successfulReloads = new AtomicInteger();
            Future<List<String>> reloader = pool.submit(() -> {
                Fixtures.Client client = new Fixtures.Client(server);
                List<String> failures = new ArrayList<>();
                try {
                    for (int r = 0; r < RELOADS; r++) {
                        boolean corrupt = r % 3 == 2;
                        if (corrupt) {
                            java.nio.file.Files.write(modelDirectory.resolve(ModelHolder.MODEL_FILE_NAME),
                                    new byte[] {'n', 'o', 'p', 'e', (byte) r});
                        } else {
                            Fixtures.save(r % 2 == 0 ? Fixtures.modelB() : Fixtures.modelA(), modelDirectory);
                        }
                        HttpResponse<String> response = client.reload();
                        if (response.statusCode() != (corrupt ? 500 : 200)) {
                            failures.add("reload " + r + ": " + response.statusCode() + " " + response.body());
                        }
                        if (!corrupt) {
                            successfulReloads.incrementAndGet();
                        }
                    }
                } finally {
                    reloadsDone.set(true);
                }
                return failures;
            });
            List<Future<int[]>> clients = new ArrayList<>();
            List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
            for (int c = 0; c < CLIENTS; c++) {
                long seed = 1000 + c;
                clients.add(pool.submit(() -> {
                    Fixtures.Client client = new Fixtures.Client(server);
                    SplittableRandom random = new SplittableRandom(seed);
                    int[] perModel = new int[2];
                    for (int r = 0; r < REQUESTS_PER_CLIENT || !reloadsDone.get(); r++) {
                        String user = USERS[random.nextInt(USERS.length)];
                        int k = HOW_MANY[random.nextInt(HOW_MANY.length)];
                        HttpResponse<String> response = client.post("/recommender",
                                Fixtures.JSON.writeValueAsString(Map.of("user_id", user, "k", k)));
                        String body = response.body();
                        if (response.statusCode() == 200 && body.equals(expected.get("table-a|" + user + "|" + k))) {
                            perModel[0]++;
                        } else if (response.statusCode() == 200 && body.equals(expected.get("table-b|" + user + "|" + k))) {
                            perModel[1]++;
                        } else {
                            failures.add(user + " k=" + k + ": " + response.statusCode() + " " + body);
                        }
                    }
                    return perModel;
                }));
            }
            int fromA = 0;
            int fromB = 0;
            for (Future<int[]> client : clients) {
                int[] perModel = client.get();
                fromA += perModel[0];
                fromB += perModel[1];
            }
            List<String> reloadFailures = reloader.get();
            assertEquals(List.of(), reloadFailures);
            assertEquals(List.of(), failures);
            assertEquals(67, successfulReloads.get());
            assertTrue(fromA + fromB >= CLIENTS * REQUESTS_PER_CLIENT);
            // both models answered while the reloads ran
            assertTrue(fromA > 0 && fromB > 0, "answers from A: " + fromA + ", from B: " + fromB);
            assertEquals(successfulReloads.get() + 1L, server.models().current().generation());
        } finally {
            pool.shutdownNow();
            server.stop(Duration.ZERO);
        }
    }

}
