package dev.recommender.core;

/**
 * An {@link IndexedScorer} whose model also estimates how likely a user is to be <em>shown</em> (or to open) an
 * item, apart from the value it predicts for the pair. In an app log these are two different questions: an
 * engagement rate says how a shown item fared, the exposure says which items reach the user at all, and a list of
 * new items is good when both are high. The two-stage model's ranking stage reads this score as a feature
 * ({@code exposure_score}) when its rating model offers one; a model without it contributes 0.
 *
 * <p>The scale is the model's own: only the order of the scores and their differences within one model carry
 * meaning (a tree model, for which an increasing affine change of a feature changes nothing, is the intended
 * reader). Implementations are thread-safe like the models that implement them.
 */
public interface ExposureScorer extends IndexedScorer {
    /**
     * Writes the exposure scores of some items for a user: larger means more likely to be shown.
     *
     * @param user  an index of {@link #users()}, or -1 for a user outside it
     * @param items item indexes of {@link #items()}, or -1 for an item outside it (scored 0)
     * @param out   receives one finite score per item, {@code out.length >= items.length}
     */
    void exposureScoresInto(int user, int[] items, float[] out);
}
