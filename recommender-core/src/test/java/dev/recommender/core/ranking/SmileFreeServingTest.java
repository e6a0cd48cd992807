package dev.recommender.core.ranking;

import dev.recommender.core.OptionalLibrary;
import dev.recommender.core.RecommendRequest;
import dev.recommender.core.Recommender;
import dev.recommender.core.TrainingData;
import dev.recommender.core.TrainingListener;
import dev.recommender.core.io.ModelStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Smile is an optional dependency of recommender-core: a saved two-stage model must load and answer
 * without it, and training a ranking model without it must say which artifact to add. The test
 * re-loads core's classes (and the test stand-ins) through a class loader whose class path has no
 * Smile jar, and runs {@link Probe} there.
 */
class SmileFreeServingTest {
    static final List<String> USERS = List.of("u0", "u3", "u7", "stranger");

    /** Runs inside the Smile-free class loader; called by reflection. */
    public static final class Probe {
        private Probe() {
        }

        /** Loads the model and lists its answers. */
        public static String answers(Path file) throws Exception {
            return SmileFreeServingTest.answers(ModelStore.load(file));
        }

        /** Whether this loader sees Smile, as core's guard reports it. */
        public static boolean smilePresent() {
            return OptionalLibrary.SMILE.isPresent();
        }

        /** Tries to train a ranking model; returns the exception's message. */
        public static String trainingFailure() {
            try {
                RankingModel.fit(new double[][] {{1}, {2}, {3}}, new double[] {0, 1, 0}, List.of("x"),
                        RankingConfig.builder().trees(2).build(), TrainingListener.NONE);
                return "trained";
            } catch (IllegalStateException e) {
                return e.getMessage();
            }
        }
    }

    static String answers(Recommender model) {
        StringBuilder out = new StringBuilder();
        for (String user : USERS) {
            out.append(model.recommend(user, RecommendRequest.top(10))).append('\n');
        }
        return out.toString();
    }

    static URLClassLoader withoutSmile() throws Exception {
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.isEmpty() && !entry.contains("haifengl")) {
                urls.add(Path.of(entry).toUri().toURL());
            }
        }
        return new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    }

    static Object call(ClassLoader loader, String method, Object... args) throws Exception {
        Class<?> probe = Class.forName(Probe.class.getName(), true, loader);
        Class<?>[] types = new Class<?>[args.length];
        for (int a = 0; a < args.length; a++) {
            types[a] = args[a] instanceof Path ? Path.class : args[a].getClass();
        }
        Method m = probe.getMethod(method, types);
        Thread thread = Thread.currentThread();
        ClassLoader context = thread.getContextClassLoader();
        thread.setContextClassLoader(loader); // ModelStore finds codecs through the context loader
        try {
            return invoke(m, args);
        } finally {
            thread.setContextClassLoader(context);
        }
    }

    static Object invoke(Method m, Object... args) throws Exception {
        try {
            return m.invoke(null, args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw (Error) e.getCause();
        }
    }

    @Test
    void aSavedTwoStageModelAnswersIdenticallyWithoutSmile(@TempDir Path directory) throws Exception {
        RetrievalRanking model = RetrievalRankingTest.algorithm()
                .fit(TrainingData.of(SyntheticLog.generate(120, 40, 30, 4, 3)), TrainingListener.NONE);
        Path file = directory.resolve("two-stage.bin");
        ModelStore.save(model, file);
        String expected = answers(model);
        assertTrue(expected.contains("fallback=false"), expected);

        try (URLClassLoader loader = withoutSmile()) {
            assertThrows(ClassNotFoundException.class,
                    () -> Class.forName("smile.regression.GradientTreeBoost", false, loader));
            assertEquals(false, call(loader, "smilePresent"));
            assertEquals(expected, call(loader, "answers", file));
        }
    }

    @Test
    void trainingWithoutSmileNamesTheArtifactToAdd() throws Exception {
        assertTrue(OptionalLibrary.SMILE.isPresent(), "this module's tests have Smile");
        try (URLClassLoader loader = withoutSmile()) {
            String message = assertInstanceOf(String.class, call(loader, "trainingFailure"));
            assertFalse(message.equals("trained"));
            assertTrue(message.startsWith("smile-core is not on the class path, but training a ranking model"),
                    message);
            assertTrue(message.contains("com.github.haifengl:smile-core:2.6.0"), message);
        }
    }
}
