package dev.recommender.spark.job;

import dev.recommender.core.data.Aggregation;
import dev.recommender.core.data.CsvSchema;
import dev.recommender.core.data.EngagementRate;
import dev.recommender.core.data.EventCsvReader;
import dev.recommender.core.data.ExplicitRating;
import dev.recommender.core.data.ImplicitConfidence;
import dev.recommender.core.io.ModelStore;
import dev.recommender.core.retrieval.ImplicitAls;
import dev.recommender.eval.report.EvaluationReport;
import dev.recommender.spark.SparkAggregations;
import dev.recommender.spark.SparkAls;
import dev.recommender.spark.SparkAlsModel;
import dev.recommender.spark.SparkEvaluation;
import dev.recommender.spark.SparkEvents;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * The job jar's command line, for {@code spark-submit --class dev.recommender.spark.job.SparkMain} (or plain
 * {@code java -cp} with {@code --master local[N]}):
 * <ul>
 *   <li>{@code spark-train}: events from CSV, Parquet or a table, aggregated as core does, Spark ALS, the model
 *       file that {@code ModelStore.load} and {@code serve} read; optionally every user's top-K as Parquet;</li>
 *   <li>{@code spark-topk}: the same training, with the top-K Parquet (the nightly precompute) required;</li>
 *   <li>{@code spark-evaluate}: Spark's ALS in recommender-eval's evaluator under protocol A or B.</li>
 * </ul>
 * Exit code 0 on success, 1 on bad input, 2 on a usage error.
 */
@Command(name = "recommender-spark", mixinStandardHelpOptions = true, version = "recommender-spark 0.1.0",
        description = "Train, precompute and evaluate recommendations on Spark.",
        subcommands = {SparkMain.Train.class, SparkMain.TopK.class, SparkMain.Evaluate.class})
public final class SparkMain implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /**
     * Runs the command line.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        int code = run(args);
        if (code != 0) {
            System.exit(code);
        }
    }

    /**
     * Runs the command line and returns its exit code (for tests and embedding).
     *
     * @param args the arguments
     * @return the exit code
     */
    public static int run(String... args) {
        return new CommandLine(new SparkMain())
                .setExecutionExceptionHandler((e, commandLine, parsed) -> {
                    if (e instanceof IllegalArgumentException || e instanceof java.io.IOException) {
                        commandLine.getErr().println("error: " + e.getMessage());
                        return 1;
                    }
                    throw e;
                })
                .execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand");
    }

    /**
     * A session builder that uses {@code master} only when none is configured (spark-submit sets
     * {@code spark.master}; a plain {@code java} run needs one).
     *
     * @param master  e.g. {@code local[2]}
     * @param appName the application name
     * @return the builder
     */
    public static SparkSession.Builder localSession(String master, String appName) {
        SparkSession.Builder builder = SparkSession.builder().appName(appName);
        if (System.getProperty("spark.master") == null && master != null && !master.isBlank()) {
            builder.master(master);
        }
        return builder;
    }

    /** Input, aggregation and ALS options shared by the training commands. */
    static final class TrainOptions {
        @Option(names = "--input", required = true, description = "events: a CSV/Parquet path (any Hadoop FS) or a table name")
        String input;
        @Option(names = "--source", defaultValue = "csv", description = "csv, parquet or table (default: ${DEFAULT-VALUE})")
        String source;
        @Option(names = "--format", defaultValue = "seed",
                description = "column mapping, as core's CsvSchema presets: seed, movielens, ml100k (default: ${DEFAULT-VALUE})")
        String format;
        @Option(names = "--aggregation",
                description = "engagement (rate), implicit (confidence) or rating; default implicit for seed, rating otherwise")
        String aggregation;
        @Option(names = "--half-life-days", description = "implicit confidence: decay events with this half-life")
        Double halfLifeDays;
        @Option(names = "--explicit", description = "explicit ALS on the values (default: implicit ALS)")
        boolean explicit;
        @Option(names = "--rank", defaultValue = "10", description = "factors (default: ${DEFAULT-VALUE})")
        int rank;
        @Option(names = "--iterations", defaultValue = "10", description = "ALS sweeps (default: ${DEFAULT-VALUE})")
        int iterations;
        @Option(names = "--reg", defaultValue = "0.1", description = "regParam (default: ${DEFAULT-VALUE})")
        double reg;
        @Option(names = "--alpha", defaultValue = "1.0", description = "implicit confidence slope (default: ${DEFAULT-VALUE})")
        double alpha;
        @Option(names = "--seed", defaultValue = "42", description = "ALS initialisation seed (default: ${DEFAULT-VALUE})")
        long seed;
        @Option(names = "--blocks", defaultValue = "10", description = "ALS user/item blocks (default: ${DEFAULT-VALUE})")
        int blocks;
        @Option(names = "--master", defaultValue = "local[*]",
                description = "Spark master when not started by spark-submit (default: ${DEFAULT-VALUE})")
        String master;

        SparkAls.Config als() {
            return new SparkAls.Config(!explicit, rank, iterations, reg, alpha, seed, blocks);
        }

        Aggregation aggregation() {
            String name = aggregation != null ? aggregation.toLowerCase(Locale.ROOT)
                    : format.equalsIgnoreCase("seed") ? "implicit" : "rating";
            return switch (name) {
                case "engagement" -> EngagementRate.seed();
                case "implicit" -> {
                    ImplicitConfidence.Builder builder = ImplicitConfidence.builder();
                    if (halfLifeDays != null) {
                        builder.halfLife(java.time.Duration.ofMillis(Math.round(halfLifeDays * 86_400_000.0)));
                    }
                    yield builder.build();
                }
                case "rating" -> ExplicitRating.last();
                default -> throw new IllegalArgumentException("--aggregation must be engagement, implicit or rating, got '"
                        + aggregation + "'");
            };
        }

        Dataset<Row> events(SparkSession spark) {
            CsvSchema schema = CsvSchema.forFormat(format);
            return switch (source.toLowerCase(Locale.ROOT)) {
                case "csv" -> SparkEvents.csv(spark, input, schema);
                case "parquet" -> SparkEvents.parquet(spark, input, schema);
                case "table" -> SparkEvents.table(spark, input, schema);
                default -> throw new IllegalArgumentException("--source must be csv, parquet or table, got '" + source + "'");
            };
        }

        /** Reads, aggregates, trains; writes the model file and/or the top-K table. */
        void train(Path modelOut, String topKOut, int k, java.io.PrintWriter out) throws java.io.IOException {
            SparkAls.Config config = als();
            Aggregation aggregation = aggregation();
            SparkSession spark = localSession(master, "recommender-spark").getOrCreate();
            long start = System.nanoTime();
            Dataset<Row> pairs = SparkAggregations.aggregate(events(spark), aggregation);
            SparkAlsModel model = SparkAls.fit(pairs, config);
            out.printf(Locale.ROOT, "trained %s ALS (rank %d, %d iterations) on %d users x %d items in %.1f s%n",
                    config.implicitPrefs() ? "implicit" : "explicit", config.rank(), config.maxIter(),
                    model.users().size(), model.items().size(), seconds(start));
            if (topKOut != null) {
                long topStart = System.nanoTime();
                model.writeTopK(topKOut, k);
                out.printf(Locale.ROOT, "wrote top-%d of every user to %s in %.1f s%n", k, topKOut, seconds(topStart));
            }
            if (modelOut != null) {
                long saveStart = System.nanoTime();
                ImplicitAls core = model.toCoreModel();
                ModelStore.save(core, modelOut);
                out.printf(Locale.ROOT, "saved %s model to %s in %.1f s%n", core.name(), modelOut, seconds(saveStart));
            }
            model.release();
            out.flush();
        }

        private static double seconds(long start) {
            return (System.nanoTime() - start) / 1e9;
        }
    }

    /** {@code spark-train}. */
    @Command(name = "spark-train", mixinStandardHelpOptions = true,
            description = "Train Spark ALS on events and save core's model file (ModelStore, serve, fold-in).")
    static final class Train implements Callable<Integer> {
        @Mixin
        TrainOptions options;
        @Option(names = "--out", required = true, description = "model file to write (on the driver's file system)")
        Path out;
        @Option(names = "--topk-out", description = "also write every user's top-K as Parquet here")
        String topKOut;
        @Option(names = "--k", defaultValue = "10", description = "items per user for --topk-out (default: ${DEFAULT-VALUE})")
        int k;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            options.train(out, topKOut, k, spec.commandLine().getOut());
            return 0;
        }
    }

    /** {@code spark-topk}. */
    @Command(name = "spark-topk", mixinStandardHelpOptions = true,
            description = "Train Spark ALS and write every user's top-K unseen items as Parquet (user_id, rank, content_id, score).")
    static final class TopK implements Callable<Integer> {
        @Mixin
        TrainOptions options;
        @Option(names = "--out", required = true, description = "Parquet directory (any Hadoop FS), replaced")
        String out;
        @Option(names = "--k", defaultValue = "10", description = "items per user (default: ${DEFAULT-VALUE})")
        int k;
        @Option(names = "--model-out", description = "also save core's model file here")
        Path modelOut;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            options.train(modelOut, out, k, spec.commandLine().getOut());
            return 0;
        }
    }

    /** {@code spark-evaluate}. */
    @Command(name = "spark-evaluate", mixinStandardHelpOptions = true,
            description = "Evaluate Spark ALS (spark-als) with recommender-eval under the peer protocols A or B.")
    static final class Evaluate implements Callable<Integer> {
        @Option(names = "--input", required = true, description = "a MovieLens-style ratings CSV on the driver")
        Path input;
        @Option(names = "--format", defaultValue = "movielens", description = "movielens or ml100k (default: ${DEFAULT-VALUE})")
        String format;
        @Option(names = "--protocol", defaultValue = "protocolB", description = "protocolA (explicit ALS, RMSE) or protocolB (implicit ALS, top-10) (default: ${DEFAULT-VALUE})")
        String protocol;
        @Option(names = "--master", defaultValue = "local[*]",
                description = "Spark master when not started by spark-submit (default: ${DEFAULT-VALUE})")
        String master;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            SparkEvaluation.Protocol parsed = SparkEvaluation.Protocol.parse(protocol);
            var ratings = EventCsvReader.readEvents(input, CsvSchema.forFormat(format));
            SparkSession spark = localSession(master, "recommender-spark-evaluate").getOrCreate();
            EvaluationReport report = SparkEvaluation.evaluate(spark, ratings, parsed, parsed.defaults());
            spec.commandLine().getOut().println("# spark-als on " + input + ", " + protocol + "\n\n" + report.toMarkdown());
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
