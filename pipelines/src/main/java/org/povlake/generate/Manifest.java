package org.povlake.generate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code generator-manifest.json}: the arguments, and per file of the folder what the ingest must
 * report — the shape of the objects of {@code sample-data/expected-ingest.json}, so one comparison
 * serves both. The manifest itself lies at the inbox root, which the ingest rejects as {@code
 * BAD_LOCATION}; it says so about itself, so the files listed are exactly the files the ingest will
 * report.
 */
final class Manifest {
    static final String FILE = "generator-manifest.json";

    private Manifest() {}

    static void write(Path out, GenerateOptions o, Map<String, FileStats> files)
            throws IOException {
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("households", o.households());
        if (o.scale() != null) {
            arguments.put("scale", o.scale());
        }
        arguments.put("years", o.years().toString());
        arguments.put("seed", o.seed());
        arguments.put("error_rate", o.errorRate());
        Map<String, Object> byFile = new TreeMap<>();
        files.forEach(
                (path, s) -> {
                    Map<String, Object> f = new LinkedHashMap<>();
                    f.put("status", "loaded");
                    f.put("read", s.read());
                    f.put("accepted", s.accepted());
                    f.put("quarantined", s.quarantined());
                    f.put("by_reason", s.byReason());
                    f.put("charset", "UTF-8");
                    byFile.put(path, f);
                });
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("arguments", arguments);
        root.put("files", byFile);
        byte[] json =
                new ObjectMapper()
                        .enable(SerializationFeature.INDENT_OUTPUT)
                        .writeValueAsBytes(root);
        Path tmp = out.resolve(FILE + ".tmp");
        Files.write(tmp, json);
        Files.write(tmp, "\n".getBytes(), java.nio.file.StandardOpenOption.APPEND);
        Files.move(tmp, out.resolve(FILE), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * The delivery files a previous generation wrote into this folder (to replace them), or none.
     */
    static List<String> previousFiles(Path out) throws IOException {
        Path m = out.resolve(FILE);
        List<String> files = new ArrayList<>();
        if (Files.isRegularFile(m)) {
            new ObjectMapper()
                    .readTree(m.toFile())
                    .path("files")
                    .fieldNames()
                    .forEachRemaining(files::add);
        }
        return files;
    }
}
