package dev.recommender.examples;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * One in-process run of the tool with captured output.
 *
 * @param exitCode the exit code
 * @param out      everything printed on standard output
 * @param err      everything printed on standard error
 */
record CliRun(int exitCode, String out, String err) {
    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new CliRun(code, out.toString(), err.toString());
    }
}
