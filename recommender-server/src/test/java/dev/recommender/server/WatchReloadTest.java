package dev.recommender.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * With {@code watchModelFile}, replacing {@code model.bin} (ModelStore.save renames a temporary file over
 * it) reloads the model without an admin request; a corrupt replacement is counted as a failed reload and
 * the previous model keeps serving.
 */
class WatchReloadTest {
    @TempDir
    Path directory;

    @Test
    void replacingTheFileReloadsIt() throws Exception {
        Fixtures.save(Fixtures.modelA(), directory);
        try (RecommendationServer server = RecommendationServer.start(
                ServerConfig.builder(directory).port(0).watchModelFile(true).build())) {
            Fixtures.save(Fixtures.modelB(), directory);
            awaitGeneration(server, 2);
            assertEquals("table-b", server.models().current().model().name());
            Fixtures.Client client = new Fixtures.Client(server);
            assertEquals("table-b", Fixtures.parse(client.get("/recommender/u1")).get("model").asText());

            Path temporary = directory.resolve("incoming.tmp");
            Files.write(temporary, new byte[] {'n', 'o', 'p', 'e'});
            Files.move(temporary, directory.resolve(ModelHolder.MODEL_FILE_NAME),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            awaitMetric(server, "recommender_reloads_total{result=\"failure\"} 1.0");
            assertEquals(2, server.models().current().generation());
            assertEquals("table-b", Fixtures.parse(client.get("/recommender/u1")).get("model").asText());
        }
    }

    /** Polls until the generation is reached; gives up after 20 s (a missed event never arrives). */
    private static void awaitGeneration(RecommendationServer server, long generation) throws InterruptedException {
        for (int i = 0; i < 400 && server.models().current().generation() < generation; i++) {
            Thread.sleep(50);
        }
        assertEquals(generation, server.models().current().generation());
    }

    private static void awaitMetric(RecommendationServer server, String line) throws InterruptedException {
        for (int i = 0; i < 400 && !server.meterRegistry().scrape().contains(line); i++) {
            Thread.sleep(50);
        }
        assertEquals(true, server.meterRegistry().scrape().contains(line), line);
    }
}
