package dev.recommender.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CliTest {
    @Test
    void helpListsTheCommandsAndSucceeds() {
        CliRun run = CliRun.of("--help");
        assertEquals(Cli.OK, run.exitCode(), run.err());
        assertTrue(run.out().contains("Usage: recommender-examples"), run.out());
    }

    @Test
    void unknownOptionIsAUsageErrorWithoutStackTrace() {
        CliRun run = CliRun.of("--no-such-option");
        assertEquals(Cli.USAGE, run.exitCode());
        assertTrue(run.err().startsWith("error: Unknown option: '--no-such-option'"), run.err());
        assertFalse(run.err().contains("\tat "), "no stack trace: " + run.err());
        assertEquals("", run.out());
    }
}
