package dev.recommender.examples.serve;

import dev.recommender.examples.UserDirs;
import dev.recommender.server.AdminToken;
import dev.recommender.server.RecommendationServer;
import dev.recommender.server.ServerConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * The {@code serve} command: serves {@code DIR/model.bin} over HTTP ({@code DIR} from {@code --model-dir},
 * as in every command that writes a model; by default the per-user folder {@code quickstart} saves to,
 * {@link UserDirs#modelDir()}) until the process is stopped
 * (Ctrl-C or SIGTERM stop it gracefully). Only maps the command-line flags to a {@link ServerConfig};
 * the server itself is the {@code recommender-server} library's {@link RecommendationServer}, which lists
 * the endpoints.
 *
 * <pre>
 *   java -jar recommender-examples.jar serve [--model-dir DIR] [--port 3000] [--host 127.0.0.1]
 *       [--admin-token-file FILE | --admin-token-env VAR] [--idle-timeout 30] [--watch] [--access-log]
 * </pre>
 *
 * <p>One instance per invocation; not thread-safe (picocli fills its fields).
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve recommendations over HTTP: POST /recommender, GET /recommender/{user_id}, "
                + "GET /users/{user_id}/items, GET /health, GET /metrics, the explorer page at /, and "
                + "POST /admin/reload when an admin token is given.")
public final class ServeCommand implements Callable<Integer> {
    @Option(names = "--model-dir", paramLabel = "DIR",
            description = "Model folder holding model.bin, as written by quickstart, svd or retrieval-ranking "
                    + "--model-dir DIR; re-read on POST /admin/reload (default: the folder quickstart saves to, "
                    + "$XDG_STATE_HOME/recommender/models, else ~/.local/state/recommender/models).")
    private Path modelDir;

    /** The former spelling of {@code --model-dir}; hidden, still accepted. */
    @Option(names = "--models", hidden = true)
    private Path formerModels;

    @Option(names = "--port", defaultValue = "3000", paramLabel = "PORT",
            description = "TCP port, 0 for any free port (default: ${DEFAULT-VALUE}).")
    private int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "HOST",
            description = "Address to bind (default: ${DEFAULT-VALUE}, loopback only; 0.0.0.0 for all interfaces).")
    private String host;

    @Option(names = "--threads", paramLabel = "N",
            description = "Most worker threads, for reloads and offloaded requests (default: 64).")
    private Integer threads;

    @Option(names = "--offload-requests", negatable = false,
            description = "Answer each request on a worker thread instead of the I/O thread that read it "
                    + "(for models whose recommend blocks; costs a thread hand-off per request).")
    private boolean offloadRequests;

    @Option(names = "--admin-token-file", paramLabel = "FILE",
            description = "Turn POST /admin/reload on; callers must send 'Authorization: Bearer <first line of FILE>'.")
    private Path adminTokenFile;

    @Option(names = "--admin-token-env", paramLabel = "VAR",
            description = "Turn POST /admin/reload on with the token in environment variable VAR.")
    private String adminTokenVariable;

    @Option(names = "--idle-timeout", paramLabel = "SECONDS",
            description = "Close connections silent for this long, inside or between requests (default: 30).")
    private Integer idleTimeoutSeconds;

    @Option(names = "--watch", negatable = false,
            description = "Reload the model when DIR/model.bin is replaced (no admin token needed).")
    private boolean watch;

    @Option(names = "--access-log", negatable = false,
            description = "Log every request (logger " + ServerConfig.ACCESS_LOGGER + ").")
    private boolean accessLog;

    /** Exit code when the server cannot start because of the user's input (as the CLI's other commands). */
    static final int USAGE = 2;
    /** Exit code when the server cannot start for another reason (e.g. the port is taken). */
    static final int FAILURE = 1;

    @Spec
    private CommandSpec spec;

    private final CountDownLatch stopped = new CountDownLatch(1);

    /** A command; picocli injects the options. */
    public ServeCommand() {
    }

    /**
     * The server settings the parsed options describe.
     *
     * @return the settings
     * @throws IllegalArgumentException if an option value is invalid or the token is unusable
     * @throws IOException if the token file cannot be read
     */
    public ServerConfig config() throws IOException {
        Path models = modelDir != null ? modelDir : formerModels != null ? formerModels : UserDirs.modelDir();
        ServerConfig.Builder builder = ServerConfig.builder(models).host(host).port(port).accessLog(accessLog)
                .watchModelFile(watch).offloadRequests(offloadRequests);
        if (threads != null) {
            builder.threads(threads);
        }
        if (idleTimeoutSeconds != null) {
            builder.idleTimeout(Duration.ofSeconds(idleTimeoutSeconds));
        }
        if (adminTokenFile != null && adminTokenVariable != null) {
            throw new IllegalArgumentException("give --admin-token-file or --admin-token-env, not both");
        }
        if (adminTokenFile != null) {
            builder.adminToken(AdminToken.fromFile(adminTokenFile));
        } else if (adminTokenVariable != null) {
            builder.adminToken(AdminToken.fromEnvironment(adminTokenVariable, System.getenv()));
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
        PrintWriter out = spec == null ? new PrintWriter(System.out, true) : spec.commandLine().getOut();
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
     * @return 0 after a shutdown; {@value #FAILURE} if the address cannot be bound; {@value #USAGE} if the
     *         model cannot be loaded (missing, unreadable or invalid) or an option value is invalid. The reason is printed to the command's error stream as one line,
     *         {@code error: cannot start the server: ...}, without a stack trace.
     */
    @Override
    public Integer call() {
        RecommendationServer server;
        try {
            server = start();
        } catch (IOException | IllegalArgumentException e) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("error: cannot start the server: " + describe(e));
            err.flush();
            return e instanceof java.net.BindException ? FAILURE : USAGE;
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
