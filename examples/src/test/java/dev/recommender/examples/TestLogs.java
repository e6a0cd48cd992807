package dev.recommender.examples;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

/** Small seed-format event logs with planted structure, written to files for command tests. */
final class TestLogs {
    private TestLogs() {
    }

    /**
     * Writes a seed-format log: users and items fall into two taste groups (index parity); each user sees
     * {@code itemsPerUser} distinct random items 1 to 3 times, and each event is an engagement with
     * probability 0.8 when the groups match, 0.1 otherwise. Times are float Unix seconds from 2022-01-01.
     */
    static Path seedLog(Path file, int users, int items, int itemsPerUser, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        long t0 = 1_640_995_200L;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("user_id,content_id,event_timestamp,event_type\n");
            for (int u = 0; u < users; u++) {
                boolean[] taken = new boolean[items];
                for (int k = 0; k < itemsPerUser; k++) {
                    int i;
                    do {
                        i = random.nextInt(items);
                    } while (taken[i]);
                    taken[i] = true;
                    int events = 1 + random.nextInt(3);
                    for (int e = 0; e < events; e++) {
                        double p = (u % 2) == (i % 2) ? 0.8 : 0.1;
                        String type = random.nextDouble() < p ? "engaged" : "viewed";
                        long time = t0 + random.nextInt(30 * 86_400);
                        out.write(String.format(Locale.ROOT, "u%03d,c%03d,%d.0,%s%n", u, i, time, type)
                                .replace(System.lineSeparator(), "\n"));
                    }
                }
            }
        }
        return file;
    }
}
