package dev.recommender.core.io;

import dev.recommender.core.Recommender;

import java.util.Objects;

/**
 * Base of a {@link ModelCodec} whose type name, content version and model class are constants: it holds
 * the three and answers {@link #type()}, {@link #version()} and {@link #modelClass()}, and starts the
 * model data of {@link #encode} with {@link #newData()}. Subclasses implement only {@code encode} and
 * {@code decode}, and keep the public no-argument constructor {@link java.util.ServiceLoader} needs.
 *
 * <p>Immutable; thread-safe if the subclass is (codecs are normally stateless).
 *
 * @param <M> the model class
 */
public abstract class AbstractModelCodec<M extends Recommender> implements ModelCodec<M> {
    private final String type;
    private final int version;
    private final Class<M> modelClass;

    /**
     * Fixes the codec's identity.
     *
     * @param type       the type name written into the file, non-blank
     * @param version    the current content version, at least 1
     * @param modelClass the exact model class handled
     * @throws IllegalArgumentException naming the invalid argument and its value
     */
    protected AbstractModelCodec(String type, int version, Class<M> modelClass) {
        if (Objects.requireNonNull(type, "type").isBlank()) {
            throw new IllegalArgumentException("type must be non-blank, got '" + type + "'");
        }
        if (version < 1) {
            throw new IllegalArgumentException("version must be at least 1, got " + version);
        }
        this.type = type;
        this.version = version;
        this.modelClass = Objects.requireNonNull(modelClass, "modelClass");
    }

    @Override
    public final String type() {
        return type;
    }

    @Override
    public final int version() {
        return version;
    }

    @Override
    public final Class<M> modelClass() {
        return modelClass;
    }

    /**
     * Rejects model data of another content version than this codec's (loading already rejects newer ones;
     * this also refuses older ones, for codecs that cannot read them).
     *
     * @param data the model data being decoded
     * @throws IllegalArgumentException naming the type and the unsupported version
     */
    protected final void requireCurrentVersion(ModelData data) {
        if (data.modelVersion() != version) {
            throw new IllegalArgumentException("unsupported " + type + " model version " + data.modelVersion());
        }
    }

    /**
     * Starts the data of a model written by this codec.
     *
     * @return a new builder for {@link #type()} and {@link #version()}
     */
    protected final ModelData.Builder newData() {
        return ModelData.builder(type, version);
    }
}
