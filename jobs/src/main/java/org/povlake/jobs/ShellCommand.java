package org.povlake.jobs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jline.reader.Candidate;
import org.jline.reader.EOFError;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.ParsedLine;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "shell",
        description = {
            "An interactive, read-only SQL prompt on one session (the running povlake serve's if",
            "there is one): statements end with ';' and may span lines; Tab completes table and",
            "column names; \\tables lists the tables, \\d TABLE its columns, \\x toggles one field",
            "per line, \\format table|csv|json, \\q quits. History is kept in ~/.povlake_history."
        })
public final class ShellCommand implements Callable<Integer> {
    @Mixin LakehouseOption lakeOption;

    @Option(
            names = "--personal-data",
            description = {
                "let the session read bronze and its quarantine (personal data); every statement",
                "is recorded in ops.access_log"
            })
    boolean personalData;

    @Option(
            names = "--file",
            paramLabel = "FILE",
            description = "run the statements and commands of FILE, then stop (no prompt)")
    Path file;

    @Option(
            names = "--max-rows",
            defaultValue = "1000",
            description = "rows printed at most per statement (default ${DEFAULT-VALUE})")
    int maxRows;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    private static final List<String> KEYWORDS =
            List.of(
                    "SELECT",
                    "FROM",
                    "WHERE",
                    "GROUP BY",
                    "ORDER BY",
                    "HAVING",
                    "LIMIT",
                    "JOIN",
                    "LEFT JOIN",
                    "ON",
                    "AS",
                    "AND",
                    "OR",
                    "NOT",
                    "IN",
                    "IS NULL",
                    "DISTINCT",
                    "COUNT",
                    "SUM",
                    "AVG",
                    "MIN",
                    "MAX",
                    "CASE",
                    "WHEN",
                    "THEN",
                    "ELSE",
                    "END",
                    "WITH",
                    "UNION ALL",
                    "DESC",
                    "ASC",
                    "DESCRIBE",
                    "SHOW TABLES IN",
                    "EXPLAIN");
    private static final Pattern TABLE = Pattern.compile("\\b([a-z]+\\.[a-z0-9_]+)\\b");

    private AnalystSession session;
    private ResultPrinter.Format format = ResultPrinter.Format.table;
    private boolean vertical;
    private List<String> tables;
    private final Map<String, List<String[]>> columns = new HashMap<>();

    @Override
    public Integer call() throws IOException {
        session = AnalystSession.open(lakeOption, "shell", personalData, null, spec);
        PrintWriter out = spec.commandLine().getOut();
        if (file != null) {
            int failures = 0;
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                StringBuilder statement = new StringBuilder();
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (statement.length() == 0 && line.strip().startsWith("\\")) {
                        failures += backslash(line.strip(), out) ? 0 : 1;
                        continue;
                    }
                    statement.append(line).append('\n');
                    if (line.strip().endsWith(";")) {
                        failures += execute(statement.toString(), out) ? 0 : 1;
                        statement.setLength(0);
                    }
                }
                if (!statement.toString().isBlank()) {
                    failures += execute(statement.toString(), out) ? 0 : 1;
                }
            }
            return failures == 0 ? PovlakeCli.OK : PovlakeCli.USAGE;
        }
        interactive();
        return PovlakeCli.OK;
    }

    private void interactive() throws IOException {
        try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
            DefaultParser parser =
                    new DefaultParser() {
                        @Override
                        public ParsedLine parse(String line, int cursor, ParseContext context) {
                            String t = line.strip();
                            if (context == ParseContext.ACCEPT_LINE
                                    && !t.isEmpty()
                                    && !t.startsWith("\\")
                                    && !t.endsWith(";")) {
                                throw new EOFError(-1, -1, "the statement goes on", ";");
                            }
                            return super.parse(line, cursor, context);
                        }
                    };
            parser.setEscapeChars(new char[0]);
            Path history = Path.of(System.getProperty("user.home"), ".povlake_history");
            LineReader reader =
                    LineReaderBuilder.builder()
                            .terminal(terminal)
                            .parser(parser)
                            .completer((r, line, candidates) -> complete(line, candidates))
                            .variable(LineReader.HISTORY_FILE, history)
                            .variable(LineReader.SECONDARY_PROMPT_PATTERN, "      ...> ")
                            .build();
            PrintWriter out = terminal.writer();
            out.println(
                    "povlake shell on "
                            + lakeOption.lakehouse
                            + (session.throughServer()
                                    ? " (through its server)"
                                    : " (a local session)")
                            + (personalData ? ", personal data visible and logged" : "")
                            + " — \\? for help, \\q to quit");
            while (true) {
                String line;
                try {
                    line = reader.readLine("povlake> ");
                } catch (UserInterruptException e) {
                    continue; // Ctrl-C drops the statement being typed
                } catch (EndOfFileException e) {
                    break;
                }
                String t = line.strip();
                if (t.isEmpty()) {
                    continue;
                }
                if (t.startsWith("\\")) {
                    if (t.equals("\\q")) {
                        break;
                    }
                    backslash(t, out);
                } else {
                    execute(t, out);
                }
                out.flush();
            }
            ownerOnly(history);
        }
    }

    private static void ownerOnly(Path history) {
        try {
            if (Files.exists(history)) {
                Files.setPosixFilePermissions(
                        history,
                        java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            }
        } catch (IOException | UnsupportedOperationException e) {
            // not a POSIX file system: left as it is
        }
    }

    /** A backslash command; false if it failed. */
    private boolean backslash(String command, PrintWriter out) {
        String[] words = command.split("\\s+");
        switch (words[0]) {
            case "\\tables" -> {
                List<List<Object>> rows = new ArrayList<>();
                tables().forEach(t -> rows.add(List.of(t)));
                ResultPrinter.print(out, format, List.of("table"), rows);
                return true;
            }
            case "\\d" -> {
                if (words.length < 2) {
                    out.println("\\d TABLE: the columns of a table, e.g. \\d gold.indicators");
                    return false;
                }
                try {
                    List<List<Object>> rows = new ArrayList<>();
                    columnsOf(words[1]).forEach(c -> rows.add(List.of(c[0], c[1])));
                    ResultPrinter.print(out, format, List.of("column", "type"), rows);
                    return true;
                } catch (AnalystSession.Problem e) {
                    out.println(e.getMessage());
                    return false;
                }
            }
            case "\\x" -> {
                vertical = !vertical;
                out.println("one field per line: " + (vertical ? "on" : "off"));
                return true;
            }
            case "\\format" -> {
                try {
                    format = ResultPrinter.Format.valueOf(words.length > 1 ? words[1] : "");
                    out.println("format: " + format);
                    return true;
                } catch (IllegalArgumentException e) {
                    out.println("\\format table, csv or json");
                    return false;
                }
            }
            case "\\q" -> {
                return true;
            }
            default -> {
                out.println(
                        "\\tables  the tables\n\\d TABLE  its columns\n\\x  one field per"
                                + " line on/off\n\\format table|csv|json\n\\q  quit\nSQL"
                                + " statements end with ';' and may span lines.");
                return words[0].equals("\\?");
            }
        }
    }

    /** Runs one statement and prints its answer; false if it was refused or failed. */
    private boolean execute(String statement, PrintWriter out) {
        String sql = statement.strip();
        while (sql.endsWith(";")) {
            sql = sql.substring(0, sql.length() - 1).strip();
        }
        if (sql.isEmpty()) {
            return true;
        }
        long t0 = System.nanoTime();
        try {
            AnalystSession.Answer a = session.run(sql, maxRows);
            if (vertical && format == ResultPrinter.Format.table) {
                ResultPrinter.vertical(out, a.columns(), SqlCommand.cells(a.rows()));
            } else {
                ResultPrinter.print(out, format, a.columns(), SqlCommand.cells(a.rows()));
            }
            if (a.more()) {
                out.println("(more rows: only the first " + maxRows + " are shown)");
            }
            if (file == null) {
                out.printf(Locale.ROOT, "(%.2f s)%n", (System.nanoTime() - t0) / 1e9);
            }
            out.flush();
            return true;
        } catch (AnalystSession.Problem e) {
            out.println(e.getMessage());
            out.flush();
            return false;
        } catch (RuntimeException e) {
            out.println("failed: " + Failures.message(e));
            out.flush();
            return false;
        }
    }

    private List<String> tables() {
        if (tables == null) {
            tables = session.tables();
        }
        return tables;
    }

    private List<String[]> columnsOf(String table) throws AnalystSession.Problem {
        List<String[]> c = columns.get(table);
        if (c == null) {
            c = session.columns(table);
            columns.put(table, c);
        }
        return c;
    }

    /** Tab: table names, the columns of the tables the statement names, and SQL keywords. */
    private void complete(ParsedLine line, List<Candidate> candidates) {
        tables().forEach(t -> candidates.add(new Candidate(t)));
        Matcher m = TABLE.matcher(line.line().toLowerCase(Locale.ROOT));
        while (m.find()) {
            if (tables().contains(m.group(1))) {
                try {
                    columnsOf(m.group(1)).forEach(c -> candidates.add(new Candidate(c[0])));
                } catch (AnalystSession.Problem e) {
                    // no completion from a table that cannot be described
                }
            }
        }
        KEYWORDS.forEach(k -> candidates.add(new Candidate(k)));
    }
}
