package dev.recommender.taste;

import dev.recommender.core.Algorithm;

import java.util.List;
import java.util.Objects;

/**
 * The Taste presets by their CLI names, with default configurations: {@code taste-item}
 * ({@link TasteItemBased}), {@code taste-user} ({@link TasteUserBased}), {@code taste-als}
 * ({@link TasteAls}), {@code taste-als-implicit} ({@link TasteAlsImplicit}) and {@code taste-sgd}
 * ({@link TasteSgd}). Stateless.
 */
public final class TasteAlgorithms {
    private static final List<String> NAMES = List.of(TasteItemBased.NAME, TasteUserBased.NAME, TasteAls.NAME,
            TasteAlsImplicit.NAME, TasteSgd.NAME);

    private TasteAlgorithms() {
    }

    /** The preset names, in the order above. */
    public static List<String> names() {
        return NAMES;
    }

    /**
     * The default configuration of a preset.
     *
     * @param name a name from {@link #names()}
     * @return the preset with its defaults
     * @throws IllegalArgumentException if the name is not a preset's
     */
    public static Algorithm<TasteRecommender> byName(String name) {
        Objects.requireNonNull(name, "name");
        return switch (name) {
            case TasteItemBased.NAME -> TasteItemBased.defaults();
            case TasteUserBased.NAME -> TasteUserBased.defaults();
            case TasteAls.NAME -> TasteAls.defaults();
            case TasteAlsImplicit.NAME -> TasteAlsImplicit.defaults();
            case TasteSgd.NAME -> TasteSgd.defaults();
            default -> throw new IllegalArgumentException("name must be one of " + NAMES + ", got '" + name + "'");
        };
    }
}
