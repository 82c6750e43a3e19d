package org.povlake.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/** Every command's --help wraps at word boundaries. */
class HelpTextTest {
    /**
     * Every word of every description (the command's, its options' and parameters') appears whole
     * in the rendered help: a word cut across two lines would be missing from its words.
     */
    @Test
    void everyUsageMessageKeepsEachWordOfItsDescriptionsWhole() {
        CommandLine root = PovlakeCli.commandLine();
        List<CommandLine> commands = new ArrayList<>(List.of(root));
        commands.addAll(root.getSubcommands().values());
        for (CommandLine cl : commands) {
            CommandSpec spec = cl.getCommandSpec();
            String usage = cl.getUsageMessage(CommandLine.Help.Ansi.OFF);
            Set<String> shown = new HashSet<>(Arrays.asList(usage.split("\\s+")));
            List<String> written = new ArrayList<>(words(spec.usageMessage().description()));
            for (ArgSpec arg : spec.args()) {
                if (!arg.hidden()) {
                    written.addAll(words(arg.description()));
                }
            }
            List<String> cut = written.stream().filter(w -> !shown.contains(w)).toList();
            assertEquals(List.of(), cut, spec.qualifiedName() + ":\n" + usage);
            for (String line : usage.lines().toList()) {
                assertTrue(
                        org.povlake.lake.DisplayWidth.columns(line) <= cl.getUsageHelpWidth()
                                || !line.strip().contains(" "),
                        spec.qualifiedName() + ": a line wider than the help: " + line);
            }
        }
    }

    static List<String> words(String[] lines) {
        List<String> w = new ArrayList<>();
        for (String l : lines) {
            for (String word : l.strip().split("\\s+")) {
                if (!word.isEmpty()) {
                    w.add(word);
                }
            }
        }
        return w;
    }

    @Test
    void elementsOfADescriptionAreJoinedIntoParagraphsAndWrappedAtSpaces() {
        assertEquals(
                List.of("Builds gold (default: every year).", "Exit codes: 0 ok."),
                WrappedHelp.paragraphs(
                        "Builds gold (default: every", "year).", "Exit codes: 0 ok."));
        assertEquals(
                List.of("reads bronze.quarantine", "and", "ops.a_very_long_table_name"),
                WrappedHelp.wrap("reads bronze.quarantine and ops.a_very_long_table_name", 23));
        assertEquals(
                "The scheduler's one command: ingest, e.g. silver.",
                WrappedHelp.summary(
                        "The scheduler's one command: ingest, e.g.", "silver. Then more."));
    }
}
