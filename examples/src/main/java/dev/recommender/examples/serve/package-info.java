/**
 * The CLI's {@code serve} command: {@link dev.recommender.examples.serve.ServeCommand} maps command-line
 * flags to a {@code dev.recommender.server.ServerConfig} and runs the {@code recommender-server} library
 * until the process stops.
 */
package dev.recommender.examples.serve;
