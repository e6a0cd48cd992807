/**
 * An embeddable HTTP server for a saved recommender model, on Jetty 12:
 * {@link dev.recommender.server.RecommendationServer} serves a model directory,
 * {@link dev.recommender.server.ServerConfig} holds its limits and timeouts,
 * {@link dev.recommender.server.ModelHolder} swaps models atomically on reload and
 * {@link dev.recommender.server.AdminToken} switches the admin endpoints on.
 *
 * <p>Endpoints: {@code POST /recommender}, {@code GET /recommender/{user_id}},
 * {@code GET /users/{user_id}/items}, {@code GET /health}, {@code GET /metrics}, the explorer page at
 * {@code GET /}, and {@code POST /admin/reload} (off by default). Every answer of the API, including every
 * error, is a JSON object; see {@link dev.recommender.server.RecommendationServer} for the exact shapes.
 */
package dev.recommender.server;
