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
