/**
 * The HTTP recommendation API: {@link dev.recommender.examples.serve.RecommendationServer} serves a
 * model directory over HTTP/1.1 with the JDK's built-in {@code com.sun.net.httpserver} server,
 * {@link dev.recommender.examples.serve.ModelHolder} swaps models atomically on reload, and
 * {@link dev.recommender.examples.serve.ServeCommand} is the {@code serve} command of the CLI.
 *
 * <p>Endpoints: {@code POST /recommender}, {@code GET /recommender/{user_id}}, {@code GET /health},
 * {@code POST /admin/reload}. Every answer, including every error, is a JSON object; see
 * {@link dev.recommender.examples.serve.RecommendationServer} for the exact shapes.
 */
package dev.recommender.examples.serve;
