package com.loyalty.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Who writes and who reads each table, as docs/architecture.md lists it under "Tables": a table
 * is written by the module that owns it (one module, or the few the document names), and read in
 * another module's SQL only where the document says so and why. A new foreign read or write fails
 * here until it is either replaced by a call to the owner's API or documented.
 */
class TableOwnershipTest {

    static final Path SOURCES = Path.of("src", "main", "java", "com", "loyalty");
    static final Path MIGRATIONS = Path.of("src", "main", "resources", "db", "migration");
    static final Path DOC = Path.of("..", "docs", "architecture.md");

    /** Written by no module's SQL: filled by migrations (the brand, the tier ladder). */
    static final String MIGRATIONS_ONLY = "(migrations)";

    @Test
    void everyTableIsWrittenByItsOwnerAndReadElsewhereOnlyWhereTheArchitectureDocumentSaysSo() throws IOException {
        Map<String, String> actual = rows(scan());
        Map<String, String> documented = documented();
        Map<String, String> differences = new TreeMap<>();
        Set<String> tables = new TreeSet<>(actual.keySet());
        tables.addAll(documented.keySet());
        for (String table : tables) {
            if (!java.util.Objects.equals(actual.get(table), documented.get(table))) {
                differences.put(table, "the SQL says " + actual.get(table) + ", docs/architecture.md " + documented.get(table));
            }
        }
        assertThat(differences).as("tables whose writers | other readers differ from docs/architecture.md").isEmpty();
    }

    record Use(Set<String> writers, Set<String> readers) {
    }

    static Map<String, Use> scan() throws IOException {
        Set<String> tables = new TreeSet<>();
        Pattern create = Pattern.compile("create (?:unlogged )?table (?:if not exists )?(\\w+)", Pattern.CASE_INSENSITIVE);
        try (Stream<Path> migrations = Files.list(MIGRATIONS)) {
            for (Path migration : migrations.toList()) {
                Matcher m = create.matcher(Files.readString(migration));
                while (m.find()) {
                    tables.add(m.group(1).toLowerCase());
                }
            }
        }
        Map<String, Use> uses = new TreeMap<>();
        for (String table : tables) {
            uses.put(table, new Use(new TreeSet<>(), new TreeSet<>()));
        }
        // one pass per file for each kind of use, the table named after the keyword looked up in the
        // set (a lookahead, so that no name is passed over): each file once, not once per table
        Pattern writes = Pattern.compile("\\b(?:insert\\s+into|update|delete\\s+from)\\s+(?=(\\w+)\\b)");
        Pattern reads = Pattern.compile("\\b(?:from|join)\\s+(?=(\\w+)\\b)");
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Path relative = SOURCES.relativize(file);
                if (relative.getNameCount() < 2) {
                    continue;
                }
                String module = relative.getName(0).toString();
                String source = Files.readString(file);
                for (Matcher m = writes.matcher(source); m.find(); ) {
                    Use use = uses.get(m.group(1));
                    if (use != null) {
                        use.writers().add(module);
                    }
                }
                for (Matcher m = reads.matcher(source); m.find(); ) {
                    Use use = uses.get(m.group(1));
                    if (use != null) {
                        use.readers().add(module);
                    }
                }
            }
        }
        return uses;
    }

    /** Each table as "writers | other readers", the way the document's table lists it. */
    static Map<String, String> rows(Map<String, Use> uses) {
        Map<String, String> rows = new TreeMap<>();
        uses.forEach((table, use) -> {
            Set<String> others = new TreeSet<>(use.readers());
            others.removeAll(use.writers());
            rows.put(table, (use.writers().isEmpty() ? MIGRATIONS_ONLY : String.join(", ", use.writers()))
                    + " | " + String.join(", ", others));
        });
        return rows;
    }

    /** The rows of the "Tables" section: | `table` | written by | also read by | why |. */
    static Map<String, String> documented() throws IOException {
        String doc = Files.readString(DOC);
        int start = doc.indexOf("\n## Tables");
        assertThat(start).as("docs/architecture.md has a '## Tables' section").isNotNegative();
        Pattern row = Pattern.compile("^\\| `(\\w+)` \\| ([^|]*) \\| ([^|]*) \\|", Pattern.MULTILINE);
        Matcher m = row.matcher(doc.substring(start));
        Map<String, String> rows = new TreeMap<>();
        while (m.find()) {
            rows.put(m.group(1), list(m.group(2)) + " | " + list(m.group(3)));
        }
        return rows;
    }

    private static String list(String cell) {
        return Stream.of(cell.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.collectingAndThen(Collectors.toCollection(TreeSet::new), s -> String.join(", ", s)));
    }
}
