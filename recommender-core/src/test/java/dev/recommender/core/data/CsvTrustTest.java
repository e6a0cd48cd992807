package dev.recommender.core.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The silent acceptances of issue 13, each now refused or read right, and the writer round trip. */
class CsvTrustTest {
    private static final String SEED_HEADER = "user_id,content_id,event_timestamp,event_type\n";

    private static ReadResult read(EventCsvReader reader, byte[] bytes) throws IOException {
        return reader.read(new ByteArrayInputStream(bytes), "in.csv");
    }

    private static ReadResult strict(String text) throws IOException {
        return read(EventCsvReader.strict(CsvSchema.seed()), text.getBytes(StandardCharsets.UTF_8));
    }

    private static String strictError(String text) {
        return assertThrows(DataFormatException.class, () -> strict(text)).getMessage();
    }

    private static String strictError(byte[] bytes) {
        return assertThrows(DataFormatException.class,
                () -> read(EventCsvReader.strict(CsvSchema.seed()), bytes)).getMessage();
    }

    private static ReadResult lenient(String text) throws IOException {
        return read(EventCsvReader.lenient(CsvSchema.seed()), text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void lenientModeNeverImportsTheFragmentAfterABrokenQuote() throws IOException {
        String text = SEED_HEADER
                + "u1,\"i1,1700000000,viewed\n"   // line 2: quote never closed on its line
                + "4\",i2,1700000001,viewed\n"    // line 3: the fragment holding the stray closing quote
                + "u5,i5,1700000002,engaged\n";   // line 4: fine
        ReadResult result = lenient(text);
        assertEquals(List.of("u5"), result.events().users().ids());
        // line 2 read as RFC 4180 continues its quote into line 3 and fails there; the lenient read
        // resumes at line 3, whose stray quote makes it a bad row of its own
        assertEquals(1, result.report().skipped(ReadReport.Reason.UNKNOWN_EVENT_TYPE));
        assertEquals(1, result.report().skipped(ReadReport.Reason.BAD_QUOTING));
        assertEquals(List.of(2L, 3L), result.report().examples().stream().map(ReadReport.Skip::line).toList());
        assertEquals(3, result.report().rowsRead());
        assertEquals(4, result.report().lines());
        assertEquals("in.csv:2: column 'event_type': unknown event type (allowed: [viewed, engaged]) (in a record that"
                + " a quoted field continues over lines 2-3): '1700000001'", strictError(text));
    }

    @Test
    void quotedFieldsMaySpanLinesAndLineNumbersStayPhysical() throws IOException {
        EventLog log = strict(SEED_HEADER + "\"multi\nline\",i1,1700000000,viewed\nu2,i2,1700000001,viewed\n").events();
        assertEquals(List.of("multi\nline", "u2"), log.users().ids());
        String error = strictError(SEED_HEADER + "\"a\nb\",i1,1700000000,viewed\nu2,,1700000001,viewed\n");
        assertTrue(error.startsWith("in.csv:4: column 'content_id': empty item id"), error);
    }

    @Test
    void implausibleTimesAreRefusedWithAnOptOut() throws IOException {
        String negative = strictError(SEED_HEADER + "u,i,-1636000000,viewed\n");
        assertTrue(negative.contains("time 1918-02-27T")
                && negative.contains("outside the plausible range 1990-01-01T00:00:00Z to"), negative);
        assertTrue(strictError(SEED_HEADER + "u,i,1e-300,viewed\n").contains("time 1970-01-01T00:00:00Z outside"));
        assertTrue(strictError(SEED_HEADER + "u,i,9.9e9,viewed\n").contains("time 2283-"), "the far future");
        ReadResult skipped = lenient(SEED_HEADER + "u,i,-5,viewed\nu,i,1700000000,viewed\n");
        assertEquals(1, skipped.events().size());
        assertEquals(1, skipped.report().skipped(ReadReport.Reason.TIME_OUT_OF_RANGE));
        EventCsvReader anyTime = EventCsvReader.strict(CsvSchema.seed()).withoutTimeRange();
        assertEquals(-5_000L, read(anyTime, (SEED_HEADER + "u,i,-5,viewed\n").getBytes(StandardCharsets.UTF_8))
                .events().timeMillis(0));
        EventCsvReader narrow = EventCsvReader.strict(CsvSchema.seed())
                .withTimeRange(Instant.parse("2020-01-01T00:00:00Z"), Instant.parse("2021-01-01T00:00:00Z"));
        assertThrows(DataFormatException.class,
                () -> read(narrow, (SEED_HEADER + "u,i,1700000000,viewed\n").getBytes(StandardCharsets.UTF_8)));
        assertThrows(IllegalArgumentException.class,
                () -> narrow.withTimeRange(Instant.parse("2021-01-01T00:00:00Z"), Instant.parse("2020-01-01T00:00:00Z")));
    }

    @Test
    void isoTimesEpochSecondsAndMillisecondsAllRead() throws IOException {
        EventLog log = strict(SEED_HEADER + "u,i,2023-11-14T22:13:20Z,viewed\n"
                + "u,i,2023-11-14T23:13:20.250+01:00,viewed\nu,i,1700000000,viewed\n").events();
        assertEquals(1_700_000_000_000L, log.timeMillis(0));
        assertEquals(1_700_000_000_250L, log.timeMillis(1));
        assertEquals(1_700_000_000_000L, log.timeMillis(2));
        CsvSchema millis = CsvSchema.seed().toBuilder().timeUnit(CsvSchema.TimeUnit.MILLISECONDS).build();
        assertEquals(1_700_000_000_123L, read(EventCsvReader.strict(millis),
                (SEED_HEADER + "u,i,1700000000123,viewed\n").getBytes(StandardCharsets.UTF_8)).events().timeMillis(0));
        assertTrue(strictError(SEED_HEADER + "u,i,2023-11-14T22:13:20,viewed\n").contains("without a time zone offset"));
        assertTrue(strictError(SEED_HEADER + "u,i,2023-13-14T22:13:20Z,viewed\n").contains("not a number or an ISO-8601"));
    }

    @Test
    void malformedUtf8NulAndControlCharactersInIdsAreRefusedWithLineAndColumn() throws IOException {
        byte[] header = SEED_HEADER.getBytes(StandardCharsets.UTF_8);
        byte[] row = "u\u00e9,i,1700000000,viewed\n".getBytes(StandardCharsets.UTF_8);
        byte[] broken = concat(header, "u1,i1,1700000000,viewed\n".getBytes(StandardCharsets.UTF_8),
                Arrays.copyOf(row, 1), new byte[] {(byte) 0xC3, (byte) 0x28}, Arrays.copyOfRange(row, 3, row.length));
        assertEquals("in.csv:3: column 'user_id': user id: malformed UTF-8 (or U+FFFF) at character 2: 'u\\uffff('",
                strictError(broken));
        assertEquals("in.csv:2: column 'content_id': item id: control character \\x00 at character 2: 'i\\x00d'",
                strictError(SEED_HEADER + "u,i\u0000d,1700000000,viewed\n"));
        assertEquals("in.csv:2: column 'user_id': user id: control character \\x1b at character 1: '\\x1b[31mred'",
                strictError(SEED_HEADER + "\u001b[31mred,i,1700000000,viewed\n"));
        ReadResult skipped = read(EventCsvReader.lenient(CsvSchema.seed()), broken);
        assertEquals(List.of("u1"), skipped.events().users().ids());
        assertEquals(1, skipped.report().skipped(ReadReport.Reason.BAD_TEXT));
    }

    @Test
    void headerProblemsAreErrorsWithEscapedTextAndAPresetHint() {
        String repeated = strictError("user_id,content_id,user_id,event_timestamp,event_type\nu,i,v,1700000000,viewed\n");
        assertTrue(repeated.startsWith("in.csv:1: column 'user_id': bad header: column name repeated (first at #0,"
                + " again at #2)"), repeated);
        String hostile = strictError("user\u001b]0;PWNED\u0007\u001b[31m_id,content_id\nu,i\n");
        assertFalse(hostile.contains("\u001b") || hostile.contains("\u0007"), hostile);
        assertTrue(hostile.contains("user\\x1b]0;PWNED\\x07\\x1b[31m_id"), hostile);
        String movieLens = strictError("userId,movieId,rating,timestamp\n1,2,3.5,1700000000\n");
        assertTrue(movieLens.contains("missing header column (the header fits format 'movielens')"), movieLens);
        String unknown = strictError("a,b\n1,2\n");
        assertTrue(unknown.endsWith("missing header column: 'a,b'"), unknown);
    }

    @Test
    void utf8WithOrWithoutBomUtf16ByBomAndGzipReadTheSame(@TempDir Path directory) throws IOException {
        String text = SEED_HEADER + "\u00fcser,\u65e5\u672c,1700000000,viewed\nu2,i2,1700000001,engaged\n";
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        List<byte[]> encodings = List.of(utf8,
                concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8),
                concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, text.getBytes(StandardCharsets.UTF_16BE)),
                concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, text.getBytes(StandardCharsets.UTF_16LE)),
                gzip(utf8),
                gzip(concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, text.getBytes(StandardCharsets.UTF_16LE))));
        int k = 0;
        for (byte[] bytes : encodings) {
            Path file = directory.resolve("events-" + k++ + ".csv");
            Files.write(file, bytes);
            EventLog log = EventCsvReader.readEvents(file, CsvSchema.seed());
            assertEquals(List.of("\u00fcser", "u2"), log.users().ids(), file.toString());
            assertEquals(List.of("\u65e5\u672c", "i2"), log.items().ids());
            assertEquals(1_700_000_001_000L, log.timeMillis(1));
        }
        byte[] truncated = Arrays.copyOf(gzip(utf8), 20);
        assertTrue(strictError(truncated).contains("corrupt or truncated compressed data"), strictError(truncated));
    }

    @Test
    void idsWrittenByCsvWriterReadBackAsTheSameIds() throws IOException {
        List<String> users = List.of("plain", "with,comma", "with \"quotes\"", "two\nlines", "cr\r\nlf", " padded ",
                "\u65e5\u672c\u8a9e", "emoji \uD83D\uDE00", "\"", ",", "tab\there", "\uFEFFbom");
        StringWriter text = new StringWriter();
        CsvWriter out = new CsvWriter(text);
        out.row("user_id", "content_id", "event_timestamp", "event_type");
        for (int k = 0; k < users.size(); k++) {
            out.field(users.get(k)).field(users.get(users.size() - 1 - k)).field(1_700_000_000L + k).field("viewed")
                    .endRow();
        }
        EventLog log = EventCsvReader.strict(CsvSchema.seed()).read(new StringReader(text.toString()), "w.csv").events();
        assertEquals(users.size(), log.size());
        for (int k = 0; k < users.size(); k++) {
            assertEquals(users.get(k), log.userId(k));
            assertEquals(users.get(users.size() - 1 - k), log.itemId(k));
            assertEquals((1_700_000_000L + k) * 1000, log.timeMillis(k));
        }
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(bytes);
        }
        return out.toByteArray();
    }
}
