package dev.recommender.spark;

import dev.recommender.core.Algorithm;
import dev.recommender.core.PredictsValues;
import dev.recommender.core.TrainingData;
import dev.recommender.core.TrainingInput;
import dev.recommender.core.TrainingListener;
import dev.recommender.core.data.Signal;
import dev.recommender.core.data.Interactions;
import dev.recommender.core.retrieval.ImplicitAls;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Spark MLlib's ALS as an {@link Algorithm} of recommender-eval's {@code Evaluator} ({@value #NAME}): each fit
 * sends the fold's training interactions to the session (usually {@code local[N]}), trains there and exports the
 * factors as core's {@link ImplicitAls} over the same interactions, so Spark's ALS is scored by exactly the code
 * that scores every other model. Implicit or explicit as {@link SparkAls.Config#implicitPrefs()} says; it trains on
 * the {@link Signal#IMPLICIT} or {@link Signal#RATING} signal of the training data accordingly.
 *
 * <p>Training data travels through the driver, so this is for evaluation-sized data; production training reads
 * events on the cluster ({@link SparkEvents}, {@link SparkAggregations}, {@link SparkAls}).
 *
 * @param spark  the session to train in
 * @param config Spark's ALS hyper-parameters
 */
public record SparkAlsAlgorithm(SparkSession spark, SparkAls.Config config)
        implements Algorithm<ImplicitAls>, PredictsValues {
    /** Name in reports. */
    public static final String NAME = "spark-als";

    /** Explicit ALS predicts ratings (rating metrics apply); implicit ALS only ranks. */
    @Override
    public boolean predictsValues() {
        return !config.implicitPrefs();
    }

    /** Checks the arguments. */
    public SparkAlsAlgorithm {
        Objects.requireNonNull(spark, "spark");
        Objects.requireNonNull(config, "config");
    }

    @Override
    public String name() {
        return NAME;
    }

    /** What this algorithm trains on: the implicit signal for implicit ALS, the ratings for explicit ALS. */
    public TrainingInput input() {
        return TrainingInput.of(config.implicitPrefs() ? Signal.IMPLICIT : Signal.RATING);
    }

    @Override
    public ImplicitAls fit(TrainingData training, TrainingListener listener) {
        return fit(input().resolve(training), listener);
    }

    /**
     * Fits on interactions aggregated by the caller.
     *
     * @param training the interactions
     * @return the model
     */
    public ImplicitAls fit(Interactions training) {
        return fit(training, TrainingListener.NONE);
    }

    /**
     * Fits on interactions aggregated by the caller.
     *
     * @param training the interactions
     * @param listener not called (Spark reports no per-iteration progress)
     * @return the model
     */
    public ImplicitAls fit(Interactions training, TrainingListener listener) {
        Algorithm.checkFitArguments(training, listener);
        SparkAlsModel model = SparkAls.fit(pairs(spark, training), config);
        try {
            return model.toCoreModel(training);
        } finally {
            model.release();
        }
    }

    /**
     * Interactions as a pairs table ({@code user_id, item_id, value}) in the session.
     *
     * @param spark    the session
     * @param training the interactions
     * @return the table
     */
    public static Dataset<Row> pairs(SparkSession spark, Interactions training) {
        List<Row> rows = new ArrayList<>(training.size());
        for (int user = 0; user < training.userCount(); user++) {
            String userId = training.users().id(user);
            for (int entry = training.userStart(user); entry < training.userEnd(user); entry++) {
                rows.add(RowFactory.create(userId, training.items().id(training.itemAt(entry)), training.value(entry)));
            }
        }
        StructType schema = new StructType()
                .add(SparkAggregations.USER, DataTypes.StringType, false)
                .add(SparkAggregations.ITEM, DataTypes.StringType, false)
                .add(SparkAggregations.VALUE, DataTypes.FloatType, false);
        return spark.createDataFrame(rows, schema);
    }
}
