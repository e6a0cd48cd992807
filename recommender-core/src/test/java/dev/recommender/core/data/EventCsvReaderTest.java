package dev.recommender.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class EventCsvReaderTest {
    private static final CsvSchema PLAIN = CsvSchema.builder()
            .user("user").item("item").time("time").eventType("type").value("value").build();

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(EventCsvReaderTest.class.getResource(name).toURI());
    }

    /** Strict reads of hand-written rows whose times (1, 2, 10 s) predate the plausible range. */
    private static ReadResult strict(CsvSchema schema, String text) throws IOException {
        return EventCsvReader.strict(schema).withoutTimeRange().read(new StringReader(text), "test.csv");
    }

    private static ReadResult lenient(CsvSchema schema, String text) throws IOException {
        return EventCsvReader.lenient(schema).withoutTimeRange().read(new StringReader(text), "test.csv");
    }

    private static DataFormatException strictError(CsvSchema schema, String text) {
        return assertThrows(DataFormatException.class, () -> strict(schema, text));
    }

    @Test
    void readsTheSeedFormatWithFloatSeconds() throws Exception {
        EventLog log = EventCsvReader.readEvents(resource("seed-small.csv"), CsvSchema.seed());
        assertEquals(4, log.size());
        assertEquals(List.of("1438eb1414", "82216a2c7d"), log.users().ids());
        assertEquals(List.of("f260f3f3ce", "0a1b2c3d4e"), log.items().ids());
        assertEquals(List.of("viewed", "engaged"), log.eventTypes().ids());
        // 1.642347e+09 s = 1,642,347,000 s = 1,642,347,000,000 ms
        assertEquals(1_642_347_000_000L, log.timeMillis(0));
        // 1.6423471e+09 s = 1,642,347,100 s
        assertEquals(1_642_347_100_000L, log.timeMillis(1));
        // fractional seconds: 1640000000.5 s = 1,640,000,000,500 ms
        assertEquals(1_640_000_000_500L, log.timeMillis(2));
        assertEquals(1_640_000_001_000L, log.timeMillis(3));
        assertEquals("engaged", log.eventTypeName(1));
        assertEquals("engaged", log.eventTypeName(3));
        assertTrue(Float.isNaN(log.value(0)));
    }

    @Test
    void readsMovieLensWithCrlf() throws Exception {
        ReadResult result = EventCsvReader.strict(CsvSchema.movieLens()).read(resource("ratings-small.csv"));
        EventLog log = result.events();
        assertEquals(5, log.size());
        assertEquals(List.of("1", "2", "3"), log.users().ids());
        assertEquals(List.of("1", "3", "50", "31"), log.items().ids());
        assertEquals(0.5f, log.value(2));
        assertEquals(3.5f, log.value(4));
        assertEquals(964_982_703_000L, log.timeMillis(0));
        assertEquals("rating", log.eventTypeName(4));
        assertEquals(6, result.report().lines());
        assertEquals(5, result.report().rowsRead());
        assertEquals(5, result.report().eventsKept());
    }

    @Test
    void readsMl100kTabSeparatedWithoutHeader() throws Exception {
        EventLog log = EventCsvReader.readEvents(resource("u-small.data"), CsvSchema.ml100k());
        assertEquals(3, log.size());
        assertEquals("196", log.userId(0));
        assertEquals("242", log.itemId(0));
        assertEquals(3f, log.value(0));
        assertEquals(881_250_949_000L, log.timeMillis(0));
        assertEquals("22", log.userId(2));
        assertEquals(1f, log.value(2));
    }

    @Test
    void quotedFieldsHoldDelimitersAndDoubledQuotes() throws Exception {
        EventLog log = strict(PLAIN, "user,item,time,type,value\n"
                + "\"a,b\",\"say \"\"hi\"\"\",\"10\",\"view\",\" 2.5 \"\n"
                + "q,x,1,view,1\n"
                + "plain,\"it\"\"em\",2,view,3\n").events();
        assertEquals(3, log.size());
        assertEquals("a,b", log.userId(0));
        assertEquals("say \"hi\"", log.itemId(0));
        assertEquals(10_000L, log.timeMillis(0));
        assertEquals(2.5f, log.value(0));
        assertEquals("q", log.userId(1));
        assertEquals("it\"em", log.itemId(2));
        // a quote inside an unquoted field is an error (RFC 4180: such a field must be quoted)
        assertEquals("test.csv:2: column 'item': quote inside an unquoted field (quote the whole field and double"
                + " the quote): 'plain,it\"em,2,view,3'",
                strictError(PLAIN, "user,item,time,type,value\nplain,it\"em,2,view,3\n").getMessage());
        // an empty quoted id is still empty
        assertEquals("test.csv:2: column 'user': empty user id: ''",
                strictError(PLAIN, "user,item,time,type,value\n\"\",x,1,view,1\n").getMessage());
    }

    @Test
    void byteOrderMarkCrlfBlankLinesAndMissingFinalNewline() throws Exception {
        String text = "\uFEFFuser,item,time,type,value\r\n\r\nu1,i1,1,view,1\r\n\r\n\r\nu2,i2,2,view,2";
        ReadResult result = strict(PLAIN, text);
        assertEquals(2, result.events().size());
        assertEquals("u2", result.events().userId(1));
        assertEquals(2f, result.events().value(1));
        assertEquals(6, result.report().lines());
        assertEquals(3, result.report().blankLines());
        // the same with LF, with lone CR, and with a trailing newline all give the same events
        for (String variant : List.of(text.replace("\r\n", "\n"), text.replace("\r\n", "\r"), text + "\r\n", text + "\n")) {
            EventLog log = strict(PLAIN, variant).events();
            assertEquals(2, log.size(), variant);
            assertEquals("u2", log.userId(1));
            assertEquals("i2", log.itemId(1));
            assertEquals(2_000L, log.timeMillis(1));
        }
    }

    @Test
    void columnsByPositionIgnoreHeaderNamesAndByNameIgnoreOrder() throws Exception {
        CsvSchema byPosition = CsvSchema.builder().user(2).item(0).time(1).defaultEventType("click").build();
        EventLog log = strict(byPosition, "a,b,c\nitem1,5,user1\n").events();
        assertEquals("user1", log.userId(0));
        assertEquals("item1", log.itemId(0));
        assertEquals(5_000L, log.timeMillis(0));
        assertEquals("click", log.eventTypeName(0));

        EventLog reordered = strict(PLAIN, "value,type,extra,item,user,time\n4,view,zzz,i,u,7\n").events();
        assertEquals("u", reordered.userId(0));
        assertEquals("i", reordered.itemId(0));
        assertEquals(4f, reordered.value(0));
        assertEquals(7_000L, reordered.timeMillis(0));
    }

    @Test
    void millisecondTimes() throws Exception {
        CsvSchema millis = PLAIN.toBuilder().timeUnit(CsvSchema.TimeUnit.MILLISECONDS).build();
        EventLog log = strict(millis, "user,item,time,type,value\nu,i,1433141211383,view,1\n").events();
        assertEquals(1_433_141_211_383L, log.timeMillis(0));
    }

    @Test
    void withoutTimeOrValueColumnsTimesAreZeroAndValuesNaN() throws Exception {
        CsvSchema minimal = CsvSchema.builder().user("u").item("i").build();
        EventLog log = strict(minimal, "u,i\nx,y\n").events();
        assertEquals(0L, log.timeMillis(0));
        assertTrue(Float.isNaN(log.value(0)));
        assertEquals("event", log.eventTypeName(0));
    }

    @Test
    void strictErrorsNameFileLineColumnAndText() {
        String header = "user_id,content_id,event_timestamp,event_type\n";
        assertEquals("test.csv:3: column 'event_timestamp': not a number: '16423x'",
                strictError(CsvSchema.seed(), header + "u,i,1.6e9,viewed\nu,i,16423x,viewed\n").getMessage());
        assertEquals("test.csv:2: column 'event_type': missing column: row has 3 fields: 'u,i,1.6e9'",
                strictError(CsvSchema.seed(), header + "u,i,1.6e9\n").getMessage());
        assertEquals("test.csv:2: column 'event_type': unknown event type (allowed: [viewed, engaged]): 'clicked'",
                strictError(CsvSchema.seed(), header + "u,i,1.6e9,clicked\n").getMessage());
        assertEquals("test.csv:2: column 'content_id': empty item id: ''",
                strictError(CsvSchema.seed(), header + "u,,1.6e9,viewed\n").getMessage());
        assertEquals("test.csv:2: column 'user_id': unterminated quoted field: '\"u,i,1.6e9,viewed'",
                strictError(CsvSchema.seed(), header + "\"u,i,1.6e9,viewed\n").getMessage());
        assertEquals("test.csv:2: column 'content_id': text after closing quote: 'u,\"i\"x,1.6e9,viewed'",
                strictError(CsvSchema.seed(), header + "u,\"i\"x,1.6e9,viewed\n").getMessage());
        assertEquals("test.csv:1: column 'content_id': missing header column: 'user_id,item_id,event_timestamp,event_type'",
                strictError(CsvSchema.seed(), "user_id,item_id,event_timestamp,event_type\nu,i,1,viewed\n").getMessage());
        assertEquals("test.csv:1: column 'header': no header row: ''", strictError(CsvSchema.seed(), "").getMessage());
        assertEquals("test.csv:2: column 'rating': not a finite float: '1e999'",
                strictError(CsvSchema.movieLens(), "userId,movieId,rating,timestamp\n1,2,1e999,3\n").getMessage());
        DataFormatException error = strictError(CsvSchema.ml100k(), "1\t2\t3\t4\n1\t2\tx\t4\n");
        assertEquals("test.csv", error.source());
        assertEquals(2, error.line());
        assertEquals("#2 (value)", error.column());
        assertEquals("x", error.text());
    }

    @Test
    void lenientModeSkipsAndCountsPerReason() throws Exception {
        String text = "user_id,content_id,event_timestamp,event_type\n"
                + "u1,i1,1.6e9,viewed\n"      // line 2: kept
                + ",i1,1.6e9,viewed\n"        // line 3: empty id
                + "u1,i1,soon,viewed\n"       // line 4: bad number
                + "u1,i1\n"                   // line 5: missing column
                + "u1,i1,1.6e9,clicked\n"     // line 6: unknown event type
                + "u1,i1,1.6e9,clicked\n"     // line 7: unknown event type
                + "\"u1,i1,1.6e9,viewed\n"    // line 8: bad quoting
                + "\n"                        // line 9: blank
                + "u2,i2,1.7e9,engaged\n";    // line 10: kept
        ReadResult result = lenient(CsvSchema.seed(), text);
        ReadReport report = result.report();
        assertEquals(2, result.events().size());
        assertEquals("u2", result.events().userId(1));
        assertEquals(10, report.lines());
        assertEquals(8, report.rowsRead());
        assertEquals(2, report.eventsKept());
        assertEquals(1, report.blankLines());
        assertEquals(6, report.totalSkipped());
        assertEquals(1, report.skipped(ReadReport.Reason.EMPTY_ID));
        assertEquals(1, report.skipped(ReadReport.Reason.BAD_NUMBER));
        assertEquals(1, report.skipped(ReadReport.Reason.MISSING_COLUMN));
        assertEquals(2, report.skipped(ReadReport.Reason.UNKNOWN_EVENT_TYPE));
        assertEquals(1, report.skipped(ReadReport.Reason.BAD_QUOTING));
        assertEquals(0, report.skipped(ReadReport.Reason.TOO_MANY_EVENT_TYPES));
        assertEquals(List.of(3L, 4L, 5L, 6L, 7L, 8L), report.examples().stream().map(ReadReport.Skip::line).toList());
        assertEquals(ReadReport.Reason.BAD_NUMBER, report.examples().get(1).reason());
        assertEquals("test.csv:4: column 'event_timestamp': not a number: 'soon'", report.examples().get(1).message());
        assertEquals("test.csv: 8 rows, 2 events, skipped 6 (EMPTY_ID 1, BAD_NUMBER 1, MISSING_COLUMN 1, "
                + "UNKNOWN_EVENT_TYPE 2, BAD_QUOTING 1)", report.summary());
    }

    @Test
    void lenientModeKeepsOnlyTheFirstExamples() throws Exception {
        StringBuilder text = new StringBuilder("userId,movieId,rating,timestamp\n");
        for (int k = 0; k < 25; k++) {
            text.append("1,2,bad,3\n");
        }
        ReadReport report = lenient(CsvSchema.movieLens(), text.toString()).report();
        assertEquals(25, report.skipped(ReadReport.Reason.BAD_NUMBER));
        assertEquals(EventCsvReader.MAX_EXAMPLES, report.examples().size());
    }

    @Test
    void atMost127EventTypes() throws Exception {
        StringBuilder text = new StringBuilder("user,item,time,type,value\n");
        for (int k = 0; k < 130; k++) {
            text.append("u,i,1,type").append(k).append(",1\n");
        }
        ReadResult result = lenient(PLAIN, text.toString());
        assertEquals(127, result.events().size());
        assertEquals(127, result.events().eventTypes().size());
        assertEquals(3, result.report().skipped(ReadReport.Reason.TOO_MANY_EVENT_TYPES));
        assertEquals("test.csv:129: column 'type': more than 127 distinct event types: 'type127'",
                strictError(PLAIN, text.toString()).getMessage());
    }

    @Test
    void headerOnlyGivesAnEmptyLog() throws Exception {
        ReadResult result = strict(CsvSchema.movieLens(), "userId,movieId,rating,timestamp\r\n");
        assertEquals(0, result.events().size());
        assertEquals(0, result.report().rowsRead());
    }

    /** Reads in pieces of 1 to 3 characters, so every line and CRLF crosses buffer refills. */
    private static final class TrickleReader extends FilterReader {
        private final SplittableRandom random = new SplittableRandom(7);

        TrickleReader(Reader in) {
            super(in);
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            return super.read(buffer, offset, Math.min(length, 1 + random.nextInt(3)));
        }
    }

    @Test
    void smallReadsAndLongLinesGiveTheSameEvents() throws Exception {
        StringBuilder text = new StringBuilder("user,item,time,type,value\r\n");
        SplittableRandom random = new SplittableRandom(1);
        for (int k = 0; k < 3000; k++) {
            String user = k % 97 == 0 ? "u".repeat(70_000 + k) : "u" + random.nextInt(50);
            text.append(user).append(",\"i").append(random.nextInt(80)).append("\",").append(k).append(",view,")
                    .append(random.nextInt(10)).append(k % 3 == 0 ? "\n" : "\r\n");
        }
        EventLog whole = strict(PLAIN, text.toString()).events();
        EventLog trickled = EventCsvReader.strict(PLAIN).withoutTimeRange().read(new TrickleReader(new StringReader(text.toString())), "t")
                .events();
        assertEquals(3000, whole.size());
        assertEquals(3000, trickled.size());
        for (int k = 0; k < 3000; k++) {
            assertEquals(whole.userId(k), trickled.userId(k));
            assertEquals(whole.itemId(k), trickled.itemId(k));
            assertEquals(k * 1000L, trickled.timeMillis(k));
            assertEquals(whole.value(k), trickled.value(k));
        }
        assertEquals(70_000, whole.userId(0).length());
    }

    /** Quotes a field as a CSV writer would: when needed, or at random when {@code always}. */
    private static String quote(String field, boolean always) {
        if (always || field.contains(",") || field.contains("\"") || field.contains("\n") || field.isEmpty()) {
            return "\"" + field.replace("\"", "\"\"") + "\"";
        }
        return field;
    }

    @Test
    void randomlyQuotedRecordsReadBackExactly() throws Exception {
        SplittableRandom random = new SplittableRandom(11);
        String alphabet = "ab,\" xé€1 ;\t\n";
        for (int round = 0; round < 50; round++) {
            int rows = 1 + random.nextInt(40);
            String[] users = new String[rows];
            String[] items = new String[rows];
            long[] times = new long[rows];
            float[] values = new float[rows];
            StringBuilder text = new StringBuilder(random.nextBoolean() ? "\uFEFF" : "").append("user,item,time,type,value");
            for (int row = 0; row < rows; row++) {
                users[row] = randomId(random, alphabet);
                items[row] = randomId(random, alphabet);
                times[row] = random.nextLong(0, 2_000_000_000_000L);
                values[row] = random.nextInt(-1000, 1000) / 8f;
                text.append(random.nextBoolean() ? "\r\n" : "\n");
                if (random.nextInt(5) == 0) {
                    text.append('\n');
                }
                text.append(quote(users[row], random.nextBoolean())).append(',')
                        .append(quote(items[row], random.nextBoolean())).append(',')
                        .append(quote(times[row] / 1000 + "." + String.format(Locale.ROOT, "%03d", times[row] % 1000),
                                random.nextBoolean())).append(',')
                        .append(quote("view", random.nextBoolean())).append(',')
                        .append(quote(Float.toString(values[row]), random.nextBoolean()));
            }
            if (random.nextBoolean()) {
                text.append("\r\n");
            }
            EventLog log = strict(PLAIN, text.toString()).events();
            assertEquals(rows, log.size(), text.toString());
            for (int row = 0; row < rows; row++) {
                assertEquals(users[row], log.userId(row));
                assertEquals(items[row], log.itemId(row));
                assertEquals(times[row], log.timeMillis(row));
                assertEquals(values[row], log.value(row));
            }
        }
    }

    private static String randomId(SplittableRandom random, String alphabet) {
        StringBuilder id = new StringBuilder();
        int length = 1 + random.nextInt(6);
        for (int k = 0; k < length; k++) {
            id.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return id.toString();
    }

    @Test
    void parseDecimalAgreesWithTheJdkOnRandomNumbers() {
        SplittableRandom random = new SplittableRandom(42);
        for (int k = 0; k < 20_000; k++) {
            double value = switch (k % 4) {
                case 0 -> random.nextDouble(1.0e9, 2.0e9);
                case 1 -> random.nextDouble(-1000, 1000);
                case 2 -> Math.scalb(random.nextDouble(), random.nextInt(-60, 60));
                default -> random.nextInt(0, 11) / 2.0;
            };
            for (String text : List.of(Double.toString(value), String.format(Locale.ROOT, "%.7e", value),
                    String.format(Locale.ROOT, "%.3f", value), String.format(Locale.ROOT, "%.20f", value))) {
                char[] chars = text.toCharArray();
                assertEquals(Double.parseDouble(text), CsvNumbers.parseDecimal(chars, 0, chars.length), text);
            }
        }
    }

    @Test
    void parseDecimalRejectsWhatIsNotAPlainDecimal() {
        for (String text : List.of("", " ", ".", "-", "1e", "1e+", "abc", "1.2.3", "--1", "0x10", "1d", "NaN",
                "Infinity", "1 2", "1,5")) {
            char[] chars = text.toCharArray();
            assertTrue(Double.isNaN(CsvNumbers.parseDecimal(chars, 0, chars.length)), text);
        }
        char[] chars = " +.5e1 ".toCharArray();
        assertEquals(5.0, CsvNumbers.parseDecimal(chars, 0, chars.length));
        chars = "5.".toCharArray();
        assertEquals(5.0, CsvNumbers.parseDecimal(chars, 0, chars.length));
        chars = "-0.000".toCharArray();
        assertEquals(-0.0, CsvNumbers.parseDecimal(chars, 0, chars.length));
    }
}
