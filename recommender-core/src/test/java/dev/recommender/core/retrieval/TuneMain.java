package dev.recommender.core.retrieval;

import java.nio.file.Path;

/** Ad-hoc tuning on protocol B: args = ratings.csv then key=value overrides per run separated by ';'. */
final class TuneMain {
    private TuneMain() {
    }

    public static void main(String[] args) {
        MovieLensProtocolB data = MovieLensProtocolB.load(Path.of(args[0]));
        System.out.println(data.training + " test users " + data.test.size());
        for (int a = 1; a < args.length; a++) {
            if (args[a].startsWith("tt")) {
                TwoTowerRetrieval.Config.Builder tt = TwoTowerRetrieval.Config.builder();
                for (String setting : args[a].substring(2).split(",")) {
                    if (setting.isEmpty()) {
                        continue;
                    }
                    String[] kv = setting.split("=");
                    switch (kv[0]) {
                        case "d" -> tt.dimensions(Integer.parseInt(kv[1]));
                        case "e" -> tt.epochs(Integer.parseInt(kv[1]));
                        case "b" -> tt.batchSize(Integer.parseInt(kv[1]));
                        case "lr" -> tt.learningRate(Double.parseDouble(kv[1]));
                        case "tau" -> tt.temperature(Double.parseDouble(kv[1]));
                        case "reg" -> tt.regularization(Double.parseDouble(kv[1]));
                        case "logq" -> tt.logQCorrection(Boolean.parseBoolean(kv[1]));
                        case "h" -> tt.historyLength(Integer.parseInt(kv[1]));
                        case "drop" -> tt.userIdDropout(Double.parseDouble(kv[1]));
                        case "init" -> tt.initScale(Double.parseDouble(kv[1]));
                        case "opt" -> tt.optimizer(TwoTowerRetrieval.Optimizer.parse(kv[1]));
                        case "t" -> tt.threads(Integer.parseInt(kv[1]));
                        default -> throw new IllegalArgumentException(setting);
                    }
                }
                long start = System.nanoTime();
                TwoTowerRetrieval model = tt.build().fit(data.training, p -> System.out.printf("  epoch %d loss %.4f%n", p.epoch(), p.loss()));
                long fit = System.nanoTime() - start;
                System.out.printf("tt %-30s %s fit %.2fs%n", args[a], data.evaluate(model), fit / 1e9);
                continue;
            }
            ImplicitAls.Config.Builder builder = ImplicitAls.Config.builder();
            String kind = "als";
            for (String setting : args[a].split(",")) {
                String[] kv = setting.split("=");
                switch (kv[0]) {
                    case "f" -> builder.factors(Integer.parseInt(kv[1]));
                    case "l" -> builder.regularization(Double.parseDouble(kv[1]));
                    case "a" -> builder.alpha(Double.parseDouble(kv[1]));
                    case "i" -> builder.iterations(Integer.parseInt(kv[1]));
                    case "cg" -> builder.cgSteps(Integer.parseInt(kv[1]));
                    case "t" -> builder.threads(Integer.parseInt(kv[1]));
                    default -> throw new IllegalArgumentException(setting);
                }
            }
            long start = System.nanoTime();
            ImplicitAls model = builder.build().fit(data.training);
            long fit = System.nanoTime() - start;
            System.out.printf("%s %-30s %s fit %.2fs%n", kind, args[a], data.evaluate(model), fit / 1e9);
        }
    }
}
