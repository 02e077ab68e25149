package io.datamind.query.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Guards against the guard drifting from the parser it relies on. */
class GuardInternalsTest {

    @Test
    void everyForbiddenFieldExistsInAnAllowedNodeClass() {
        Set<String> fieldNames = new HashSet<>();
        for (Class<?> type : ReadOnlyTreeCheck.ALLOWED) {
            for (Class<?> c = type; c != null && ReadOnlyTreeCheck.isParserClass(c); c = c.getSuperclass()) {
                for (Field field : c.getDeclaredFields()) {
                    fieldNames.add(field.getName());
                }
            }
        }
        // A renamed field in a new JSqlParser would otherwise silently stop being checked.
        assertThat(fieldNames).containsAll(ReadOnlyTreeCheck.FORBIDDEN_FIELDS.keySet());
    }

    @Test
    void aParseThatOutrunsTheTimeoutIsRefused() {
        // JSqlParser spends tens of milliseconds or more on this Oracle payload; one millisecond is never enough.
        String slow = "SELECT * FROM customers WHERE name = '' AND 1=utl_inaddr.get_host_address((SELECT"
                + " DISTINCT(column_name) FROM (SELECT DISTINCT(column_name), ROWNUM AS LIMIT FROM all_tab_columns)"
                + " WHERE LIMIT=6)) AND 'i'='i'";
        SqlGuard impatient = new SqlGuard(Duration.ofMillis(1), 100_000);

        GuardVerdict verdict = impatient.check(slow, SqlDialect.POSTGRESQL, KnownTables.of(SqlDialect.POSTGRESQL));

        assertThat(verdict.reasonOrNull()).startsWith("The query took too long to parse");
    }

    @Test
    void deeplyNestedQueriesAreRefusedNotOverflowed() {
        SqlGuard guard = new SqlGuard();
        KnownTables known = KnownTables.of(SqlDialect.POSTGRESQL, "t");

        assertThat(guard.check(
                                "SELECT 1" + " + 1".repeat(ReadOnlyTreeCheck.MAX_DEPTH + 100),
                                SqlDialect.POSTGRESQL,
                                known)
                        .reasonOrNull())
                .isEqualTo(SqlGuard.TOO_DEEP);
        assertThat(guard.check("SELECT " + "(".repeat(3000) + "1" + ")".repeat(3000), SqlDialect.POSTGRESQL, known)
                        .reasonOrNull())
                .startsWith("Could not parse the query: ");
        assertThat(guard.check("SELECT 1" + " + 1".repeat(300), SqlDialect.POSTGRESQL, known))
                .isInstanceOf(GuardVerdict.Accepted.class);
    }

    @Test
    void refusesOverlongQueriesBeforeParsing() {
        SqlGuard guard = new SqlGuard(Duration.ofSeconds(2), 50);

        GuardVerdict verdict = guard.check(
                "SELECT a FROM t WHERE a IN (" + "1, ".repeat(30) + "1)",
                SqlDialect.POSTGRESQL,
                KnownTables.of(SqlDialect.POSTGRESQL, "t"));

        assertThat(verdict.reasonOrNull()).startsWith("The query is too long (");
    }

    @Test
    void theAcceptedTextIsTheParsersRenderingWithoutComments() {
        GuardVerdict verdict = new SqlGuard()
                .check(
                        "select /* who */ a\n  from T -- all of it\n;",
                        SqlDialect.POSTGRESQL,
                        KnownTables.of(SqlDialect.POSTGRESQL, "t"));

        assertThat(verdict).isInstanceOfSatisfying(GuardVerdict.Accepted.class, accepted -> {
            assertThat(accepted.sql()).isEqualTo("SELECT a FROM T");
            assertThat(accepted.tables()).containsExactly(TableRef.of(null, "t"));
        });
    }

    @Test
    void parserMessagesAreShortened() {
        GuardVerdict verdict = new SqlGuard()
                .check("SELECT 1 FROM WHERE", SqlDialect.POSTGRESQL, KnownTables.of(SqlDialect.POSTGRESQL));

        assertThat(verdict.reasonOrNull())
                .startsWith("Could not parse the query: ")
                .doesNotContain("\n")
                .doesNotContain("Was expecting")
                .hasSizeLessThan(240);
    }

    @Test
    void controlCharactersAreRefused() {
        for (String sql : List.of("SELECT 1\u0000", "SELECT\u000b1")) {
            assertThat(SqlTextCheck.problem(sql, SqlDialect.MYSQL)).startsWith("The query contains a control");
        }
        assertThat(SqlTextCheck.problem("SELECT\t1\r\n", SqlDialect.MYSQL)).isNull();
    }
}
