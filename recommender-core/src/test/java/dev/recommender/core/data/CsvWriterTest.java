package dev.recommender.core.data;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CsvWriterTest {
    @Test
    void quotesOnlyWhenNeededAndDoublesInnerQuotes() {
        assertEquals("plain", CsvWriter.quote("plain"));
        assertEquals("", CsvWriter.quote(""));
        assertEquals("\"a,b\"", CsvWriter.quote("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", CsvWriter.quote("say \"hi\""));
        assertEquals("\"two\nlines\"", CsvWriter.quote("two\nlines"));
        assertEquals("\"cr\r\"", CsvWriter.quote("cr\r"));
        assertEquals("\" padded \"", CsvWriter.quote(" padded "));
        assertEquals("a,b", CsvWriter.quote("a,b", '\t'), "a comma is safe in a tab-separated file");
        assertEquals("\"a\tb\"", CsvWriter.quote("a\tb", '\t'));
        assertEquals("日本", CsvWriter.quote("日本"));
    }

    @Test
    void writesRowsWithNumbersThatReadBackExactly() throws IOException {
        StringWriter text = new StringWriter();
        CsvWriter out = new CsvWriter(text);
        out.row("id", "count", "rate");
        out.field("x,y").field(3).field(0.1 + 0.2).endRow();
        out.field("nan").field(Double.NaN).endRow();
        assertEquals("id,count,rate\n\"x,y\",3,0.30000000000000004\nnan,\n", text.toString());
    }

    @Test
    void refusesAQuoteOrLineBreakAsDelimiter() {
        assertThrows(IllegalArgumentException.class, () -> new CsvWriter(new StringWriter(), '"'));
        assertThrows(IllegalArgumentException.class, () -> new CsvWriter(new StringWriter(), '\n'));
    }
}
