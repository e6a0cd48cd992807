/**
 * The command-line tool of the recommender library, packaged as one runnable jar
 * ({@code examples/target/recommender-examples.jar}, main class {@link dev.recommender.examples.Cli}).
 *
 * <p>Each subcommand is one step of the path from an event log to served recommendations: {@code sample}
 * writes the built-in synthetic log, {@code summarize} prints the exploratory statistics and draws charts,
 * {@code features} writes the per-pair feature files, {@code svd} trains and measures matrix
 * factorization, {@code evaluate} compares algorithms side by side, {@code quickstart} runs the whole path
 * on the built-in sample. Training commands leave a JSON {@link dev.recommender.examples.RunRecord} in a
 * runs folder.
 *
 * <p>Unlike the library modules, this package prints to standard output (results) and standard error
 * (progress, notes, errors); logging goes to standard error through slf4j-simple.
 */
package dev.recommender.examples;
