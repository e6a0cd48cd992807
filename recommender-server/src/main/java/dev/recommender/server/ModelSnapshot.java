package dev.recommender.server;

import dev.recommender.core.Recommender;

import java.time.Instant;
import java.util.Objects;

/**
 * One loaded model and what the server reports about it. Immutable; the server answers each
 * request from exactly one snapshot, so a reload never mixes two models in one answer.
 *
 * @param model      the loaded recommender
 * @param sha256     hex SHA-256 of the model file's bytes
 * @param generation 1 for the first load, incremented by every successful reload
 * @param loadedAt   when the load finished
 */
public record ModelSnapshot(Recommender model, String sha256, long generation, Instant loadedAt) {
    /** Validates the fields. */
    public ModelSnapshot {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(loadedAt, "loadedAt");
        if (generation < 1) {
            throw new IllegalArgumentException("generation must be at least 1, got " + generation);
        }
    }

    /**
     * The version shown by {@code GET /health}: the first 12 hex digits of the file's SHA-256 and
     * the generation, e.g. {@code "3fa2c81b09de-2"}. Equal contents give an equal hash part, so a
     * reload of an unchanged file is visible as a new generation only.
     *
     * @return the version string
     */
    public String version() {
        return sha256.substring(0, Math.min(12, sha256.length())) + "-" + generation;
    }
}
