package io.datamind.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Loads the shared Chinook scripts into fresh test databases. */
public final class ChinookLoader {

    private static final Pattern ADD_FK = Pattern.compile(
            "ALTER TABLE (\\w+) ADD CONSTRAINT \\w+\\s+FOREIGN KEY \\((\\w+)\\) REFERENCES (\\w+) \\((\\w+)\\)[^;]*;");
    private static final Pattern CREATE = Pattern.compile("CREATE TABLE (\\w+)\\s*\\((.*?)\\);", Pattern.DOTALL);

    private ChinookLoader() {}

    public static Path dir() {
        return Path.of(System.getProperty("datamind.shared-dir"), "datasets", "chinook");
    }

    private static String script(String name) throws IOException {
        return Files.readString(dir().resolve(name));
    }

    /** The PostgreSQL script without its own CREATE DATABASE and connect lines. */
    private static String postgresScript() throws IOException {
        String text = script("Chinook_PostgreSql.sql");
        return text.substring(text.indexOf("\\c chinook;") + "\\c chinook;".length());
    }

    public static void loadPostgres(String database) throws SQLException, IOException {
        try (Connection c = DriverManager.getConnection(TestServices.postgresUrl(database), TestServices.PG_USER, "");
                Statement s = c.createStatement()) {
            s.execute(postgresScript());
            s.execute("COMMENT ON TABLE invoice IS 'One sale to a customer'");
            s.execute("COMMENT ON COLUMN customer.country IS 'Billing country'");
            s.execute("ANALYZE");
        }
    }

    public static void loadMariadb(String database) throws SQLException, IOException {
        StringBuilder kept = new StringBuilder();
        for (String line : script("Chinook_MySql.sql").split("\n")) {
            String trimmed = line.trim();
            if (trimmed.startsWith("DROP DATABASE")
                    || trimmed.startsWith("CREATE DATABASE")
                    || trimmed.startsWith("USE ")) {
                continue;
            }
            kept.append(line).append('\n');
        }
        try (Connection c = DriverManager.getConnection(
                        TestServices.mariadbUrl(database) + "?allowMultiQueries=true", TestServices.MARIADB_USER, "");
                Statement s = c.createStatement()) {
            s.execute(kept.toString());
        }
    }

    /**
     * DuckDB takes the PostgreSQL script once the foreign keys (added by ALTER TABLE there, which DuckDB lacks) are
     * moved into the CREATE TABLE statements, created referenced tables first.
     */
    public static void loadDuckdb(Path file) throws SQLException, IOException {
        String text = postgresScript();
        Map<String, List<String[]>> fks = new LinkedHashMap<>();
        Matcher fk = ADD_FK.matcher(text);
        while (fk.find()) {
            fks.computeIfAbsent(fk.group(1), k -> new ArrayList<>())
                    .add(new String[] {fk.group(2), fk.group(3), fk.group(4)});
        }
        Map<String, String> creates = new LinkedHashMap<>();
        Matcher create = CREATE.matcher(text);
        while (create.find()) {
            StringBuilder body = new StringBuilder(create.group(2));
            for (String[] f : fks.getOrDefault(create.group(1), List.of())) {
                body.append(",\n    FOREIGN KEY (")
                        .append(f[0])
                        .append(") REFERENCES ")
                        .append(f[1])
                        .append(" (")
                        .append(f[2])
                        .append(")");
            }
            creates.put(create.group(1), "CREATE TABLE " + create.group(1) + " (" + body + ")");
        }
        List<String> ordered = new ArrayList<>();
        while (ordered.size() < creates.size()) {
            for (String table : creates.keySet()) {
                if (!ordered.contains(table)
                        && fks.getOrDefault(table, List.of()).stream()
                                .allMatch(f -> f[1].equals(table) || ordered.contains(f[1]))) {
                    ordered.add(table);
                }
            }
        }
        String inserts = text.substring(text.indexOf("INSERT INTO"));
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file);
                Statement s = c.createStatement()) {
            for (String table : ordered) {
                s.execute(creates.get(table));
            }
            for (String statement : inserts.split(";\\s*\\n")) {
                if (statement.isBlank()) {
                    continue;
                }
                if (statement.contains("INSERT INTO employee")) {
                    // DuckDB checks a self-reference against rows already stored, not those of the same statement.
                    String head = statement.substring(0, statement.indexOf("VALUES") + "VALUES".length());
                    String rows = statement.substring(head.length()).trim();
                    for (String row : rows.substring(1, rows.length() - 1).split("\\),\\s*\\(")) {
                        s.execute(head + " (" + row + ")");
                    }
                } else {
                    s.execute(statement);
                }
            }
        }
    }
}
