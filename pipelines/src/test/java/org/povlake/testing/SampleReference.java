package org.povlake.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import org.povlake.contract.Contract;

/**
 * The part of the Gansu divisions the sample inbox covers: the counties of every county, township
 * or village code in its files that lies in a county of the shipped reference. Ingest, silver and
 * gold on these counties give the sample's households, villages and places what they give them on
 * the whole province (every valid code of the sample is in them, every invalid one stays invalid),
 * in a fraction of the time: gold computes only these counties' regions, not all of Gansu's.
 *
 * <p>Surefire sets {@value #SWITCH}{@code =sample} for the test runs that use it; this listener
 * then sets {@link Contract#COUNTIES_PROPERTY} before the first test of the JVM loads the contract.
 * Child JVMs of a test ({@code PovlakeProcess}) get the same property. Without the switch (an IDE
 * run, the full-reference execution) the tests run on the whole shipped reference.
 */
public final class SampleReference implements LauncherSessionListener {
    /**
     * The system property surefire sets to {@code sample} to run the tests on the sample's
     * counties.
     */
    public static final String SWITCH = "povlake.test.reference";

    private static final Pattern CODE =
            Pattern.compile("(?<![0-9])(62[0-9]{4})(?:[0-9]{3}){0,2}(?![0-9])");

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if ("sample".equals(System.getProperty(SWITCH))
                && System.getProperty(Contract.COUNTIES_PROPERTY) == null) {
            System.setProperty(
                    Contract.COUNTIES_PROPERTY, String.join(",", counties(SampleLake.INBOX)));
        }
    }

    /**
     * The county codes of the shipped reference that the inbox's files name (directly or as a
     * code's prefix).
     */
    public static Set<String> counties(Path inbox) {
        Set<String> shipped = shippedCounties();
        Set<String> named = new TreeSet<>();
        try (Stream<Path> files = Files.walk(inbox)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Matcher m = CODE.matcher(text(f));
                while (m.find()) {
                    if (shipped.contains(m.group(1))) {
                        named.add(m.group(1));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return named;
    }

    private static String text(Path file) throws IOException {
        try (InputStream raw = Files.newInputStream(file);
                InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw) {
            return new String(
                    in.readAllBytes(),
                    StandardCharsets.ISO_8859_1); // digits are ASCII in every charset
        }
    }

    /** The county codes of {@code schemas/reference/gansu_counties.csv} (column 3). */
    private static Set<String> shippedCounties() {
        Set<String> counties = new TreeSet<>();
        String file = Contract.ROOT + "reference/gansu_counties.csv";
        try (BufferedReader r =
                new BufferedReader(
                        new InputStreamReader(
                                SampleReference.class.getClassLoader().getResourceAsStream(file),
                                StandardCharsets.UTF_8))) {
            r.lines()
                    .skip(1)
                    .filter(l -> !l.isEmpty())
                    .forEach(l -> counties.add(l.split(",", -1)[2]));
        } catch (IOException e) {
            throw new UncheckedIOException(file, e);
        }
        return counties;
    }
}
