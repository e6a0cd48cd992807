package dev.recommender.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UserDirsTest {
    @Test
    void defaultsLiveUnderTheHomeFolder() {
        assertEquals(Path.of("/home/ann/.cache/recommender/sample"), UserDirs.sampleDir(Map.of(), "/home/ann"));
        assertEquals(Path.of("/home/ann/.local/state/recommender/runs"), UserDirs.runsDir(Map.of(), "/home/ann"));
    }

    @Test
    void absoluteXdgVariablesWinRelativeOnesAreIgnored() {
        Map<String, String> env = Map.of("XDG_CACHE_HOME", "/var/cache/ann", "XDG_STATE_HOME", "relative/state");
        assertEquals(Path.of("/var/cache/ann/recommender/sample"), UserDirs.sampleDir(env, "/home/ann"));
        assertEquals(Path.of("/home/ann/.local/state/recommender/runs"), UserDirs.runsDir(env, "/home/ann"));
    }

    @Test
    void withoutRunsDirTheRecordGoesToThePerUserFolder() {
        RunOptions options = new RunOptions();
        assertEquals(UserDirs.runsDir(), options.runsDir());
        options.runsDir = Path.of("elsewhere");
        assertEquals(Path.of("elsewhere"), options.runsDir());
    }
}
