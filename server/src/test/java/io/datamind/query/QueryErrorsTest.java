package io.datamind.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.datamind.query.QueryFailedException.Category;
import io.datamind.support.TestServices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** Query failures keep the database's explanation, sorted into categories the callers act on. */
class QueryErrorsTest {

    private static PooledQueryRunner runner;
    private static DataSourceTarget postgres;
    private static DataSourceTarget mariadb;

    @BeforeAll
    static void setUp() throws Exception {
        runner = RunnerFixtures.runner();
        postgres = RunnerFixtures.postgres(TestServices.createPostgresDatabase("runner_errors"));
        RunnerFixtures.exec(postgres, "CREATE TABLE t (a int)");
        mariadb = RunnerFixtures.mariadb(TestServices.createMariadbDatabase("runner_errors"));
    }

    @AfterAll
    static void tearDown() {
        runner.destroy();
    }

    private static QueryFailedException failure(DataSourceTarget target, String sql) {
        return catchThrowableOfType(
                QueryFailedException.class, () -> runner.execute(target, sql, runner.defaultLimits()));
    }

    @Test
    void postgresErrorsKeepTheDatabaseWordsAndTheCallersPositions() {
        QueryFailedException syntax = failure(postgres, "SELECT a FROM t WHERE");
        assertThat(syntax.category()).isEqualTo(Category.SYNTAX);
        assertThat(syntax.getMessage()).isEqualTo("syntax error at end of input (at character 22)");
        assertThat(syntax.status()).isEqualTo(HttpStatus.BAD_REQUEST);

        QueryFailedException unknown = failure(postgres, "SELECT nope FROM t");
        assertThat(unknown.category()).isEqualTo(Category.SEMANTIC);
        assertThat(unknown.getMessage()).isEqualTo("column \"nope\" does not exist (at character 8)");

        QueryFailedException division = failure(postgres, "SELECT 1 / 0");
        assertThat(division.category()).isEqualTo(Category.SEMANTIC);
        assertThat(division.getMessage()).isEqualTo("division by zero");

        QueryFailedException write = failure(postgres, "SELECT nextval('no_seq'::regclass) FROM t");
        assertThat(write.getMessage()).contains("no_seq");
    }

    @Test
    void mariadbErrorsLoseTheConnectionPrefix() {
        QueryFailedException unknown = failure(mariadb, "SELECT * FROM nope");
        assertThat(unknown.category()).isEqualTo(Category.SEMANTIC);
        assertThat(unknown.getMessage()).endsWith("nope' doesn't exist").doesNotContain("conn=");
        QueryFailedException syntax = failure(mariadb, "SELECT FROM WHERE");
        assertThat(syntax.category()).isEqualTo(Category.SYNTAX);
    }

    @Test
    void readOnlyRefusalsArePermissionErrors() throws Exception {
        RunnerFixtures.exec(postgres, "CREATE SEQUENCE IF NOT EXISTS s_seq");
        QueryFailedException readOnly = failure(postgres, "SELECT nextval('s_seq')");
        assertThat(readOnly.category()).isEqualTo(Category.PERMISSION);
        assertThat(readOnly.getMessage()).contains("read-only transaction");
    }
}
