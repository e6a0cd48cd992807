package dev.recommender.spark.job;

import dev.recommender.core.io.ModelStore;
import dev.recommender.core.retrieval.ImplicitAls;
import dev.recommender.core.sample.SampleEvents;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The job jar's command line trains, saves core's model file and writes the top-K Parquet; bad input exits 1, a
 * usage error exits 2 with its message on stderr only.
 */
class SparkMainTest {
    @TempDir
    static Path dir;
    private static SparkSession spark;
    private static Path csv;

    @BeforeAll
    static void start() throws Exception {
        // the session the command line's getOrCreate() picks up: local[2], no UI, few shuffle partitions
        SparkSession.Builder builder = SparkSession.builder().appName("recommender-spark-job-test");
        if (System.getProperty("spark.master") == null) {
            builder.master("local[2]");
        }
        spark = builder
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "4")
                .config("spark.default.parallelism", "4")
                .getOrCreate();
        csv = dir.resolve("sample.csv");
        SampleEvents.of(SampleEvents.Config.small()).writeCsv(csv);
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void cliTrainsSavesAndWritesTopK() throws Exception {
        Path modelFile = dir.resolve("cli.model");
        String topK = dir.resolve("cli-topk").toString();
        int code = SparkMain.run("spark-topk", "--input", csv.toString(), "--format", "seed", "--master", "local[2]",
                "--rank", "4", "--iterations", "3", "--k", "3", "--out", topK, "--model-out", modelFile.toString());
        assertEquals(0, code);
        ImplicitAls loaded = ModelStore.load(modelFile, ImplicitAls.class);
        assertEquals(4, loaded.dimensions());
        long expected = 0;
        for (String user : loaded.users().ids()) {
            expected += expectedSize(loaded, user, 3);
        }
        assertEquals(expected, spark.read().parquet(topK).count());
        assertEquals(1, SparkMain.run("spark-train", "--input", csv.toString(), "--source", "avro",
                "--out", modelFile.toString()));
    }

    @Test
    void usageErrorsExitTwoAndPrintNothingToStdout() {
        for (String[] args : new String[][]{{}, {"--no-such-option"}, {"spark-train", "--no-such-option"}}) {
            PrintStream out = System.out;
            PrintStream err = System.err;
            ByteArrayOutputStream stdout = new ByteArrayOutputStream();
            ByteArrayOutputStream stderr = new ByteArrayOutputStream();
            int code;
            try {
                System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
                System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
                code = SparkMain.run(args);
            } finally {
                System.setOut(out);
                System.setErr(err);
            }
            String described = String.join(" ", args);
            assertEquals(2, code, () -> "exit code of '" + described + "'");
            assertEquals("", stdout.toString(StandardCharsets.UTF_8), () -> "stdout of '" + described + "'");
            assertTrue(stderr.toString(StandardCharsets.UTF_8).contains("Usage:"), () -> "stderr of '" + described + "'");
        }
    }

    /** k, or fewer when the user has seen nearly the whole catalog (the sample has such heavy users). */
    private static int expectedSize(ImplicitAls model, String user, int k) {
        int seen = model.seenItems().userItemCount(model.users().indexOf(user));
        return Math.min(k, model.items().size() - seen);
    }
}
