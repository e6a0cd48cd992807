package dev.recommender.core.retrieval;

import dev.recommender.core.TrainingListener;
import dev.recommender.core.baseline.Popularity;
import dev.recommender.core.data.ImplicitConfidence;
import dev.recommender.core.data.EventLog;
import dev.recommender.core.ranking.EventAlgorithm;
import dev.recommender.core.ranking.ModelStage;
import dev.recommender.core.ranking.SeedProtocol;
import dev.recommender.core.sample.SampleEvents;

import java.util.LinkedHashMap;
import java.util.Map;

/** Ad-hoc: the seed protocol (temporal split, top-K categorical accuracy) on the built-in sample. */
final class SampleMain {
    private SampleMain() {
    }

    public static void main(String[] args) {
        EventLog events = (args.length > 0 && args[0].equals("small") ? SampleEvents.of(SampleEvents.Config.small())
                : SampleEvents.defaults()).generate();
        Map<String, EventAlgorithm<?>> contenders = new LinkedHashMap<>();
        ImplicitConfidence confidence = ImplicitConfidence.defaults();
        contenders.put("popularity", new ModelStage<>(confidence, Popularity.Config.defaults()));
        contenders.put("implicit ALS defaults", new ModelStage<>(confidence, ImplicitAls.Config.defaults().toBuilder().threads(2).build()));
        contenders.put("implicit ALS 64/l5/a2", new ModelStage<>(confidence, ImplicitAls.Config.builder().factors(64).regularization(5).alpha(2).threads(2).build()));
        contenders.put("two-tower defaults", new ModelStage<>(confidence, TwoTowerRetrieval.Config.defaults().toBuilder().threads(2).build()));
        System.out.println(SeedProtocol.defaults().run(events, contenders, TrainingListener.NONE).toMarkdown());
    }
}
