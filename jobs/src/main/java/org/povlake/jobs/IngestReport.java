package org.povlake.jobs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.povlake.ingest.FileOutcome;
import org.povlake.ingest.IngestJob;
import org.povlake.lake.OutputFiles;

/** The ingest run's report: a line per file and a summary for people; JSON for schedulers. */
final class IngestReport {
    private IngestReport() {}

    static String line(FileOutcome f) {
        String head = String.format("%-8s  %-52s", f.status.label(), f.path);
        if (f.status == FileOutcome.Status.REJECTED) {
            return head + "  " + f.rejection + ": " + f.message;
        }
        if (f.status == FileOutcome.Status.SKIPPED) {
            return head + "  " + f.message;
        }
        String reasons =
                f.byReason.entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining(" "));
        String drift =
                f.extraColumns.isEmpty()
                                && f.extraColumnsUnlisted == 0
                                && f.missingOptionalColumns.isEmpty()
                        ? ""
                        : "  drift:"
                                + (f.extraColumns.isEmpty() ? "" : " extra " + f.extraColumns)
                                + (f.extraColumnsUnlisted == 0
                                        ? ""
                                        : " +" + f.extraColumnsUnlisted + " extra not listed")
                                + (f.missingOptionalColumns.isEmpty()
                                        ? ""
                                        : " missing " + f.missingOptionalColumns);
        return head
                + String.format(
                        "  read %7d  accepted %7d  quarantined %6d",
                        f.read, f.accepted, f.quarantined)
                + (reasons.isEmpty() ? "" : "  " + reasons)
                + drift
                + ("UTF-8".equals(f.charset) ? "" : "  charset " + f.charset);
    }

    static String summary(IngestJob.Result r) {
        long loaded = count(r, FileOutcome.Status.LOADED);
        long skipped = count(r, FileOutcome.Status.SKIPPED);
        long rejected = count(r, FileOutcome.Status.REJECTED);
        // a skipped file's rows were read, accepted and reconciled by the run that loaded it
        long read = r.total(f -> f.status == FileOutcome.Status.SKIPPED ? 0 : f.read);
        long accepted = r.total(f -> f.accepted);
        long quarantined = r.total(f -> f.quarantined);
        double seconds = Duration.between(r.startedAt(), r.finishedAt()).toMillis() / 1000.0;
        return String.format(
                "ingest %s: %d files — %d loaded, %d skipped, %d rejected; rows read %d = accepted %d"
                        + " + quarantined %d%s; %.1f s (%.0f rows/s)",
                r.batchId(),
                r.files().size(),
                loaded,
                skipped,
                rejected,
                read,
                accepted,
                quarantined,
                read == accepted + quarantined ? " (reconciled)" : " (NOT RECONCILED)",
                seconds,
                seconds > 0 ? read / seconds : 0.0);
    }

    private static long count(IngestJob.Result r, FileOutcome.Status s) {
        return r.files().stream().filter(f -> f.status == s).count();
    }

    static Map<String, Object> json(IngestJob.Result r) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("batch_id", r.batchId());
        root.put("started_at", r.startedAt().toString());
        root.put("finished_at", r.finishedAt().toString());
        root.put("exit_code", r.anyRejected() ? PovlakeCli.REJECTED_FILES : PovlakeCli.OK);
        Map<String, Object> totals = new LinkedHashMap<>();
        for (FileOutcome.Status s : FileOutcome.Status.values()) {
            totals.put(s.label(), count(r, s));
        }
        totals.put("read", r.total(f -> f.status == FileOutcome.Status.SKIPPED ? 0 : f.read));
        totals.put("accepted", r.total(f -> f.accepted));
        totals.put("quarantined", r.total(f -> f.quarantined));
        root.put("totals", totals);
        List<Map<String, Object>> files = new ArrayList<>();
        for (FileOutcome f : r.files()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("path", f.path);
            m.put("status", f.status.label());
            m.put("source", f.source);
            m.put("extract", f.extract);
            m.put("as_of", f.asOf == null ? null : f.asOf.toString());
            m.put("read", f.read);
            m.put("accepted", f.accepted);
            m.put("quarantined", f.quarantined);
            m.put("by_reason", f.byReason);
            m.put("rejection", f.rejection);
            m.put("message", f.message);
            m.put("charset", f.charset);
            m.put("sha256", f.sha256);
            m.put("bytes", f.bytes);
            m.put("blank_lines", f.blankLines);
            m.put("lines", f.lines);
            m.put("extra_columns", f.extraColumns);
            m.put("extra_columns_unlisted", f.extraColumnsUnlisted);
            m.put("missing_optional_columns", f.missingOptionalColumns);
            m.put("bronze_version", f.bronzeVersion);
            files.add(m);
        }
        root.put("files", files);
        return root;
    }

    /**
     * Writes {@link #json} to {@code file}, atomically and with the folder's usual permissions
     * ({@link OutputFiles}).
     */
    static void writeJson(IngestJob.Result r, Path file) throws IOException {
        OutputFiles.write(
                file,
                new ObjectMapper()
                        .enable(SerializationFeature.INDENT_OUTPUT)
                        .writeValueAsBytes(json(r)));
    }
}
