package dev.recommender.examples;

import dev.recommender.core.data.EventLog;
import dev.recommender.core.data.Interactions;
import dev.recommender.core.data.CsvWriter;
import dev.recommender.core.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the proof of concept's feature datasets from an event log aggregated by engagement rate:
 * <ul>
 *   <li>{@code pairs.csv}: every (user, item) pair, {@code user_id,content_id,viewed_count,engaged_count,
 *       shown_count,engaged_pct}, where {@code shown_count} is the pair's event count,
 *       {@code viewed_count = shown_count - engaged_count} and {@code engaged_pct = engaged_count / shown_count};</li>
 *   <li>{@code ratings.csv}: the pairs with at least one engagement, {@code user_id,content_id,count,engaged_pct}
 *       ({@code count} is the shown count), the input of the proof of concept's SVD notebook;</li>
 *   <li>{@code content.csv}: every content id of the log, one per line under the header {@code content_id}.</li>
 * </ul>
 * Rows follow the order of the interactions: users in order of first appearance, each user's items in
 * order of first appearance in the log. Numbers are written with {@link Double#toString(double)}, so they
 * read back exactly. Files are RFC 4180 ({@link CsvWriter}: an id holding a comma, quote or line break is
 * quoted) and written atomically with normal permissions ({@link AtomicFiles}).
 *
 * <p>Thread safety: stateless.
 */
final class FeatureFiles {
    /** Header of {@code pairs.csv}. */
    static final String PAIRS_HEADER = "user_id,content_id,viewed_count,engaged_count,shown_count,engaged_pct";
    /** Header of {@code ratings.csv}. */
    static final String RATINGS_HEADER = "user_id,content_id,count,engaged_pct";

    private FeatureFiles() {
    }

    /**
     * Writes the three files into a folder, creating it if needed.
     *
     * @param log   the events (for the content list)
     * @param pairs the events aggregated by engagement rate (event count = shown, engaged count = engaged)
     * @param dir   the output folder
     * @return the written files: pairs, ratings, content
     * @throws IOException if a file cannot be written
     */
    static List<Path> write(EventLog log, Interactions pairs, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path pairsFile = dir.resolve("pairs.csv");
        Path ratingsFile = dir.resolve("ratings.csv");
        Path contentFile = dir.resolve("content.csv");
        writePairs(pairsFile, PAIRS_HEADER, pairs, false, (out, shown, engaged) -> out.field(shown - engaged)
                .field(engaged).field(shown).field((double) engaged / shown));
        writePairs(ratingsFile, RATINGS_HEADER, pairs, true, (out, shown, engaged) -> out.field(shown)
                .field((double) engaged / shown));
        AtomicFiles.writeText(contentFile, out -> {
            CsvWriter content = new CsvWriter(out).row("content_id");
            for (String itemId : log.items().ids()) {
                content.row(itemId);
            }
        });
        return List.of(pairsFile, ratingsFile, contentFile);
    }

    /** Writes the columns that follow the ids of one pair. */
    @FunctionalInterface
    private interface PairColumns {
        void write(CsvWriter out, int shown, int engaged) throws IOException;
    }

    /** Writes a header and one row per pair (only engaged pairs if asked): user id, item id, the columns. */
    private static void writePairs(Path file, String header, Interactions pairs, boolean engagedOnly,
                                   PairColumns columns) throws IOException {
        AtomicFiles.writeText(file, text -> {
            CsvWriter out = new CsvWriter(text).row(header.split(","));
            for (int user = 0; user < pairs.userCount(); user++) {
                for (int entry = pairs.userStart(user); entry < pairs.userEnd(user); entry++) {
                    int engaged = pairs.engagedCount(entry);
                    if (engagedOnly && engaged == 0) {
                        continue;
                    }
                    out.field(pairs.users().id(user)).field(pairs.items().id(pairs.itemAt(entry)));
                    columns.write(out, pairs.eventCount(entry), engaged);
                    out.endRow();
                }
            }
        });
    }
}
