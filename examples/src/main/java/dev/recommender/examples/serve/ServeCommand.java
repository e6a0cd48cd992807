package dev.recommender.examples.serve;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * The {@code serve} command: serves {@code DIR/model.bin} over HTTP until the process is stopped
 * (Ctrl-C or SIGTERM stop it gracefully). See {@link RecommendationServer} for the endpoints.
 *
 * <pre>
 *   java -jar recommender-examples.jar serve --models DIR [--port 3000] [--host 127.0.0.1]
 * </pre>
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve recommendations over HTTP: POST /recommender, GET /recommender/{user_id}, "
                + "GET /health, POST /admin/reload.")
public final class ServeCommand implements Callable<Integer> {
    @Option(names = "--models", required = true, paramLabel = "DIR",
            description = "Model directory holding model.bin (re-read on POST /admin/reload).")
    private Path models;

    @Option(names = "--port", defaultValue = "3000", paramLabel = "PORT",
            description = "TCP port, 0 for any free port (default: ${DEFAULT-VALUE}).")
    private int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "HOST",
            description = "Address to bind (default: ${DEFAULT-VALUE}, loopback only; 0.0.0.0 for all interfaces).")
    private String host;

    @Option(names = "--threads", paramLabel = "N",
            description = "Request threads (default: twice the processors, at least 4).")
    private Integer threads;

    @Option(names = "--no-reload", negatable = false,
            description = "Disable POST /admin/reload.")
    private boolean noReload;

    @Spec
    private CommandSpec spec;

    private final PrintStream out;
    private final CountDownLatch stopped = new CountDownLatch(1);

    /** A command that reports to standard output. */
    public ServeCommand() {
        this(System.out);
    }

    /**
     * A command that reports to the given stream.
     *
     * @param out where the listening address is printed
     */
    public ServeCommand(PrintStream out) {
        this.out = out;
    }

    /**
     * The server settings the parsed options describe.
     *
     * @return the settings
     * @throws IllegalArgumentException if an option value is invalid
     */
    public ServerConfig config() {
        ServerConfig.Builder builder = ServerConfig.builder(models).host(host).port(port).allowReload(!noReload);
        if (threads != null) {
            builder.threads(threads);
        }
        return builder.build();
    }

    /**
     * Starts the server for the parsed options without blocking.
     *
     * @return the running server
     * @throws IOException if the model does not load or the address cannot be bound
     */
    public RecommendationServer start() throws IOException {
        RecommendationServer server = RecommendationServer.start(config());
        out.println("Serving " + server.models().current().model().name() + " model (version "
                + server.models().current().version() + ") on " + server.uri());
        out.println("Try: curl -s -H 'Content-Type: application/json' -d '{\"user_id\": \"<id>\", \"k\": 10}' "
                + server.uri() + "recommender");
        out.flush();
        return server;
    }

    /**
     * Starts the server and blocks until the JVM shuts down.
     *
     * @return 0 after a shutdown; 1 if the model does not load or the address cannot be bound (the
     *         reason is printed to the command's error stream, without a stack trace)
     */
    @Override
    public Integer call() {
        RecommendationServer server;
        try {
            server = start();
        } catch (IOException | IllegalArgumentException e) {
            spec.commandLine().getErr().println("serve: cannot start: " + describe(e));
            spec.commandLine().getErr().flush();
            return 1;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop(Duration.ofSeconds(2));
            stopped.countDown();
        }, "recommender-http-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.close();
        }
        return 0;
    }

    private String describe(Exception e) {
        if (e instanceof java.net.BindException) {
            return "cannot listen on " + host + ":" + port + ": " + e.getMessage();
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }
}
