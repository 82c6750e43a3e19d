package org.povlake.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.povlake.contract.Contract;
import org.povlake.contract.FileLimits;
import org.povlake.contract.FileRejection;

class RecordSplitterTest {
    static List<RecordSplitter.Bytes> split(String text, boolean csv) throws IOException {
        RecordSplitter s =
                new RecordSplitter(
                        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), csv);
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
        List<RecordSplitter.Bytes> r =
                split("a,b\r\n\"x\ny\",\"he said \"\"hi\"\", ok\"\r\nlast,1", true);
        assertEquals(3, r.size());
        assertEquals("\"x\ny\",\"he said \"\"hi\"\", ok\"", text(r.get(1)));
        assertArrayEquals(
                new String[] {"x\ny", "he said \"hi\", ok"}, RecordSplitter.fields(text(r.get(1))));
        assertEquals("last,1", text(r.get(2)));
    }

    @Test
    void blankLinesAreNotRecordsButAreCounted() throws IOException {
        RecordSplitter s =
                new RecordSplitter(new ByteArrayInputStream("h\n\n1\n\r\n2\n".getBytes()), true);
        int n = 0;
        while (s.next() != null) {
            n++;
        }
        assertEquals(3, n);
        assertEquals(2, s.blankLines());
    }

    @Test
    void anUnterminatedQuoteRejectsTheFileNamingTheLineItOpenedOn() {
        RejectedFileException e =
                assertThrows(
                        RejectedFileException.class,
                        () -> split("h1,h2\n1,2\n1,\"open\n2,3\n", true));
        assertEquals(FileRejection.RUNAWAY_QUOTE, e.code());
        assertTrue(e.getMessage().contains("opened on line 3 is never closed"), e.getMessage());
    }

    @Test
    void aQuotedFieldOpenAfterTheLimitOfLineBreaksRejectsTheFile() throws IOException {
        FileLimits limits = Contract.get().fileLimits();
        String hundred = "x\n".repeat(limits.maxQuotedLineBreaks());
        List<RecordSplitter.Bytes> ok = split("h\n\"" + hundred + "\"\nnext\n", true);
        assertEquals(3, ok.size(), "100 line breaks in a quoted field are allowed");
        assertEquals(101, ok.get(1).lines());
        assertEquals(2, ok.get(1).line());
        assertEquals(103, ok.get(2).line());
        RejectedFileException e =
                assertThrows(
                        RejectedFileException.class,
                        () -> split("h\r\n\"" + hundred.replace("\n", "\r\n") + "x\r\n\"\n", true));
        assertEquals(FileRejection.RUNAWAY_QUOTE, e.code());
        assertTrue(
                e.getMessage().contains("opened on line 2 is still open after 100 line breaks"),
                e.getMessage());
    }

    @Test
    void aRecordOverTheLimitKeepsItsBeginningAndItsLength() throws IOException {
        FileLimits limits = new FileLimits(10, 4, 100, 1000, 1L << 40, 100);
        RecordSplitter s =
                new RecordSplitter(
                        new ByteArrayInputStream(
                                "0123456789\nabcdefghijk,\"q\nq\"\nend\r\n"
                                        .getBytes(StandardCharsets.UTF_8)),
                        true,
                        limits);
        RecordSplitter.Bytes exact = s.next();
        assertFalse(exact.truncated(), "exactly the limit is not over it");
        assertEquals("0123456789", text(exact));
        RecordSplitter.Bytes over = s.next();
        assertTrue(over.truncated());
        assertEquals("abcd", text(over));
        assertEquals(17, over.length());
        assertEquals(2, over.lines(), "the quoted line break inside is still seen");
        assertEquals("end", text(s.next()));
        assertNull(s.next());

        RecordSplitter json =
                new RecordSplitter(
                        new ByteArrayInputStream(
                                "0123456789\r\n0123456789A\n".getBytes(StandardCharsets.UTF_8)),
                        false,
                        limits);
        assertFalse(json.next().truncated(), "a CRLF's CR is not part of the record");
        RecordSplitter.Bytes long11 = json.next();
        assertTrue(long11.truncated());
        assertEquals(11, long11.length());
        assertEquals(2, long11.line());
    }

    @Test
    void fieldsRules() {
        assertArrayEquals(new String[] {"a", "", "c"}, RecordSplitter.fields("a,,c"));
        assertArrayEquals(new String[] {"", ""}, RecordSplitter.fields(","));
        assertArrayEquals(
                new String[] {"ab\"c"},
                RecordSplitter.fields("ab\"c"),
                "a quote inside an unquoted field");
        assertNull(RecordSplitter.fields("\"ab\"c,d"), "text after a closing quote");
    }

    @Test
    void jsonLinesSplitOnLineFeeds() throws IOException {
        List<RecordSplitter.Bytes> r = split("{\"a\":1}\r\n\n{\"a\":\"x,\\\"y\"}", false);
        assertEquals(2, r.size());
        assertEquals("{\"a\":1}", text(r.get(0)));
    }
}
