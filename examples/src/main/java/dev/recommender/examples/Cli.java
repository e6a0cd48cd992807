package dev.recommender.examples;

import dev.recommender.examples.serve.ServeCommand;
import dev.recommender.core.data.DataFormatException;
import dev.recommender.core.io.ModelFormatException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The entry point of {@code recommender-examples.jar}: a picocli command with one subcommand per step of
 * the path from an event log to served recommendations.
 *
 * <p>Exit codes: {@value #OK} on success; {@value #USAGE} for bad usage or bad input (unknown option or
 * format, missing or unreadable file, malformed data or model file), printed as one {@code error:} line
 * on standard error without a stack trace; {@value #FAILURE} for unexpected failures (with a stack trace,
 * since they are bugs).
 *
 * <p>Thread safety: each call of {@link #execute(PrintWriter, PrintWriter, String...)} builds its own
 * command objects, so concurrent calls (as in tests) do not share state.
 */
@Command(name = "recommender-examples",
        mixinStandardHelpOptions = true,
        versionProvider = Cli.Version.class,
        description = "Turns app event logs into ranked per-user recommendations, measures them and serves them.",
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {
            QuickstartCommand.class,
            SampleCommand.class,
            SummarizeCommand.class,
            FeaturesCommand.class,
            SvdCommand.class,
            EvaluateCommand.class,
            // ---- further subcommands register here, one class per line ----
            ServeCommand.class,
            RetrievalRankingCommand.class,
            HelpCommand.class,
        })
public final class Cli implements Runnable {
    /** Exit code of a successful run. */
    public static final int OK = 0;
    /** Exit code of an unexpected failure (a bug or an environment problem). */
    public static final int FAILURE = 1;
    /** Exit code of bad usage or bad input (options, formats, files). */
    public static final int USAGE = 2;

    @Spec
    private CommandSpec spec;

    /** Creates the top-level command (picocli instantiates it). */
    public Cli() {
    }

    /** Without a subcommand: prints the usage help. */
    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * Runs the tool and exits the JVM with its exit code.
     *
     * @param args command-line arguments
     */
    public static void main(String[] args) {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int code = execute(out, err, args);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /**
     * Runs the tool in-process with the given output streams, as {@link #main} does without exiting.
     *
     * @param out  receives results (tables, JSON)
     * @param err  receives notes, progress and error messages
     * @param args command-line arguments
     * @return the exit code ({@link #OK}, {@link #USAGE} or {@link #FAILURE})
     */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        return commandLine(out, err).execute(args);
    }

    /**
     * Builds the configured command line: output streams, error handlers and case-insensitive enum values.
     *
     * @param out receives results
     * @param err receives notes and errors
     * @return a fresh command line
     */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new Cli());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setParameterExceptionHandler(Cli::handleParameterException);
        commandLine.setExecutionExceptionHandler((exception, failed, parseResult) ->
                handleExecutionException(exception, failed));
        return commandLine;
    }

    private static int handleParameterException(ParameterException exception, String[] args) {
        CommandLine failed = exception.getCommandLine();
        PrintWriter err = failed.getErr();
        err.println("error: " + exception.getMessage());
        err.println("Try '" + failed.getCommandSpec().qualifiedName() + " --help' for usage.");
        err.flush();
        return USAGE;
    }

    private static int handleExecutionException(Exception exception, CommandLine failed) {
        PrintWriter err = failed.getErr();
        Throwable cause = exception instanceof UncheckedIOException unchecked ? unchecked.getCause() : exception;
        String message = userErrorMessage(cause);
        if (message != null) {
            err.println("error: " + message);
            err.flush();
            return USAGE;
        }
        err.println("error: unexpected failure: " + cause);
        cause.printStackTrace(err);
        err.flush();
        return FAILURE;
    }

    /** The message for errors caused by the user's input, or null for unexpected failures. */
    private static String userErrorMessage(Throwable cause) {
        if (cause instanceof UserInputException
                || cause instanceof DataFormatException
                || cause instanceof ModelFormatException
                || cause instanceof IllegalArgumentException) {
            return cause.getMessage();
        }
        if (cause instanceof NoSuchFileException missing) {
            return "file not found: " + missing.getFile();
        }
        if (cause instanceof AccessDeniedException denied) {
            return "permission denied: " + denied.getFile();
        }
        if (cause instanceof IOException io) {
            return "I/O error: " + io.getMessage();
        }
        return null;
    }

    /** Reads the version from the jar manifest ({@code Implementation-Version}). */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Cli.class.getPackage().getImplementationVersion();
            return new String[] {"recommender-examples " + (version == null ? "(development build)" : version),
                "Java " + System.getProperty("java.version")};
        }
    }
}
