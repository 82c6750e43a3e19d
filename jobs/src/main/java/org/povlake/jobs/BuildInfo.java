package org.povlake.jobs;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/**
 * The code version, written into the jar at build time ({@code povlake-build.properties}): {@code
 * git describe --tags --always --dirty} of the checkout it was built from, or the Maven version
 * when built outside git.
 */
public final class BuildInfo implements CommandLine.IVersionProvider {
    public static String version() {
        Properties p = properties();
        String git = p.getProperty("git_describe", "");
        if (!git.isBlank() && !git.startsWith("${")) {
            return git;
        }
        return p.getProperty("version", "unknown") + " (not built from git)";
    }

    private static Properties properties() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("/povlake-build.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // fall through to "unknown"
        }
        return p;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"povlake " + version()};
    }
}
