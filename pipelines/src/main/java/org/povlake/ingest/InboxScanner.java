package org.povlake.ingest;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.povlake.contract.Contract;
import org.povlake.contract.FileRejection;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Discovers the inbox's files and parses their names against the delivery layout
 * {@code INBOX/<source>/<extract>_<YYYYMMDD>.<csv|jsonl>[.gz]}. A file that does not fit is a
 * file-level rejection; the others become {@link DeliveryFile}s.
 */
public final class InboxScanner {
    private static final Pattern NAME = Pattern.compile("(.+)_([0-9]{4})([0-9]{2})([0-9]{2})\\.(csv|jsonl)(\\.gz)?");

    /** Either a delivery or a rejection, for one file of the inbox. */
    public record Found(String relative, long bytes, DeliveryFile delivery, FileRejection rejection, String message) {
    }

    private InboxScanner() {
    }

    /** Every file under the inbox, sorted by relative path. */
    public static List<Found> scan(String inbox, Configuration conf, Contract contract) throws IOException {
        Path root = new Path(inbox);
        FileSystem fs = root.getFileSystem(conf);
        if (!fs.exists(root) || !fs.getFileStatus(root).isDirectory()) {
            throw new FileNotFoundException("the inbox " + inbox + " is not a folder");
        }
        String rootUri = fs.getFileStatus(root).getPath().toUri().getPath();
        List<Found> found = new ArrayList<>();
        RemoteIterator<LocatedFileStatus> it = fs.listFiles(root, true);
        while (it.hasNext()) {
            LocatedFileStatus st = it.next();
            String full = st.getPath().toUri().getPath();
            String relative = full.substring(rootUri.length()).replaceFirst("^/+", "");
            found.add(classify(st.getPath().toString(), relative, st.getLen(), contract));
        }
        found.sort((a, b) -> a.relative().compareTo(b.relative()));
        return found;
    }

    static Found classify(String path, String relative, long bytes, Contract contract) {
        String[] parts = relative.split("/");
        if (parts.length != 2) {
            return reject(relative, bytes, FileRejection.BAD_LOCATION,
                    "not at <source>/<extract>_<YYYYMMDD>.<csv|jsonl>[.gz] under the inbox");
        }
        String source = parts[0];
        if (!contract.sources().containsKey(source)) {
            return reject(relative, bytes, FileRejection.UNKNOWN_SOURCE, "unknown source folder '" + source
                    + "' (expected one of " + String.join(", ", contract.sources().keySet()) + ")");
        }
        Matcher m = NAME.matcher(parts[1]);
        if (!m.matches()) {
            return reject(relative, bytes, FileRejection.BAD_FILE_NAME,
                    "the name is not <extract>_<YYYYMMDD>.<csv|jsonl>[.gz]");
        }
        LocalDate asOf;
        try {
            asOf = LocalDate.of(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                    Integer.parseInt(m.group(4)));
        } catch (DateTimeException e) {
            return reject(relative, bytes, FileRejection.BAD_FILE_NAME,
                    "the date " + m.group(2) + m.group(3) + m.group(4) + " in the name does not exist");
        }
        String extract = m.group(1);
        if (contract.extract(source, extract).isEmpty()) {
            return contract.sourceOf(extract)
                    .map(owner -> reject(relative, bytes, FileRejection.WRONG_SOURCE,
                            "extract '" + extract + "' belongs to source '" + owner + "', not '" + source + "'"))
                    .orElseGet(() -> reject(relative, bytes, FileRejection.UNKNOWN_EXTRACT,
                            "unknown extract '" + extract + "' (source '" + source + "' delivers "
                                    + String.join(", ", contract.sources().get(source)) + ")"));
        }
        DeliveryFile d = new DeliveryFile(path, relative, source, extract, asOf, "jsonl".equals(m.group(5)),
                m.group(6) != null, bytes);
        return new Found(relative, bytes, d, null, null);
    }

    private static Found reject(String relative, long bytes, FileRejection r, String message) {
        return new Found(relative, bytes, null, r, message);
    }
}
