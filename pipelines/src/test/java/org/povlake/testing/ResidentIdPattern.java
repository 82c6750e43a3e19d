package org.povlake.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the personal-data scans look for: 17 digits and a check character, not inside a longer token
 * (a hex pseudonym may hold long digit runs). The tests' own temporary folders are left out first:
 * JUnit names them with a random number (e.g. {@code /tmp/junit-309453132262198943}) that has the
 * shape of a resident ID about one run in ten, and report files, manifests and console lines name
 * the lakehouse and output folders.
 */
public final class ResidentIdPattern {
    public static final Pattern ID =
            Pattern.compile("(?<![0-9A-Za-z])[0-9]{17}[0-9Xx](?![0-9A-Za-z])");

    /** A folder directly in the temporary directory, as a path or inside a file: URI. */
    private static final Pattern TEMP_FOLDER =
            Pattern.compile(
                    Pattern.quote(
                                    Path.of(System.getProperty("java.io.tmpdir"))
                                            .toAbsolutePath()
                                            .normalize()
                                            .toString())
                            + "/[^/\\s\"'<>]+");

    private ResidentIdPattern() {}

    /** Every match in {@code text} once the temporary folders' names are left out. */
    public static List<String> matches(String text) {
        Matcher m = ID.matcher(TEMP_FOLDER.matcher(text).replaceAll("<tmp>"));
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }
}
