package dev.recommender.examples.serve;

import com.fasterxml.jackson.databind.JsonNode;
import dev.recommender.server.Fixtures;
import dev.recommender.server.RecommendationServer;
import dev.recommender.server.ServerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServeCommandTest {
    @TempDir
    Path directory;

    @Test
    void optionsMapToTheServerConfig() throws java.io.IOException {
        ServeCommand command = new ServeCommand();
        new CommandLine(command).parseArgs("--model-dir", directory.toString());
        ServerConfig defaults = command.config();
        assertEquals(directory, defaults.modelDirectory());
        assertEquals("127.0.0.1", defaults.host());
        assertEquals(3000, defaults.port());
        assertFalse(defaults.adminEnabled());
        assertFalse(defaults.accessLog());
        assertFalse(defaults.watchModelFile());
        assertFalse(defaults.offloadRequests());

        ServeCommand custom = new ServeCommand();
        new CommandLine(custom).parseArgs("--model-dir", directory.toString(), "--port", "8080", "--host", "0.0.0.0",
                "--threads", "6", "--admin-token-file", tokenFile().toString(), "--idle-timeout", "5", "--access-log", "--watch",
                "--offload-requests");
        ServerConfig config = custom.config();
        assertEquals(8080, config.port());
        assertEquals("0.0.0.0", config.host());
        assertEquals(6, config.threads());
        assertTrue(config.adminEnabled());
        assertEquals("AdminToken[redacted]", config.adminToken().toString());
        assertEquals(Duration.ofSeconds(5), config.idleTimeout());
        assertTrue(config.accessLog());
        assertTrue(config.watchModelFile());
        assertTrue(config.offloadRequests());
    }

    @Test
    void unusableAdminTokensAreNamed() throws java.io.IOException {
        java.nio.file.Files.writeString(directory.resolve("short"), "abc\n");
        ServeCommand command = new ServeCommand();
        new CommandLine(command).parseArgs("--model-dir", directory.toString(), "--admin-token-file",
                directory.resolve("short").toString());
        IllegalArgumentException error = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                command::config);
        assertEquals("admin token from file " + directory.resolve("short") + " is 3 characters long; at least 16 are required",
                error.getMessage());
        ServeCommand both = new ServeCommand();
        new CommandLine(both).parseArgs("--model-dir", directory.toString(), "--admin-token-file", tokenFile().toString(),
                "--admin-token-env", "NO_SUCH_VARIABLE_FOR_TESTS");
        assertEquals("give --admin-token-file or --admin-token-env, not both",
                org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, both::config).getMessage());
    }

    private Path tokenFile() throws java.io.IOException {
        return java.nio.file.Files.writeString(directory.resolve("token"), Fixtures.TOKEN + "\n");
    }

    @Test
    void isASubcommandOfTheCli() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(0, dev.recommender.examples.Cli.execute(new PrintWriter(out), new PrintWriter(err), "--help"));
        assertTrue(out.toString().contains("serve"), out.toString());
        int exit = dev.recommender.examples.Cli.execute(new PrintWriter(out), new PrintWriter(err),
                "serve", "--model-dir", directory.resolve("none").toString(), "--port", "0");
        assertEquals(2, exit);
        assertTrue(err.toString().contains("error: cannot start the server: model directory "), err.toString());
    }

    @Test
    void withoutModelDirItServesThePerUserFolderQuickstartSavesTo() throws java.io.IOException {
        ServeCommand command = new ServeCommand();
        new CommandLine(command).parseArgs("--port", "0");
        assertEquals(dev.recommender.examples.UserDirs.modelDir(), command.config().modelDirectory());
    }

    @Test
    void theFormerModelsSpellingIsStillAccepted() throws java.io.IOException {
        ServeCommand command = new ServeCommand();
        new CommandLine(command).parseArgs("--models", directory.toString());
        assertEquals(directory, command.config().modelDirectory());
    }

    @Test
    void startFailuresAreReportedWithoutAStackTrace() throws java.io.IOException {
        StringWriter err = new StringWriter();
        int exit = new CommandLine(new ServeCommand()).setErr(new PrintWriter(err))
                .execute("--model-dir", directory.resolve("missing").toString(), "--port", "0");
        assertEquals(2, exit);
        assertEquals("error: cannot start the server: model directory " + directory.resolve("missing")
                + " does not exist or is not a directory", err.toString().trim());

        Fixtures.save(Fixtures.modelA(), directory);
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            StringWriter busy = new StringWriter();
            int busyExit = new CommandLine(new ServeCommand()).setOut(new PrintWriter(new StringWriter()))
                    .setErr(new PrintWriter(busy))
                    .execute("--model-dir", directory.toString(), "--port", String.valueOf(taken.getLocalPort()));
            assertEquals(1, busyExit);
            assertTrue(busy.toString().startsWith("error: cannot start the server: cannot listen on 127.0.0.1:"
                    + taken.getLocalPort()), busy.toString());
            assertFalse(busy.toString().contains("\tat "), busy.toString());
        }

        StringWriter badPort = new StringWriter();
        int badPortExit = new CommandLine(new ServeCommand()).setErr(new PrintWriter(badPort))
                .execute("--model-dir", directory.toString(), "--port", "70000");
        assertEquals(2, badPortExit);
        assertEquals("error: cannot start the server: port must be in 0..65535, got 70000", badPort.toString().trim());
    }

    @Test
    void startServesTheDirectoryAndPrintsTheAddress() {
        Fixtures.save(Fixtures.modelA(), directory);
        StringWriter printed = new StringWriter();
        ServeCommand command = new ServeCommand();
        new CommandLine(command).setOut(new PrintWriter(printed)).parseArgs("--model-dir", directory.toString(), "--port", "0");
        RecommendationServer server = assertDoesNotThrowIo(command);
        try {
            String output = printed.toString();
            assertTrue(output.contains("Serving table-a model") && output.contains(server.uri().toString()), output);
            JsonNode answer = Fixtures.parse(new Fixtures.Client(server).get("/recommender/u2?k=1"));
            // u2 row of A: c3 .3, c4 .4, c5 .5 unseen -> c5
            assertEquals("c5", answer.get("items").get(0).get("content_id").asText());
        } finally {
            server.stop(Duration.ZERO);
        }
    }

    private static RecommendationServer assertDoesNotThrowIo(ServeCommand command) {
        try {
            return command.start();
        } catch (java.io.IOException e) {
            throw new AssertionError("start failed: " + e.getMessage(), e);
        }
    }
}
