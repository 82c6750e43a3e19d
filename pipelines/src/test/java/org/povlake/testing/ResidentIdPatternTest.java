package org.povlake.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResidentIdPatternTest {
    static final String TMP =
            Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize().toString();

    @Test
    void anIdShapedTemporaryFolderNameIsNotAFinding() {
        String text =
                "lakehouse "
                        + TMP
                        + "/junit-309453132262198943/lake, file:"
                        + TMP
                        + "/junit-309453132262198943/r";
        assertEquals(List.of(), ResidentIdPattern.matches(text));
    }

    @Test
    void anIdAnywhereElseIsFound() {
        assertEquals(
                List.of("62010219800101123X", "620102198001011234"),
                ResidentIdPattern.matches(
                        "id 62010219800101123X in "
                                + TMP
                                + "/junit-1/x; /srv/620102198001011234/y"));
        // not inside a longer token: a 64-hex pseudonym or a 19-digit run
        assertEquals(
                List.of(), ResidentIdPattern.matches("ab620102198001011234 6201021980010112345"));
    }
}
