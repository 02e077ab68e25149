package io.datamind.query.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every case of shared/security/sql-guard-cases.tsv, one test per line. */
class SqlGuardCasesTest {

    /** The schema the file's header describes; s_seq is a sequence, not a table. */
    private static final List<String> SCHEMA =
            List.of("t", "t2", "s", "users", "employees", "orders", "customers", "\"täble_ünïcode\"", "mv");

    private static final SqlGuard GUARD = new SqlGuard();

    static Stream<Arguments> cases() throws IOException {
        Path file = Path.of(System.getProperty("datamind.shared-dir"), "security", "sql-guard-cases.tsv");
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .filter(line -> !line.startsWith("#") && !line.isBlank())
                .map(line -> Arguments.of(line, line.split("\t", 4)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void guardDecidesAsTheCaseSays(String line, String[] fields) {
        assertThat(fields).as("id, dialect, expect, sql").hasSize(4);
        String sql = fields[3].replace("\\n", "\n");
        boolean mustAccept = switch (fields[2]) {
            case "accept" -> true;
            case "reject" -> false;
            default -> throw new IllegalArgumentException("Unknown expectation in " + line);
        };
        SoftAssertions softly = new SoftAssertions();
        for (SqlDialect dialect : dialects(fields[1])) {
            GuardVerdict verdict = GUARD.check(sql, dialect, KnownTables.of(dialect, SCHEMA));
            if (mustAccept) {
                softly.assertThat(verdict).as("%s in %s", fields[0], dialect).isInstanceOf(GuardVerdict.Accepted.class);
            } else {
                softly.assertThat(verdict).as("%s in %s", fields[0], dialect).isInstanceOf(GuardVerdict.Refused.class);
                if (verdict instanceof GuardVerdict.Refused refused) {
                    softly.assertThat(refused.reason())
                            .as("reason for %s in %s", fields[0], dialect)
                            .isNotBlank()
                            .doesNotStartWith(SqlGuard.INTERNAL_ERROR_PREFIX);
                }
            }
            System.out.printf("%s %-10s %s%n", fields[0], dialect, describe(verdict));
        }
        softly.assertAll();
    }

    private static String describe(GuardVerdict verdict) {
        return verdict instanceof GuardVerdict.Accepted accepted
                ? "accepted " + accepted.tables() + ": " + accepted.sql()
                : "refused: " + verdict.reasonOrNull();
    }

    /** "any" means every dialect; the MySQL cases hold for MariaDB as well. */
    private static Set<SqlDialect> dialects(String name) {
        return switch (name) {
            case "any" -> EnumSet.allOf(SqlDialect.class);
            case "postgresql" -> EnumSet.of(SqlDialect.POSTGRESQL);
            case "mysql" -> EnumSet.of(SqlDialect.MYSQL, SqlDialect.MARIADB);
            case "sqlite" -> EnumSet.of(SqlDialect.SQLITE);
            default -> throw new IllegalArgumentException("Unknown dialect " + name);
        };
    }
}
