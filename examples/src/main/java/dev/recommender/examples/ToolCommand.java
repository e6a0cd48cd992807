package dev.recommender.examples;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Base of the tool's subcommands: the {@code --json} switch and the output streams. In JSON mode a
 * command prints exactly one JSON object on standard output and nothing else there; notes and progress
 * go to standard error in both modes.
 */
abstract class ToolCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print one machine-readable JSON object on standard output instead of tables.")
    boolean json;

    /** Standard output of this run. */
    final PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** Standard error of this run. */
    final PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** Prints human-readable text on standard output, unless in JSON mode. */
    final void print(String text) {
        if (!json) {
            out().print(text.endsWith("\n") ? text : text + "\n");
            out().flush();
        }
    }

    /** In JSON mode, prints the result object on standard output. */
    final void printJson(Object result) {
        if (json) {
            Json.print(out(), result);
        }
    }

    /** Whether progress bars may be drawn. */
    final boolean progressBars() {
        return !json;
    }

    /** Runs the command and returns its exit code. */
    @Override
    public final Integer call() throws Exception {
        run();
        return Cli.OK;
    }

    /**
     * Does the command's work.
     *
     * @throws Exception on failure; {@link Cli} turns input errors into exit code 2
     */
    abstract void run() throws Exception;
}
