package dev.recommender.taste;

import org.apache.mahout.cf.taste.common.TasteException;
import org.apache.mahout.cf.taste.model.DataModel;
import org.apache.mahout.cf.taste.recommender.Recommender;

/**
 * Builds a Taste {@link Recommender} over a data model, the way Taste's own
 * {@code RecommenderBuilder} does; used by {@link TasteRecommender#of(String, TasteData, TasteRecommenderFactory)}
 * to put any Taste recommender behind our API. Taste recommenders that train do so while being
 * built (for example {@code SVDRecommender} factorizes in its constructor).
 */
@FunctionalInterface
public interface TasteRecommenderFactory {
    /**
     * Builds (and, where Taste does so, trains) a recommender.
     *
     * @param dataModel the training data as Taste sees it
     * @return the Taste recommender; it must only read the data model
     * @throws TasteException if Taste fails; {@link TasteRecommender} wraps it in a {@link TasteRuntimeException}
     */
    Recommender create(DataModel dataModel) throws TasteException;
}
