package org.povlake.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import org.povlake.contract.ExtractSchema;
import org.povlake.contract.FileLimits;
import org.povlake.contract.ReasonCode;

/**
 * Reads a delivery file record by record (CSV or JSONL), decoding each record on its own in the
 * file's charset. Runs where the file is read (an executor); the file was checked by {@link
 * Preflight} first.
 */
public final class RawRecordReader implements Iterator<RawRecord>, Closeable {
    private static final JsonFactory JSON =
            JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private final InputStream in;
    private final RecordSplitter splitter;
    private final Decoding decoding;
    private final boolean jsonl;
    private final Header header;
    private final Map<String, Integer> columnIndex;
    private final int width;
    private long recordNumber;
    private RawRecord next;

    public RawRecordReader(
            InputStream content,
            boolean jsonl,
            Charset charset,
            Header header,
            ExtractSchema schema,
            FileLimits limits)
            throws IOException {
        this.in = content;
        this.jsonl = jsonl;
        this.splitter = new RecordSplitter(content, !jsonl, limits);
        this.decoding = new Decoding(charset);
        this.header = header;
        this.columnIndex = schema.columnIndex();
        this.width = schema.columns().size();
        if (!jsonl) {
            splitter.next(); // the header, checked by Preflight
        }
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            try {
                next = read();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return next != null;
    }

    @Override
    public RawRecord next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        RawRecord r = next;
        next = null;
        return r;
    }

    private RawRecord read() throws IOException {
        RecordSplitter.Bytes b = splitter.next();
        if (b == null) {
            return null;
        }
        recordNumber++;
        long number = jsonl ? b.line() : recordNumber;
        if (b.truncated()) { // over the record limit: its beginning, and how long it was
            return new RawRecord(
                    number,
                    decoding.lenient(b.bytes()),
                    null,
                    null,
                    null,
                    ReasonCode.BAD_RECORD.name(),
                    b.length());
        }
        String text = decoding.strict(b.bytes());
        if (text == null) {
            return error(number, decoding.lenient(b.bytes()), ReasonCode.BAD_ENCODING);
        }
        return jsonl ? json(number, text) : csv(number, text);
    }

    private static RawRecord error(long number, String raw, ReasonCode code) {
        return new RawRecord(number, raw, null, null, null, code.name());
    }

    private RawRecord csv(long number, String text) {
        String[] fields = RecordSplitter.fields(text);
        if (fields == null || fields.length != header.names().size()) {
            return error(number, text, ReasonCode.BAD_RECORD);
        }
        String[] values = new String[width];
        int[] position = header.position();
        for (int i = 0; i < width; i++) {
            values[i] = position[i] < 0 ? null : fields[position[i]];
        }
        Map<String, String> extra = null;
        if (!header.extraColumns().isEmpty()) {
            extra = new LinkedHashMap<>();
            for (int e = 0; e < header.extraColumns().size(); e++) {
                extra.put(
                        header.extraColumns().get(e),
                        Values.trim(fields[header.extraPositions().get(e)]));
            }
        }
        return new RawRecord(number, text, values, null, extra, null);
    }

    private RawRecord json(long number, String text) {
        String[] values = new String[width];
        char[] kinds = new char[width];
        Arrays.fill(kinds, '-');
        Map<String, String> extra = null;
        try (JsonParser p = JSON.createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return error(number, text, ReasonCode.BAD_TYPE);
            }
            JsonToken t;
            java.util.Set<String> seen = new java.util.HashSet<>();
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                String norm = Header.normalize(key);
                if (!seen.add(norm)) {
                    return error(number, text, ReasonCode.BAD_TYPE);
                }
                JsonToken v = p.nextToken();
                char kind;
                String value;
                switch (v) {
                    case VALUE_STRING -> {
                        kind = 's';
                        value = p.getText();
                    }
                    case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                        kind = 'n';
                        value = p.getText();
                    }
                    case VALUE_TRUE, VALUE_FALSE -> {
                        kind = 'b';
                        value = p.getText();
                    }
                    case VALUE_NULL -> {
                        kind = '-';
                        value = null;
                    }
                    default -> {
                        kind = 'o';
                        p.skipChildren();
                        value = null;
                    }
                }
                Integer col = columnIndex.get(norm);
                if (col != null) {
                    values[col] = value;
                    kinds[col] = kind;
                } else {
                    if (extra == null) {
                        extra = new LinkedHashMap<>();
                    }
                    extra.put(
                            Values.trim(key),
                            kind == 'o' ? "<" + v.name().toLowerCase(Locale.ROOT) + ">" : value);
                }
            }
            if (t != JsonToken.END_OBJECT || p.nextToken() != null) {
                return error(number, text, ReasonCode.BAD_TYPE);
            }
        } catch (IOException e) {
            return error(number, text, ReasonCode.BAD_TYPE);
        }
        return new RawRecord(number, text, values, new String(kinds), extra, null);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
