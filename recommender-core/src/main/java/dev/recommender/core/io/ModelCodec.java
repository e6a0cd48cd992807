package dev.recommender.core.io;

import dev.recommender.core.Recommender;

/**
 * Converts one model class to and from {@link ModelData}. Codecs are found by
 * {@link java.util.ServiceLoader} (list them in {@code META-INF/services/dev.recommender.core.io.ModelCodec}),
 * so modules outside core can add model types that {@link ModelStore} saves and loads.
 * Codecs with a constant type, version and model class can extend {@link AbstractModelCodec}.
 *
 * @param <M> the model class
 */
public interface ModelCodec<M extends Recommender> {
    /** The type name written into the file, unique across codecs, e.g. {@code "svd"}. */
    String type();

    /** Current content version; {@link #decode} must accept every version it ever wrote or refuse clearly. */
    int version();

    /** The model class this codec handles (exact class). */
    Class<M> modelClass();

    /** Converts a model to named arrays and properties. */
    ModelData encode(M model);

    /**
     * Rebuilds a model that answers exactly as the encoded one.
     *
     * @throws IllegalArgumentException if sections are missing or inconsistent, or the version is unsupported
     */
    M decode(ModelData data);
}
