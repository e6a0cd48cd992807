package dev.recommender.examples;

import dev.recommender.core.Algorithm;
import dev.recommender.core.ranking.RankingTarget;
import dev.recommender.core.ranking.RetrievalRankingConfig;
import dev.recommender.core.TrainingInput;
import dev.recommender.core.data.ImplicitConfidence;
import dev.recommender.core.retrieval.ImplicitAls;
import dev.recommender.eval.report.EvaluationReport;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Quality of the two-stage model per candidate count, as {@code evaluate --algorithms retrieval-ranking}
 * measures it: the catalog's model ({@code RetrievalRankingCommand.twoStage}) fitted with each count
 * (the count is also the pool the ENGAGED target's training negatives are drawn from, so each count
 * is its own fit).
 *
 * <p>{@code --validation} evaluates on the training side of the split instead (split again the same
 * way), so a count chosen there never looks at the reported test pairs: for {@code temporal:0.2} the
 * log without its last 20% of time, for {@code protocolB} the log without protocol B's test pairs.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.recommender.examples.CandidateSweep \
 *     [--input FILE --format FORMAT] --split SPEC [--validation] [--candidates 50,100,200,all] [--retrieval-inputs]
 * </pre>
 */
public final class CandidateSweep {
    private CandidateSweep() {
    }

    /**
     * Runs the sweep and prints the evaluation report (markdown) to standard output.
     *
     * @param args see the class comment
     * @throws Exception if the input cannot be read
     */
    public static void main(String[] args) throws Exception {
        InputOptions input = new InputOptions();
        input.format = DataFormat.SEED;
        input.sampleDir = Path.of("target/sample");
        String split = "temporal:0.2";
        String counts = "50,100,200,all";
        boolean validation = false;
        boolean retrievalInputs = false;
        for (int a = 0; a < args.length; a++) {
            switch (args[a]) {
                case "--input" -> input.input = Path.of(args[++a]);
                case "--format" -> input.format = new DataFormat.Converter().convert(args[++a]);
                case "--split" -> split = args[++a];
                case "--candidates" -> counts = args[++a];
                case "--validation" -> validation = true;
                case "--retrieval-inputs" -> retrievalInputs = true;
                default -> throw new IllegalArgumentException("unknown argument " + args[a]);
            }
        }
        PrintWriter err = new PrintWriter(System.err, true);
        Dataset data = input.load(err);
        SplitSpec spec = SplitSpec.parse(split);
        if (validation) {
            data = new Dataset(data.file(), data.format(), spec.splitter(42).split(data.events()).get(0).train(),
                    data.sample());
        }
        AlgorithmCatalog.Context context = new AlgorithmCatalog.Context(data.format(), 42, 1);
        Map<String, Algorithm<?>> algorithms = new LinkedHashMap<>();
        // the retrieval model alone: the ranking stage must not order worse than it
        algorithms.put("retrieval alone (als)", RetrievalRankingCommand.als(context));
        if (retrievalInputs) {
            // which input the retrieval stage trains on: the preset's (ALS's own signal), or weighted event
            // counts (viewed 1, engaged 4; the preset until 2026-11-29); and the two-tower model instead of ALS
            ImplicitAls.Config weightedCounts = RetrievalRankingCommand.als(context).toBuilder()
                    .input(TrainingInput.of(ImplicitConfidence.defaults())).build();
            algorithms.put("retrieval alone (als on weighted counts)", weightedCounts);
            algorithms.put("two-stage on als on weighted counts, candidates=100", RetrievalRankingCommand.twoStage(
                    context, weightedCounts, RetrievalRankingCommand.DEFAULT_SCORER, RetrievalRankingConfig.DEFAULT_CANDIDATES, RankingTarget.ENGAGED, 200));
            algorithms.put("retrieval alone (two-tower)", RetrievalRankingCommand.twoTower(context));
            algorithms.put("two-stage on two-tower, candidates=100", RetrievalRankingCommand.twoStage(context,
                    RetrievalRankingCommand.twoTower(context), RetrievalRankingCommand.DEFAULT_SCORER, RetrievalRankingConfig.DEFAULT_CANDIDATES,
                    RankingTarget.ENGAGED, 200));
        }
        for (String count : counts.split(",")) {
            int candidates = count.equals("all") ? Integer.MAX_VALUE : Integer.parseInt(count);
            algorithms.put("candidates=" + count, RetrievalRankingCommand.twoStage(context,
                    RetrievalRankingCommand.als(context), RetrievalRankingCommand.DEFAULT_SCORER, candidates, RankingTarget.ENGAGED, 200));
        }
        EvaluationReport report = EvaluateCommand.evaluate(data, algorithms, spec, 10, 42, false);
        System.out.println("# candidate sweep: " + data.file() + " (" + data.format() + "), split " + spec
                + (validation ? " applied to the training side of " + spec + " (validation)" : "") + ", "
                + data.events().size() + " events\n");
        System.out.println(report.toMarkdown());
    }
}
