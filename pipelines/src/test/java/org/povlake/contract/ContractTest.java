package org.povlake.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The contract text (schemas/contract/EXTRACTS.md, a copy of the shared contract) against the
 * schema files: every extract has a schema, with the same columns in the same order, the same
 * required flags, key and kind.
 */
class ContractTest {
    static final Path EXTRACTS_MD = Path.of("..", "schemas", "contract", "EXTRACTS.md");

    record Declared(
            String source,
            String extract,
            String kind,
            List<String> pk,
            List<String> columns,
            List<String> required) {}

    /** Reads the extract declarations out of EXTRACTS.md's "The extracts" section. */
    static Map<String, Declared> declared() throws IOException {
        String md = Files.readString(EXTRACTS_MD, StandardCharsets.UTF_8);
        String section = md.substring(md.indexOf("## The extracts"), md.indexOf("## Enumerations"));
        Map<String, Declared> out = new LinkedHashMap<>();
        String source = null;
        Pattern head =
                Pattern.compile(
                        "^`([a-z_]+)` — (snapshot|event)\\. PK (.+?)\\.(?: Columns: (.*))?$");
        Declared open = null;
        for (String line : section.split("\n")) {
            if (line.startsWith("### ")) {
                source = line.substring(4).split(" ")[0];
                continue;
            }
            Matcher m = head.matcher(line);
            if (m.find()) {
                List<String> pk = new ArrayList<>();
                Matcher k = Pattern.compile("`([a-z_]+)`").matcher(m.group(3));
                while (k.find()) {
                    pk.add(k.group(1));
                }
                open =
                        new Declared(
                                source,
                                m.group(1),
                                m.group(2),
                                pk,
                                new ArrayList<>(),
                                new ArrayList<>());
                out.put(source + "_" + m.group(1), open);
                if (m.group(4) != null) {
                    addInlineColumns(open, m.group(4));
                    open = null;
                }
                continue;
            }
            if (open != null && line.startsWith("Columns: ")) {
                addInlineColumns(open, line.substring("Columns: ".length()));
                open = null;
                continue;
            }
            if (open != null
                    && line.startsWith("| ")
                    && !line.startsWith("| column")
                    && !line.startsWith("|---")) {
                addColumn(open, line.substring(2, line.indexOf(" |", 2)));
            }
        }
        return out;
    }

    /** "name* (type), name (type …), …": split on the commas outside parentheses. */
    static void addInlineColumns(Declared d, String text) {
        int depth = 0;
        StringBuilder cur = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            }
            if (c == ',' && depth == 0) {
                addColumn(d, cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        addColumn(d, cur.toString());
    }

    static void addColumn(Declared d, String text) {
        Matcher m = Pattern.compile("^\\s*([a-z_]+)(\\*)?").matcher(text);
        if (m.find()) {
            d.columns().add(m.group(1));
            if (m.group(2) != null) {
                d.required().add(m.group(1));
            }
        }
    }

    @Test
    void everyExtractOfTheContractHasAMatchingSchema() throws IOException {
        Map<String, Declared> declared = declared();
        assertEquals(15, declared.size(), "EXTRACTS.md declares 15 extracts: " + declared.keySet());
        Contract c = Contract.get();
        assertEquals(declared.keySet(), c.extracts().keySet());
        for (Declared d : declared.values()) {
            ExtractSchema s = c.extracts().get(d.source() + "_" + d.extract());
            String n = s.name();
            assertEquals(
                    d.columns(),
                    s.columns().stream().map(ColumnSpec::name).toList(),
                    n + " columns");
            assertEquals(d.required(), s.requiredColumns(), n + " required columns");
            assertEquals(d.pk(), s.primaryKey(), n + " primary key");
            assertEquals(d.kind(), s.kind().name().toLowerCase(), n + " kind");
        }
    }

    @Test
    void theShippedContractIsTheSharedOne() throws IOException {
        Path shared = Path.of("..", "..", "shared", "contract", "EXTRACTS.md");
        if (Files.exists(shared)) { // beside a checkout (developers, CI): the copy must not drift
            assertEquals(Files.readString(shared), Files.readString(EXTRACTS_MD));
        }
    }

    @Test
    void everyCodeOfTheContractIsACodeOfPovlakeAndTheLimitsAreItsNumbers() throws IOException {
        String md = Files.readString(EXTRACTS_MD, StandardCharsets.UTF_8);
        Matcher code = Pattern.compile("`([A-Z][A-Z_]{3,})`").matcher(md);
        List<String> unknown = new ArrayList<>();
        while (code.find()) {
            String c = code.group(1);
            boolean known =
                    java.util.Arrays.stream(ReasonCode.values()).anyMatch(r -> r.name().equals(c))
                            || java.util.Arrays.stream(FileRejection.values())
                                    .anyMatch(r -> r.name().equals(c))
                            || List.of("NULL", "YYYYMMDD")
                                    .contains(c); // a null token, a date pattern
            if (!known) {
                unknown.add(c);
            }
        }
        assertEquals(List.of(), unknown, "codes EXTRACTS.md names that povlake does not have");

        String limits = md.substring(md.indexOf("- Limits:"), md.indexOf("## Row-level rules"));
        FileLimits l = Contract.get().fileLimits();
        assertTrue(limits.contains("longer than 1 MiB") && l.maxRecordBytes() == 1 << 20, limits);
        assertTrue(limits.contains("first\n  64 KiB") && l.keptRecordBytes() == 64 << 10, limits);
        assertTrue(
                limits.contains("after 100 line breaks") && l.maxQuotedLineBreaks() == 100, limits);
        assertTrue(limits.contains("more than 1,000-fold") && l.maxGzipRatio() == 1000, limits);
    }

    @Test
    void aColumnNameIsLettersOfAnyScriptDigitsUnderscoreAndSpacesNotStartingWithADigit() {
        ColumnNames names = Contract.get().columnNames();
        for (String name :
                List.of(
                        "household_id",
                        " Village_Code ",
                        "户主姓名",
                        "ཞིང",
                        "_note",
                        "note 2",
                        "备注　说明")) {
            assertTrue(names.isName(name), name);
        }
        for (String value :
                List.of(
                        "",
                        "6201021985031412",
                        "2019",
                        "a-b",
                        "x.y",
                        "\"q\"",
                        "张三,李四",
                        "12ab",
                        "１号")) {
            assertFalse(names.isName(value), value);
        }
        assertTrue("a_b".matches(names.anchoredRegex()) && !"a-b".matches(names.anchoredRegex()));
    }

    @Test
    void personalDataColumnsAreFlagged() {
        for (ExtractSchema s : Contract.get().extracts().values()) {
            for (ColumnSpec col : s.columns()) {
                boolean personal =
                        col.name().endsWith("id_number")
                                || col.name().endsWith("name")
                                || col.name().equals("helper_cadre_id");
                assertEquals(personal, col.pii(), s.name() + "." + col.name());
            }
        }
    }

    @Test
    void enumerationsAndDivisionsLoad() {
        Contract c = Contract.load(null); // the shipped divisions, whatever the tests' JVM covers
        assertEquals("ILLNESS", c.enums().code("cause", "因病"));
        assertEquals("ILLNESS", c.enums().code("cause", "ILLNESS"));
        assertEquals(null, c.enums().code("cause", "illness"));
        assertEquals(14, c.divisions().cities().size());
        assertEquals(88, c.divisions().counties().size());
        assertEquals(1403, c.divisions().townships().size());
        assertEquals(17718, c.divisions().villages().size());
        long admin =
                c.divisions().villageCodes().stream()
                        .filter(Divisions::isAdministrativeVillage)
                        .count();
        assertEquals(15513, admin);
        assertTrue(c.nullTokens().isNull("—"));
        assertFalse(c.nullTokens().isNull("Null"));
    }

    @Test
    void aLakehouseCoveringSomeCountiesHasThoseCountiesAndEverythingAboveAndBelowThem() {
        Divisions all = Contract.load(null).divisions();
        List<String> two = all.counties().keySet().stream().skip(20).limit(2).toList();
        Divisions some = Contract.load(String.join(" , ", two)).divisions();
        assertEquals(two, List.copyOf(some.counties().keySet()));
        assertEquals(
                two.stream().map(all::parentOf).distinct().toList(),
                List.copyOf(some.cities().keySet()));
        assertEquals(
                all.townships().keySet().stream()
                        .filter(t -> two.contains(all.parentOf(t)))
                        .toList(),
                List.copyOf(some.townships().keySet()));
        assertEquals(
                all.villageCodes().stream()
                        .filter(v -> two.contains(all.parentOf(all.parentOf(v))))
                        .toList(),
                List.copyOf(some.villageCodes()));
        assertFalse(some.villageCodes().isEmpty());
        for (String v : some.villageCodes()) {
            assertEquals(all.villages().get(v), some.villages().get(v));
            assertEquals(all.parentOf(v), some.parentOf(v));
            assertTrue(some.isAtLevel(some.parentOf(some.parentOf(v)), "county"));
        }
        assertEquals(
                Divisions.PROVINCE_CODE, some.parentOf(some.cities().keySet().iterator().next()));
        assertFalse(
                some.isAnyLevel(all.counties().keySet().iterator().next()),
                "a county not covered is unknown");

        Divisions every = all.covering(all.counties().keySet());
        assertEquals(all.villages(), every.villages());
        assertEquals(all.townships(), every.townships());
        assertEquals(all.cities(), every.cities());
        ContractException e = assertThrows(ContractException.class, () -> Contract.load("620100"));
        assertTrue(e.getMessage().contains("'620100' is not a county"), e.getMessage());
    }
}
