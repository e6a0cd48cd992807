package dev.recommender.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The README's "Embed the server" snippet, as written (the environment passed as a map, port 0). */
class EmbedSnippetTest {
    @Test
    void readmeSnippetStartsReloadsAndStops(@TempDir Path dir) throws IOException {
        Path models = dir.resolve("models");
        java.nio.file.Files.createDirectories(models);
        Fixtures.save(Fixtures.modelA(), models);
        Map<String, String> environment = Map.of("RECOMMENDER_ADMIN_TOKEN", Fixtures.TOKEN);

        ServerConfig config = ServerConfig.builder(models)
                .host("127.0.0.1").port(0)
                .adminToken(AdminToken.fromEnvironment("RECOMMENDER_ADMIN_TOKEN", environment))
                .build();
        RecommendationServer server = RecommendationServer.start(config);
        try {
            Fixtures.Client client = new Fixtures.Client(server);
            assertEquals(200, client.get("/recommender/u1").statusCode());
            assertEquals(200, client.reload().statusCode());
            assertEquals(2, server.models().current().generation());
            assertEquals(true, server.meterRegistry().scrape().contains("recommender_reloads_total{result=\"success\"} 1.0"));
        } finally {
            server.close();
        }
    }
}
