package dev.recommender.core.data;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Fuzzes the CSV reader with generated seed-format files: valid rows (ids with commas, quotes,
 * line breaks and non-ASCII text, written by {@link CsvWriter}) mixed with rows mutated by inserted
 * quotes, separators, line breaks, control characters, deletions, truncation and bad times; files
 * encoded as UTF-8 (with or without byte order mark), UTF-16 or gzip, sometimes with a malformed
 * byte inserted or cut short. Properties: a strict read throws nothing but {@link DataFormatException};
 * a lenient read throws nothing else either, and throws only if the strict read does (a bad header
 * or damaged compressed data); if the strict read accepts, the lenient read gives the
 * same events and skips nothing; if it rejects at line L, the lenient read keeps exactly the events
 * before L and skips at least one row; and every event a lenient read imports is one a strict read
 * accepts (written back and read strictly, it comes back unchanged).
 *
 * <p>Tries: {@code jqwik.tries.default} (see {@code junit-platform.properties}).
 */
class CsvReaderFuzzTest {
    private static final String HEADER = "user_id,content_id,event_timestamp,event_type";

    enum Encoding { UTF8, UTF8_BOM, UTF16_LE, UTF16_BE, GZIP }

    enum ByteDamage { NONE, MALFORMED_BYTE, TRUNCATE }

    /** A generated file: rows of text, how it is encoded and how its bytes are damaged. */
    record CsvFile(List<String> rows, Encoding encoding, ByteDamage damage, int at) {
        String text() {
            return HEADER + "\n" + String.join("\n", rows) + (rows.isEmpty() ? "" : "\n");
        }

        byte[] bytes() throws IOException {
            String text = text();
            byte[] bytes = switch (encoding) {
                case UTF8 -> text.getBytes(StandardCharsets.UTF_8);
                case UTF8_BOM -> CsvTrustTest.concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                        text.getBytes(StandardCharsets.UTF_8));
                case UTF16_LE -> CsvTrustTest.concat(new byte[] {(byte) 0xFF, (byte) 0xFE},
                        text.getBytes(StandardCharsets.UTF_16LE));
                case UTF16_BE -> CsvTrustTest.concat(new byte[] {(byte) 0xFE, (byte) 0xFF},
                        text.getBytes(StandardCharsets.UTF_16BE));
                case GZIP -> CsvTrustTest.gzip(text.getBytes(StandardCharsets.UTF_8));
            };
            int position = Math.floorMod(at, bytes.length + 1);
            return switch (damage) {
                case NONE -> bytes;
                case TRUNCATE -> Arrays.copyOf(bytes, position);
                case MALFORMED_BYTE -> CsvTrustTest.concat(Arrays.copyOf(bytes, position), new byte[] {(byte) 0xFF},
                        Arrays.copyOfRange(bytes, position, bytes.length));
            };
        }

        boolean plainText() {
            return encoding == Encoding.UTF8 && damage == ByteDamage.NONE;
        }
    }

    @Provide
    Arbitrary<CsvFile> files() {
        Arbitrary<String> id = Arbitraries.strings().withChars("ab1 ,\"\u00e9\u65e5\n").ofMinLength(1).ofMaxLength(5);
        Arbitrary<String> validRow = Combinators.combine(id, id, Arbitraries.longs().between(1_500_000_000L, 1_700_000_000L),
                Arbitraries.of("viewed", "engaged")).as((user, item, time, type) ->
                CsvWriter.quote(user) + "," + CsvWriter.quote(item) + "," + time + "," + type);
        Arbitrary<String> mutatedRow = Combinators.combine(validRow, Arbitraries.integers(), Arbitraries.integers().between(0, 12))
                .as(CsvReaderFuzzTest::mutate);
        Arbitrary<String> row = Arbitraries.frequencyOf(Tuple.of(3, validRow), Tuple.of(2, mutatedRow));
        Arbitrary<ByteDamage> damage = Arbitraries.frequency(Tuple.of(6, ByteDamage.NONE),
                Tuple.of(1, ByteDamage.MALFORMED_BYTE), Tuple.of(1, ByteDamage.TRUNCATE));
        return Combinators.combine(row.list().ofMaxSize(8), Arbitraries.of(Encoding.class), damage, Arbitraries.integers())
                .as(CsvFile::new);
    }

    private static final String[] INSERTS = {"\"", ",", "\n", "\r", "\u0000", "\u001b", "\uFFFF", "\"\"", " "};
    private static final String[] BAD_TIMES = {"-5", "1e-300", "x", "2023-01-01T00:00:00Z", "9e18", ""};

    static String mutate(String row, int at, int kind) {
        int position = Math.floorMod(at, row.length() + 1);
        if (kind < INSERTS.length) {
            return row.substring(0, position) + INSERTS[kind] + row.substring(position);
        }
        if (kind == INSERTS.length) {
            return position < row.length() ? row.substring(0, position) + row.substring(position + 1) : row;
        }
        if (kind == INSERTS.length + 1) {
            return row.substring(0, position);
        }
        String[] fields = row.split(",(?=[0-9]+,[a-z]+$)");
        return fields.length == 2 ? fields[0] + "," + BAD_TIMES[Math.floorMod(at, BAD_TIMES.length)]
                + fields[1].substring(fields[1].indexOf(',')) : row;
    }

    private static ReadResult read(EventCsvReader reader, byte[] bytes) throws IOException {
        return reader.read(new ByteArrayInputStream(bytes), "fuzz.csv");
    }

    @Property(seed = "20261129")
    void strictThrowsOnlyDataFormatErrorsAndLenientNeverImportsWhatStrictRejects(@ForAll("files") CsvFile file)
            throws IOException {
        byte[] bytes = file.bytes();
        ReadResult strict = null;
        DataFormatException strictError = null;
        try {
            strict = read(EventCsvReader.strict(CsvSchema.seed()), bytes);
        } catch (DataFormatException e) {
            strictError = e;
        } catch (RuntimeException e) {
            fail("strict read threw " + e + " on " + file, e);
        }
        ReadResult lenient;
        try {
            lenient = read(EventCsvReader.lenient(CsvSchema.seed()), bytes);
        } catch (DataFormatException e) {
            assertTrue(strictError != null, "a lenient read fails (bad header, damaged gzip data) only if a strict"
                    + " one does: " + e.getMessage());
            return;
        } catch (RuntimeException e) {
            throw new AssertionError("lenient read threw " + e + " on " + file, e);
        }
        if (strict != null) {
            assertSameEvents(strict.events(), lenient.events(), true);
            assertEquals(0, lenient.report().totalSkipped());
        } else {
            assertTrue(lenient.report().totalSkipped() > 0, "strict rejected: " + strictError.getMessage());
            if (file.plainText()) {
                EventLog before = EventCsvReader.strict(CsvSchema.seed())
                        .read(new StringReader(linesBefore(file.text(), strictError.line())), "prefix").events();
                assertSameEvents(before, lenient.events(), false);
            }
        }
        // every imported event survives a strict read of itself
        StringWriter again = new StringWriter();
        CsvWriter out = new CsvWriter(again).row(HEADER.split(","));
        EventLog events = lenient.events();
        for (int e = 0; e < events.size(); e++) {
            long millis = events.timeMillis(e);
            out.field(events.userId(e)).field(events.itemId(e))
                    .field(millis / 1000 + "." + String.format("%03d", millis % 1000)).field(events.eventTypeName(e))
                    .endRow();
        }
        EventLog reread = EventCsvReader.strict(CsvSchema.seed()).read(new StringReader(again.toString()), "again").events();
        assertSameEvents(events, reread, true);
    }

    /** The first events of {@code actual} are those of {@code expected}; {@code exact}: and no more. */
    private static void assertSameEvents(EventLog expected, EventLog actual, boolean exact) {
        assertTrue(actual.size() >= expected.size(), "at least " + expected.size() + " events");
        for (int e = 0; e < expected.size(); e++) {
            assertEquals(expected.userId(e), actual.userId(e));
            assertEquals(expected.itemId(e), actual.itemId(e));
            assertEquals(expected.timeMillis(e), actual.timeMillis(e));
            assertEquals(expected.eventTypeName(e), actual.eventTypeName(e));
        }
        if (exact) {
            assertEquals(expected.size(), actual.size());
        }
    }

    /** The text before the given 1-based physical line (LF, CRLF or a lone CR end a line). */
    static String linesBefore(String text, long line) {
        long current = 1;
        for (int k = 0; k < text.length() && current < line; k++) {
            char c = text.charAt(k);
            if (c == '\n' || c == '\r') {
                if (c == '\r' && k + 1 < text.length() && text.charAt(k + 1) == '\n') {
                    k++;
                }
                current++;
                if (current == line) {
                    return text.substring(0, k + 1);
                }
            }
        }
        return text;
    }
}
