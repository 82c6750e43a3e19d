package org.povlake.ingest;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecordSplitterTest {
    static List<RecordSplitter.Bytes> split(String text, boolean csv) throws IOException {
        RecordSplitter s = new RecordSplitter(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), csv);
        List<RecordSplitter.Bytes> out = new ArrayList<>();
        RecordSplitter.Bytes b;
        while ((b = s.next()) != null) {
            out.add(b);
        }
        return out;
    }

    static String text(RecordSplitter.Bytes b) {
        return new String(b.bytes(), StandardCharsets.UTF_8);
    }

    @Test
    void quotedNewlinesCommasAndQuotesStayInOneRecord() throws IOException {
        List<RecordSplitter.Bytes> r = split("a,b\r\n\"x\ny\",\"he said \"\"hi\"\", ok\"\r\nlast,1", true);
        assertEquals(3, r.size());
        assertEquals("\"x\ny\",\"he said \"\"hi\"\", ok\"", text(r.get(1)));
        assertArrayEquals(new String[]{"x\ny", "he said \"hi\", ok"}, RecordSplitter.fields(text(r.get(1))));
        assertEquals("last,1", text(r.get(2)));
    }

    @Test
    void blankLinesAreNotRecordsButAreCounted() throws IOException {
        RecordSplitter s = new RecordSplitter(new ByteArrayInputStream("h\n\n1\n\r\n2\n".getBytes()), true);
        int n = 0;
        while (s.next() != null) {
            n++;
        }
        assertEquals(3, n);
        assertEquals(2, s.blankLines());
    }

    @Test
    void anUnterminatedQuoteRunsToTheEnd() throws IOException {
        List<RecordSplitter.Bytes> r = split("h1,h2\n1,\"open\n2,3\n", true);
        assertEquals(2, r.size());
        assertTrue(r.get(1).unterminated());
        assertEquals("1,\"open\n2,3\n", text(r.get(1)));
        assertFalse(r.get(0).unterminated());
    }

    @Test
    void fieldsRules() {
        assertArrayEquals(new String[]{"a", "", "c"}, RecordSplitter.fields("a,,c"));
        assertArrayEquals(new String[]{"", ""}, RecordSplitter.fields(","));
        assertArrayEquals(new String[]{"ab\"c"}, RecordSplitter.fields("ab\"c"), "a quote inside an unquoted field");
        assertNull(RecordSplitter.fields("\"ab\"c,d"), "text after a closing quote");
    }

    @Test
    void jsonLinesSplitOnLineFeeds() throws IOException {
        List<RecordSplitter.Bytes> r = split("{\"a\":1}\r\n\n{\"a\":\"x,\\\"y\"}", false);
        assertEquals(2, r.size());
        assertEquals("{\"a\":1}", text(r.get(0)));
    }
}
