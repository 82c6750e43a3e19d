package org.povlake.ingest;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Opens inbox files through Hadoop's FileSystem (local, HDFS, S3A alike), un-gzipping {@code .gz}
 * and dropping a UTF-8 BOM. Carries the Hadoop settings to executors as a plain map.
 */
public final class FileStreams implements Serializable {
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private final Map<String, String> hadoopSettings;

    public FileStreams(Configuration conf) {
        this.hadoopSettings = new HashMap<>();
        conf.forEach(e -> hadoopSettings.put(e.getKey(), e.getValue()));
    }

    public Configuration configuration() {
        Configuration conf = new Configuration(false);
        hadoopSettings.forEach(conf::set);
        return conf;
    }

    /** The raw bytes of the file, as stored. */
    public InputStream openRaw(String path) throws IOException {
        Path p = new Path(path);
        return new BufferedInputStream(p.getFileSystem(configuration()).open(p), 1 << 16);
    }

    /** The file's content: decompressed when gzip, without a UTF-8 BOM. {@code bom[0]} tells if one was there. */
    public static InputStream content(InputStream raw, boolean gzip, boolean[] bom) throws IOException {
        InputStream in = gzip ? new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16) : raw;
        PushbackInputStream p = new PushbackInputStream(in, 3);
        byte[] head = p.readNBytes(3);
        boolean hasBom = head.length == 3 && head[0] == BOM[0] && head[1] == BOM[1] && head[2] == BOM[2];
        if (!hasBom) {
            p.unread(head);
        }
        if (bom != null) {
            bom[0] = hasBom;
        }
        return p;
    }
}
