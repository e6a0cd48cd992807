package dev.recommender.examples;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code evaluate --tune}: the tuned models run and the table says what they were tuned and measured on. */
class TuneOptionTest extends CommandTestSupport {
    @Test
    void tunedRunSaysWhatItTunedOnAndEveryModelHasARow() throws Exception {
        CliRun run = run(with(input("evaluate"), "--algorithms", "popularity,rate-als,ease,two-tower", "--tune",
                "--runs-dir", dir.resolve("runs-tune").toString()));
        assertEquals(Cli.OK, run.exitCode(), run.err());
        assertTrue(run.out().contains("tuned inside every fold on a validation carve"), run.out());
        for (String name : new String[] {"popularity", "rate-als", "ease", "two-tower"}) {
            assertTrue(run.out().contains("| " + name + " "), name + " row in:\n" + run.out());
        }
        try (var files = Files.list(dir.resolve("runs-tune"))) {
            String record = Files.readString(files.findFirst().orElseThrow());
            assertTrue(record.replace(" ", "").contains("\"tune\":true"), record);
        }
    }

    @Test
    void untunedRunSaysItsConfigurationsArePresets() {
        CliRun run = run(with(input("evaluate"), "--algorithms", "popularity", "--runs-dir",
                dir.resolve("runs-untuned").toString()));
        assertEquals(Cli.OK, run.exitCode(), run.err());
        assertTrue(run.out().contains("Configurations: the catalog presets"), run.out());
    }
}
